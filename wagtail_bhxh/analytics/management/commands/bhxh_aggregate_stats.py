from django.core.management.base import BaseCommand

from ...sealing import close_days, purge_visits


class Command(BaseCommand):
    help = (
        "Seal the visitor statistics of every finished day not sealed yet, then delete raw visits older "
        "than WAGTAIL_BHXH['ANALYTICS_RETENTION_DAYS']. Safe to run at any time and as often as you like "
        "(e.g. hourly from cron); it never changes a sealed day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-purge", action="store_true", help="Seal only; keep all raw visits.")

    def handle(self, *args, **options):
        sealed = close_days()
        for stats in sealed:
            if options["verbosity"] > 1:
                self.stdout.write(f"sealed site {stats.site_id} {stats.day}: {stats.views} views, seal {stats.seal}")
        self.stdout.write(f"{len(sealed)} day(s) sealed.")
        if not options["no_purge"]:
            deleted = purge_visits()
            self.stdout.write(f"{deleted} raw visit row(s) past retention deleted.")
