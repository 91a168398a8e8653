"""Batch scoring: score every entity as of a time, explain it, keep the scores ledger."""
