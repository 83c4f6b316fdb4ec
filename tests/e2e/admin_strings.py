"""Which of the strings an admin screen shows are Wagtail's, and which of those are still in English.

A visible string counts when it is a Wagtail admin message: it matches one of
Wagtail's English msgids (placeholders matching anything) or one of their
Vietnamese translations. It is *translated* when it matches a Vietnamese
translation, *untranslated* when it matches an English msgid that has none.
Page titles, names and other content match neither and are not counted.
"""

import re
from functools import cache
from pathlib import Path

import polib
import wagtail
from django.utils import translation

#: The visible text nodes and the labels people meet (placeholders, aria-labels, tooltips).
VISIBLE_STRINGS_JS = """() => {
    const seen = new Set();
    const visible = el => {
        if (!el || !el.getClientRects().length) return false;
        const style = getComputedStyle(el);
        return style.visibility !== 'hidden' && style.display !== 'none';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
        if (!visible(parent)) continue;
        const text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (text) seen.add(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
        if (!visible(el)) continue;
        for (const name of ['placeholder', 'aria-label', 'title']) {
            const value = (el.getAttribute(name) || '').replace(/\\s+/g, ' ').trim();
            if (value) seen.add(value);
        }
    }
    return [...seen];
}"""

PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfi]|%[sdfi]|\{[a-z_0-9]*\}")
LETTERS = re.compile(r"[^\W\d_]{2,}")


def wagtail_catalogues(language="en"):
    root = Path(wagtail.__file__).parent
    return sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/django*.po"))


def _pattern(text):
    parts = PLACEHOLDER.split(text)
    return "".join(re.escape(part) for part in parts) if len(parts) == 1 else ".+?".join(map(re.escape, parts))


@cache
def wagtail_messages():
    """[(msgctxt, msgid, msgid_plural)] of Wagtail's admin, without those marking up HTML."""
    messages = set()
    for path in wagtail_catalogues():
        for entry in polib.pofile(str(path)):
            # Messages that are only placeholders and punctuation ("%(title)s (%(count)s)") would match any text.
            if entry.obsolete or "<" in entry.msgid or not LETTERS.search(PLACEHOLDER.sub("", entry.msgid)):
                continue
            messages.add((entry.msgctxt, entry.msgid, entry.msgid_plural or None))
    return sorted(messages, key=lambda m: (m[0] or "", m[1]))


def _vietnamese(context, msgid, plural):
    """The Vietnamese forms of a message in force (Wagtail's own and ours), empty when there is none."""
    with translation.override("vi"):
        if plural:
            forms = {
                translation.npgettext(context, msgid, plural, n) if context else translation.ngettext(msgid, plural, n)
                for n in (1, 2)
            }
            english = {msgid, plural}
        else:
            forms = {translation.pgettext(context, msgid) if context else translation.gettext(msgid)}
            english = {msgid}
    return set() if forms <= english else forms


@cache
def matchers():
    """(translated, untranslated) compiled alternations."""
    translated, untranslated = [], []
    for context, msgid, plural in wagtail_messages():
        forms = _vietnamese(context, msgid, plural)
        if forms:
            translated.extend(_pattern(form) for form in forms if LETTERS.search(form))
        else:
            untranslated.extend(_pattern(text) for text in (msgid, plural) if text)
    # Longest first, so a longer message wins over a shorter one it contains.
    key = len
    return (
        re.compile("|".join(sorted(set(translated), key=key, reverse=True))),
        re.compile("|".join(sorted(set(untranslated), key=key, reverse=True))),
    )


def classify(strings):
    """(translated, untranslated): the visible strings that are Wagtail messages, by state."""
    translated_re, untranslated_re = matchers()
    translated, untranslated = set(), set()
    for text in strings:
        if not LETTERS.search(text):
            continue
        if translated_re.fullmatch(text):
            translated.add(text)
        elif untranslated_re.fullmatch(text):
            untranslated.add(text)
    return translated, untranslated
