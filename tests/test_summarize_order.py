"""Reading order and dangling references."""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.config import Budget
from newsweave.model import Article, Cluster
from newsweave.segment import SegmentedCluster
from newsweave.summarize import Pick, summarize_cluster
from newsweave.summarize.order import definite_head, leans_back
from newsweave.summarize.picks import chronological


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("He said the offensive would continue until the city fell.", True),
        ("They fled the eastern districts overnight.", True),
        ("But the rebels rejected the offer on Thursday.", True),
        ("However, the talks in Geneva ended without a deal.", True),
        ("“It is a huge step,” Assad told the newspaper.", True),
        ("This comes after weeks of heavy bombardment.", True),
        ("Hence, he intends to table a private member's bill today.", True),
        ("Therefore the vote was delayed until Tuesday.", True),
        ("Assad said the offensive would continue until the city fell.", False),
        ("Theresa May's two chiefs of staff have resigned.", False),
        ("Therefore-free sentences starting with The army are fine.", False),
        ("Heavy fighting continued in the Old City.", False),
    ],
)
def test_leans_back(text: str, dangling: bool) -> None:
    assert leans_back(text) is dangling


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("In the request, written after he was brought to Israel, Eichmann says", "request"),
        ("The move was widely seen as a snub.", "move"),
        ("The GOP lawmaker claimed the bill was dead.", "lawmaker"),
        ("The new film is produced by Raimi.", "film"),
        # descriptions that carry their own content need no antecedent
        ("The black leopards of Peninsular Malaysia are extremely rare.", None),
        ("The colonists we commemorate every year revolted.", None),
        ("The man who shot him was arrested.", None),
        ("The director, Fede Alvarez, approaches the material with a straight face.", None),
        ("The United States said it would respond.", None),
    ],
)
def test_definite_head(text: str, head: str | None) -> None:
    assert definite_head(text) == head


def _article(aid: str, text: str, published: dt.date | None) -> Article:
    return Article(id=aid, text=text, title=aid, published=published)


def test_chronological_order_is_by_date_then_article_then_position() -> None:
    cluster = Cluster(
        "c",
        (
            _article("late", "Late one said a thing. Late two said more.", dt.date(2016, 12, 9)),
            _article("undated", "Undated says a thing here.", None),
            _article("early", "Early one said a thing. Early two said more.", dt.date(2016, 12, 7)),
        ),
    )
    doc = SegmentedCluster.from_cluster(cluster)
    picks = [Pick(i) for i in reversed(range(len(doc.sentences)))]
    order = [doc.sentences[p.index].text for p in chronological(doc, picks)]
    assert order == [
        "Early one said a thing.",
        "Early two said more.",
        "Late one said a thing.",
        "Late two said more.",
        "Undated says a thing here.",
    ]


def test_selected_pronoun_sentences_come_with_their_antecedent(
    example_cluster: Cluster, slice_clusters: list[Cluster]
) -> None:
    for cluster in [example_cluster, *slice_clusters]:
        doc = SegmentedCluster.from_cluster(cluster)
        for words in (60, 150, 230):
            summary = summarize_cluster(doc, Budget(words=words))
            chosen = {(s.article_id, s.start) for s in summary}
            for s in summary:
                source = next(
                    x for x in doc.sentences if (x.article_id, x.start) == (s.article_id, s.start)
                )
                if source.index > 0 and leans_back(s.text):
                    previous = doc.sentences[doc.sentences.index(source) - 1]
                    assert (previous.article_id, previous.start) in chosen, s.text
