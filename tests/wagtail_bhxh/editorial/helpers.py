"""Published items as the norms see them, built quickly through the ORM."""

import datetime
import zoneinfo

from django.utils import timezone
from wagtail.models import WorkflowState

from tests.factories import ArticlePageFactory, InfographicPageFactory, VideoPageFactory
from wagtail_bhxh.models import PageCredit, TakedownRequest
from wagtail_bhxh.moderation.workflow import get_editorial_workflow

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args):
    return datetime.datetime(*args, tzinfo=HCM)


def item(parent, when, *, kind="tin", via_workflow=True, live=True, author=None, occasion=None, title=None):
    """A page first published at ``when`` (local time), approved through the Decision 2474 workflow."""
    fields = {"parent": parent, "live": live, "first_published_at": when, "occasion": occasion}
    if title:
        fields["title"] = title
    if kind in ("tin", "bai"):
        page = ArticlePageFactory(kind=kind, **fields)
    elif kind == "infographic":
        page = InfographicPageFactory(**fields)
    else:
        page = VideoPageFactory(**fields)
    if via_workflow:
        WorkflowState.objects.create(
            content_type=page.content_type,
            base_content_type=page.get_base_content_type(),
            object_id=str(page.pk),
            workflow=get_editorial_workflow(),
            status=WorkflowState.STATUS_APPROVED,
        )
    if author is not None:
        PageCredit.objects.create(page=page, user=author, role=PageCredit.Role.AUTHOR)
    return page


def take_down(page, when, outcome="removed", head=None):
    """A carried-out takedown decided at ``when``; a removed page is no longer live."""
    TakedownRequest.objects.create(
        page=page,
        page_title=page.title,
        reason=TakedownRequest.Reason.INACCURATE,
        status=TakedownRequest.Status.APPROVED,
        outcome=outcome,
        decided_at=when,
        decided_by=head,
        requested_at=when - datetime.timedelta(hours=1),
    )
    if outcome != "withdrawn":
        type(page).objects.filter(pk=page.pk).update(live=False)


def now():
    return timezone.now()
