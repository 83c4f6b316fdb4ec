"""Fixtures of the editorial planning tests: those of the Decision 2474 tests, plus a plan."""

import pytest

from tests.wagtail_bhxh.moderation.conftest import (  # noqa: F401  (fixtures)
    as_user,
    editorial,
    good_article,
    no_network,
    user_with_role,
)
from wagtail_bhxh.editorial.models import AnnualPlan, PlanTarget


def make_plan(year, targets=(("tin", 20), ("bai", 4)), user=None, extra_targets=(), **fields):
    """A draft plan (one revision) with portal-wide targets, and ``extra_targets`` (PlanTarget objects)."""
    plan = AnnualPlan(year=year, live=False, **fields)
    plan.targets = [PlanTarget(kind=kind, per_month=n) for kind, n in targets] + list(extra_targets)
    plan.save()
    plan.save_revision(user=user)
    return plan


def approve_plan(plan):
    """Publish the plan's latest revision as the workflow would (for tests of what follows approval)."""
    plan.get_latest_revision().publish()
    plan.refresh_from_db()
    return plan


@pytest.fixture
def plan_factory():
    return make_plan
