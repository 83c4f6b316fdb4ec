"""The annual plan: drafted, reviewed by the head, approved by the Director, then locked."""

from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from wagtail_bhxh.editorial.models import AnnualPlan
from wagtail_bhxh.editorial.setup import get_plan_workflow

from .conftest import make_plan


def action_url(plan, action):
    state = plan.current_workflow_task_state
    return reverse("wagtail_bhxh_editorial_plans:workflow_action", args=(plan.pk, action, state.pk))


def submit(plan, user):
    get_plan_workflow().start(plan, user)
    plan.refresh_from_db()


def test_setup_creates_the_approval_workflow_ending_with_the_director(editorial):
    workflow = get_plan_workflow()
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 2
    assert {g.name for g in tasks[-1].groups.all()} == {editorial.users.director.groups.get().name}


def test_plan_goes_live_only_when_the_director_approves_and_is_then_locked(editorial, as_user):
    users = editorial.users
    plan = make_plan(2026, user=users.secretary)
    submit(plan, users.secretary)

    response = as_user(users.head).post(action_url(plan, "approve"), {"comment": ""})
    assert response.status_code in (200, 302)
    plan.refresh_from_db()
    assert not plan.live
    assert plan.current_workflow_task.name.endswith("Director") or "Giám đốc" in plan.current_workflow_task.name

    # The head cannot take the Director's step (forged POST).
    as_user(users.head).post(action_url(plan, "approve"), {"comment": ""})
    plan.refresh_from_db()
    assert not plan.live

    as_user(users.director).post(action_url(plan, "approve"), {"comment": ""})
    plan.refresh_from_db()
    assert plan.live
    assert plan.locked and plan.locked_by is None
    assert WorkflowState.objects.for_instance(plan).get().status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.filter(workflow_state__object_id=str(plan.pk), finished_by=users.director).exists()


def test_approved_plan_is_locked_for_everyone_and_an_amendment_is_approved_again(editorial, as_user):
    users = editorial.users
    plan = make_plan(2026, user=users.secretary)
    submit(plan, users.secretary)
    as_user(users.head).post(action_url(plan, "approve"), {"comment": ""})
    as_user(users.director).post(action_url(plan, "approve"), {"comment": ""})
    plan.refresh_from_db()
    assert plan.get_lock().for_user(users.head)
    assert plan.get_lock().for_user(users.director)

    edit_url = reverse("wagtail_bhxh_editorial_plans:edit", args=(plan.pk,))
    client = as_user(users.head)
    # The form as the editor posts it: news target raised to 30, the article target removed.
    tin, bai = plan.targets.order_by("kind")[1], plan.targets.order_by("kind")[0]
    data = {
        "year": "2026",
        "nominations_per_quarter": "5",
        "training_sessions": "1",
        "notes": "",
        "targets-TOTAL_FORMS": "2",
        "targets-INITIAL_FORMS": "2",
        "targets-MIN_NUM_FORMS": "1",
        "targets-MAX_NUM_FORMS": "1000",
    }
    for index, (target, per_month, delete) in enumerate([(tin, "30", ""), (bai, "4", "1")]):
        data.update(
            {
                f"targets-{index}-id": str(target.pk),
                f"targets-{index}-kind": target.kind,
                f"targets-{index}-per_month": per_month,
                f"targets-{index}-ORDER": str(index + 1),
                f"targets-{index}-DELETE": delete,
                f"targets-{index}-unit": "",
                f"targets-{index}-author": "",
            }
        )
    revisions_before = plan.revisions.count()
    client.post(edit_url, data)
    assert plan.revisions.count() == revisions_before  # locked: nothing saved

    # A contributor may not unlock; the head may.
    as_user(users.contributor).post(reverse("wagtail_bhxh_editorial_plans:unlock", args=(plan.pk,)))
    plan.refresh_from_db()
    assert plan.locked
    as_user(users.head).post(reverse("wagtail_bhxh_editorial_plans:unlock", args=(plan.pk,)))
    plan.refresh_from_db()
    assert not plan.locked

    # The amendment is saved as a draft; the approved version stays in force.
    response = as_user(users.head).post(edit_url, data)
    assert response.status_code == 302
    assert plan.revisions.count() == revisions_before + 1
    live = AnnualPlan.objects.get(pk=plan.pk)
    assert live.nominations_per_quarter == 2
    assert live.monthly_targets() == {"tin": 20, "bai": 4}
    assert live.has_unpublished_changes

    # The head cannot publish it directly, even with a forged "publish" POST.
    as_user(users.head).post(edit_url, {**data, "action-publish": "action-publish"})
    assert AnnualPlan.objects.get(pk=plan.pk).nominations_per_quarter == 2

    submit(plan, users.head)
    as_user(users.deputy).post(action_url(plan, "approve"), {"comment": ""})
    plan.refresh_from_db()
    as_user(users.director).post(action_url(plan, "approve"), {"comment": ""})
    plan = AnnualPlan.objects.get(pk=plan.pk)
    assert plan.nominations_per_quarter == 5
    assert plan.monthly_targets() == {"tin": 30}
    assert plan.locked


def test_setup_is_idempotent_and_keeps_an_edited_workflow(editorial):
    from django.core.management import call_command

    workflow = get_plan_workflow()
    workflow.name = "Quy trình riêng"
    workflow.save()
    call_command("bhxh_setup", verbosity=0)
    assert get_plan_workflow().pk == workflow.pk
    assert get_plan_workflow().name == "Quy trình riêng"


def test_sending_back_needs_a_comment_and_the_author_cannot_approve(editorial, as_user):
    users = editorial.users
    plan = make_plan(2026, user=users.head)
    submit(plan, users.head)

    # The head drafted it: another head or a deputy must review it.
    as_user(users.head).post(action_url(plan, "approve"), {"comment": ""})
    plan.refresh_from_db()
    assert plan.current_workflow_task.name == get_plan_workflow().tasks[0].name

    as_user(users.deputy).post(action_url(plan, "reject"), {"comment": ""})
    plan.refresh_from_db()
    assert plan.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    as_user(users.deputy).post(action_url(plan, "reject"), {"comment": "Bổ sung định mức infographic."})
    state = WorkflowState.objects.for_instance(plan).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not AnnualPlan.objects.get(pk=plan.pk).live


def test_home_panel_shows_this_months_counts(editorial, as_user):
    import datetime

    from django.utils import timezone

    from .conftest import approve_plan
    from .helpers import item

    today = timezone.localdate()
    approve_plan(make_plan(today.year, targets=(("tin", 20), ("bai", 4))))
    item(editorial.news, timezone.now() - datetime.timedelta(minutes=5))
    html = as_user(editorial.users.editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "1/20 tin" in html and "0/4 bài" in html
