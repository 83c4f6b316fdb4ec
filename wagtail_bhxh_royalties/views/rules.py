"""The rules as data in the admin: base salary, unit value, kinds, frames, remuneration, fund."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import (
    BaseSalary,
    CoefficientFrame,
    CoefficientUnit,
    Contributor,
    RemunerationRule,
    RoyaltyBudget,
    StatementPerson,
    WorkKind,
)
from .columns import AllPermissionsMixin, MoneyColumn


class RuleViewSet(AllPermissionsMixin, ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False


class BaseSalaryViewSet(RuleViewSet):
    model = BaseSalary
    name = "base_salaries"
    url_prefix = "bhxh/royalties/base-salaries"
    icon = "date"
    menu_label = gettext_lazy("Base salary")
    menu_order = 400
    list_display = ["__str__", MoneyColumn("amount", label=gettext_lazy("Amount (đồng)")), "legal_basis"]
    form_fields = ["effective_from", "amount", "legal_basis"]


class CoefficientUnitViewSet(RuleViewSet):
    model = CoefficientUnit
    name = "coefficient_units"
    url_prefix = "bhxh/royalties/coefficient-units"
    icon = "cog"
    menu_label = gettext_lazy("Value of a coefficient unit")
    menu_order = 410
    list_display = ["__str__", DateColumn("effective_from", label=gettext_lazy("Effective from")), "mode"]
    form_fields = ["effective_from", "mode", "percent", "fixed_amount"]


class WorkKindViewSet(RuleViewSet):
    model = WorkKind
    name = "work_kinds"
    url_prefix = "bhxh/royalties/kinds"
    icon = "tag"
    menu_label = gettext_lazy("Kinds of work")
    menu_order = 420
    list_display = ["name", "code", "sort_order"]
    form_fields = ["name", "code", "sort_order"]


class FrameIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Each row names its kind of work (ModelViewSet has no get_queryset hook, unlike SnippetViewSet).
        return super().get_base_queryset().select_related("kind")


class CoefficientFrameViewSet(RuleViewSet):
    model = CoefficientFrame
    name = "coefficient_frames"
    url_prefix = "bhxh/royalties/frames"
    icon = "list-ul"
    menu_label = gettext_lazy("Coefficient frames")
    menu_order = 430
    list_display = ["__str__", DateColumn("effective_from", label=gettext_lazy("Effective from")), "minimum", "maximum"]
    list_filter = ["kind"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("effective_from"),
            FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum")]),
        ]
    )

    index_view_class = FrameIndexView


class RemunerationRuleViewSet(RuleViewSet):
    model = RemunerationRule
    name = "remuneration_rules"
    url_prefix = "bhxh/royalties/remuneration-rules"
    icon = "group"
    menu_label = gettext_lazy("Remuneration rules")
    menu_order = 440
    list_display = ["name", "role", "mode", DateColumn("effective_from", label=gettext_lazy("Effective from"))]
    form_fields = ["name", "role", "mode", "percent", "cap", "rate", "effective_from", "effective_to"]


class BudgetIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Unclaimed amounts carried over to a year are paid from that year's fund.
        carried = (
            StatementPerson.objects.filter(carried_to_year=OuterRef("year"))
            .order_by()
            .values("carried_to_year")
            .annotate(total=Sum("gross"))
            .values("total")
        )
        money = DecimalField(max_digits=16, decimal_places=0)
        return (
            super()
            .get_base_queryset()
            .annotate(carried_in=Coalesce(Subquery(carried, output_field=money), Value(Decimal(0)), output_field=money))
        )


class RoyaltyBudgetViewSet(RuleViewSet):
    model = RoyaltyBudget
    name = "budgets"
    url_prefix = "bhxh/royalties/budgets"
    icon = "calculator"
    menu_label = gettext_lazy("Annual royalty fund")
    menu_order = 450
    list_display = [
        "__str__",
        MoneyColumn("amount", label=gettext_lazy("Fund (đồng)")),
        MoneyColumn("carried_in", label=gettext_lazy("Carried over from earlier years (đồng)")),
    ]
    form_fields = ["year", "amount"]

    index_view_class = BudgetIndexView


class ContributorViewSet(RuleViewSet):
    """Outside contributors: only the accountant and the head hold the view permission."""

    model = Contributor
    name = "contributors"
    url_prefix = "bhxh/royalties/contributors"
    icon = "user"
    menu_label = gettext_lazy("Outside contributors")
    menu_order = 300
    inspect_view_enabled = True
    search_fields = ["name"]
    search_backend_name = None
    list_display = [
        "name",
        Column("masked_id_number", label=gettext_lazy("ID number")),
        Column("masked_bank_account", label=gettext_lazy("Bank account")),
        "bank_name",
    ]
    inspect_view_fields = ["name", "id_number", "tax_code", "bank_account", "bank_name", "address", "phone", "email"]
    form_fields = ["name", "id_number", "tax_code", "bank_account", "bank_name", "address", "phone", "email"]
