"""The store: an Ibis connection chosen by URL, its schema and migrations."""
