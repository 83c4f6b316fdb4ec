"""Who sees the editorial planning screens."""

VIEW_PLAN = "wagtail_bhxh_editorial.view_annualplan"


def can_view_planning(user):
    """The norms dashboard, the occasions calendar and the home panel: whoever may view the plan."""
    return bool(user and user.is_active and user.has_perm(VIEW_PLAN))
