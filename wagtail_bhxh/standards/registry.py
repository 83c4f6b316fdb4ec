"""The registry of standards checks: the built-in ones, those of other apps and sites, and their settings."""

from wagtail import hooks

from ..conf import bhxh_settings
from .base import Report

HOOK_NAME = "wagtail_bhxh_standards_checks"


class CheckRegistry:
    """Ordered checks by code. A check registered under an existing code replaces it."""

    def __init__(self):
        self._checks = {}
        self._loaded = False

    def _load(self):
        if self._loaded:
            return
        self._loaded = True
        from .checks import BUILTIN_CHECKS

        for check in BUILTIN_CHECKS:
            self._checks.setdefault(check.code, check)
        for hook in hooks.get_hooks(HOOK_NAME):
            for check in hook() or ():
                self._checks[check.code] = check

    def register(self, check):
        """Add a check, or replace the one with the same code."""
        self._load()
        self._checks[check.code] = check
        return check

    def unregister(self, code):
        self._load()
        self._checks.pop(code, None)

    def get(self, code):
        self._load()
        return self._checks.get(code)

    def __iter__(self):
        self._load()
        return iter(list(self._checks.values()))

    def __contains__(self, code):
        self._load()
        return code in self._checks

    def options_for(self, check):
        """The check's options with the site's ``WAGTAIL_BHXH["STANDARDS"][code]`` applied."""
        overrides = bhxh_settings.STANDARDS.get(check.code, {})
        return {**check.options, **overrides}

    def checks_for(self, page):
        """(check, options) of the enabled checks that apply to this page."""
        selected = []
        for check in self:
            options = self.options_for(check)
            if options.get("enabled", True) and check.applies_to(page):
                selected.append((check, options))
        return selected

    def run(self, page):
        """A :class:`Report` of every enabled check on ``page`` (usually a revision's object)."""
        findings = []
        for check, options in self.checks_for(page):
            findings.extend(check.run(page, options))
        return Report(findings)

    def configuration_problems(self):
        """Problems with ``WAGTAIL_BHXH["STANDARDS"]``, for the system checks."""
        problems = []
        for code, options in bhxh_settings.STANDARDS.items():
            check = self.get(code)
            if check is None:
                problems.append(f"unknown check {code!r}; known: {', '.join(c.code for c in self)}")
                continue
            problems.extend(f"{code}: {problem}" for problem in check.validate_options(options))
        return problems


registry = CheckRegistry()


def run_checks(page):
    """Run every enabled check on ``page``; returns a :class:`~wagtail_bhxh.standards.base.Report`."""
    return registry.run(page)
