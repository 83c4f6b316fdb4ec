"""Monthly statements in the admin: build, inspect, approve (lock), export and record payments."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .. import statements as service
from ..conf import royalty_settings
from ..export import signature_titles, statement_workbook
from ..flow import PAYMENT_ACTION
from ..forms import PaymentForm
from ..models import Statement, StatementPerson
from ..permissions import can_approve_statements, can_build_statements, can_view_statements
from .columns import AllPermissionsMixin, MoneyColumn


class StatementCreateView(generic.CreateView):
    """Choosing a month builds its statement (the form only asks for the month)."""

    page_title = gettext_lazy("Build a monthly statement")
    submit_button_label = gettext_lazy("Build the statement")

    def save_instance(self):
        data = self.form.cleaned_data
        return service.build_statement(data["year"], data["month"], self.request.user)

    def get_success_message(self, instance):
        return _("%(statement)s built: %(people)s payees.") % {
            "statement": instance,
            "people": instance.people.count(),
        }

    def get_success_url(self):
        return reverse("wagtail_bhxh_royalties_statements:edit", args=(self.object.pk,))

    def get_success_buttons(self):
        return []


def _statement_or_denied(request, pk):
    if not can_view_statements(request.user):
        raise PermissionDenied
    return get_object_or_404(Statement, pk=pk)


class StatementDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_bhxh_royalties/admin/statement_detail.html"
    header_icon = "table"

    def dispatch(self, request, pk):
        self.statement = _statement_or_denied(request, pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return str(self.statement)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            statement=self.statement,
            groups=service.statement_lines(self.statement),
            can_build=can_build_statements(user) and not self.statement.is_locked,
            can_approve=can_approve_statements(user) and not self.statement.is_locked,
            can_record_payment=can_build_statements(user) and self.statement.is_locked,
            deadline_days=royalty_settings.PAYMENT_DEADLINE_DAYS,
            **kwargs,
        )


class StatementPrintView(TemplateView):
    """Printable HTML (the browser prints it to paper or PDF) with signature blocks."""

    template_name = "wagtail_bhxh_royalties/statement_print.html"

    def dispatch(self, request, pk):
        self.statement = _statement_or_denied(request, pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statement=self.statement,
            groups=service.statement_lines(self.statement),
            signature_titles=signature_titles(),
            **kwargs,
        )


def export_view(request, pk):
    statement = _statement_or_denied(request, pk)
    response = HttpResponse(
        statement_workbook(statement),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bang-ke-nhuan-but-{statement.year}-{statement.month:02d}.xlsx"'
    )
    return response


def rebuild_view(request, pk):
    statement = _statement_or_denied(request, pk)
    if not can_build_statements(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            service.build_statement(statement.year, statement.month, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(statement)s rebuilt.") % {"statement": statement})
    return redirect("wagtail_bhxh_royalties_statements:edit", pk)


def approve_view(request, pk):
    statement = _statement_or_denied(request, pk)
    if not can_approve_statements(request.user):
        raise PermissionDenied(_("Only the head of the editorial board approves statements."))
    if request.method == "POST":
        try:
            service.approve_statement(statement, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(statement)s approved and locked.") % {"statement": statement})
    return redirect("wagtail_bhxh_royalties_statements:edit", pk)


class PaymentView(WagtailAdminTemplateMixin, FormView):
    """The accountant records a payment, the notices sent, or carries an unclaimed amount to next year."""

    form_class = PaymentForm
    template_name = "wagtail_bhxh_royalties/admin/payment.html"
    page_title = gettext_lazy("Record a payment")
    header_icon = "tick"

    def dispatch(self, request, pk):
        if not can_build_statements(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(StatementPerson.objects.select_related("statement"), pk=pk)
        if not self.person.statement.is_locked:
            messages.error(request, _("Payments are recorded once the statement has been approved."))
            return redirect("wagtail_bhxh_royalties_statements:edit", self.person.statement_id)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.person.name

    def get_initial(self):
        return {
            "paid_on": self.person.paid_on,
            "notices_sent": self.person.notices_sent,
            "carried_to_year": self.person.carried_to_year,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        person = self.person
        for name, value in form.cleaned_data.items():
            setattr(person, name, value)
        person.save(update_fields=["paid_on", "notices_sent", "carried_to_year"])
        log(
            person.statement,
            PAYMENT_ACTION,
            user=self.request.user,
            data={
                "name": person.name,
                "paid_on": person.paid_on.isoformat() if person.paid_on else None,
                "notices_sent": person.notices_sent,
                "carried_to_year": person.carried_to_year,
            },
        )
        messages.success(self.request, _("Payment of %(name)s recorded.") % {"name": person.name})
        return redirect("wagtail_bhxh_royalties_statements:edit", person.statement_id)


class StatementDeleteView(generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        statement = get_object_or_404(Statement, pk=kwargs.get("pk"))
        if statement.is_locked:
            raise PermissionDenied(_("An approved statement cannot be deleted."))
        return super().dispatch(request, *args, **kwargs)


class StatementViewSet(AllPermissionsMixin, ModelViewSet):
    model = Statement
    # Nothing links to entries or statements from content; indexing them only slows building a month.
    add_to_reference_index = False
    name = "statements"
    url_prefix = "bhxh/royalties/statements"
    url_namespace = "wagtail_bhxh_royalties_statements"
    icon = "table"
    menu_label = gettext_lazy("Monthly statements")
    menu_order = 200
    add_to_admin_menu = False
    copy_view_enabled = False
    add_view_class = StatementCreateView
    delete_view_class = StatementDeleteView
    ordering = ["-year", "-month"]
    list_display = [
        TitleColumn("__str__", label=gettext_lazy("Statement"), url_name="wagtail_bhxh_royalties_statements:edit"),
        MoneyColumn("total_gross", label=gettext_lazy("Total")),
        MoneyColumn("total_tax", label=gettext_lazy("Tax withheld")),
        MoneyColumn("total_net", label=gettext_lazy("Net total")),
        StatusTagColumn(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", primary=lambda s: not s.is_locked
        ),
    ]
    edit_handler = ObjectList([FieldRowPanel([FieldPanel("year"), FieldPanel("month")])])

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name != "edit"]
        return [
            *patterns,
            path("<int:pk>/", StatementDetailView.as_view(), name="edit"),
            path("<int:pk>/rebuild/", rebuild_view, name="rebuild"),
            path("<int:pk>/approve/", approve_view, name="approve"),
            path("<int:pk>/xlsx/", export_view, name="xlsx"),
            path("<int:pk>/print/", StatementPrintView.as_view(), name="print"),
            path("payment/<int:pk>/", PaymentView.as_view(), name="payment"),
        ]
