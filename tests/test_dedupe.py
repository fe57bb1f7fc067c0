"""Near-duplicate detection on the example articles and lightly edited copies of them."""

from __future__ import annotations

import random

from newsweave.dedupe import Deduplicator, dedupe, fold, independent_sources
from newsweave.model import Article, Cluster, replace
from newsweave.segment import split_sentences


def edited_copy(article: Article, outlet: str, seed: int) -> Article:
    """What a syndication partner does to a wire story: its own byline, one sentence cut,
    different whitespace."""
    sentences = split_sentences(article)
    drop = random.Random(seed).randrange(len(sentences))
    kept = [s.text for i, s in enumerate(sentences) if i != drop]
    text = "By Staff Reporter\n\n" + "  \n".join(kept).replace(". ", ".   ")
    return replace(article, id=f"{article.id}-copy", text=text, source=outlet, byline="Staff")


def test_lightly_edited_copies_are_found(example_cluster: Cluster) -> None:
    originals = list(example_cluster.articles)
    copies = [edited_copy(a, f"partner{i}.example", i) for i, a in enumerate(originals)]
    dedup = Deduplicator()
    assert [dedup.original_of(a.id, a.text) for a in originals] == [None] * 4
    assert [dedup.original_of(c.id, c.text) for c in copies] == [a.id for a in originals]


def test_distinct_reports_of_one_event_are_not_merged(example_cluster: Cluster) -> None:
    # Four outlets on the same day about the same battle share names and phrases, but
    # each wrote its own story.
    assert len(dedupe(example_cluster.articles)) == 4


def test_copies_are_folded_and_counted_once(example_cluster: Cluster) -> None:
    originals = list(example_cluster.articles)
    copies = [edited_copy(originals[0], f"partner{i}.example", i) for i in range(3)]
    kept = dedupe([*originals, *copies])
    assert [a.id for a in kept] == [a.id for a in originals]
    assert kept[0].also_published_by == ("partner0.example", "partner1.example", "partner2.example")
    # No copy leaves without a trace: where each was read is recorded with the original.
    assert kept[0].copies == tuple(c.origin for c in copies)
    # Seven articles, but the three copies are one source with the original.
    assert independent_sources(kept) == independent_sources(originals)


def test_fold_keeps_copies_of_copies() -> None:
    a = Article(id="a", text="x", source="wire")
    b = Article(
        id="b",
        text="x",
        source="paper",
        url="https://paper.example/b",
        also_published_by=("radio",),
        copies=("radio.jsonl:7",),
    )
    assert fold(a, b).also_published_by == ("paper", "radio")
    assert fold(a, b).copies == ("https://paper.example/b", "radio.jsonl:7")


def test_forgetting_beyond_capacity_keeps_memory_bounded(example_cluster: Cluster) -> None:
    dedup = Deduplicator(capacity=2)
    for article in example_cluster.articles:
        dedup.original_of(article.id, article.text)
    assert len(dedup) == 2
    first = example_cluster.articles[0]
    assert dedup.original_of("again", first.text) is None  # forgotten, so new again


def test_signatures_and_bands_are_datasketchs(example_cluster: Cluster) -> None:
    """The numpy MinHash replicates datasketch's affine32 scheme: the same signatures for
    the same shingle hashes and seed, and the same band split of its LSH."""
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    from newsweave.dedupe import NUM_PERM, bands_for, shingle_hashes, signature, tokenize

    for article in example_cluster.articles:
        title_words, body_words = tokenize(article)
        hashes = shingle_hashes(title_words + body_words)
        reference = MinHash(num_perm=NUM_PERM, hashfunc=int)
        reference.update_batch(hashes.tolist())
        assert (signature(hashes) == reference.hashvalues).all()
    for threshold in (0.3, 0.4, 0.5, 0.8):
        for num_perm in (64, 128):
            assert bands_for(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_candidates_come_in_insertion_order_and_leave_when_forgotten(
    example_cluster: Cluster,
) -> None:
    from newsweave.dedupe import BandIndex, Signature, shingle_hashes, signature, tokenize

    def sig_of(article: Article) -> Signature:
        title_words, body_words = tokenize(article)
        return signature(shingle_hashes(title_words + body_words))

    index = BandIndex(0.4, 128)
    sig = sig_of(example_cluster.articles[0])
    for name in ("b", "a", "c"):
        index.insert(name, sig)
    assert index.query(sig) == ["b", "a", "c"]
    index.remove("a", sig)
    assert index.query(sig) == ["b", "c"]
    assert index.query(sig_of(example_cluster.articles[1])) == []
