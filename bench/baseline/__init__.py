"""Stock Wagtail page types of the same shape as the suite's, as the benchmarks' baseline.

A plain ``Page`` with a StreamField body and a feature image, and an index
page listing its children newest first with Django's paginator: what a
Wagtail site would have without the suite. Installed only by the benchmark
settings; its tables are made with ``migrate --run-syncdb`` (no migrations).
"""
