"""Headlines are one complete sentence within budget, and their early cuts never leave a
fragment or a gap: on the example cluster and on real dev-set clusters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsweave.config import Budget
from newsweave.model import Article, Cluster
from newsweave.pipeline import load
from newsweave.segment import SegmentedCluster
from newsweave.summarize import summarize_cluster
from newsweave.summarize.clauses import Reading, gap_joins
from newsweave.summarize.compress import CLUTTER_RULES, compress, shortenings
from newsweave.summarize.cuts import cut_points

ROOT = Path(__file__).resolve().parent.parent
SLICES = [
    ROOT / "tests" / "data" / "summarize" / "wcep-slice.jsonl",
    ROOT / "tests" / "data" / "quality" / "wcep-dev-100.jsonl",
]
# A word that cannot end a sentence, or a preposition/article before a comma: the marks of a
# cut or a removal made in the wrong place ("scheduled for, is", "... at the.").
GAP = re.compile(r"\b(?:of|for|to|at|in|on|by|with|from|the|a|an)(?:,| \.|\.$)", re.IGNORECASE)


def _clusters() -> list[Cluster]:
    out = []
    for path in SLICES:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            articles = tuple(
                Article(id=f"{record['id']}-{i}", text=a["text"], title=a.get("title", ""))
                for i, a in enumerate(record["articles"])
                if a["text"].strip()
            )
            if articles:
                out.append(Cluster(record["id"], articles))
    return out


def _is_one_sentence(text: str, words: int, cut: bool = True) -> None:
    """Within budget, ending as a sentence ends; where we made the end (a cut), also a main
    clause by our own reading and no word left waiting."""
    assert len(text.split()) <= words, text
    assert text.rstrip("\"'”’)").endswith((".", "!", "?")), text
    assert not GAP.search(text), text
    if cut:
        reading = Reading(text)
        assert reading.main_clause_before(len(reading.raw)), text
        assert reading.ends_well(len(reading.raw)), text


def test_example_headline_is_one_sentence_with_the_news() -> None:
    cluster = load([str(ROOT / "examples" / "aleppo-2016-12")]).clusters[0]
    (headline,) = summarize_cluster(cluster, Budget(words=28))
    _is_one_sentence(headline.text, 28)
    assert "Assad" in headline.text and "Aleppo" in headline.text
    assert len(headline.support) >= 2


@pytest.mark.parametrize("words", [20, 28, 35])
def test_dev_slice_headlines_are_one_sentence_within_budget(words: int) -> None:
    clusters = _clusters()
    assert len(clusters) >= 100
    cut = 0
    for cluster in clusters:
        summary = summarize_cluster(SegmentedCluster.from_cluster(cluster), Budget(words=words))
        assert len(summary) <= 1, cluster.id
        if not summary:
            continue
        (headline,) = summary
        was_cut = any("cut before" in r for r in headline.explain.get("compression", []))
        _is_one_sentence(headline.text, words, was_cut)
        # never "PRAGUE, March 22 (Reuters) - An explosion ...": datelines are clutter
        assert not compress(headline.text, only=CLUTTER_RULES).rules, headline.text
        article = next(a for a in cluster.articles if a.id == headline.article_id)
        if headline.kept:  # traceable: exactly the kept spans of the source sentence
            joined = "".join(article.text[a:b] for a, b in headline.kept)
            assert headline.text == joined[:1].upper() + joined[1:]
        cut += was_cut
    assert cut >= 5  # long leads are cut to fit, not skipped


LEAD = (
    "A 30-year police veteran was killed and six of his fellow officers were wounded when a "
    "man opened fire from inside his home on deputies who came to serve a search warrant."
)


def test_a_long_lead_is_cut_before_an_adjunct_to_fit() -> None:
    forms = [c.text(LEAD) for c in shortenings(LEAD, 20)]
    fitting = [f for f in forms if len(f.split()) <= 20]
    assert fitting == [  # the longest cuts that fit, each a sentence
        "A 30-year police veteran was killed and six of his fellow officers were wounded "
        "when a man opened fire.",
        "A 30-year police veteran was killed and six of his fellow officers were wounded.",
    ]


@pytest.mark.parametrize(
    ("sentence", "not_left"),
    [
        # a reduced relative is no sentence: "A young woman killed." must not be left
        (
            "A young woman killed when a young man drove a car into a crowd during protests "
            "in Charlottesville has been identified as Heather Heyer, a paralegal.",
            "A young woman killed",
        ),
        # the subject's appositive holds a relative clause; the main verb comes last
        (
            "Helmut Kohl, the chancellor whose reunification of a nation divided by the Cold "
            "War put Germany at the heart of Europe, has died at 87.",
            "Europe",
        ),
        # a subordinate clause still waiting for its verb
        (
            "Russia's runner has been stripped of her gold medal after the Court of "
            "Arbitration for Sport upheld a doping ban.",
            "Sport",
        ),
        # "A, B and C": no cut inside a list
        (
            "The fighting killed a Hamas commander, six other militants and an Israeli "
            "officer on the border.",
            "militants",
        ),
    ],
)
def test_no_cut_leaves_a_fragment(sentence: str, not_left: str) -> None:
    heads = [sentence[:start].rstrip(",") for start, _ in cut_points(sentence)]
    assert not any(head.endswith(not_left) for head in heads), heads


def test_verbs_are_read_in_context() -> None:
    # a past form before a preposition is a participle when a main verb follows it...
    reading = Reading("A woman killed in the attack was identified on Monday.")
    assert not reading.main_clause_before(5)  # "A woman killed in the"
    # ...and the main verb when none does
    reading = Reading("Gianforte pledged on Wednesday to donate $50,000 to a journalism group.")
    assert reading.main_clause_before(len(reading.raw))
    assert Reading("They believe the boy was abducted.").main_clause_before(2)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weekday bound to a preposition stays: removing it would leave "scheduled for, is"
        (
            "The vote, scheduled for Saturday, is expected to be close in the capital city.",
            "The vote, scheduled for Saturday, is expected to be close in the capital city.",
        ),
        # a weekday in a pair stays ("intercepted and Wednesday" would be broken)
        (
            "Bombs were intercepted Tuesday and Wednesday in a rash of attacks on officials.",
            "Bombs were intercepted Tuesday and Wednesday in a rash of attacks on officials.",
        ),
        # a participle left at the end waits for what the weekday closed
        (
            "The army said it had retaken the city in a statement released Friday.",
            "The army said it had retaken the city in a statement released Friday.",
        ),
        (
            "The president died at his home in the capital on Saturday, officials said.",
            "The president died at his home in the capital.",
        ),
    ],
)
def test_removals_leave_clean_joins(sentence: str, expected: str) -> None:
    assert compress(sentence).text(sentence) == expected


def test_gap_words() -> None:
    assert not gap_joins("The vote, scheduled for")
    assert not gap_joins("He met the")
    assert gap_joins("The president died")
    assert gap_joins("The vote,")


def test_byline_fused_into_the_lead_is_a_dateline() -> None:
    sentence = (
        "David Keyton And Jim Heintz, The Associated Press STOCKHOLM -- The Nobel Prize in "
        "medicine was awarded to two researchers from the United States and Japan."
    )
    compression = compress(sentence)
    assert compression.rules == ("dateline",)
    assert compression.text(sentence).startswith("The Nobel Prize in medicine")


@pytest.mark.parametrize(
    "dateline",
    ["ZURICH (CBSNewYork/AP) — ", "Zurich (CBS/AP) — ", "ZURICH, March 28 (Reuters) - "],
)
def test_a_headline_never_keeps_the_dateline_of_its_lead(dateline: str) -> None:
    text = (
        f"{dateline}Lionel Messi has been banned from Argentina’s next four World Cup "
        "qualifiers for insulting a referee. The ban starts with Tuesday’s game in Bolivia. "
        "Argentina is third in the South American standings with five games left."
    )
    article = Article(id="a", text=text, title="FIFA bans Messi for four qualifiers")
    (headline,) = summarize_cluster(Cluster("c", (article,)), Budget(words=28))
    assert headline.text.startswith("Lionel Messi has been banned"), headline.text
