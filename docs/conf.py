"""Sphinx configuration of the wagtail-bhxh documentation (MyST Markdown)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "wagtail-bhxh"
author = "wagtail-bhxh contributors"
language = "en"

extensions = ["myst_parser", "bhxh_settings"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = "wagtail-bhxh"
# Links to Wagtail's and Django's documentation are plain URLs: the docs must
# build offline (CI has no network beyond package registries), which rules out
# intersphinx inventories.
