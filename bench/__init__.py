"""Benchmarks of wagtail-bhxh (not tests): run with `make bench`."""
