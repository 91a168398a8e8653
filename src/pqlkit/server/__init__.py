"""`pql serve`: Segment's HTTP tracking API in front of the store, durable through a log.

The path of an event: :mod:`.body` reads the request within its limits, :mod:`.auth` checks the
key, :mod:`.calls` validates each call into a row, the request's record is appended to the
fsync'd log (:mod:`.log`, :mod:`.log_writer`) and acknowledged; :mod:`.loader` moves records into
the store in batches on the one thread that uses the store (:mod:`.store_thread`).
:func:`pqlkit.server.app.create_app` builds the FastAPI app, :mod:`.run` serves it with uvicorn.
"""
