from django.core.management.base import BaseCommand

from ...review import send_review_reminders


class Command(BaseCommand):
    help = "Email the people responsible for pages overdue for their periodic review (at most weekly per page)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_review_reminders()} reminder(s) sent.")
