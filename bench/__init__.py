"""Benchmarks: each compares pqlkit with a baseline measured in the same run."""
