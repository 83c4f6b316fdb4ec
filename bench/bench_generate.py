"""Speed of ``manage.py bhxh_generate_content``: pages written per second.

    python -m bench generate --sizes 10000,100000

Each size starts from an empty tree. Wall-clock pages/s depends on what else
the machine runs; pages per CPU second of this process is what one free core
would reach on SQLite (on PostgreSQL the server's CPU is not counted in it).
"""

from django.core.management import call_command
from django.db import connection

from .bench_pages import reset_site

RESULTS_PER_DATABASE = True


def add_arguments(parser):
    parser.add_argument("--sizes", default="10000", help="numbers of articles, comma separated")


def run(args):
    from wagtail_bhxh.generator import generate

    call_command("migrate", verbosity=0, run_syncdb=True)
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        home = reset_site()
        result = generate(n, seed=n, home=home)
        rows.append(
            {
                "database": connection.vendor,
                "articles": n,
                "pages written": result.pages,
                "seconds": round(result.seconds, 1),
                "pages/s": round(result.pages_per_second),
                "CPU seconds": round(result.cpu_seconds, 1),
                "pages per CPU second": round(result.pages_per_cpu_second),
            }
        )
    return rows
