"""Takedown (gỡ tin): a request, the head's decision, and what citizens then see."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import PageLogEntry, Revision

from tests.factories import ArticlePageFactory
from wagtail_bhxh.models import PageNotice, TakedownRequest
from wagtail_bhxh.signals import page_taken_down

from .conftest import good_article

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def live_article(editorial):
    return good_article(editorial.news, editorial.users.contributor, live=True)


def request_takedown(client, target, **overrides):
    data = {
        "page": target.pk,
        "reason": "inaccurate",
        "reason_text": "Số liệu tháng 3 sai so với báo cáo chính thức.",
        "urgency": "urgent",
        "evidence": SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return client.post(reverse("wagtail_bhxh_takedown:add"), data)


def decide(client, takedown, **data):
    return client.post(reverse("wagtail_bhxh_takedown:decide", args=(takedown.pk,)), data)


def test_an_editor_requests_a_takedown_and_the_heads_are_told(editorial, as_user, live_article):
    client = as_user(editorial.users.editor)
    form = client.get(reverse("wagtail_bhxh_takedown:add") + f"?page={live_article.pk}")
    assert form.status_code == 200
    assert form.context["form"].initial["page"] == live_article.pk

    response = request_takedown(client, live_article)

    takedown = TakedownRequest.objects.get()
    assert response.status_code == 302
    assert takedown.status == TakedownRequest.Status.PENDING
    assert takedown.requested_by == editorial.users.editor
    assert takedown.page_title == live_article.title
    assert takedown.evidence_name == "bao-cao.pdf"
    assert "bao-cao" not in takedown.evidence.name  # stored under an unguessable name
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(
        [editorial.users.head.email, editorial.users.head2.email]
    )
    assert PageLogEntry.objects.filter(page=live_article, action="wagtail_bhxh.takedown.requested").exists()
    assert live_article.live


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"evidence": SimpleUploadedFile("quyet-dinh.pdf", b"MZ\x90\x00 this is a program", "application/pdf")},
            "evidence",
            "Nội dung tệp này không thuộc các loại đó",
        ),
        ({"reason": "other", "reason_text": ""}, "reason_text", "Hãy nêu rõ lý do khi chọn “Khác”."),
        ({"reason": "nonsense"}, "reason", ""),
        ({"page": "999999"}, "page", ""),
    ],
)
def test_bad_requests_are_explained_and_change_nothing(editorial, as_user, live_article, overrides, field, message):
    response = request_takedown(as_user(editorial.users.editor), live_article, **overrides)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not TakedownRequest.objects.exists()


def test_oversized_evidence_is_refused(editorial, as_user, live_article, settings):
    settings.WAGTAIL_BHXH = {"TAKEDOWN_EVIDENCE_MAX_MB": 1}
    big = SimpleUploadedFile("anh.png", png_bytes() + b"\0" * (1024 * 1024), content_type="image/png")
    response = request_takedown(as_user(editorial.users.editor), live_article, evidence=big)
    assert "chỉ nhận tệp không quá 1 MB" in " ".join(response.context["form"].errors["evidence"])
    assert not TakedownRequest.objects.exists()


def test_only_published_news_and_one_pending_request_per_page(editorial, as_user, live_article):
    client = as_user(editorial.users.editor)
    draft = good_article(editorial.news, editorial.users.contributor, slug="ban-nhap")
    response = request_takedown(client, draft)
    assert "page" in response.context["form"].errors
    request_takedown(client, live_article)
    response = request_takedown(client, live_article)
    assert "đang chờ Trưởng ban quyết định" in " ".join(response.context["form"].errors["page"])
    assert TakedownRequest.objects.count() == 1


@pytest.fixture
def takedown(editorial, as_user, live_article):
    request_takedown(as_user(editorial.users.editor), live_article)
    mail.outbox.clear()
    return TakedownRequest.objects.get()


@pytest.fixture
def signals_sent():
    sent = []

    def receiver(sender, **kwargs):
        sent.append(kwargs)

    page_taken_down.connect(receiver)
    yield sent
    page_taken_down.disconnect(receiver)


def test_removed_page_answers_410_with_a_notice(editorial, as_user, client, live_article, takedown, signals_sent):
    url = live_article.url
    revisions = Revision.objects.filter(object_id=str(live_article.pk)).count()

    response = decide(
        as_user(editorial.users.head), takedown, decision="approve", outcome="removed", comment="Sai số liệu."
    )

    assert response.status_code == 302
    live_article.refresh_from_db()
    takedown.refresh_from_db()
    assert not live_article.live
    assert takedown.status == TakedownRequest.Status.APPROVED and takedown.outcome == "removed"
    assert takedown.decided_by == editorial.users.head
    assert Revision.objects.filter(object_id=str(live_article.pk)).count() == revisions
    assert takedown.snapshot["title"] == live_article.title and takedown.snapshot["content"]["title"]
    assert live_article.title in takedown.snapshot_html
    entry = PageLogEntry.objects.get(page=live_article, action="wagtail_bhxh.takedown.removed")
    assert entry.user == editorial.users.head and entry.data["comment"] == "Sai số liệu."
    assert [(s["page"].pk, s["outcome"], s["takedown_request"].pk) for s in signals_sent] == [
        (live_article.pk, "removed", takedown.pk)
    ]
    assert signals_sent[0]["request"] is not None
    assert [m.to for m in mail.outbox] == [[editorial.users.editor.email]]

    client.logout()
    public = client.get(url)
    assert public.status_code == 410
    content = public.content.decode()
    assert "Nội dung này đã được gỡ bỏ" in content
    assert "Lý do: Thông tin không chính xác." in content
    assert takedown.decided_at.astimezone().strftime("%d/%m/%Y") in content
    assert live_article.title not in content
    assert '<meta name="robots" content="noindex">' in content
    assert client.get(editorial.news.url).content.decode().count(live_article.title) == 0


def test_withdrawn_page_stays_readable_with_a_banner_and_leaves_listings(
    editorial, as_user, client, live_article, takedown, signals_sent
):
    other = good_article(
        editorial.news,
        editorial.users.contributor,
        live=True,
        slug="tin-khac",
        title="Tin khác còn hiệu lực trên cổng thông tin",
    )
    decide(
        as_user(editorial.users.head),
        takedown,
        decision="approve",
        outcome="withdrawn",
        public_note="Quy định nêu trong tin đã được thay thế.",
        comment="Thu hồi, giữ để tra cứu.",
    )
    client.logout()

    page = client.get(live_article.url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Tin, bài này đã bị thu hồi" in content
    assert "Quy định nêu trong tin đã được thay thế." in content
    assert '<meta name="robots" content="noindex">' in content
    assert content.index("Tin, bài này đã bị thu hồi") < content.index('class="article__body')
    for listing_url in (editorial.news.url, editorial.home.url, "/rss/"):
        listed = client.get(listing_url).content.decode()
        assert live_article.title not in listed, listing_url
        assert other.title in listed, listing_url
    assert signals_sent[0]["outcome"] == "withdrawn"
    assert PageNotice.objects.withdrawals().get().page_id == live_article.pk


def test_consolidated_page_redirects_to_its_replacement(editorial, as_user, client, live_article, takedown):
    replacement = ArticlePageFactory(parent=editorial.news, slug="tin-tong-hop", title="Tổng hợp chính sách mới")
    decide(
        as_user(editorial.users.head),
        takedown,
        decision="approve",
        outcome="consolidated",
        replacement_page=replacement.pk,
        comment="Gộp vào tin tổng hợp.",
    )
    client.logout()
    response = client.get(live_article.url)
    assert response.status_code == 301
    assert response["Location"].endswith(replacement.url)


def test_consolidation_needs_a_live_replacement(editorial, as_user, live_article, takedown):
    response = decide(
        as_user(editorial.users.head), takedown, decision="approve", outcome="consolidated", comment="Gộp."
    )
    assert response.status_code == 200
    assert "replacement_page" in response.context["form"].errors
    takedown.refresh_from_db()
    assert takedown.is_pending
    live_article.refresh_from_db()
    assert live_article.live


def test_decision_needs_a_comment(editorial, as_user, live_article, takedown):
    response = decide(as_user(editorial.users.head), takedown, decision="approve", outcome="removed", comment=" ")
    assert "comment" in response.context["form"].errors
    takedown.refresh_from_db()
    assert takedown.is_pending


def test_rejected_request_leaves_the_page_and_tells_the_requester(editorial, as_user, live_article, takedown):
    decide(as_user(editorial.users.head), takedown, decision="reject", comment="Số liệu đúng, không gỡ.")
    takedown.refresh_from_db()
    live_article.refresh_from_db()
    assert takedown.status == TakedownRequest.Status.REJECTED
    assert live_article.live
    assert [m.to for m in mail.outbox] == [[editorial.users.editor.email]]
    assert "Số liệu đúng, không gỡ." in mail.outbox[0].body


def test_publishing_a_removed_page_again_needs_the_head(editorial, as_user, live_article, takedown):
    from wagtail_bhxh.moderation.rules import head_approval_reasons

    decide(as_user(editorial.users.head), takedown, decision="approve", outcome="removed", comment="Gỡ.")
    live_article.refresh_from_db()
    assert any("đã bị gỡ ngày" in reason for reason in head_approval_reasons(live_article))


def test_the_requester_withdraws_a_pending_request(editorial, as_user, takedown):
    response = as_user(editorial.users.editor).post(reverse("wagtail_bhxh_takedown:cancel", args=(takedown.pk,)))
    assert response.status_code == 302
    takedown.refresh_from_db()
    assert takedown.status == TakedownRequest.Status.CANCELLED


def test_evidence_is_served_only_to_who_may_see_the_request(editorial, as_user, takedown):
    url = reverse("wagtail_bhxh_takedown:evidence", args=(takedown.pk,))
    response = as_user(editorial.users.head).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert as_user(editorial.users.contributor).get(url).status_code == 404


def test_contributors_see_only_their_own_requests(editorial, as_user, takedown, live_article):
    contributor = as_user(editorial.users.contributor)
    listing = contributor.get(reverse("wagtail_bhxh_takedown:index"))
    assert listing.status_code == 200
    assert live_article.title not in listing.content.decode()
    assert contributor.get(reverse("wagtail_bhxh_takedown:inspect", args=(takedown.pk,))).status_code == 404
    head_listing = as_user(editorial.users.head).get(reverse("wagtail_bhxh_takedown:index"))
    assert live_article.title in head_listing.content.decode()
