from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail_bhxh.models import PartnerLink
from wagtail_bhxh.standards.links import fetch_status, is_public_http_url

from ...models import PartnerLinkCheck


class Command(BaseCommand):
    help = "Check that every shown partner link answers, for the Dispatch 3216 compliance page. Run it daily."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=int, default=10)

    def handle(self, *args, timeout=10, **options):
        broken = 0
        for link in PartnerLink.objects.filter(is_active=True).order_by("pk"):
            status = fetch_status(link.url, timeout) if is_public_http_url(link.url) else None
            ok = status is not None and status < 400
            broken += not ok
            PartnerLinkCheck.objects.update_or_create(
                link=link, defaults={"checked_at": timezone.now(), "status_code": status, "ok": ok}
            )
            self.stdout.write(f"{'ok' if ok else 'BROKEN'} {status or '-'} {link.url}")
        self.stdout.write(f"{broken} broken link(s).")
