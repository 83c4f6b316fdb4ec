"""An entry is proposed for each person credited when an item is published."""

import datetime
from decimal import Decimal

from wagtail.models import ModelLogEntry

from tests.factories import InfographicPageFactory
from wagtail_bhxh_royalties.models import Contributor, RoyaltyEntry

from .conftest import publish_item


def test_entries_proposed_for_author_photographer_and_translator(royalties):
    users = royalties.users
    page = publish_item(
        royalties.news,
        [("author", users.contributor, ""), ("photographer", None, "Trần Văn Ảnh"), ("translator", None, "Ngô Dịch")],
        published=datetime.date(2024, 8, 5),
        title="BHXH tỉnh chi trả lương hưu qua tài khoản",
    )
    entries = {entry.credit_role: entry for entry in RoyaltyEntry.objects.filter(page_id=page.pk)}
    assert set(entries) == {"author", "photographer", "translator"}
    author = entries["author"]
    assert (author.kind.code, author.coefficient, author.share_percent) == ("tin", Decimal(1), Decimal(100))
    assert author.person_name == "Lê Thị Hoa" and author.user == users.contributor
    assert author.published_on == datetime.date(2024, 8, 5)
    assert author.status == RoyaltyEntry.Status.NEW
    # Frame minimum 1 × 10 % of 2,340,000 đồng.
    assert author.amount == Decimal(234_000)
    assert entries["photographer"].kind.code == "anh"
    assert entries["translator"].translation_percent == Decimal(40)
    assert entries["translator"].amount == Decimal(93_600)
    assert ModelLogEntry.objects.filter(action="wagtail_bhxh_royalties.create").count() == 3


def test_republishing_does_not_duplicate_and_picks_up_new_credits(royalties):
    page = publish_item(royalties.news, [("author", royalties.users.contributor, "")])
    page.save_revision().publish()
    assert RoyaltyEntry.objects.filter(page_id=page.pk).count() == 1
    page.bhxh_credits.create(role="author", name="Đỗ Minh")
    page.save_revision().publish()
    assert RoyaltyEntry.objects.filter(page_id=page.pk).count() == 2


def test_co_authors_share_equally_and_kind_follows_page_type(royalties):
    page = publish_item(
        royalties.news,
        [
            ("author", royalties.users.contributor, ""),
            ("author", royalties.users.contributor2, ""),
            ("author", None, "Vũ Ba"),
        ],
        kind="bai",
    )
    entries = list(RoyaltyEntry.objects.filter(page_id=page.pk))
    assert {entry.kind.code for entry in entries} == {"chinh-luan"}
    assert sorted(entry.share_percent for entry in entries) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    infographic = publish_item(royalties.news, [("designer", None, "Hồ Thiết")], page_factory=InfographicPageFactory)
    assert RoyaltyEntry.objects.get(page_id=infographic.pk).kind.code == "infographic"


def test_outside_contributor_is_matched_by_name(royalties):
    contributor = Contributor.objects.create(name="Trần Văn Ảnh", id_number="012345678912")
    page = publish_item(royalties.news, [("photographer", None, "Trần Văn Ảnh")])
    assert RoyaltyEntry.objects.get(page_id=page.pk).contributor == contributor
