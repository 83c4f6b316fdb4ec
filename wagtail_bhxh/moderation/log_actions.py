"""The audit log actions of the editorial process (registered with ``register_log_actions``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


def register(actions):
    @actions.register_action("wagtail_bhxh.standards.checked")
    class StandardsChecked(LogFormatter):
        label = _("Check content standards")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Content standards checked: %(errors)s error(s), %(warnings)s warning(s)") % {
                "errors": data.get("errors", 0),
                "warnings": data.get("warnings", 0),
            }

        def format_comment(self, log_entry):
            return "\n".join(log_entry.data.get("findings", []))

    @actions.register_action("wagtail_bhxh.workflow.head_required")
    class HeadRequired(LogFormatter):
        label = _("Head approval required")

        def format_message(self, log_entry):
            return _("Sent to the head of the editorial board: %(reasons)s") % {
                "reasons": "; ".join(log_entry.data.get("reasons", []))
            }

    @actions.register_action("wagtail_bhxh.workflow.head_skipped")
    class HeadSkipped(LogFormatter):
        label = _("Head approval skipped")

        def format_message(self, log_entry):
            return _("Head approval step skipped: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

    actions.register_action(
        "wagtail_bhxh.publish.urgent",
        _("Urgent publication"),
        _("Published outside the workflow; awaiting retrospective approval"),
    )

    @actions.register_action("wagtail_bhxh.publish.retrospective_approval")
    class RetrospectiveApproval(LogFormatter):
        label = _("Retrospective approval")
        message = _("Urgent publication approved retrospectively")

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    class TakedownFormatter(LogFormatter):
        def format_message(self, log_entry):
            takedown = log_entry.data.get("takedown", {})
            return self.message % {"reason": takedown.get("reason_label", ""), "id": takedown.get("id", "")}

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "") or log_entry.data.get("takedown", {}).get("details", "")

    for action, label, message in (
        ("requested", _("Request takedown"), _("Takedown requested (request %(id)s): %(reason)s")),
        ("rejected", _("Reject takedown"), _("Takedown request %(id)s rejected (%(reason)s)")),
        ("cancelled", _("Withdraw takedown request"), _("Takedown request %(id)s withdrawn by the requester")),
        ("removed", _("Take down: remove"), _("Removed from the portal (request %(id)s): %(reason)s")),
        ("withdrawn", _("Take down: withdraw"), _("Withdrawn with a banner (request %(id)s): %(reason)s")),
        ("consolidated", _("Take down: consolidate"), _("Consolidated into another page (request %(id)s): %(reason)s")),
    ):
        actions.register_action(f"wagtail_bhxh.takedown.{action}")(
            type(f"Takedown{action.title()}", (TakedownFormatter,), {"label": label, "message": message})
        )

    @actions.register_action("wagtail_bhxh.correction.added")
    class CorrectionAdded(LogFormatter):
        label = _("Add correction")
        message = _("Correction published")

        def format_comment(self, log_entry):
            return log_entry.data.get("notice", {}).get("text", "")
