"""The live content standards findings of the page editor's "Checks" panel.

The panel posts the editor's form here every few seconds when it has
changed, and shows the HTML returned: the findings for what is on screen,
saved or not. Nothing is saved.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from ...models.base import BasePage
from ...standards import run_checks


class StandardsCheckView(View):
    http_method_names = ["get", "post"]
    template_name = "wagtail_bhxh/standards/findings.html"

    def get_page_and_parent(self):
        kwargs = self.kwargs
        user = self.request.user
        if "page_id" in kwargs:
            page = get_object_or_404(BasePage, pk=kwargs["page_id"]).get_latest_revision_as_object()
            if not page.permissions_for_user(user).can_edit():
                raise PermissionDenied
            return page, page.get_parent().specific
        try:
            content_type = ContentType.objects.get_by_natural_key(kwargs["app_label"], kwargs["model_name"])
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        model = content_type.model_class()
        if model is None or not issubclass(model, BasePage):
            raise Http404
        parent = get_object_or_404(BasePage, pk=kwargs["parent_page_id"]).specific
        if not parent.permissions_for_user(user).can_add_subpage() or not model.can_create_at(parent):
            raise PermissionDenied
        page = model()
        page.depth = parent.depth + 1
        return page, parent

    def page_from_form(self, page, parent):
        form_class = page.get_edit_handler().get_form_class()
        form = form_class(self.request.POST, instance=page, parent_page=parent, for_user=self.request.user)
        # Like a draft save: empty required fields are findings here, not form errors.
        form.defer_required_fields()
        if form.is_valid():
            return form.save(commit=False), True
        # Valid fields are already on form.instance; the rest keep their saved values.
        return form.instance, False

    def render(self, page, form_valid=True):
        return TemplateResponse(
            self.request, self.template_name, {"report": run_checks(page), "form_valid": form_valid}
        )

    def get(self, request, **kwargs):
        page, _parent = self.get_page_and_parent()
        return self.render(page)

    def post(self, request, **kwargs):
        page, parent = self.get_page_and_parent()
        try:
            page, form_valid = self.page_from_form(page, parent)
        except KeyError:
            # Not the editor's form (its formsets' management data is missing).
            return HttpResponseBadRequest(_("This is not the page editor's form."))
        return self.render(page, form_valid)
