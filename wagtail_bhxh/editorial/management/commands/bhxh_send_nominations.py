from django.core.management.base import BaseCommand

from wagtail_bhxh.conf import bhxh_settings

from ...nominations import retry_failed


class Command(BaseCommand):
    help = (
        "Retry the model article nominations whose email failed, up to EDITORIAL_SEND_ATTEMPTS attempts each. "
        "Never resends a sent nomination. Run it from cron, e.g. hourly."
    )

    def handle(self, *args, **options):
        deliveries = retry_failed(bhxh_settings.EDITORIAL_SEND_ATTEMPTS)
        for delivery in deliveries:
            self.stdout.write(f"{delivery.nomination}: {delivery.result} ({delivery.message_id})")
        if not deliveries:
            self.stdout.write("Nothing to retry.")
