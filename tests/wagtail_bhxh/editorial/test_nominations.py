"""Quarterly model articles: nominated, approved by the head, emailed once to the central portal."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Site

from wagtail_bhxh.editorial.models import Nomination, NominationDelivery
from wagtail_bhxh.editorial.models.nominations import quarter_of
from wagtail_bhxh.models import PortalSettings

from .conftest import approve_plan, good_article, make_plan

CENTRAL = "congthongtindientu@vss.gov.vn"


def nominations_url():
    return reverse("wagtail_bhxh_editorial:nominations")


def action(client, nomination, name):
    return client.post(reverse("wagtail_bhxh_editorial:nomination_action", args=(nomination.pk, name)))


def nominate(client, page, note="Bài viết có số liệu rõ ràng, ảnh đẹp, đúng chủ đề quý."):
    return client.post(reverse("wagtail_bhxh_editorial:nominate"), {"page": page.pk, "note": note})


def approved_nomination(editorial, as_user):
    PortalSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"short_name": "BHXH tỉnh Demo"}
    )
    page = good_article(editorial.news, editorial.users.editor, live=True)
    assert nominate(as_user(editorial.users.editor), page).status_code == 302
    nomination = Nomination.objects.get()
    action(as_user(editorial.users.head), nomination, "approve")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    return nomination


def test_an_editor_nominates_a_published_article_and_only_the_head_approves(editorial, as_user):
    users = editorial.users
    page = good_article(editorial.news, users.editor, live=True)
    draft = good_article(editorial.news, users.editor, title="Bài chưa đăng về BHXH tự nguyện cho lao động tự do")

    # A contributor may not nominate (forged POST), nor may anyone nominate a draft or without a note.
    assert nominate(as_user(users.contributor), page).status_code in (302, 403)
    assert not Nomination.objects.exists()
    response = nominate(as_user(users.editor), draft)
    assert "Chỉ đề xuất được" in response.content.decode()
    response = nominate(as_user(users.editor), page, note="  ")
    assert "Nêu lý do" in response.content.decode()
    assert not Nomination.objects.exists()

    assert nominate(as_user(users.editor), page).status_code == 302
    nomination = Nomination.objects.get()
    today = datetime.date.today()
    assert (nomination.status, nomination.year, nomination.quarter) == ("proposed", today.year, quarter_of(today))
    response = nominate(as_user(users.editor), page)
    assert "đã được đề xuất trong quý này" in response.content.decode()
    assert Nomination.objects.count() == 1

    # An editor's forged approval or send changes nothing; the head approves.
    action(as_user(users.editor), nomination, "approve")
    action(as_user(users.editor), nomination, "send")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PROPOSED
    assert not mail.outbox
    action(as_user(users.head), nomination, "approve")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decided_by) == (Nomination.Status.APPROVED, users.head)


def test_sending_emails_the_article_with_its_images_once(editorial, as_user):
    nomination = approved_nomination(editorial, as_user)
    mail.outbox.clear()
    client = as_user(editorial.users.head)
    action(client, nomination, "send")
    action(client, nomination, "send")  # double click

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [CENTRAL]
    assert message.subject.startswith("[BHXH tỉnh Demo] Bài viết tiêu biểu quý ")
    assert nomination.page_title in message.subject
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert nomination.page_title in html and "Nguyễn Văn A" in html
    assert "Bài viết có số liệu rõ ràng" in html
    assert 'href="http://' in html  # the link to the article is absolute
    assert len(message.attachments) == 1
    name, content, attachment_type = message.attachments[0]
    assert attachment_type.startswith("image/") and len(content) > 0

    nomination.refresh_from_db()
    delivery = NominationDelivery.objects.get()
    assert nomination.status == Nomination.Status.SENT
    assert nomination.message_id == delivery.message_id == message.extra_headers["Message-ID"]
    assert delivery.result == NominationDelivery.Result.SENT and delivery.recipient == CENTRAL

    page = as_user(editorial.users.head).get(nominations_url()).content.decode()
    assert "1/2" in page or "1 trên 2" in page or "đã gửi 1/2" in page


def test_a_failed_delivery_is_visible_and_retried_without_duplicates(editorial, as_user, settings):
    nomination = approved_nomination(editorial, as_user)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens

    response = action(as_user(editorial.users.head), nomination, "send")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.FAILED
    failed = NominationDelivery.objects.get()
    assert failed.result == NominationDelivery.Result.FAILED and failed.error
    listing = as_user(editorial.users.head).get(nominations_url()).content.decode()
    assert "Gửi không thành công" in listing and escape(failed.message_id) in listing
    assert response.status_code == 302

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("bhxh_send_nominations", verbosity=0)
    call_command("bhxh_send_nominations", verbosity=0)
    action(as_user(editorial.users.head), nomination, "send")
    assert len(mail.outbox) == 1
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SENT
    results = list(nomination.deliveries.order_by("attempted_at", "pk").values_list("result", flat=True))
    assert results == ["failed", "sent"]
    assert nomination.message_id != failed.message_id


def test_retries_stop_after_the_configured_attempts(editorial, as_user, settings):
    nomination = approved_nomination(editorial, as_user)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    settings.WAGTAIL_BHXH = {**getattr(settings, "WAGTAIL_BHXH", {}), "EDITORIAL_SEND_ATTEMPTS": 2}
    action(as_user(editorial.users.head), nomination, "send")
    for _ in range(3):
        call_command("bhxh_send_nominations", verbosity=0)
    assert nomination.deliveries.count() == 2


def test_quarter_view_counts_sent_against_the_plan(editorial, as_user):
    approve_plan(make_plan(datetime.date.today().year, nominations_per_quarter=3))
    nomination = approved_nomination(editorial, as_user)
    action(as_user(editorial.users.head), nomination, "send")
    html = as_user(editorial.users.editor).get(nominations_url()).content.decode()
    assert "đã gửi 1/3" in html
