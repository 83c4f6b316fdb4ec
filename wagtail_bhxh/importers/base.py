"""What both importers share: reading files by line, bilingual errors, progress, publishing.

An import runs in two passes. The first reads and validates every record
without writing anything; if any record is bad, the import stops with every
error (line and field named, in Vietnamese and English) and the database is
untouched. The second writes inside one transaction, so an error that only
shows when saving (a model's own ``clean``) also leaves nothing half-written.
"""

import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

#: Audit-log action recorded on every page an importer creates or updates.
IMPORT_ACTION = "wagtail_bhxh.import"

#: At most this many errors are listed; the rest are counted.
MAX_LISTED_ERRORS = 50


def in_language(message, language, params=None):
    with translation.override(language):
        text = str(message)
        return text % params if params else text


@dataclass
class RecordError:
    """A problem with one record: where it is and what is wrong."""

    line: int | None
    field: str
    message: object  # a lazy translatable string with %(name)s placeholders
    params: dict = field(default_factory=dict)

    def render(self, language):
        message = in_language(self.message, language, self.params)
        if self.line is None:
            where = in_language(_("File"), language)
        elif self.field:
            where = in_language(
                _("Line %(line)s, field “%(field)s”"), language, {"line": self.line, "field": self.field}
            )
        else:
            where = in_language(_("Line %(line)s"), language, {"line": self.line})
        return f"{where}: {message}"

    def __str__(self):
        vietnamese, english = self.render("vi"), self.render("en")
        return vietnamese if vietnamese == english else f"{vietnamese}\n  {english}"


class ImportFailed(Exception):
    """The import wrote nothing; ``errors`` says why."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(self.summary())

    def summary(self):
        lines = [str(error) for error in self.errors[:MAX_LISTED_ERRORS]]
        hidden = len(self.errors) - MAX_LISTED_ERRORS
        if hidden > 0:
            more = _("… and %(count)s more error(s).")
            lines.append(f"{in_language(more, 'vi', {'count': hidden})} / {in_language(more, 'en', {'count': hidden})}")
        heading = _("Nothing was imported: %(count)s error(s).")
        params = {"count": len(self.errors)}
        lines.insert(0, f"{in_language(heading, 'vi', params)} / {in_language(heading, 'en', params)}")
        return "\n".join(lines)


@dataclass
class ImportReport:
    """What an import did, record by record."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (page, reason) pairs left alone on purpose

    @property
    def total(self):
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.skipped)


class Progress:
    """A one-line progress bar on a stream (stderr by default).

    On a terminal the line is redrawn in place; elsewhere (logs, CI) a line is
    written at every tenth of the way, so output stays short.
    """

    width = 30

    def __init__(self, total, label="", stream=None):
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.last_tenth = -1
        self.interactive = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, count=1):
        self.done += count
        tenth = self.done * 10 // self.total if self.total else 10
        if self.interactive:
            self.stream.write("\r" + self.line())
            if self.done >= self.total:
                self.stream.write("\n")
        elif tenth != self.last_tenth:
            self.stream.write(self.line() + "\n")
        self.last_tenth = tenth
        self.stream.flush()

    def line(self):
        share = self.done / self.total if self.total else 1
        filled = int(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        return f"{self.label} [{bar}] {self.done}/{self.total} ({share:.0%})"


def nfc(value):
    """Unicode NFC, so text typed or pasted in NFD (combining marks) reads and searches the same."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def slug_for(text, limit=80):
    return slugify(anyascii(text.replace("/", " ")))[:limit].strip("-")


def fingerprint(data):
    """A stable hash of a cleaned record, kept in the audit log to tell an unchanged record on re-run."""
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=json_value).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def json_value(value):
    """Model instances by primary key, dates and the rest as text."""
    return getattr(value, "pk", None) or str(value)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def read_json_lines(path):
    """``(line number, object)`` for each non-empty line of a JSON Lines file; errors name the line."""
    records, errors = [], []
    text = read_text(path)
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            errors.append(
                RecordError(
                    number,
                    "",
                    _("not valid JSON (column %(column)s): %(error)s"),
                    {"column": error.colno, "error": error.msg},
                )
            )
            continue
        records.append((number, value))
    return records, errors


def read_json_array(path):
    """``(line number, object)`` for each element of a JSON array; the line is where the element starts."""
    text = read_text(path)
    decoder = json.JSONDecoder()
    position = skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        raise ImportFailed(
            [RecordError(line_of(text, position), "", _("the file must hold a JSON array of records ([ … ])."))]
        )
    position = skip_space(text, position + 1)
    records = []
    if position < len(text) and text[position] == "]":
        return records, []
    while True:
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise ImportFailed(
                [
                    RecordError(
                        error.lineno,
                        "",
                        _("not valid JSON (column %(column)s): %(error)s"),
                        {"column": error.colno, "error": error.msg},
                    )
                ]
            ) from None
        records.append((line_of(text, position), value))
        position = skip_space(text, end)
        if position < len(text) and text[position] == ",":
            position = skip_space(text, position + 1)
            continue
        if position < len(text) and text[position] == "]":
            break
        raise ImportFailed([RecordError(line_of(text, position), "", _("expected “,” or “]” after a record."))])
    if skip_space(text, position + 1) != len(text):
        raise ImportFailed([RecordError(line_of(text, position + 1), "", _("unexpected text after the closing “]”."))])
    return records, []


def skip_space(text, position):
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def read_text(path):
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFailed(
            [RecordError(None, "", _("cannot read %(path)s: %(error)s"), {"path": str(path), "error": error.strerror})]
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return_line = raw[: error.start].count(b"\n") + 1
        raise ImportFailed([RecordError(return_line, "", _("the file is not UTF-8 text."))]) from None


class Importer:
    """Common flow of an import: read, validate everything, then write in one transaction.

    Subclasses set ``model`` and implement ``read``, ``clean_record``,
    ``find_existing``, ``apply`` and ``label_for``.
    """

    model = None
    #: Shown before the progress bar.
    progress_label = ""
    #: Model field name -> field name in the file, for errors found when saving.
    record_field_names = {}

    def __init__(self, *, parent=None, user=None, update=False, progress_stream=None):
        self.parent = parent
        self.user = user
        self.update = update
        self.progress_stream = progress_stream
        self.snippet_cache = {}

    # --- to implement -------------------------------------------------

    def read(self, path):  # pragma: no cover - abstract
        raise NotImplementedError

    def clean_record(self, line, record, errors):  # pragma: no cover - abstract
        """The record as model field values, or None after adding to ``errors``."""
        raise NotImplementedError

    def record_key(self, cleaned):  # pragma: no cover - abstract
        raise NotImplementedError

    def find_existing(self, cleaned_records):  # pragma: no cover - abstract
        """{record key: existing page} for the ``(line, cleaned)`` records already on the site."""
        raise NotImplementedError

    def new_page(self, cleaned):  # pragma: no cover - abstract
        raise NotImplementedError

    def apply(self, page, cleaned):  # pragma: no cover - abstract
        """Copy the cleaned values (fields, relations, stream fields) onto ``page``."""
        raise NotImplementedError

    # --- the flow -----------------------------------------------------

    def run(self, path):
        path = Path(path)
        records, errors = self.read(path)
        cleaned_records = []
        seen = {}
        for line, record in records:
            if not isinstance(record, dict):
                errors.append(RecordError(line, "", _("a record must be a JSON object ({ … }).")))
                continue
            cleaned = self.clean_record(line, record, errors)
            if cleaned is None:
                continue
            key = self.record_key(cleaned)
            if key in seen:
                errors.append(
                    RecordError(
                        line,
                        "",
                        _("the same record as on line %(first)s (key “%(key)s”)."),
                        {"first": seen[key], "key": key},
                    )
                )
                continue
            seen[key] = line
            cleaned_records.append((line, cleaned))
        if errors:
            raise ImportFailed(errors)
        if not cleaned_records:
            raise ImportFailed([RecordError(None, "", _("the file holds no records."))])

        report = ImportReport()
        progress = Progress(len(cleaned_records), str(self.progress_label), self.progress_stream)
        with transaction.atomic():
            existing = self.find_existing(cleaned_records)
            history = self.import_history(existing.values())
            for line, cleaned in cleaned_records:
                try:
                    with transaction.atomic():
                        self.write(path, line, cleaned, existing.get(self.record_key(cleaned)), history, report)
                except ValidationError as error:
                    errors.extend(validation_errors(line, error, self.record_field_names))
                except PermissionDenied:
                    errors.append(RecordError(line, "", _("the import account may not publish this page.")))
                progress.advance()
            if errors:
                raise ImportFailed(errors)
        return report

    def import_history(self, pages):
        """{page id: data of its latest import log entry}."""
        from wagtail.models import PageLogEntry

        ids = [page.pk for page in pages]
        history = {}
        entries = PageLogEntry.objects.filter(action=IMPORT_ACTION, page_id__in=ids).order_by("timestamp", "pk")
        for entry in entries:
            history[entry.page_id] = entry.data or {}
        return history

    def write(self, path, line, cleaned, page, history, report):
        digest = fingerprint(cleaned)
        if page is None:
            page = self.new_page(cleaned)
            self.parent.add_child(instance=page)
            outcome = report.created
        else:
            previous = history.get(page.pk)
            if not page.live:
                # Unpublished or taken down by the editorial board: an import never brings it back.
                report.skipped.append((page, _("not live (unpublished or taken down); left as it is")))
                return
            if not self.update:
                report.unchanged.append(page)
                return
            if previous is None or previous.get("revision") != page.latest_revision_id:
                report.skipped.append((page, _("changed in the admin since it was imported; not overwritten")))
                return
            if previous.get("fingerprint") == digest:
                report.unchanged.append(page)
                return
            outcome = report.updated
        self.apply(page, cleaned)
        revision = page.save_revision(user=self.user)
        revision.publish(user=self.user)
        log(
            instance=page,
            action=IMPORT_ACTION,
            user=self.user,
            revision=revision,
            data={
                "file": path.name,
                "line": line,
                "key": self.record_key(cleaned),
                "fingerprint": digest,
                "revision": revision.pk,
                "created": outcome is report.created,
            },
        )
        outcome.append(page)

    def unique_slug(self, base, taken):
        slug, suffix = base, 2
        while slug in taken:
            slug = f"{base[:75]}-{suffix}"
            suffix += 1
        taken.add(slug)
        return slug


class Messages:
    """Django validation messages, rendered in whichever language is active when shown."""

    def __init__(self, errors):
        self.errors = errors

    def __str__(self):
        return " ".join(str(message) for error in self.errors for message in error)


def validation_errors(line, error, field_names):
    if hasattr(error, "error_dict"):
        return [
            RecordError(line, field_names.get(name, name) if name != "__all__" else "", Messages(errors))
            for name, errors in error.error_dict.items()
        ]
    return [RecordError(line, "", Messages([error]))]


def resolve_parent(model, parent_id):
    """The page records are created below: ``parent_id``, else the only suitable section of the site."""
    from wagtail.models import Page

    allowed = model.allowed_parent_page_models()
    if parent_id is not None:
        page = Page.objects.filter(pk=parent_id).first()
        if page is None:
            raise ImportFailed(
                [RecordError(None, "", _("there is no page with id %(id)s (--parent)."), {"id": parent_id})]
            )
        page = page.specific
        if not model.can_create_at(page):
            raise ImportFailed(
                [
                    RecordError(
                        None,
                        "",
                        _("%(model)s pages cannot be created below “%(page)s” (id %(id)s); choose a %(allowed)s."),
                        {
                            "model": model._meta.verbose_name,
                            "page": page.title,
                            "id": page.pk,
                            "allowed": ", ".join(str(m._meta.verbose_name) for m in allowed),
                        },
                    )
                ]
            )
        return page
    candidates = [
        page.specific
        for page in Page.objects.type(*allowed).filter(locale=Locale.get_default()).order_by("path")
        if model.can_create_at(page.specific)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        message = _("there is no %(allowed)s to import into; create one, or give --parent PAGE_ID.")
    else:
        message = _("there are several pages to import into (%(pages)s); choose one with --parent PAGE_ID.")
    raise ImportFailed(
        [
            RecordError(
                None,
                "",
                message,
                {
                    "allowed": ", ".join(str(m._meta.verbose_name) for m in allowed),
                    "pages": "; ".join(f"{page.pk}: {page.title}" for page in candidates),
                },
            )
        ]
    )
