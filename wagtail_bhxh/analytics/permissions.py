"""Who may see the statistics: holders of ``view_visitor_statistics`` (and superusers).

Wagtail's "Editors" and "Moderators" groups get it when the app is first
migrated; give it to other groups (the editorial board) in Settings › Groups.
No permission anywhere lets anyone change a count.
"""

APP_LABEL = "wagtail_bhxh_analytics"
PERMISSION_CODENAME = "view_visitor_statistics"
PERMISSION = f"{APP_LABEL}.{PERMISSION_CODENAME}"


def can_view_statistics(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))
