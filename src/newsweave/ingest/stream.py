"""Readers for streams of mixed articles: WARC archives and RSS/Atom feeds.

Imported lazily by ``newsweave.ingest`` the first time one of these formats is met, so the
core install does not need warcio or feedparser (they come with the ``stream`` extra).
"""

from __future__ import annotations

from newsweave.ingest import register_path_reader, register_reader, sniff
from newsweave.ingest.feeds import read_feed
from newsweave.ingest.warc import read_warc_bytes, read_warc_path

register_reader(sniff.WARC, read_warc_bytes)
register_path_reader(sniff.WARC, read_warc_path)
register_reader(sniff.FEED, read_feed)
