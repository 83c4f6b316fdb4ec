"""The suite's translation catalogues and how to update them.

Each app keeps its own catalogue (``<app dir>/locale/vi``), so apps that live
inside the core package (search, analytics, editorial) are left out of the
core's catalogue. Used by ``make messages`` and by tests/test_translations.py.

    python scripts/messages.py            # update every catalogue and compile it
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: catalogue directory -> sub-directories whose strings belong to another catalogue
CATALOGUES = {
    # wagtail_vi holds Wagtail's own messages, built by scripts/wagtail_vi.py.
    "wagtail_bhxh": ["search", "analytics", "editorial", "wagtail_vi"],
    "wagtail_bhxh/search": [],
    "wagtail_bhxh/analytics": [],
    "wagtail_bhxh/editorial": [],
    "wagtail_bhxh_royalties": [],
    "wagtail_bhxh_spokesperson": [],
}


def makemessages(app_dir: Path, ignore, extra_args=()):
    """Run makemessages for Vietnamese in app_dir; returns the CompletedProcess."""
    django_admin = Path(sys.executable).with_name("django-admin")
    args = [str(django_admin), "makemessages", "-l", "vi", "--no-obsolete", *extra_args]
    for name in ignore:
        args += ["--ignore", f"{name}/*"]
    # makemessages needs no settings; a caller's DJANGO_SETTINGS_MODULE may not import here.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(args, cwd=app_dir, env=env, capture_output=True, text=True)  # noqa: S603


def existing_catalogues():
    return {name: ignore for name, ignore in CATALOGUES.items() if (ROOT / name).is_dir()}


def main():
    django_admin = Path(sys.executable).with_name("django-admin")
    for name, ignore in existing_catalogues().items():
        app_dir = ROOT / name
        (app_dir / "locale").mkdir(exist_ok=True)
        result = makemessages(app_dir, ignore, ["--add-location", "file"])
        if result.returncode:
            sys.exit(result.stderr)
        if (app_dir / "locale" / "vi" / "LC_MESSAGES" / "django.po").exists():
            subprocess.run([str(django_admin), "compilemessages", "-l", "vi"], cwd=app_dir, check=True)  # noqa: S603
        print(f"updated {name}/locale/vi")  # noqa: T201


if __name__ == "__main__":
    main()
