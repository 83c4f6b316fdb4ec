"""Admin views of the editorial process (registered in wagtail_bhxh/wagtail_hooks.py)."""
