"""Cost of a month's royalty statement (Decision 1334).

    python -m bench royalties [--items 2000] [--entries 3000]
    DATABASE_URL=postgres://... python -m bench royalties

Builds a month with ``--items`` published items and ``--entries`` approved
entries (staff authors, outside contributors, photographers and translators,
co-authors), then times building the statement and its XLSX export, and the
statement's admin page and printable version, at a quarter of the size and at
full size, with their query counts (which must not grow with the month).
The items are recorded on the entries (title, date) rather than created as
pages: the statement never reads pages, and creating 2,000 pages would
measure the page tree instead.
"""

import datetime
import random
import statistics
import time
from decimal import Decimal

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .measure import time_get

YEAR, MONTH = 2025, 3
#: bench/results/royalties-sqlite.md and royalties-postgresql.md
RESULTS_PER_DATABASE = True


def add_arguments(parser):
    parser.add_argument("--items", type=int, default=2000, help="published items in the month")
    parser.add_argument("--entries", type=int, default=3000, help="approved royalty entries in the month")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each step")


def build_month(items, entries):
    from django.contrib.auth import get_user_model

    from wagtail_bhxh_royalties.calculation import get_calculator
    from wagtail_bhxh_royalties.models import Contributor, RoyaltyEntry, Statement, StatementPerson, WorkKind

    User = get_user_model()
    rng = random.Random(1334)
    with transaction.atomic():
        StatementPerson.objects.all().delete()
        Statement.objects.all().delete()
        RoyaltyEntry.objects.all().delete()
        Contributor.objects.all().delete()
        User.objects.filter(username__startswith="bench-author-").delete()
        staff = User.objects.bulk_create(
            [
                User(username=f"bench-author-{n}", last_name="Nguyễn", first_name=f"Văn {n}", is_active=True)
                for n in range(120)
            ]
        )
        outsiders = [Contributor.objects.create(name=f"Cộng tác viên {n}", id_number=f"0{n:011d}") for n in range(60)]
        kinds = {kind.code: kind for kind in WorkKind.objects.all()}
        calculator = get_calculator()
        rows = []
        for n in range(entries):
            item = n % items
            on = datetime.date(YEAR, MONTH, 1 + item % 28)
            kind = kinds[rng.choice(["tin", "tin", "chinh-luan", "anh", "phong-su", "infographic", "video"])]
            entry = RoyaltyEntry(
                title=f"Tin, bài số {item}: BHXH tỉnh đẩy mạnh phát triển người tham gia",
                published_on=on,
                kind=kind,
                coefficient=Decimal(rng.randint(2, 10)),
                share_percent=Decimal(100) if n < items else Decimal(50),
                translation_percent=Decimal(50) if n % 40 == 0 else None,
                status=RoyaltyEntry.Status.APPROVED,
                credit_role="author",
            )
            if n % 3 == 0:
                contributor = outsiders[n % len(outsiders)]
                entry.contributor, entry.person_name = contributor, contributor.name
            else:
                user = staff[n % len(staff)]
                entry.user, entry.person_name = user, f"{user.last_name} {user.first_name}"
            entry.amount = calculator.amount(entry)
            rows.append(entry)
        RoyaltyEntry.objects.bulk_create(rows, batch_size=500)


def timed(function, repeat):
    function()  # warm
    with CaptureQueriesContext(connection) as queries:
        function()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1), round(max(timings), 1), len(queries)


def measure(items, entries, repeat):
    from django.contrib.auth import get_user_model

    from wagtail_bhxh.moderation import roles
    from wagtail_bhxh_royalties.export import statement_workbook
    from wagtail_bhxh_royalties.models import Statement
    from wagtail_bhxh_royalties.statements import build_statement

    build_month(items, entries)
    accountant, _ = get_user_model().objects.get_or_create(username="bench-ketoan")
    roles.get_role_group(roles.ACCOUNTANT).user_set.add(accountant)
    build_ms, build_max, build_q = timed(lambda: build_statement(YEAR, MONTH), repeat)
    statement = Statement.objects.get(year=YEAR, month=MONTH)

    def build_and_export():
        build_statement(YEAR, MONTH)
        statement_workbook(Statement.objects.get(year=YEAR, month=MONTH))

    both_ms, both_max, both_q = timed(build_and_export, repeat)
    xlsx_ms, _xlsx_max, xlsx_q = timed(lambda: statement_workbook(statement), repeat)
    client = Client()
    client.force_login(accountant)
    detail = time_get(f"/admin/bhxh/royalties/statements/{statement.pk}/", repeat=repeat, warmup=1, client=client)
    printed = time_get(
        f"/admin/bhxh/royalties/statements/{statement.pk}/print/", repeat=repeat, warmup=1, client=client
    )
    return {
        "items": items,
        "entries": entries,
        "payees": statement.people.count(),
        "build ms (median)": build_ms,
        "build queries": build_q,
        "XLSX ms (median)": xlsx_ms,
        "XLSX queries": xlsx_q,
        "build + XLSX ms (median / max)": f"{both_ms} / {both_max}",
        "build + XLSX queries": both_q,
        "admin page ms / queries": f"{detail['median_ms']} / {detail['queries']}",
        "print page ms / queries": f"{printed['median_ms']} / {printed['queries']}",
    }


def run(args):
    call_command("migrate", verbosity=0)
    call_command("bhxh_setup", verbosity=0)
    items, entries = (200, 300) if args.quick else (args.items, args.entries)
    return [measure(items // 4, entries // 4, args.repeat), measure(items, entries, args.repeat)]
