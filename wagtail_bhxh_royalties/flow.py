"""The life of a royalty entry: proposed on publish, coefficient proposed, approved (locked), reopened.

Every change of state is written to Wagtail's audit log (*Reports › Site
history*) with the user, and a reopen with its reason.
"""

from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from wagtail_bhxh.models import PageCredit

from .calculation import MissingRule, get_calculator
from .conf import royalty_settings
from .models import Contributor, RoyaltyEntry, WorkKind

PROPOSE_ACTION = "wagtail_bhxh_royalties.propose"
APPROVE_ACTION = "wagtail_bhxh_royalties.approve"
REOPEN_ACTION = "wagtail_bhxh_royalties.reopen"
CREATE_ACTION = "wagtail_bhxh_royalties.create"
STATEMENT_BUILD_ACTION = "wagtail_bhxh_royalties.statement_build"
STATEMENT_APPROVE_ACTION = "wagtail_bhxh_royalties.statement_approve"
PAYMENT_ACTION = "wagtail_bhxh_royalties.payment"
NOTICE_ACTION = "wagtail_bhxh_royalties.notice"
CARRY_OVER_ACTION = "wagtail_bhxh_royalties.carry_over"


def default_kind_code(page, credit_role):
    """The kind of work proposed for a credit on a page (settings PAGE_TYPE_KINDS, CREDIT_ROLE_KINDS)."""
    by_role = royalty_settings.CREDIT_ROLE_KINDS.get(credit_role)
    if by_role:
        return by_role
    mapping = royalty_settings.PAGE_TYPE_KINDS
    specific = page.specific
    for model in type(specific).__mro__:
        meta = getattr(model, "_meta", None)
        if meta is None or meta.abstract:
            continue
        label = f"{meta.app_label}.{meta.object_name}"
        kind_value = getattr(specific, "kind", None)
        if kind_value and f"{label}:{kind_value}" in mapping:
            return mapping[f"{label}:{kind_value}"]
        if label in mapping:
            return mapping[label]
    return royalty_settings.DEFAULT_KIND


def propose_entries_for_page(page, user=None):
    """Create an entry for each credit of a published page that has none yet. Returns the new entries."""
    credits = list(
        PageCredit.objects.filter(page_id=page.pk, royalty_entry__isnull=True)
        .select_related("user")
        .order_by("sort_order", "pk")
    )
    if not credits:
        return []
    kinds = {kind.code: kind for kind in WorkKind.objects.all()}
    first_kind = next(iter(kinds.values()), None)
    if first_kind is None:
        return []  # bhxh_setup has not seeded the kinds of work yet
    published = page.first_published_at or page.last_published_at or timezone.now()
    published_on = timezone.localdate(published)
    calculator = get_calculator()
    names = {credit.name.strip() for credit in credits if not credit.user_id and credit.name.strip()}
    contributors = {c.name: c for c in Contributor.objects.filter(name__in=names)} if names else {}
    # Co-authors of the same kind share the item equally until the secretary says otherwise.
    planned = []
    for credit in credits:
        kind = kinds.get(default_kind_code(page, credit.role)) or kinds.get(royalty_settings.DEFAULT_KIND) or first_kind
        planned.append((credit, kind))
    counts, seen = {}, {}
    for credit, kind in planned:
        key = (kind.pk, credit.role == PageCredit.Role.TRANSLATOR)
        counts[key] = counts.get(key, 0) + 1
    created = []
    with transaction.atomic():
        for credit, kind in planned:
            is_translation = credit.role == PageCredit.Role.TRANSLATOR
            frame = calculator.rules.frame(kind.pk, published_on)
            key = (kind.pk, is_translation)
            seen[key] = seen.get(key, 0) + 1
            share = (Decimal(100) / counts[key]).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
            if seen[key] == counts[key]:  # the last co-author takes the remainder: shares add up to 100 %
                share = Decimal(100) - share * (counts[key] - 1)
            entry = RoyaltyEntry(
                page_id=page.pk,
                credit=credit,
                title=page.title[:255],
                published_on=published_on,
                credit_role=credit.role,
                user=credit.user,
                contributor=contributors.get(credit.name.strip()) if not credit.user_id else None,
                person_name=credit.display_name[:150],
                kind=kind,
                coefficient=frame.minimum if frame else Decimal(0),
                share_percent=share,
                translation_percent=(
                    Decimal(str(royalty_settings.TRANSLATION_DEFAULT_PERCENT)) if is_translation else None
                ),
            )
            entry.amount = safe_amount(calculator, entry)
            entry.save()
            log(entry, CREATE_ACTION, user=user)
            created.append(entry)
    return created


def safe_amount(calculator, entry):
    try:
        return calculator.amount(entry)
    except MissingRule:
        return Decimal(0)


def validate_proposal(entry, rulebook=None):
    """Raise ValidationError (by field) if the entry's figures break the rules in force on its date."""
    calculator = get_calculator(rulebook)
    errors = {}
    if entry.lump_sum is None:
        frame = calculator.rules.frame(entry.kind_id, entry.published_on)
        if frame is None:
            errors["kind"] = _("No coefficient frame of this kind of work is in force on %(date)s.") % {
                "date": entry.published_on.strftime("%d/%m/%Y")
            }
        elif entry.coefficient is not None and not frame.minimum <= entry.coefficient <= frame.maximum:
            errors["coefficient"] = _(
                "The coefficient %(value)s is outside the frame of %(kind)s: from %(minimum)s to %(maximum)s."
            ) % {
                "value": f"{entry.coefficient.normalize():f}",
                "kind": entry.kind.name,
                "minimum": f"{frame.minimum.normalize():f}",
                "maximum": f"{frame.maximum.normalize():f}",
            }
    if entry.translation_percent is not None:
        low, high = royalty_settings.TRANSLATION_MIN_PERCENT, royalty_settings.TRANSLATION_MAX_PERCENT
        if not Decimal(str(low)) <= entry.translation_percent <= Decimal(str(high)):
            errors["translation_percent"] = _("A translation is paid from %(low)s %% to %(high)s %%.") % {
                "low": low,
                "high": high,
            }
    if entry.bonus_percent and entry.bonus_percent > Decimal(str(royalty_settings.BONUS_MAX_PERCENT)):
        errors["bonus_percent"] = _("The bonus cannot exceed %(max)s %%.") % {"max": royalty_settings.BONUS_MAX_PERCENT}
    if errors:
        raise ValidationError(errors)
    try:
        calculator.amount(entry)
    except MissingRule as error:
        raise ValidationError(str(error)) from error


def propose(entry, user, changed_fields=()):
    """Save the secretary's proposal (already validated by the form) and log it."""
    if entry.is_locked:
        raise ValidationError(_("This entry is approved and locked; reopen it first."))
    entry.amount = get_calculator().amount(entry)
    entry.status = RoyaltyEntry.Status.PROPOSED
    entry.proposed_by = user
    entry.save()
    log(
        entry,
        PROPOSE_ACTION,
        user=user,
        data={
            "coefficient": str(entry.coefficient),
            "share_percent": str(entry.share_percent),
            "kind": entry.kind.code,
            "changed": list(changed_fields),
        },
    )
    return entry


def share_problems(entries):
    """Titles of items whose co-authors' shares (same kind, translation or not) do not add up to 100 %."""
    groups = {}
    for entry in entries:
        key = (entry.page_id or f"title:{entry.title}", entry.kind_id, entry.translation_percent is not None)
        groups.setdefault(key, [Decimal(0), entry.title])[0] += entry.share_percent
    return sorted({title for total, title in groups.values() if total != Decimal(100)})


def approve(entries, user):
    """Approve proposed entries (locks them). Refuses the lot if co-authors' shares do not add up."""
    entries = [entry for entry in entries if entry.status == RoyaltyEntry.Status.PROPOSED]
    if not entries:
        raise ValidationError(_("There is no proposed entry to approve."))
    page_ids = {entry.page_id for entry in entries if entry.page_id}
    siblings = list(RoyaltyEntry.objects.filter(page_id__in=page_ids)) if page_ids else []
    known = {entry.pk for entry in siblings}
    problems = share_problems(siblings + [entry for entry in entries if entry.pk not in known])
    if problems:
        raise ValidationError(
            _("Co-authors' shares must add up to 100 %%: %(titles)s.") % {"titles": "; ".join(problems[:5])}
        )
    now = timezone.now()
    with transaction.atomic():
        for entry in entries:
            entry.status = RoyaltyEntry.Status.APPROVED
            entry.approved_by = user
            entry.approved_at = now
        RoyaltyEntry.objects.bulk_update(entries, ["status", "approved_by", "approved_at"])
        for entry in entries:
            log(entry, APPROVE_ACTION, user=user, data={"amount": str(entry.amount)})
    return entries


def reopen(entry, user, reason):
    """Unlock an approved entry for changes, with a reason kept in the audit log."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for reopening the entry.")})
    if entry.status != RoyaltyEntry.Status.APPROVED:
        raise ValidationError(_("Only an approved entry can be reopened."))
    if entry.statement_id and entry.statement.is_locked:
        raise ValidationError(_("This entry is on an approved statement, which is locked."))
    entry.status = RoyaltyEntry.Status.PROPOSED
    entry.approved_by = None
    entry.approved_at = None
    entry.save(update_fields=["status", "approved_by", "approved_at"])
    log(entry, REOPEN_ACTION, user=user, data={"reason": reason})
    return entry
