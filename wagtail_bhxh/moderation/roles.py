"""The editorial roles of Decision 2474 and the API other apps rely on.

Each role has a stable code and a translatable label. ``manage.py bhxh_setup``
creates one Django group per role, named with the label in the site's
language (``LANGUAGE_CODE``), and remembers which group plays which role in
:class:`~wagtail_bhxh.models.Role`. Groups are always found by role code,
never by name, so a site may rename them freely.

Other apps of the suite use this module, for example the royalties app's
setup step giving the accountant its permissions::

    from wagtail_bhxh.moderation import roles
    from wagtail_bhxh.setup import SetupStep

    @hooks.register("wagtail_bhxh_setup")
    def accountant_permissions():
        return SetupStep(
            "royalty permissions",
            lambda: roles.grant_role_permissions(
                roles.ACCOUNTANT, ["wagtail_bhxh_royalties.view_statement", "wagtail_bhxh_royalties.change_statement"]
            ),
            order=60,  # after the roles step (order 50)
        )

and in views::

    if not roles.user_has_role(request.user, roles.DIRECTOR):
        raise PermissionDenied

A permission is granted to a role once: the grant is recorded, and later
runs of ``bhxh_setup`` never give it back if an administrator removed it.
Superusers hold no role unless they are members of its group.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext_lazy as _

#: Writes and submits; never publishes (Cộng tác viên).
CONTRIBUTOR = "contributor"
#: Edits and reviews at the editor step (Biên tập viên).
EDITOR = "editor"
#: Editorial secretary: reviews, schedules, publishes corrections (Thư ký tòa soạn).
SECRETARY = "secretary"
#: Approves (Phó Trưởng ban biên tập).
DEPUTY_HEAD = "deputy_head"
#: Approves sensitive content, decides takedowns, may publish urgently (Trưởng ban biên tập).
HEAD = "head"
#: Royalties only (Kế toán); its permissions come from the royalties app.
ACCOUNTANT = "accountant"
#: Approves the annual plan (Giám đốc); its permissions come from the editorial app.
DIRECTOR = "director"

ROLE_LABELS = {
    CONTRIBUTOR: _("Contributor"),
    EDITOR: _("Editor"),
    SECRETARY: _("Editorial secretary"),
    DEPUTY_HEAD: _("Deputy head of the editorial board"),
    HEAD: _("Head of the editorial board"),
    ACCOUNTANT: _("Accountant"),
    DIRECTOR: _("Director"),
}

#: Every role code, in the order of the process.
ALL_ROLES = tuple(ROLE_LABELS)

#: Roles that write, edit or approve content.
EDITORIAL_ROLES = (CONTRIBUTOR, EDITOR, SECRETARY, DEPUTY_HEAD, HEAD)

#: Roles that may give the retrospective approval of an urgent publication.
RETROSPECTIVE_APPROVER_ROLES = (DEPUTY_HEAD, HEAD)


def _role_model():
    return apps.get_model("wagtail_bhxh", "Role")


def role_label(code):
    """The translatable label of a role ("Biên tập viên" in Vietnamese)."""
    return ROLE_LABELS.get(code, code)


def get_role_group(code):
    """The group that plays this role, or None before ``bhxh_setup`` has created it."""
    role = _role_model().objects.filter(code=code).select_related("group").first()
    return role.group if role else None


def get_role_groups(codes=ALL_ROLES):
    """{code: group} for the roles that exist, in one query."""
    return {role.code: role.group for role in _role_model().objects.filter(code__in=codes).select_related("group")}


def user_roles(user):
    """The codes of the roles the user holds (by group membership), cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_bhxh_roles", None)
    if cached is None:
        cached = frozenset(_role_model().objects.filter(group__in=user.groups.all()).values_list("code", flat=True))
        user._bhxh_roles = cached
    return cached


def user_has_role(user, code):
    """True if the (active) user is a member of the role's group."""
    return code in user_roles(user)


def user_has_any_role(user, codes):
    return bool(user_roles(user) & set(codes))


def users_with_role(code):
    """Active users holding the role."""
    return get_user_model().objects.filter(is_active=True, groups__bhxh_role__code=code).distinct()


def ensure_role_group(code):
    """The group of a role, created (named in the site's language) if missing. Returns (group, created)."""
    if code not in ROLE_LABELS:
        raise ValueError(f"Unknown role {code!r}; expected one of {', '.join(ALL_ROLES)}")
    Role = _role_model()
    role = Role.objects.filter(code=code).select_related("group").first()
    if role is not None:
        return role.group, False
    with translation.override(settings.LANGUAGE_CODE):
        name = str(ROLE_LABELS[code])
    group = Group.objects.filter(name=name, bhxh_role__isnull=True).first()
    created = group is None
    if created:
        group = Group.objects.create(name=_unique_group_name(name))
    Role.objects.create(code=code, group=group)
    return group, created


def _unique_group_name(name):
    candidate, n = name, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _grant_once(code, key, grant):
    """Run ``grant(group)`` unless this role was given ``key`` before. Returns True if granted now."""
    RoleGrant = apps.get_model("wagtail_bhxh", "RoleGrant")
    group, _created = ensure_role_group(code)
    role = group.bhxh_role
    if RoleGrant.objects.filter(role=role, key=key).exists():
        return False
    grant(group)
    RoleGrant.objects.create(role=role, key=key)
    return True


def grant_role_permissions(code, permissions):
    """Give a role model permissions, each named ``"app_label.codename"``.

    Each permission is granted once and remembered; returns a line per
    permission granted now (for ``bhxh_setup``'s output).
    """
    granted = []
    for name in permissions:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        if _grant_once(code, f"perm:{name}", lambda group, p=permission: group.permissions.add(p)):
            granted.append(f"{role_label(code)}: {name}")
    return granted


def grant_role_page_permissions(code, page, actions):
    """Give a role page permissions (``"add"``, ``"change"``, ``"publish"``, ``"bulk_delete"``,
    ``"lock"``, ``"unlock"``) on ``page`` and the pages below it."""
    from wagtail.models import GroupPagePermission

    granted = []
    for action in actions:

        def grant(group, action=action):
            if not GroupPagePermission.objects.filter(
                group=group, page=page, permission__codename__startswith=f"{action}_"
            ).exists():
                GroupPagePermission.objects.create(group=group, page=page, permission_type=action)

        if _grant_once(code, f"page:{page.pk}:{action}", grant):
            granted.append(f"{role_label(code)}: {action} pages under {page.title}")
    return granted


def grant_role_collection_permissions(code, collection, permissions):
    """Give a role collection permissions (``"wagtailimages.add_image"``, ``"wagtaildocs.choose_document"``...)."""
    from wagtail.models import GroupCollectionPermission

    granted = []
    for name in permissions:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)

        def grant(group, permission=permission):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)

        if _grant_once(code, f"collection:{collection.pk}:{name}", grant):
            granted.append(f"{role_label(code)}: {name} in {collection}")
    return granted
