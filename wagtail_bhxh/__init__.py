"""wagtail-bhxh: a provincial Social Insurance (BHXH tỉnh) portal for Wagtail."""

__version__ = "0.1.0"
