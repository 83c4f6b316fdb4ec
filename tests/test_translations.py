"""Every user-facing string of the suite has a current Vietnamese translation.

Fails on an untranslated or fuzzy entry, on a .mo file that does not match
its .po, and on a catalogue that misses strings now in the code (stale).
"""

import shutil
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from messages import CATALOGUES, makemessages  # noqa: E402

APPS = list(CATALOGUES)


def catalogue(app):
    return ROOT / app / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def extract_msgids(app, tmp_path):
    """msgids that makemessages finds in the app's code today."""
    if not (ROOT / app).is_dir():
        return set()
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    result = makemessages(copy, CATALOGUES[app], ["--no-location"])
    assert result.returncode == 0, result.stderr
    extracted = copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    if not extracted.exists():
        return set()
    return {entry.msgid for entry in polib.pofile(str(extracted)) if entry.msgid}


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_complete_and_current(app, tmp_path):
    msgids = extract_msgids(app, tmp_path)
    path = catalogue(app)
    if not msgids:
        assert not path.exists(), f"{app} has a catalogue but no strings"
        return
    assert path.exists(), f"{app} has strings but no Vietnamese catalogue"
    po = polib.pofile(str(path))
    known = {entry.msgid for entry in po if not entry.obsolete}
    missing = sorted(msgids - known)
    assert not missing, f"{app}: strings missing from locale/vi (run make messages): {missing[:20]}"
    untranslated = [entry.msgid for entry in po if not entry.obsolete and not entry.translated()]
    assert not untranslated, f"{app}: untranslated strings: {untranslated[:20]}"
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert not fuzzy, f"{app}: fuzzy translations: {fuzzy[:20]}"


@pytest.mark.parametrize("app", APPS)
def test_compiled_catalogue_matches_its_source(app):
    path = catalogue(app)
    if not path.exists():
        pytest.skip(f"{app} has no strings yet")
    po = polib.pofile(str(path))
    mo = polib.mofile(str(path.with_suffix(".mo")))
    expected = {(e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items()))) for e in po.translated_entries()}
    compiled = {(e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items()))) for e in mo if e.msgid}
    assert compiled == expected, f"{app}: locale/vi .mo is stale; run make messages"


def test_placeholders_survive_translation():
    import re

    for app in APPS:
        path = catalogue(app)
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            names = set(re.findall(r"%\((\w+)\)s", entry.msgid))
            translated = entry.msgstr or " ".join(entry.msgstr_plural.values())
            assert names == set(re.findall(r"%\((\w+)\)s", translated)), entry.msgid
