"""The pipeline: the only orchestration of newsweave's stages, for every way in.

ingest -> clean -> (dedupe, cluster) -> segment -> summarize -> analyze -> Brief

* ``cleaning``: the clean step and its one scope rule, used by every command and the API;
* ``batch``: a cluster's brief (``load``, ``make_brief``, ``make_briefs``, ``summarize_texts``);
* ``stream``: cleaned articles and events of a stream (``read_articles``, ``cluster_events``);
* ``digest``: events ranked and summarized (``digest_events``);
* ``store``: briefs saved (``save_briefs``).

The CLI, the web app and the Dask runner call these and nothing below them.
"""

from __future__ import annotations

from newsweave.pipeline.batch import (
    Loaded,
    cluster_id,
    cluster_label,
    cluster_of,
    group_documents,
    load,
    make_brief,
    make_briefs,
    split_events,
    summarize_paths,
    summarize_texts,
)
from newsweave.pipeline.cleaning import Grouped, clean, clean_articles

__all__ = [
    "Grouped",
    "Loaded",
    "clean",
    "clean_articles",
    "cluster_id",
    "cluster_label",
    "cluster_of",
    "group_documents",
    "load",
    "make_brief",
    "make_briefs",
    "split_events",
    "summarize_paths",
    "summarize_texts",
]
