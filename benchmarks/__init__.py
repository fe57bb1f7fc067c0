"""Benchmarks (outside the test suite): ``python -m benchmarks`` writes docs/benchmarks.md."""
