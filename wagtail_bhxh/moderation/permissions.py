"""The page permission tester of the suite's page types.

Wagtail asks a page's ``permissions_for_user()`` before every unpublish,
delete, move or privacy change, in its views, bulk actions and buttons. For
the suite's pages it returns :class:`PortalPagePermissionTester`, which
reserves those actions to the head of the editorial board whenever the page,
or a page below it, is protected news that was ever published. Everyone
else, superusers included, files a takedown request instead.
"""

from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester

from .roles import HEAD, user_has_role
from .rules import needs_head_to_remove
from .workflow import is_finishing_workflow


class PortalPagePermissionTester(PagePermissionTester):
    @cached_property
    def reserved_to_head(self):
        """True if removing this page is the head's decision and the user is not the head."""
        if not self.user.is_active or self.page_is_root:
            return False
        return needs_head_to_remove(self.page) and not user_has_role(self.user, HEAD)

    def can_delete(self, ignore_bulk=False):
        if self.reserved_to_head:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        if self.reserved_to_head:
            return False
        return super().can_unpublish()

    def can_move(self):
        if self.reserved_to_head:
            return False
        return super().can_move()

    def can_move_to(self, destination):
        # Wagtail lets superusers move anything before asking can_move().
        if self.reserved_to_head:
            return False
        return super().can_move_to(destination)

    def can_publish(self):
        # A finished Decision 2474 workflow publishes as its last approver,
        # who needs no publish permission of their own.
        if is_finishing_workflow(self.page):
            return self.user.is_active
        return super().can_publish()

    def can_set_view_restrictions(self):
        # Making a published article private removes it as surely as unpublishing it.
        if self.reserved_to_head:
            return False
        return super(PortalPagePermissionTester, self).can_publish()

    def can_take_down(self):
        """Whether the user may decide takedowns of this page (the head only)."""
        return self.user.is_active and user_has_role(self.user, HEAD)
