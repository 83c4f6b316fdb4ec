"""Who may do what with royalties. Permissions are granted to roles by ``bhxh_setup`` (see seed.py)."""

APP = "wagtail_bhxh_royalties"


def has(user, codename):
    return bool(user and user.is_authenticated and user.has_perm(f"{APP}.{codename}"))


def can_see_amounts(user):
    """Amounts and personal data: the accountant and the head."""
    return has(user, "view_amounts")


def can_propose(user):
    return has(user, "change_royaltyentry")


def can_approve_entries(user):
    return has(user, "approve_royaltyentry")


def can_view_statements(user):
    return has(user, "view_statement")


def can_build_statements(user):
    return has(user, "add_statement") or has(user, "change_statement")


def can_approve_statements(user):
    return has(user, "approve_statement")


def can_manage_payments(user):
    """Payment notices, letters and carry-over: the accountant and the head."""
    return can_build_statements(user) or can_approve_statements(user)
