"""Dashboard panels of the editorial process: each approver's queue, urgent publications, takedowns.

Each panel runs a fixed number of queries, whatever the number of pages waiting.
"""

import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Revision, TaskState

from ...models.base import BasePage
from ...models.moderation import RetrospectiveApproval, RoleApprovalTask
from ...models.takedown import TakedownRequest
from ..roles import HEAD, RETROSPECTIVE_APPROVER_ROLES, user_has_any_role, user_has_role
from ..workflow import EDITED, FOUR_EYES_MESSAGES, SUBMITTED

PANEL_LIMIT = 10


class BasePanel(Component):
    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context.get("show"):
            return ""
        return super().render_html(parent_context)


class ApprovalQueuePanel(BasePanel):
    """Pages waiting at each approval step the user's groups approve, oldest first."""

    name = "bhxh_approval_queue"
    template_name = "wagtail_bhxh/admin/home/approval_queue_panel.html"
    order = 105

    def get_context_data(self, parent_context=None):
        user = self.request.user
        tasks = list(RoleApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).distinct())
        if not tasks:
            return {"show": False}
        last_editor = Subquery(
            Revision.objects.filter(
                base_content_type_id=OuterRef("workflow_state__base_content_type_id"),
                object_id=OuterRef("workflow_state__object_id"),
            )
            .order_by("-created_at", "-id")
            .values("user_id")[:1]
        )
        states = list(
            TaskState.objects.filter(task__in=tasks, status=TaskState.STATUS_IN_PROGRESS)
            .select_related("workflow_state__requested_by")
            .annotate(last_editor_id=last_editor)
            .order_by("started_at")
        )
        titles = dict(
            BasePage.objects.filter(pk__in=[int(s.workflow_state.object_id) for s in states]).values_list(
                "pk", "draft_title"
            )
        )
        queues = []
        for task in tasks:
            rows = []
            for state in (s for s in states if s.task_id == task.pk):
                page_id = int(state.workflow_state.object_id)
                blocked = None
                if state.workflow_state.requested_by_id == user.pk:
                    blocked = FOUR_EYES_MESSAGES[SUBMITTED]
                elif state.last_editor_id == user.pk:
                    blocked = FOUR_EYES_MESSAGES[EDITED]
                rows.append(
                    {
                        "title": titles.get(page_id, ""),
                        "url": reverse("wagtailadmin_pages:edit", args=(page_id,)),
                        "submitted_by": state.workflow_state.requested_by,
                        "since": state.started_at,
                        "blocked": blocked,
                    }
                )
            queues.append({"task": task, "count": len(rows), "rows": rows[:PANEL_LIMIT]})
        return {"show": True, "queues": queues, "title": _("Awaiting your step (Decision 2474)")}


class RetrospectiveApprovalPanel(BasePanel):
    name = "bhxh_retrospective_approvals"
    template_name = "wagtail_bhxh/admin/home/retrospective_panel.html"
    order = 106

    def get_context_data(self, parent_context=None):
        user = self.request.user
        if not user_has_any_role(user, RETROSPECTIVE_APPROVER_ROLES):
            return {"show": False}
        pending = RetrospectiveApproval.objects.pending().select_related("published_by")
        approvals = list(pending[:PANEL_LIMIT])
        return {
            "show": bool(approvals),
            "approvals": approvals,
            "count": pending.count(),
            "user": user,
            "title": _("Urgent publications awaiting approval"),
        }


class TakedownPanel(BasePanel):
    """The head sees every pending request; others see their own recent ones."""

    name = "bhxh_takedowns"
    template_name = "wagtail_bhxh/admin/home/takedown_panel.html"
    order = 107

    def get_context_data(self, parent_context=None):
        user = self.request.user
        is_head = user_has_role(user, HEAD)
        if is_head:
            requests = TakedownRequest.objects.pending().select_related("requested_by").order_by("requested_at")
            title = _("Takedown requests awaiting your decision")
        else:
            since = timezone.now() - datetime.timedelta(days=30)
            requests = TakedownRequest.objects.filter(requested_by=user, requested_at__gte=since).select_related(
                "decided_by"
            )
            title = _("Your takedown requests")
        rows = list(requests[:PANEL_LIMIT])
        return {"show": bool(rows), "requests": rows, "is_head": is_head, "title": title}
