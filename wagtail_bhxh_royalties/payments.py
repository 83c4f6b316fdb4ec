"""Paying an approved statement: payments, notices to payees who have not collected, carry-over.

A payee of an approved statement who is unpaid, not carried over and has a
net amount is *due a notice* when nobody has noticed them in the last
``NOTICE_INTERVAL_DAYS`` days. Notices go by email to payees with an address
(a staff member's account email, an outside contributor's recorded email);
the others get a printed letter, recorded when the accountant says it was
sent. Each notice is a :class:`~.models.PaymentNotice` row (date, channel,
who sent it; at most one a day per payee, enforced by the database) and the
batch is written to the statement's audit log.

After ``NOTICES_BEFORE_CARRY_OVER`` notices an unpaid amount may be *carried
over*: to the next year (``manage.py bhxh_royalty_carry_over`` on 1 January)
or, from the statement's page, to the year after the statement's (or the
current year, if later). A carried amount shows in both years' reports; it
can still be paid when the payee turns up.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Exists, Min, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.log_actions import log

from .conf import royalty_settings
from .flow import CARRY_OVER_ACTION, NOTICE_ACTION, PAYMENT_ACTION
from .models import PaymentNotice, RoyaltyEntry, Statement, StatementPerson
from .statements import _key, email_of, with_email
from .words import amount_in_words

logger = logging.getLogger(__name__)


def _today(today=None):
    return today or timezone.localdate()


def outstanding():
    """Payees of approved statements who are owed money: unpaid, not carried over, net above zero."""
    return StatementPerson.objects.filter(
        statement__status=Statement.Status.APPROVED, paid_on__isnull=True, carried_to_year__isnull=True, net__gt=0
    )


def noticed_since(day):
    return Exists(PaymentNotice.objects.filter(person=OuterRef("pk"), sent_on__gt=day))


def due_for_notice(today=None, statement=None):
    """Outstanding payees nobody has noticed in the last NOTICE_INTERVAL_DAYS days, with their email."""
    today = _today(today)
    since = today - datetime.timedelta(days=royalty_settings.NOTICE_INTERVAL_DAYS)
    people = outstanding().filter(~noticed_since(since))
    if statement is not None:
        people = people.filter(statement=statement)
    return with_email(people).select_related("statement").order_by("statement__year", "statement__month", "sort_order")


def is_outstanding(person):
    return person.paid_on is None and person.carried_to_year is None and person.net > 0


def is_due(person, today=None):
    """The rule of :func:`due_for_notice` for a payee read by ``statement_lines`` (no query)."""
    if not is_outstanding(person):
        return False
    since = _today(today) - datetime.timedelta(days=royalty_settings.NOTICE_INTERVAL_DAYS)
    return person.last_notice_on is None or person.last_notice_on <= since


@dataclass
class NoticeSummary:
    outstanding: int
    due_by_email: int
    due_by_letter: int
    carry_over: int
    notices_before_carry_over: int
    interval_days: int


def notice_summary(groups, today=None):
    """What the statement's payment actions would do, from its PersonLines (no query)."""
    people = [group.person for group in groups]
    due = [person for person in people if is_due(person, today)]
    limit = royalty_settings.NOTICES_BEFORE_CARRY_OVER
    return NoticeSummary(
        outstanding=sum(1 for person in people if is_outstanding(person)),
        due_by_email=sum(1 for person in due if email_of(person)),
        due_by_letter=sum(1 for person in due if not email_of(person)),
        carry_over=sum(1 for person in people if is_outstanding(person) and person.notices_sent >= limit),
        notices_before_carry_over=limit,
        interval_days=royalty_settings.NOTICE_INTERVAL_DAYS,
    )


def carry_over_candidates(statement=None):
    """Outstanding payees who have had the configured number of notices."""
    people = outstanding().filter(notices_sent__gte=royalty_settings.NOTICES_BEFORE_CARRY_OVER)
    if statement is not None:
        people = people.filter(statement=statement)
    return people.select_related("statement").order_by("statement__year", "statement__month", "sort_order")


def portal(site=None):
    """The office's PortalSettings (for the default site when no site is given)."""
    from wagtail.models import Site

    from wagtail_bhxh.models import PortalSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    return PortalSettings.for_site(site) if site else None


def contact(portal_settings):
    if royalty_settings.NOTICE_CONTACT:
        return royalty_settings.NOTICE_CONTACT
    if portal_settings is None:
        return ""
    return " – ".join(part for part in (portal_settings.address, portal_settings.phone) if part)


def item_counts(people):
    """{person pk: (items, earliest publication date)} of payees' entries, in one query."""
    people = list(people)
    statement_ids = {person.statement_id for person in people}
    rows = (
        RoyaltyEntry.objects.filter(statement_id__in=statement_ids)
        .values("statement_id", "user_id", "contributor_id", "person_name")
        .annotate(items=Count("pk"), first=Min("published_on"))
        .order_by()
    )
    found = {}
    for row in rows:
        key = (row["statement_id"], _key(row["user_id"], row["contributor_id"], row["person_name"]))
        items, first = found.get(key, (0, None))
        found[key] = (items + row["items"], min(filter(None, (first, row["first"]))))
    return {
        person.pk: found.get((person.statement_id, _key(person.user_id, person.contributor_id, person.name)), (0, None))
        for person in people
    }


@dataclass
class NoticeContext:
    person: StatementPerson
    number: int
    items: int
    first_published: datetime.date | None
    portal: object
    contact: str

    @property
    def statement(self):
        return self.person.statement

    @property
    def net_in_words(self):
        return amount_in_words(self.person.net)

    @property
    def carry_over_after(self):
        return royalty_settings.NOTICES_BEFORE_CARRY_OVER

    @property
    def deadline(self):
        if self.first_published is None:
            return None
        return self.first_published + datetime.timedelta(days=royalty_settings.PAYMENT_DEADLINE_DAYS)


def notice_contexts(people, portal_settings=None):
    people = list(people)
    counts = item_counts(people)
    portal_settings = portal_settings if portal_settings is not None else portal()
    where = contact(portal_settings)
    return [
        NoticeContext(person, person.notices_sent + 1, *counts[person.pk], portal=portal_settings, contact=where)
        for person in people
    ]


@dataclass
class NoticeResult:
    emailed: list = field(default_factory=list)
    without_email: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def _language_of(people):
    """Staff members read notices in their admin language; outside contributors in the site's."""
    from wagtail.users.models import UserProfile

    user_ids = [person.user_id for person in people if person.user_id]
    profiles = {profile.user_id: profile for profile in UserProfile.objects.filter(user_id__in=user_ids)}
    default = settings.LANGUAGE_CODE
    return {
        person.pk: (profiles[person.user_id].get_preferred_language() if person.user_id in profiles else default)
        for person in people
    }


def _message(context, language, address):
    with override(language):
        subject = render_to_string("wagtail_bhxh_royalties/emails/payment_notice_subject.txt", {"notice": context})
        body = render_to_string("wagtail_bhxh_royalties/emails/payment_notice.txt", {"notice": context})
    from wagtail_bhxh.moderation.notifications import from_email

    return EmailMultiAlternatives(
        " ".join(subject.split()), body.strip(), from_email(), [address], headers={"Auto-Submitted": "auto-generated"}
    )


def send_notices(user=None, *, statement=None, today=None, dry_run=False):
    """Email a notice to every payee due one who has an address; record each one sent.

    Returns a :class:`NoticeResult`: payees emailed, due payees without an
    address (they need a printed letter) and addresses that failed. Retrying
    on the same day (or within the interval) sends nothing twice.
    """
    today = _today(today)
    result = NoticeResult()
    with transaction.atomic():
        due = due_for_notice(today, statement)
        if dry_run:
            people = list(due)
        else:
            # A second run started meanwhile waits here, then finds these payees already noticed.
            people = list(due.select_for_update(of=("self",)))
            if people:
                since = today - datetime.timedelta(days=royalty_settings.NOTICE_INTERVAL_DAYS)
                fresh = set(
                    PaymentNotice.objects.filter(person__in=people, sent_on__gt=since).values_list(
                        "person_id", flat=True
                    )
                )
                people = [person for person in people if person.pk not in fresh]
        reachable = [person for person in people if email_of(person)]
        result.without_email = [person for person in people if not email_of(person)]
        if dry_run or not reachable:
            result.emailed = reachable if dry_run else []
            return result
        languages = _language_of(reachable)
        connection = get_connection()
        notices = []
        for context in notice_contexts(reachable):
            person, address = context.person, email_of(context.person)
            try:
                message = _message(context, languages[person.pk], address)
                message.connection = connection
                sent = message.send()
            except (smtplib.SMTPException, OSError):
                logger.exception("Could not email a royalty payment notice to %s", address)
                sent = 0
            if not sent:
                result.failed.append(person)
                continue
            notices.append(
                PaymentNotice(
                    person=person,
                    sent_on=today,
                    channel=PaymentNotice.Channel.EMAIL,
                    recipient=address,
                    number=context.number,
                    sent_by=user,
                )
            )
            result.emailed.append(person)
        _record(notices, PaymentNotice.Channel.EMAIL, user)
    return result


def record_letters(people, user, *, today=None):
    """Record printed letters as sent to those of ``people`` still due a notice. Returns the payees recorded."""
    today = _today(today)
    ids = [person.pk if isinstance(person, StatementPerson) else int(person) for person in people]
    with transaction.atomic():
        due = list(due_for_notice(today).filter(pk__in=ids).select_for_update(of=("self",)))
        notices = [
            PaymentNotice(
                person=person,
                sent_on=today,
                channel=PaymentNotice.Channel.LETTER,
                number=person.notices_sent + 1,
                sent_by=user,
            )
            for person in due
        ]
        _record(notices, PaymentNotice.Channel.LETTER, user)
    return due


def _record(notices, channel, user):
    if not notices:
        return
    PaymentNotice.objects.bulk_create(notices)
    people = [notice.person for notice in notices]
    for notice in notices:
        notice.person.notices_sent = notice.number
    StatementPerson.objects.bulk_update(people, ["notices_sent"])
    by_statement = {}
    for notice in notices:
        by_statement.setdefault(notice.person.statement_id, (notice.person.statement, []))[1].append(notice.person.name)
    for statement, names in by_statement.values():
        log(statement, NOTICE_ACTION, user=user, data={"channel": channel, "count": len(names), "names": names})


def carry_over(people, to_year, user=None, *, today=None):
    """Carry the unpaid amounts of ``people`` (carry-over candidates) to ``to_year``. Returns those carried."""
    today = _today(today)
    with transaction.atomic():
        people = list(people.select_for_update(of=("self",)))
        for person in people:
            person.carried_to_year = to_year
            person.carried_on = today
        StatementPerson.objects.bulk_update(people, ["carried_to_year", "carried_on"])
        by_statement = {}
        for person in people:
            by_statement.setdefault(person.statement_id, (person.statement, []))[1].append(person)
        for statement, carried in by_statement.values():
            log(
                statement,
                CARRY_OVER_ACTION,
                user=user,
                data={
                    "to_year": to_year,
                    "count": len(carried),
                    "names": [person.name for person in carried],
                    "total": str(sum(person.gross for person in carried)),
                },
            )
    return people


def carry_over_year(year, user=None, *, today=None, dry_run=False):
    """Year-end carry-over: candidates of statements of ``year`` or earlier go to ``year + 1``."""
    people = carry_over_candidates().filter(statement__year__lte=year)
    if dry_run:
        return list(people)
    return carry_over(people, year + 1, user, today=today)


def carry_over_statement(statement, user=None, *, today=None):
    """The statement's action: its candidates go to the year after it, or to this year if that is later."""
    if not statement.is_locked:
        raise ValidationError(_("Amounts are carried over once the statement has been approved."))
    today = _today(today)
    return carry_over(carry_over_candidates(statement), max(statement.year + 1, today.year), user, today=today)


def record_payment(person, paid_on, user):
    """Record (or clear, with None) the date a payee was paid; audit-logged."""
    if not person.statement.is_locked:
        raise ValidationError(_("Payments are recorded once the statement has been approved."))
    person.paid_on = paid_on
    person.save(update_fields=["paid_on"])
    log(
        person.statement,
        PAYMENT_ACTION,
        user=user,
        data={"name": person.name, "paid_on": paid_on.isoformat() if paid_on else None},
    )
    return person


def carried_in(year):
    """Payees whose amounts were carried over to ``year`` from earlier statements, in one query."""
    return list(
        StatementPerson.objects.filter(carried_to_year=year)
        .select_related("statement")
        .order_by("statement__year", "statement__month", "sort_order")
    )
