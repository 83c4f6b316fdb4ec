"""Email the head of the editorial board about spokesperson details not posted within the deadline.

Run from cron, e.g. hourly: ``manage.py bhxh_spokesperson_alerts``. Each
overdue item is emailed once; the dashboard panel keeps listing it until it is
published.
"""

from django.core.management.base import BaseCommand

from ...alerts import overdue_items, send_deadline_alerts


class Command(BaseCommand):
    help = "Email the head about appointments and authorisations signed but not live within DEADLINE_HOURS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the overdue items without emailing.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            items = overdue_items()
            for item in items:
                self.stdout.write(f"overdue: {item} (signed {item.signed_at:%Y-%m-%d %H:%M})")
            self.stdout.write(f"{len(items)} overdue item(s).")
            return
        items, sent = send_deadline_alerts()
        for item in items:
            self.stdout.write(f"alerted: {item}")
        self.stdout.write(f"{len(items)} newly overdue item(s), {sent} email(s) sent.")
