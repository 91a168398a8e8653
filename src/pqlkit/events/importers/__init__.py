"""Importers: files of events (Segment JSONL, Amplitude, Mixpanel, CSV, Parquet) into the store.

Every format is parsed inside DuckDB into one *parsed* relation, checked against the Segment
spec's rules (:mod:`.rules`) and appended once per messageId (:mod:`pqlkit.store.append`).
Bad records never stop an import: each is reported with its file, line and reason, the rest is
imported, and nothing is half-written (the rows of a file are inserted in one statement).
"""

from pqlkit.events.importers.pipeline import detect_format, ingest_file
from pqlkit.events.importers.report import ImportReport, Reject, write_rejects

__all__ = ["ImportReport", "Reject", "detect_format", "ingest_file", "write_rejects"]
