"""Monthly statements in the admin: build, inspect, approve (lock), export and record payments."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from .. import payments
from .. import statements as service
from ..conf import royalty_settings
from ..export import signature_titles, statement_workbook
from ..forms import PaymentForm
from ..models import Statement, StatementPerson
from ..permissions import can_approve_statements, can_build_statements, can_manage_payments, can_view_statements
from ..statements import email_of, with_email
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
        groups = service.statement_lines(self.statement)
        manage_payments = can_manage_payments(user) and self.statement.is_locked
        return super().get_context_data(
            statement=self.statement,
            groups=groups,
            can_build=can_build_statements(user) and not self.statement.is_locked,
            can_approve=can_approve_statements(user) and not self.statement.is_locked,
            can_record_payment=can_build_statements(user) and self.statement.is_locked,
            can_manage_payments=manage_payments,
            notices=payments.notice_summary(groups) if manage_payments else None,
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
    """The accountant records the date a payee was paid (notices and carry-over have their own actions)."""

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
        return {"paid_on": self.person.paid_on}

    def get_context_data(self, **kwargs):
        notices = self.person.notices.select_related("sent_by").order_by("number")
        return super().get_context_data(person=self.person, notices=notices, **kwargs)

    def form_valid(self, form):
        person = payments.record_payment(self.person, form.cleaned_data["paid_on"], self.request.user)
        messages.success(self.request, _("Payment of %(name)s recorded.") % {"name": person.name})
        return redirect("wagtail_bhxh_royalties_statements:edit", person.statement_id)


def _payments_statement(request, pk):
    """The statement, if the user handles payments (accountant, head) and it is approved."""
    statement = _statement_or_denied(request, pk)
    if not can_manage_payments(request.user):
        raise PermissionDenied
    return statement


def send_notices_view(request, pk):
    """POST: email a payment notice to every payee of the statement due one."""
    statement = _payments_statement(request, pk)
    if request.method != "POST":
        return redirect("wagtail_bhxh_royalties_statements:edit", pk)
    if not statement.is_locked:
        messages.error(request, _("Payment notices are sent once the statement has been approved."))
        return redirect("wagtail_bhxh_royalties_statements:edit", pk)
    result = payments.send_notices(request.user, statement=statement)
    if result.emailed:
        messages.success(
            request,
            ngettext("%(count)s payment notice emailed.", "%(count)s payment notices emailed.", len(result.emailed))
            % {"count": len(result.emailed)},
        )
    elif not result.failed and not result.without_email:
        messages.info(request, _("No payee is due a notice: all are paid, carried over or noticed recently."))
    if result.failed:
        messages.error(
            request,
            _("Could not email: %(names)s. Try again later or print their letters.")
            % {"names": ", ".join(person.name for person in result.failed)},
        )
    if result.without_email:
        messages.warning(
            request,
            _("No email address for %(names)s: print their notice letters.")
            % {"names": ", ".join(person.name for person in result.without_email)},
        )
    return redirect("wagtail_bhxh_royalties_statements:edit", pk)


class NoticeLettersView(TemplateView):
    """Printable notice letters (one a page) for payees without email; POST records them as sent.

    By default the letters of the statement's payees due a notice who have no
    email address; ``?person=ID`` prints one payee's letter (a reprint, or a
    letter to someone who also has an email).
    """

    template_name = "wagtail_bhxh_royalties/notice_letters.html"

    def dispatch(self, request, pk):
        self.statement = _payments_statement(request, pk)
        if not self.statement.is_locked:
            messages.error(request, _("Payment notices are sent once the statement has been approved."))
            return redirect("wagtail_bhxh_royalties_statements:edit", pk)
        return super().dispatch(request, pk)

    def get_people(self):
        person = self.request.GET.get("person", "")
        if person.isdigit():
            people = payments.outstanding().filter(statement=self.statement, pk=int(person))
            return list(with_email(people).select_related("statement", "contributor"))
        due = payments.due_for_notice(statement=self.statement).select_related("contributor")
        return [p for p in due if not email_of(p)]

    def get_context_data(self, **kwargs):
        people = self.get_people()
        return super().get_context_data(
            statement=self.statement,
            letters=payments.notice_contexts(people, payments.portal(Site.find_for_request(self.request))),
            today=timezone.localdate(),
            signature_titles=signature_titles()[1:],
            **kwargs,
        )

    def post(self, request, pk):
        ids = [int(value) for value in request.POST.getlist("person") if value.isdigit()]
        recorded = payments.record_letters(
            payments.outstanding().filter(statement=self.statement, pk__in=ids).values_list("pk", flat=True),
            request.user,
        )
        if recorded:
            messages.success(
                request,
                ngettext(
                    "%(count)s notice letter recorded as sent.",
                    "%(count)s notice letters recorded as sent.",
                    len(recorded),
                )
                % {"count": len(recorded)},
            )
        else:
            messages.info(request, _("No letter recorded: those payees are paid, carried over or noticed recently."))
        return redirect("wagtail_bhxh_royalties_statements:edit", pk)


def carry_over_view(request, pk):
    """POST: carry the statement's unpaid amounts that had enough notices to the next year."""
    statement = _payments_statement(request, pk)
    if request.method != "POST":
        return redirect("wagtail_bhxh_royalties_statements:edit", pk)
    try:
        carried = payments.carry_over_statement(statement, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("wagtail_bhxh_royalties_statements:edit", pk)
    if carried:
        messages.success(
            request,
            ngettext(
                "%(count)s unclaimed amount carried to %(year)s.",
                "%(count)s unclaimed amounts carried to %(year)s.",
                len(carried),
            )
            % {"count": len(carried), "year": carried[0].carried_to_year},
        )
    else:
        messages.info(
            request,
            _("Nothing to carry over: no unpaid amount has had %(count)s notices yet.")
            % {"count": royalty_settings.NOTICES_BEFORE_CARRY_OVER},
        )
    return redirect("wagtail_bhxh_royalties_statements:edit", pk)


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
            path("<int:pk>/notices/", send_notices_view, name="send_notices"),
            path("<int:pk>/letters/", NoticeLettersView.as_view(), name="letters"),
            path("<int:pk>/carry-over/", carry_over_view, name="carry_over"),
        ]
