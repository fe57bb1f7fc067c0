"""Baselines and experiments an evaluation compares newsweave with.

Importing this package registers them as summarizers by name (``lead``, ``lexrank``,
``textrank``, ``lsa``, ``klsum``, ``centroid.v1``, ``weave.submodular``), so that
``newsweave eval --systems`` and ``newsweave summarize --summarizer`` can use them; the
summarize package imports it only when such a name is asked for.
"""

from __future__ import annotations

from newsweave.summarize import Summarizer, register


def _centroid() -> Summarizer:
    from newsweave.evaluation.baselines.centroid import CentroidSummarizer

    return CentroidSummarizer()


def _weave_submodular() -> Summarizer:
    from newsweave.evaluation.baselines.brief_submodular import SubmodularWeaveSummarizer

    return SubmodularWeaveSummarizer()


def _register() -> None:
    from newsweave.evaluation.baselines.peers import PEERS

    register("centroid.v1", _centroid, "v1")
    register("weave.submodular", _weave_submodular)
    for name, (factory, aliases) in PEERS.items():
        register(name, factory, *aliases)


_register()
