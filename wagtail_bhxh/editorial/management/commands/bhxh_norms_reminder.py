import datetime

from django.core.management.base import BaseCommand, CommandError

from ...reminders import send_norms_reminder


class Command(BaseCommand):
    help = (
        "Email the head of the editorial board when two thirds of the month are gone and a kind of item is "
        "under the threshold of its monthly target (once a month). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"--date: '{date}' is not a date like 2026-03-21.") from None
        reminder = send_norms_reminder(today)
        if reminder is None:
            self.stdout.write("No reminder needed.")
        else:
            self.stdout.write(f"Reminder for {reminder.month:%m/%Y} sent to {reminder.recipients}.")
