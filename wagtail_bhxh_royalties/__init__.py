"""Royalties and remuneration of the portal (Decision 1334/QĐ-BHXH, Decree 18/2014/NĐ-CP)."""
