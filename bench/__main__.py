"""Run the benchmarks and write their tables to bench/results/.

    python -m bench                 # every benchmark
    python -m bench pages           # only bench/bench_pages.py

Each ``bench/bench_<name>.py`` defines ``run(args) -> list[dict]`` (one dict
per measured row) and optionally ``add_arguments(parser)``. Results go to
``bench/results/<name>.json`` and ``.md`` with the commit they measured
(``<name>-<database>`` when the module sets ``RESULTS_PER_DATABASE = True``).
Set DATABASE_URL to measure on PostgreSQL (default: a temporary SQLite file).
"""

import argparse
import datetime
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def setup_django():
    sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='bhxh-bench-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_results(name, rows, meta):
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2, ensure_ascii=False) + "\n")
    columns = list(rows[0]) if rows else []
    lines = [
        f"# Benchmark: {name}",
        "",
        f"Commit `{meta['commit']}`, {meta['date']}, {meta['database']}, Python {meta['python']}, "
        f"Django {meta['django']}, Wagtail {meta['wagtail']}, {meta['machine']}.",
        "",
        "| " + " | ".join(columns) + " |",
        "| " + " | ".join("---" for _ in columns) + " |",
    ]
    lines += ["| " + " | ".join(str(row[c]) for c in columns) + " |" for row in rows]
    (out / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))  # noqa: T201


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args, rest = parser.parse_known_args(argv)
    setup_django()
    import django
    import wagtail
    from django.db import connection

    names = args.names or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        sub = argparse.ArgumentParser(prog=f"python -m bench {name}")
        if hasattr(module, "add_arguments"):
            module.add_arguments(sub)
        sub_args, _ = sub.parse_known_args(rest)
        sub_args.quick = args.quick
        rows = module.run(sub_args)
        meta = {
            "commit": commit(),
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "database": connection.vendor,
            "python": platform.python_version(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "machine": f"{os.cpu_count()} cores, {platform.machine()}",
        }
        # A benchmark run on each database keeps one table per database.
        result_name = f"{name}-{connection.vendor}" if getattr(module, "RESULTS_PER_DATABASE", False) else name
        write_results(result_name, rows, meta)


if __name__ == "__main__":
    main()
