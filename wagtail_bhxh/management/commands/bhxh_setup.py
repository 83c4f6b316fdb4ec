from django.core.management.base import BaseCommand
from django.db import transaction

from ...setup import get_setup_steps


class Command(BaseCommand):
    help = (
        "Create what the portal needs (locales, policy areas, occasions, roles, "
        "workflow, ...). Safe to run again: it never duplicates or overwrites."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        total = 0
        with transaction.atomic():
            for step in get_setup_steps():
                lines = step.run()
                total += len(lines)
                if verbosity >= 1:
                    for line in lines:
                        self.stdout.write(f"  + {line}")
                if verbosity >= 2 and not lines:
                    self.stdout.write(f"  = {step.name}: nothing to do")
        if verbosity < 1:
            return
        if total:
            self.stdout.write(self.style.SUCCESS(f"bhxh_setup: created {total} item(s)."))
        else:
            self.stdout.write(self.style.SUCCESS("bhxh_setup: everything was already in place."))
