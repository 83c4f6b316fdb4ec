"""Demo data of the editorial planning app: an approved plan, counted items, training, nominations.

The demo's articles are loaded as already published; here they are recorded
as having been approved through the Decision 2474 workflow (an approved
workflow state each), so the norms dashboard counts them as it would on a
real site. Idempotent, and skipped when the app or ``bhxh_setup`` is missing.
"""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from wagtail_bhxh.models import ArticlePage, BasePage, InfographicPage, Occasion, VideoPage
from wagtail_bhxh.moderation import notifications
from wagtail_bhxh.moderation.workflow import get_editorial_workflow

#: A real occasion of late December, so the demo shows an upcoming occasion around year end.
DEMO_OCCASION = ("ngay-thanh-lap-qdnd-viet-nam", "Ngày thành lập Quân đội nhân dân Việt Nam", 12, 22, 30)
PLANNED_SLUG = "bhxh-tinh-demo-dong-hanh-cung-can-bo-chien-si-nghi-huu-ke-hoach"


def load_editorial_planning():
    if not apps.is_installed("wagtail_bhxh.editorial"):
        return 0
    from wagtail_bhxh.editorial.models import AnnualPlan, Nomination, PlanTarget, TrainingSession

    workflow = get_editorial_workflow()
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["ctv", "bientap", "thuky", "truongban", "giamdoc"])
    }
    if workflow is None or len(users) < 5:
        return 0
    created = 0
    year = timezone.localdate().year
    with transaction.atomic(), notifications.suppressed():
        for model in (ArticlePage, InfographicPage, VideoPage):
            for page in model.objects.live().exact_type(model):
                if not WorkflowState.objects.for_instance(page).exists():
                    WorkflowState.objects.create(
                        content_type=page.content_type,
                        base_content_type=page.get_base_content_type(),
                        object_id=str(page.pk),
                        workflow=workflow,
                        status=WorkflowState.STATUS_APPROVED,
                        requested_by=page.owner or users["ctv"],
                    )
                    created += 1
        if not AnnualPlan.objects.filter(year=year).exists():
            plan = AnnualPlan(
                year=year,
                live=False,
                nominations_per_quarter=2,
                training_sessions=4,
                notes="Tập trung tuyên truyền BHXH tự nguyện, BHYT học sinh – sinh viên và dịch vụ công trực tuyến.",
            )
            plan.targets = [
                PlanTarget(kind="tin", per_month=8),
                PlanTarget(kind="bai", per_month=2),
                PlanTarget(kind="infographic", per_month=1),
                PlanTarget(kind="video", per_month=1),
            ]
            plan.save()
            plan.occasions.set(Occasion.objects.filter(is_active=True))
            plan.save_revision(user=users["thuky"]).publish(user=users["giamdoc"])
            created += 1
        slug, name, month, day, lead = DEMO_OCCASION
        occasion, made = Occasion.objects.get_or_create(
            slug=slug, defaults={"name": name, "calendar": "solar", "month": month, "day": day, "lead_days": lead}
        )
        created += made
        news = BasePage.objects.filter(slug="tin-tuc").first()
        if news is not None and not BasePage.objects.filter(slug=PLANNED_SLUG).exists():
            draft = ArticlePage(
                slug=PLANNED_SLUG,
                title="BHXH tỉnh Demo đồng hành cùng cán bộ, chiến sĩ nghỉ hưu (bài chuẩn bị)",
                kind="bai",
                intro="Bài chuẩn bị cho Ngày thành lập Quân đội nhân dân Việt Nam 22/12.",
                occasion=occasion,
                owner=users["ctv"],
                live=False,
            )
            news.add_child(instance=draft)
            draft.save_revision(user=users["ctv"])
            created += 1
        if not TrainingSession.objects.filter(date__year=year).exists():
            session = TrainingSession.objects.create(
                date=datetime.date(year, 3, 12),
                topic="Kỹ năng viết tin, bài và sử dụng ảnh đúng quy định",
                trainer="Trung tâm Truyền thông, BHXH Việt Nam",
                external_attendees="Cộng tác viên Bưu điện tỉnh\nCộng tác viên Đài Phát thanh – Truyền hình tỉnh",
            )
            session.attendees.set([users["ctv"], users["bientap"], users["thuky"]])
            created += 1
        if not Nomination.objects.exists():
            best = ArticlePage.objects.live().filter(kind="bai").order_by("-first_published_at")[:2]
            today = timezone.localdate()
            for index, page in enumerate(best):
                Nomination.objects.create(
                    page=page,
                    page_title=page.title,
                    note="Bài viết có số liệu cập nhật, dẫn chứng cụ thể, ảnh minh họa đúng quy định.",
                    year=today.year,
                    quarter=(today.month - 1) // 3 + 1,
                    nominated_by=users["bientap"],
                    status=Nomination.Status.APPROVED if index == 0 else Nomination.Status.PROPOSED,
                    decided_by=users["truongban"] if index == 0 else None,
                    decided_at=timezone.now() if index == 0 else None,
                )
                created += 1
    return created
