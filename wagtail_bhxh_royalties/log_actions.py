"""Audit log actions of the royalties app (shown in the entry's history and Reports › Site history)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


def register(actions):
    actions.register_action(
        "wagtail_bhxh_royalties.create", _("Propose royalty entry"), _("Royalty entry proposed on publication")
    )

    @actions.register_action("wagtail_bhxh_royalties.propose")
    class Propose(LogFormatter):
        label = _("Propose coefficient")

        def format_message(self, log_entry):
            return _("Coefficient %(coefficient)s, share %(share)s %%") % {
                "coefficient": log_entry.data.get("coefficient", ""),
                "share": log_entry.data.get("share_percent", ""),
            }

    actions.register_action(
        "wagtail_bhxh_royalties.approve", _("Approve royalty entry"), _("Royalty entry approved and locked")
    )

    @actions.register_action("wagtail_bhxh_royalties.reopen")
    class Reopen(LogFormatter):
        label = _("Reopen royalty entry")
        message = _("Royalty entry reopened")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    actions.register_action("wagtail_bhxh_royalties.statement_build", _("Build statement"), _("Statement built"))
    actions.register_action(
        "wagtail_bhxh_royalties.statement_approve", _("Approve statement"), _("Statement approved and locked")
    )

    @actions.register_action("wagtail_bhxh_royalties.payment")
    class Payment(LogFormatter):
        label = _("Record payment")

        def format_message(self, log_entry):
            return _("Payment of %(name)s recorded") % {"name": log_entry.data.get("name", "")}

    @actions.register_action("wagtail_bhxh_royalties.notice")
    class Notice(LogFormatter):
        label = _("Send payment notices")

        def format_message(self, log_entry):
            data = log_entry.data
            template = (
                _("Payment notices emailed to %(count)s payees: %(names)s")
                if data.get("channel") == "email"
                else _("Payment notice letters sent to %(count)s payees: %(names)s")
            )
            return template % {"count": data.get("count", 0), "names": ", ".join(data.get("names", []))}

    @actions.register_action("wagtail_bhxh_royalties.carry_over")
    class CarryOver(LogFormatter):
        label = _("Carry over unclaimed amounts")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(count)s unclaimed amounts carried to %(year)s: %(names)s") % {
                "count": data.get("count", 0),
                "year": data.get("to_year", ""),
                "names": ", ".join(data.get("names", [])),
            }
