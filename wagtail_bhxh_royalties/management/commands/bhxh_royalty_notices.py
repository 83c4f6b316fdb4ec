"""Email payment notices (thông báo nhận nhuận bút) to payees of approved statements who have not collected.

Run from cron, e.g. daily: ``manage.py bhxh_royalty_notices``. A payee gets at
most one notice every ``NOTICE_INTERVAL_DAYS`` days, however often it runs;
payees without an email address are listed so their letters can be printed
from the statement's page.
"""

from django.core.management.base import BaseCommand

from ...payments import send_notices


class Command(BaseCommand):
    help = "Email a payment notice to every unpaid payee of an approved royalty statement who is due one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be noticed; send and record nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        result = send_notices(dry_run=dry_run)
        verb = "would email" if dry_run else "emailed"
        for person in result.emailed:
            self.stdout.write(
                f"{verb}: {person.name} ({person.statement}, notice {person.notices_sent + (1 if dry_run else 0)})"
            )
        for person in result.without_email:
            self.stdout.write(f"no email, print a letter: {person.name} ({person.statement})")
        for person in result.failed:
            self.stderr.write(f"could not email: {person.name} ({person.statement})")
        self.stdout.write(
            f"{len(result.emailed)} notice(s) {'to send' if dry_run else 'sent'}, "
            f"{len(result.without_email)} payee(s) without email, {len(result.failed)} failed."
        )
