"""Exactly one spokesperson is current per site on any day: form, save() under lock, and the database."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation
from wagtail.models import Site

from wagtail_bhxh_spokesperson.models import Spokesperson

from .conftest import TODAY, make_spokesperson

pytestmark = pytest.mark.django_db


def test_current_spokesperson_is_the_published_one_in_office(home):
    make_spokesperson(full_name="Người nháp", live=False, term_start=datetime.date(2026, 1, 1))
    lan = make_spokesperson()
    site = Site.objects.get(is_default_site=True)
    assert Spokesperson.objects.current(site, TODAY) == lan
    assert Spokesperson.objects.current(site, datetime.date(2024, 12, 31)) is None


def test_an_overlapping_term_is_refused_with_a_clear_message(home):
    lan = make_spokesperson()
    newcomer = Spokesperson(
        site=lan.site,
        full_name="Lê Văn Hùng",
        position="Phó Giám đốc",
        unit="BHXH tỉnh Demo",
        phone="0912 000 111",
        email="hung@demo.vss.gov.vn",
        term_start=datetime.date(2026, 7, 1),
        appointing_document_number="99/QĐ-BHXH",
        live=False,
    )
    with pytest.raises(ValidationError) as excinfo, translation.override("en"):
        newcomer.full_clean()
    message = " ".join(excinfo.value.message_dict["term_start"])
    assert "Nguyễn Thị Lan" in message and "only one spokesperson is current" in message
    # Publishing anyway (bypassing the form) is refused by save() and changes nothing.
    newcomer.save()
    revision = newcomer.save_revision(clean=False)
    with pytest.raises(ValidationError):  # a TermConflict from save(), or from Wagtail's own full_clean()
        revision.publish()
    assert list(Spokesperson.objects.filter(live=True)) == [lan]


def test_a_successor_after_the_end_of_the_term_is_accepted(home):
    lan = make_spokesperson()
    lan.term_end = datetime.date(2026, 6, 30)
    lan.save_revision().publish()
    hung = make_spokesperson(full_name="Lê Văn Hùng", term_start=datetime.date(2026, 7, 1))
    site = lan.site
    assert Spokesperson.objects.current(site, datetime.date(2026, 6, 30)).full_name == "Nguyễn Thị Lan"
    assert Spokesperson.objects.current(site, datetime.date(2026, 7, 1)) == hung


def test_terms_of_different_sites_are_independent(home):
    other_site = Site.objects.create(hostname="en.demo.test", root_page=home, site_name="Other")
    make_spokesperson()
    other = make_spokesperson(site=other_site, full_name="Phạm Thu Hà")
    assert Spokesperson.objects.current(other_site, TODAY) == other


def test_the_database_refuses_two_open_terms_whatever_writes_the_row(home):
    lan = make_spokesperson()
    clone = Spokesperson(
        site=lan.site,
        full_name="Bản sao",
        position="x",
        unit="x",
        phone="0912 000 111",
        email="x@demo.vss.gov.vn",
        term_start=datetime.date(2026, 3, 1),
        appointing_document_number="1",
        live=True,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Spokesperson.objects.bulk_create([clone])


def test_the_database_refuses_two_terms_starting_the_same_day(home):
    lan = make_spokesperson(term_end=datetime.date(2026, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        Spokesperson.objects.bulk_create(
            [
                Spokesperson(
                    site=lan.site,
                    full_name="Bản sao",
                    position="x",
                    unit="x",
                    phone="0912 000 111",
                    email="x@demo.vss.gov.vn",
                    term_start=lan.term_start,
                    term_end=datetime.date(2026, 2, 1),
                    appointing_document_number="1",
                    live=True,
                )
            ]
        )


def test_a_term_cannot_end_before_it_starts(home):
    person = Spokesperson(
        site=Site.objects.get(is_default_site=True),
        full_name="Nguyễn Thị Lan",
        position="Phó Giám đốc",
        unit="BHXH tỉnh Demo",
        phone="0236 3822 123",
        email="lan@demo.vss.gov.vn",
        term_start=datetime.date(2025, 1, 1),
        term_end=datetime.date(2024, 1, 1),
        appointing_document_number="12/QĐ-BHXH",
        live=False,
    )
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "term_end" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        person.save()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_concurrent_publications_leave_exactly_one_current(home):
    """Two editors publish a new open-ended spokesperson at the same moment: one wins, one is refused."""
    site = Site.objects.get(is_default_site=True)
    drafts = [
        make_spokesperson(full_name=name, live=False, term_start=datetime.date(2026, 1, 1) + datetime.timedelta(days=i))
        for i, name in enumerate(["Người thứ nhất", "Người thứ hai", "Người thứ ba", "Người thứ tư"])
    ]
    barrier = threading.Barrier(len(drafts))
    outcomes = []

    def publish(person):
        from django.db import connection as thread_connection

        try:
            revision = person.get_latest_revision()
            barrier.wait(timeout=10)
            revision.publish()
            outcomes.append("published")
        except (ValidationError, IntegrityError):
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=publish, args=(person,)) for person in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["published", "refused", "refused", "refused"]
    live = list(Spokesperson.objects.filter(site=site, live=True))
    assert len(live) == 1
    for day in (datetime.date(2026, 1, 1), datetime.date(2026, 1, 4), TODAY):
        assert Spokesperson.objects.in_office(day).filter(site=site).count() <= 1
