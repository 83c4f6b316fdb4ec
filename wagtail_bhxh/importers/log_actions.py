"""The audit-log action of the importers (registered with ``register_log_actions``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from .base import IMPORT_ACTION


def register(actions):
    @actions.register_action(IMPORT_ACTION)
    class Imported(LogFormatter):
        label = _("Import")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            params = {"file": data.get("file", ""), "line": data.get("line", "")}
            if data.get("created"):
                return _("Imported from %(file)s, line %(line)s, and published") % params
            return _("Updated from %(file)s, line %(line)s, and published") % params
