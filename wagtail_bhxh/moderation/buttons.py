"""Buttons on pages in the admin: request a takedown, take down (head), add a correction."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus.pages import PageMenuItem

from ..models.takedown import PageNotice, TakedownRequest
from .roles import EDITORIAL_ROLES, user_has_any_role
from .rules import is_protected_page, was_ever_published


class RequestTakedownButton(PageMenuItem):
    label = _("Request takedown")
    icon_name = "warning"

    @property
    def url(self):
        return reverse("wagtail_bhxh_takedown:add") + f"?page={self.page.pk}"

    def is_shown(self, user):
        return (
            is_protected_page(self.page)
            and was_ever_published(self.page)
            and user_has_any_role(user, EDITORIAL_ROLES)
            and user.has_perm(f"wagtail_bhxh.add_{TakedownRequest._meta.model_name}")
        )


class AddCorrectionButton(PageMenuItem):
    label = _("Add correction")
    icon_name = "edit"

    @property
    def url(self):
        return reverse("wagtail_bhxh_corrections:add") + f"?page={self.page.pk}"

    def is_shown(self, user):
        return (
            self.page.live
            and is_protected_page(self.page)
            and user.has_perm(f"wagtail_bhxh.add_{PageNotice._meta.model_name}")
        )


def page_buttons(page, user, next_url=None, view_name=None):
    """For both ``register_page_listing_more_buttons`` and ``register_page_header_buttons``."""
    yield RequestTakedownButton(page=page, priority=55)
    yield AddCorrectionButton(page=page, priority=56)
