"""Fill a .po catalogue from a Python dict of translations (maintainer tool).

Usage: python scripts/apply_translations.py CATALOGUE.po TRANSLATIONS.py

TRANSLATIONS.py defines ``T = {msgid: msgstr, (msgid, msgid_plural): [msgstr...]}``.
Entries already translated are kept unless the dict gives a new value;
untranslated msgids missing from the dict are listed and fail the run.
"""

import runpy
import sys

import polib


def main(catalogue, translations_file):
    translations = runpy.run_path(translations_file)["T"]
    po = polib.pofile(catalogue)
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        key = (entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid
        value = translations.get(key)
        if value is None:
            if not entry.translated():
                missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(value))
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata_is_fuzzy = False
    po.metadata["Project-Id-Version"] = "wagtail-bhxh"
    po.metadata["Language-Team"] = "Vietnamese"
    po.metadata["Language"] = "vi"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    po.save_as_mofile(catalogue[:-3] + ".mo")
    if missing:
        print("Untranslated:", *missing, sep="\n  ")  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
