"""Carry unclaimed royalties over to the next year (year end).

Run from cron on 1 January: ``manage.py bhxh_royalty_carry_over`` carries the
unpaid amounts of last year's (and earlier) approved statements whose payees
had ``NOTICES_BEFORE_CARRY_OVER`` notices to this year. ``--year 2025`` on
31 December does the same for 2025 → 2026. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...conf import royalty_settings
from ...payments import carry_over_year


class Command(BaseCommand):
    help = "Carry unpaid royalty amounts that had enough payment notices over to the next year."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The year closing (default: last year).")
        parser.add_argument("--dry-run", action="store_true", help="List what would be carried over; change nothing.")

    def handle(self, *args, year=None, dry_run=False, **options):
        year = year or timezone.localdate().year - 1
        if not 2000 <= year <= 2099:
            raise CommandError(f"--year must be between 2000 and 2099, not {year}.")
        people = carry_over_year(year, dry_run=dry_run)
        verb = "would carry" if dry_run else "carried"
        for person in people:
            self.stdout.write(f"{verb} to {year + 1}: {person.name} ({person.statement}) {person.gross:,.0f} đ")
        self.stdout.write(
            f"{len(people)} unpaid amount(s) {'to carry' if dry_run else 'carried'} to {year + 1} "
            f"(after {royalty_settings.NOTICES_BEFORE_CARRY_OVER} notices)."
        )
