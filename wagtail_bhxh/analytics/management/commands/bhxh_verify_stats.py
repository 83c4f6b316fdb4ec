from django.core.management.base import BaseCommand, CommandError

from ...sealing import verify


class Command(BaseCommand):
    help = (
        "Check the sealed daily visitor statistics: every seal, the chain from day to day, and the sealed "
        "days whose raw visits are still kept. Exits with an error naming each day that was changed."
    )

    def handle(self, *args, **options):
        result = verify()
        for problem in result.problems:
            self.stderr.write(problem)
        summary = f"{result.days} sealed day(s) checked, {result.recounted} recounted from raw visits."
        if not result.ok:
            raise CommandError(f"{summary} {len(result.problems)} problem(s) found: the statistics were changed.")
        self.stdout.write(self.style.SUCCESS(f"{summary} All seals are intact."))
