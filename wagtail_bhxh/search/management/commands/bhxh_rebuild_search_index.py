"""``manage.py bhxh_rebuild_search_index``: index every searchable live page from scratch."""

import time

from django.core.management.base import BaseCommand

from ...backends.base import get_backend
from ...models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the portal's search index (the backend set by WAGTAIL_BHXH['SEARCH_BACKEND'])."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, **options):
        backend = get_backend()
        started = time.monotonic()
        show = not options["no_progress"]
        last = [-1]

        def progress(done, total):
            if not show:
                return
            percent = 100 if not total else done * 100 // total
            if percent == last[0] and done != total:
                return
            last[0] = percent
            width = 30
            filled = width * percent // 100
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({percent}%)", ending="")
            self.stdout.flush()

        count = backend.rebuild(progress=progress)
        elapsed = time.monotonic() - started
        if show:
            self.stdout.write("")
        rate = count / elapsed if elapsed > 0 else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} pages indexed in {elapsed:.1f} s ({rate:.0f} pages/s) by the "
                f"{type(backend).__name__} backend."
            )
        )
        if type(backend).__module__.endswith(".database"):
            by_type = {}
            for type_name in SearchEntry.objects.values_list("type", flat=True):
                by_type[type_name] = by_type.get(type_name, 0) + 1
            for type_name, n in sorted(by_type.items()):
                self.stdout.write(f"  {type_name}: {n}")
