"""The building blocks of a standards check: levels, findings, reports and the Check base class."""

from dataclasses import asdict, dataclass

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ERROR = "error"
WARNING = "warning"
LEVELS = (ERROR, WARNING)
LEVEL_LABELS = {ERROR: _("Error"), WARNING: _("Warning")}


@dataclass(frozen=True)
class Finding:
    """One problem found on a page: which check, how serious, which field, and what to do."""

    check: str
    level: str
    field: str
    field_label: str
    message: str

    @property
    def is_error(self):
        return self.level == ERROR

    @property
    def level_label(self):
        return LEVEL_LABELS.get(self.level, self.level)

    def as_dict(self):
        return asdict(self)

    def __str__(self):
        return self.message


class Report:
    """The findings of every check on one page, errors first."""

    def __init__(self, findings=()):
        self.findings = sorted(findings, key=lambda f: (f.level != ERROR,))

    @classmethod
    def from_json(cls, data):
        return cls(Finding(**item) for item in data or [])

    def as_json(self):
        return [finding.as_dict() for finding in self.findings]

    @property
    def errors(self):
        return [f for f in self.findings if f.level == ERROR]

    @property
    def warnings(self):
        return [f for f in self.findings if f.level == WARNING]

    @property
    def passed(self):
        """True when nothing blocks approval (warnings do not)."""
        return not self.errors

    def summary_text(self):
        """Plain text for workflow comments and emails, in the active language."""
        if not self.findings:
            return gettext("The page meets every content and form standard.")
        lines = []
        if self.errors:
            lines.append(gettext("Errors to fix before approval:"))
            lines.extend(f"- {finding.message}" for finding in self.errors)
        if self.warnings:
            lines.append(gettext("Warnings:"))
            lines.extend(f"- {finding.message}" for finding in self.warnings)
        return "\n".join(lines)

    def __len__(self):
        return len(self.findings)

    def __iter__(self):
        return iter(self.findings)


class Check:
    """A content or form standard. Subclass it, give it a ``code`` and implement :meth:`check`.

    ``check(page, options)`` yields ``(field, message)`` pairs; the message
    names the field (use :meth:`field_label`) and says what to do.
    ``options`` holds ``default_options`` overridden by the site's
    ``WAGTAIL_BHXH["STANDARDS"][code]``, plus ``level`` and ``enabled``.
    ``page_types`` limits the check to instances of these classes (mixins
    work); empty means every page.
    """

    code = ""
    label = ""
    description = ""
    default_level = ERROR
    default_options = {}
    page_types = ()

    def __init__(self, **options):
        if not self.code:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a code")
        self.options = {"enabled": True, "level": self.default_level, **self.default_options, **options}

    def __repr__(self):
        return f"<{type(self).__name__} {self.code}>"

    def applies_to(self, page):
        return not self.page_types or isinstance(page, tuple(self.page_types))

    def validate_options(self, options):
        """Problems with a site's options for this check, as strings (for the system checks)."""
        problems = []
        unknown = set(options) - set(self.options)
        if unknown:
            problems.append(f"unknown option(s) {', '.join(sorted(unknown))}")
        if options.get("level", self.default_level) not in LEVELS:
            problems.append(f"level must be one of {', '.join(LEVELS)}")
        for name, value in options.items():
            default = self.options.get(name)
            if name != "level" and default is not None and not isinstance(value, type(default)):
                problems.append(f"{name} must be {type(default).__name__}")
        return problems

    def check(self, page, options):  # pragma: no cover - abstract
        """Yield ``(field, message)`` (or ``(field, message, field_label)``) for each problem."""
        raise NotImplementedError

    def run(self, page, options):
        findings = []
        for item in self.check(page, options):
            if isinstance(item, Finding):
                findings.append(item)
                continue
            field, message, *label = item
            findings.append(
                Finding(
                    check=self.code,
                    level=options["level"],
                    field=field,
                    field_label=str(label[0] if label else self.field_label(page, field)),
                    message=str(message),
                )
            )
        return findings

    def field_label(self, page, field):
        """The field's verbose name, capitalised, for messages that name it."""
        try:
            return capfirst(str(page._meta.get_field(field).verbose_name))
        except FieldDoesNotExist:
            return capfirst(field.replace("_", " "))
