"""The spokesperson's details and press information (Decree 09/2017/NĐ-CP)."""
