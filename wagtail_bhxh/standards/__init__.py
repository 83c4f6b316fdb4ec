"""Content and form standards (Official Dispatch 3216/BHXH-TT, item 4): a registry of checks.

Each check looks at one page (usually the latest revision, so the editor's
draft) and returns findings, each an error or a warning with a message that
names the field. Errors stop the first task of the Decision 2474 workflow;
warnings do not. The page editor's "Checks" panel shows the findings live.

Public API::

    from wagtail_bhxh.standards import ERROR, WARNING, Check, Finding, Report, registry, run_checks

    report = run_checks(page)
    report.errors, report.warnings

A site adds or replaces checks with the ``wagtail_bhxh_standards_checks``
hook (a function returning check instances) and reconfigures them with
``WAGTAIL_BHXH["STANDARDS"]``; see the developer guide "Adding a check".
"""

from .base import ERROR, LEVELS, WARNING, Check, Finding, Report
from .registry import CheckRegistry, registry, run_checks

__all__ = ["ERROR", "LEVELS", "WARNING", "Check", "CheckRegistry", "Finding", "Report", "registry", "run_checks"]
