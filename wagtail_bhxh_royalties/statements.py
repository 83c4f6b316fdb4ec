"""Building a monthly statement (bảng kê) and reading it back for display and export.

A statement takes every approved entry published up to the end of its month
that is on no statement yet (so an entry approved late joins the next
statement rather than being lost) and the month's remuneration, groups them
by person, and withholds tax per person with the configured rule. Every
figure is a sum of already rounded lines: the totals equal the sum of lines.
Building costs a fixed number of queries, whatever the number of entries.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .conf import royalty_settings
from .flow import STATEMENT_APPROVE_ACTION, STATEMENT_BUILD_ACTION
from .models import RemunerationLine, RoyaltyEntry, Statement, StatementPerson
from .remuneration import generate_remuneration
from .tax import get_tax_rule


def month_bounds(year, month):
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _key(user_id, contributor_id, name):
    if user_id:
        return ("user", user_id)
    if contributor_id:
        return ("contributor", contributor_id)
    return ("name", name.strip().casefold())


def build_statement(year, month, user=None):
    """Create or rebuild the draft statement of a month. Refuses an approved (locked) one."""
    statement, _created = Statement.objects.get_or_create(year=year, month=month)
    if statement.is_locked:
        raise ValidationError(
            _("The statement of %(month)02d/%(year)s is approved and locked.")
            % {
                "month": month,
                "year": year,
            }
        )
    _first, last = month_bounds(year, month)
    tax_rule = get_tax_rule()
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement.pk)
        RoyaltyEntry.objects.filter(statement=statement).update(statement=None)
        RemunerationLine.objects.filter(statement=statement).update(statement=None)
        statement.people.all().delete()
        generate_remuneration(year, month)
        entries = RoyaltyEntry.objects.filter(
            status=RoyaltyEntry.Status.APPROVED, statement__isnull=True, published_on__lte=last
        )
        lines = RemunerationLine.objects.filter(year=year, month=month, statement__isnull=True)
        people = {}
        for user_id, contributor_id, name, amount in entries.values_list(
            "user_id", "contributor_id", "person_name", "amount"
        ).order_by("person_name", "pk"):
            person = people.setdefault(
                _key(user_id, contributor_id, name),
                StatementPerson(statement=statement, user_id=user_id, contributor_id=contributor_id, name=name),
            )
            person.royalties += amount
        for user_id, amount in lines.values_list("user_id", "amount"):
            person = people.get(("user", user_id))
            if person is None:
                person = people[("user", user_id)] = StatementPerson(statement=statement, user_id=user_id, name="")
            person.remuneration += amount
        missing_names = [p for p in people.values() if not p.name]
        if missing_names:
            from django.contrib.auth import get_user_model

            from wagtail_bhxh.models.page_relations import vietnamese_full_name

            users = get_user_model().objects.in_bulk([p.user_id for p in missing_names])
            for person in missing_names:
                person.name = vietnamese_full_name(users[person.user_id])
        ordered = sorted(people.values(), key=lambda p: (p.name.casefold(), p.user_id or 0, p.contributor_id or 0))
        for order, person in enumerate(ordered):
            person.sort_order = order
            person.gross = person.royalties + person.remuneration
            person.tax = tax_rule.withholding(person.gross, person.is_staff_member)
            person.net = person.gross - person.tax
        StatementPerson.objects.bulk_create(ordered)
        entries.update(statement=statement)
        lines.update(statement=statement)
        statement.total_gross = sum((p.gross for p in ordered), Decimal(0))
        statement.total_tax = sum((p.tax for p in ordered), Decimal(0))
        statement.total_net = sum((p.net for p in ordered), Decimal(0))
        statement.built_at = timezone.now()
        statement.save()
    log(
        statement, STATEMENT_BUILD_ACTION, user=user, data={"people": len(ordered), "total": str(statement.total_gross)}
    )
    return statement


def approve_statement(statement, user):
    if statement.is_locked:
        raise ValidationError(_("This statement is already approved."))
    if statement.built_at is None:
        raise ValidationError(_("Build the statement before approving it."))
    statement.status = Statement.Status.APPROVED
    statement.approved_by = user
    statement.approved_at = timezone.now()
    statement.save(update_fields=["status", "approved_by", "approved_at"])
    log(statement, STATEMENT_APPROVE_ACTION, user=user, data={"total": str(statement.total_gross)})
    return statement


@dataclass
class PersonLines:
    person: StatementPerson
    entries: list = field(default_factory=list)
    remuneration: list = field(default_factory=list)

    @property
    def payment_deadline(self):
        """Royalties are due within PAYMENT_DEADLINE_DAYS of publication: the earliest item sets the date."""
        if not self.entries:
            return None
        first = min(entry.published_on for entry in self.entries)
        return first + datetime.timedelta(days=royalty_settings.PAYMENT_DEADLINE_DAYS)

    @property
    def email(self):
        return email_of(self.person)

    @property
    def is_overdue(self):
        deadline = self.payment_deadline
        person = self.person
        return bool(deadline and not person.paid_on and not person.carried_to_year and timezone.localdate() > deadline)


@dataclass(frozen=True)
class Line:
    """One entry as shown on a statement (read as values: thousands of them print fast)."""

    pk: int
    title: str
    kind: str
    published_on: datetime.date
    coefficient: Decimal
    share_percent: Decimal
    translation_percent: Decimal | None
    lump_sum: Decimal | None
    amount: Decimal


LINE_FIELDS = (
    "pk",
    "title",
    "kind__name",
    "published_on",
    "coefficient",
    "share_percent",
    "translation_percent",
    "lump_sum",
    "amount",
)


def with_email(people):
    """Annotate what payment notices need: the payee's emails and the date of their last notice."""
    from .models import PaymentNotice

    last_notice = PaymentNotice.objects.filter(person=OuterRef("pk")).order_by("-sent_on").values("sent_on")[:1]
    return people.annotate(
        user_email=F("user__email"),
        user_active=F("user__is_active"),
        contributor_email=F("contributor__email"),
        last_notice_on=Subquery(last_notice),
    )


def email_of(person):
    """Where a payee's notices go: an active staff member's account email, else the contributor's."""
    if person.user_id:
        return person.user_email if person.user_active and person.user_email else ""
    return person.contributor_email or ""


def statement_lines(statement):
    """[PersonLines] in statement order, in three queries."""
    people = list(with_email(statement.people.order_by("sort_order")))
    by_key = {_key(p.user_id, p.contributor_id, p.name): PersonLines(p) for p in people}
    rows = (
        RoyaltyEntry.objects.filter(statement=statement)
        .order_by("published_on", "title", "pk")
        .values_list("user_id", "contributor_id", "person_name", *LINE_FIELDS)
    )
    for user_id, contributor_id, person_name, *values in rows:
        group = by_key.get(_key(user_id, contributor_id, person_name))
        if group is not None:
            group.entries.append(Line(*values))
    for line in RemunerationLine.objects.filter(statement=statement).order_by("pk"):
        group = by_key.get(("user", line.user_id))
        if group is not None:
            group.remuneration.append(line)
    return list(by_key.values())
