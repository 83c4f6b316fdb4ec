"""The spokesperson card: the footer, the template tag and the StreamField block, switching with the terms."""

import datetime
from unittest import mock

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Site

from tests.factories import ImageFactory
from wagtail_bhxh.models import StandardPage
from wagtail_bhxh_spokesperson.blocks import SpokespersonCardBlock
from wagtail_bhxh_spokesperson.validators import phone_digits, tel_uri

from .conftest import make_spokesperson

pytestmark = pytest.mark.django_db


def on_day(day):
    """Pretend today is ``day`` (the card reads timezone.localdate())."""
    return mock.patch("wagtail_bhxh_spokesperson.models.timezone.localdate", return_value=day)


def test_the_footer_shows_the_spokesperson_with_schema_org_markup(client, home):
    make_spokesperson(photo=ImageFactory(description="Ảnh chân dung"))
    with on_day(datetime.date(2026, 6, 15)):
        html = client.get(home.url).content.decode()
    assert 'itemtype="https://schema.org/Person"' in html
    assert 'itemtype="https://schema.org/ContactPoint"' in html
    assert '<a href="tel:+842363822123" itemprop="telephone">0236 3822 123</a>' in html
    assert '<a href="mailto:lan.nt@demo.vss.gov.vn" itemprop="email">' in html
    assert 'itemprop="name">Nguyễn Thị Lan</p>' in html
    assert 'aria-labelledby="bhxh-footer-spokesperson"' in html
    assert 'alt="Ảnh chân dung Nguyễn Thị Lan"' in html


def test_the_card_switches_on_the_first_day_of_the_new_term(client, home):
    lan = make_spokesperson(term_end=datetime.date(2026, 6, 30))
    make_spokesperson(
        full_name="Lê Văn Hùng",
        phone="0912 345 678",
        email="hung@demo.vss.gov.vn",
        term_start=datetime.date(2026, 7, 1),
    )
    with on_day(datetime.date(2026, 6, 30)):
        html = client.get(home.url).content.decode()
    assert lan.full_name in html and "Lê Văn Hùng" not in html
    with on_day(datetime.date(2026, 7, 1)):
        html = client.get(home.url).content.decode()
    assert "Lê Văn Hùng" in html and lan.full_name not in html
    assert "tel:+84912345678" in html


def test_no_card_between_terms_or_for_a_draft(client, home):
    make_spokesperson(term_end=datetime.date(2026, 6, 30))
    make_spokesperson(full_name="Người nháp", live=False, term_start=datetime.date(2026, 7, 1))
    with on_day(datetime.date(2026, 7, 2)):
        html = client.get(home.url).content.decode()
    assert "spokesperson-card" not in html


def test_the_footer_card_can_be_switched_off(client, home, settings):
    make_spokesperson()
    settings.WAGTAIL_BHXH_SPOKESPERSON = {"SHOW_CARD_IN_FOOTER": False}
    assert "spokesperson-card" not in client.get(home.url).content.decode()


def test_the_template_tag_renders_the_card_for_the_request_site(home):
    make_spokesperson()
    request = RequestFactory().get("/", HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
    html = Template("{% load bhxh_spokesperson %}{% bhxh_spokesperson_card heading_level=3 show_term=True %}").render(
        Context({"request": request})
    )
    assert "<h3" in html and "Nguyễn Thị Lan" in html
    assert "12/QĐ-BHXH" in html


def test_the_streamfield_block_renders_the_current_card(client, home):
    make_spokesperson()
    page = StandardPage(title="Liên hệ", slug="lien-he")
    home.add_child(instance=page)
    block = SpokespersonCardBlock()
    value = block.to_python({"heading_level": "3", "show_term": True})
    request = RequestFactory().get("/", HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
    html = block.render(value, context={"request": request, "page": page})
    assert "<h3" in html and "Nguyễn Thị Lan" in html and "tel:+842363822123" in html


@pytest.mark.parametrize(
    ("raw", "digits", "uri"),
    [
        ("0236 3822 123", "02363822123", "tel:+842363822123"),
        ("+84 912 345 678", "0912345678", "tel:+84912345678"),
        ("(0236) 3.822.123", "02363822123", "tel:+842363822123"),
        ("12345", "", ""),
        ("0912 345 678 ext", "", ""),
        ("+1 202 555 0100", "", ""),
    ],
)
def test_phone_numbers(raw, digits, uri):
    assert phone_digits(raw) == digits
    assert tel_uri(raw) == uri


def test_the_card_costs_one_query(home, django_assert_max_num_queries):
    make_spokesperson(photo=ImageFactory())
    request = RequestFactory().get("/", HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
    Site.find_for_request(request)  # the site lookup is cached by Wagtail
    from wagtail_bhxh_spokesperson.templatetags.bhxh_spokesperson import render_card

    render_card(request)  # renditions created once
    request2 = RequestFactory().get("/", HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
    with django_assert_max_num_queries(3):
        assert "Nguyễn Thị Lan" in render_card(request2)
        assert render_card(request2)  # cached on the request


def test_the_footer_card_is_cached_and_follows_a_publication_at_once(client, home, django_assert_max_num_queries):
    lan = make_spokesperson(term_end=datetime.date(2026, 6, 30))
    with on_day(datetime.date(2026, 6, 15)):
        assert lan.full_name in client.get(home.url).content.decode()
        from wagtail_bhxh_spokesperson.templatetags.bhxh_spokesperson import render_cached_card

        request = RequestFactory().get("/", HTTP_HOST=Site.objects.get(is_default_site=True).hostname)
        Site.find_for_request(request)
        with django_assert_max_num_queries(0):
            assert lan.full_name in render_cached_card(request, card_id="bhxh-footer-spokesperson")
        # The head corrects the phone number: the footer shows it on the next view.
        lan.phone = "0236 3999 888"
        lan.save_revision().publish()
        assert "0236 3999 888" in client.get(home.url).content.decode()
