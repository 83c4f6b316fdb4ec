"""Propose within the frame, approve, lock, reopen with a reason; every view refuses the wrong role."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from wagtail_bhxh_royalties.models import RoyaltyEntry

from .conftest import assert_refused, publish_item


def edit_url(entry):
    return reverse("wagtail_bhxh_royalties_entries:edit", args=(entry.pk,))


def proposal(entry, **changes):
    data = {
        "kind": entry.kind_id,
        "coefficient": str(entry.coefficient),
        "share_percent": str(entry.share_percent),
        "translation_percent": "" if entry.translation_percent is None else str(entry.translation_percent),
        "bonus_percent": str(entry.bonus_percent),
        "lump_sum": "",
        "note": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def entry(royalties):
    page = publish_item(
        royalties.news, [("author", royalties.users.contributor, "")], published=datetime.date(2024, 8, 5)
    )
    return RoyaltyEntry.objects.get(page_id=page.pk)


def test_secretary_proposes_within_the_frame(client, royalties, entry):
    client.force_login(royalties.users.secretary)
    response = client.post(edit_url(entry), proposal(entry, coefficient="8"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.PROPOSED
    assert entry.coefficient == Decimal(8)
    assert entry.amount == Decimal(1_872_000)  # 8 × 234,000
    assert entry.proposed_by == royalties.users.secretary
    log = ModelLogEntry.objects.get(action="wagtail_bhxh_royalties.propose")
    assert log.user == royalties.users.secretary and Decimal(log.data["coefficient"]) == 8


@pytest.mark.parametrize("language", ["en", "vi"])
def test_coefficient_outside_the_frame_is_refused_with_a_clear_message(client, royalties, entry, language):
    secretary = royalties.users.secretary
    UserProfile.get_for_user(secretary).__class__.objects.filter(user=secretary).update(preferred_language=language)
    client.force_login(secretary)
    response = client.post(edit_url(entry), proposal(entry, coefficient="12"))
    assert response.status_code == 200
    expected = {
        "en": "The coefficient 12 is outside the frame of Tin: from 1 to 10.",
        "vi": "Hệ số 12 nằm ngoài khung của Tin: từ 1 đến 10.",
    }[language]
    assert expected in response.content.decode()
    entry.refresh_from_db()
    assert (entry.status, entry.coefficient) == (RoyaltyEntry.Status.NEW, Decimal(1))


def test_translation_share_outside_40_to_65_is_refused(client, royalties, entry):
    client.force_login(royalties.users.secretary)
    response = client.post(edit_url(entry), proposal(entry, translation_percent="70"))
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.translation_percent is None


@pytest.mark.parametrize("who", ["contributor", "editor", "accountant", "head"])
def test_only_the_secretary_may_propose_forged_posts_are_refused(client, royalties, entry, who):
    client.force_login(getattr(royalties.users, who))
    response = client.post(edit_url(entry), proposal(entry, coefficient="9"))
    if who == "head":  # sent to the page where the head approves; nothing is saved
        assert response.url == reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))
    else:
        assert_refused(response)
    entry.refresh_from_db()
    assert entry.coefficient == Decimal(1) and entry.status == RoyaltyEntry.Status.NEW


def test_head_approves_and_approved_entry_is_locked_even_against_forged_posts(client, royalties, entry):
    client.force_login(royalties.users.secretary)
    client.post(edit_url(entry), proposal(entry, coefficient="6"))
    client.force_login(royalties.users.head)
    response = client.post(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,)))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.APPROVED and entry.approved_by == royalties.users.head
    client.force_login(royalties.users.secretary)
    response = client.post(edit_url(entry), proposal(entry, coefficient="10"), follow=True)
    assert "đã được duyệt và khóa" in response.content.decode()
    entry.refresh_from_db()
    assert entry.coefficient == Decimal(6) and entry.amount == Decimal(1_404_000)


@pytest.mark.parametrize("who", ["contributor", "secretary", "accountant"])
def test_only_the_head_approves(client, royalties, entry, who):
    client.force_login(royalties.users.secretary)
    client.post(edit_url(entry), proposal(entry, coefficient="6"))
    client.force_login(getattr(royalties.users, who))
    assert_refused(client.post(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))))
    assert_refused(
        client.post(reverse("wagtail_bhxh_royalties_entries:approve_month"), {"approve-year": 2024, "approve-month": 8})
    )
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.PROPOSED


def test_approval_refused_when_co_author_shares_do_not_add_up(client, royalties):
    page = publish_item(
        royalties.news,
        [("author", royalties.users.contributor, ""), ("author", royalties.users.contributor2, "")],
        published=datetime.date(2024, 8, 6),
    )
    first, second = RoyaltyEntry.objects.filter(page_id=page.pk).order_by("pk")
    client.force_login(royalties.users.secretary)
    client.post(edit_url(first), proposal(first, coefficient="5", share_percent="70"))
    client.post(edit_url(second), proposal(second, coefficient="5", share_percent="50"))
    client.force_login(royalties.users.head)
    response = client.post(
        reverse("wagtail_bhxh_royalties_entries:approve_month"),
        {"approve-year": 2024, "approve-month": 8},
        follow=True,
    )
    assert "phải có tổng bằng 100 %" in response.content.decode()
    assert not RoyaltyEntry.objects.filter(status=RoyaltyEntry.Status.APPROVED).exists()
    client.force_login(royalties.users.secretary)
    client.post(edit_url(second), proposal(second, coefficient="5", share_percent="30"))
    client.force_login(royalties.users.head)
    client.post(reverse("wagtail_bhxh_royalties_entries:approve_month"), {"approve-year": 2024, "approve-month": 8})
    amounts = sorted(RoyaltyEntry.objects.filter(status="approved").values_list("amount", flat=True))
    # 5 × 234,000 = 1,170,000 split 30/70.
    assert amounts == [Decimal(351_000), Decimal(819_000)]


def test_reopen_needs_a_reason_which_is_audit_logged(client, royalties, entry):
    client.force_login(royalties.users.secretary)
    client.post(edit_url(entry), proposal(entry, coefficient="6"))
    client.force_login(royalties.users.head)
    client.post(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,)))
    url = reverse("wagtail_bhxh_royalties_entries:reopen", args=(entry.pk,))
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.APPROVED
    client.force_login(royalties.users.secretary)
    assert_refused(client.post(url, {"reason": "Sai hệ số"}))
    client.force_login(royalties.users.head)
    client.post(url, {"reason": "Tác giả bổ sung ảnh, chấm lại hệ số"})
    entry.refresh_from_db()
    assert entry.status == RoyaltyEntry.Status.PROPOSED
    log = ModelLogEntry.objects.get(action="wagtail_bhxh_royalties.reopen")
    assert log.data["reason"] == "Tác giả bổ sung ảnh, chấm lại hệ số" and log.user == royalties.users.head
    client.force_login(royalties.users.secretary)
    history = client.get(reverse("wagtail_bhxh_royalties_entries:history", args=(entry.pk,)))
    assert "Dòng nhuận bút đã được mở lại" in history.content.decode()


def test_amounts_only_for_the_accountant_and_the_head(client, royalties, entry):
    index = reverse("wagtail_bhxh_royalties_entries:index")
    client.force_login(royalties.users.secretary)
    content = client.get(index).content.decode()
    assert entry.title in content and "234.000" not in content
    for who in ("accountant", "head"):
        client.force_login(getattr(royalties.users, who))
        assert "234.000" in client.get(index).content.decode()
    client.force_login(royalties.users.contributor)
    assert_refused(client.get(index))


def test_contributors_see_only_their_own_entries(client, royalties, entry):
    other = publish_item(royalties.news, [("author", royalties.users.contributor2, "")], title="Bài của người khác")
    client.force_login(royalties.users.contributor)
    content = client.get(reverse("wagtail_bhxh_royalties_entries:mine")).content.decode()
    assert entry.title in content
    assert other.title not in content


def test_the_head_opens_an_entry_to_approve_then_to_reopen_it(client, royalties, entry):
    client.force_login(royalties.users.secretary)
    client.post(edit_url(entry), proposal(entry, coefficient="6"))
    client.force_login(royalties.users.head)
    response = client.get(edit_url(entry), follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))
    assert "1.404.000" in content and "Một triệu bốn trăm linh bốn nghìn đồng" in content
    assert "Duyệt và khóa" in content
    client.post(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,)))
    content = client.get(reverse("wagtail_bhxh_royalties_entries:approve", args=(entry.pk,))).content.decode()
    assert reverse("wagtail_bhxh_royalties_entries:reopen", args=(entry.pk,)) in content


def test_group_editor_offers_every_royalty_permission(db):
    from wagtail import hooks

    codenames = set()
    for hook in hooks.get_hooks("register_permissions"):
        codenames |= set(hook().values_list("codename", flat=True))
    expected = {"view_royaltyentry", "view_amounts", "approve_royaltyentry", "approve_statement", "view_contributor"}
    assert expected <= codenames
