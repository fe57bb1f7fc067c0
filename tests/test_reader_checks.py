"""What a reader of the dev digests and the example brief tripped over, one check each.

Every row names a real cluster (the example, or a dev-set cluster copied into
tests/data/reader, see its README), what a reader saw there before issue 14, and what must or
must not appear now in the brief (100 words, the digest's length), the headline (30 words),
the segmentation or the analysis. Groups: order, dangling references, junk, gaps, quote
boundaries, timeline, quotes and figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import pytest

from newsweave import Settings, load, make_brief
from newsweave.model import Brief, Cluster, replace
from newsweave.pipeline.digest import headline
from newsweave.render import render
from newsweave.render._common import (
    SHOWN,
    assumed_note,
    below_headline,
    news_claims,
    restates,
    timeline_date,
)
from newsweave.segment import SegmentedCluster
from newsweave.summarize.filters import rejection
from newsweave.summarize.order import definite_head, leans_back
from newsweave.summarize.units import content_sentences, inside_quotes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "aleppo-2016-12"
SLICES = ROOT / "tests" / "data" / "reader"
BRIEF_WORDS = 100  # the digest's brief
SHOWN_QUOTES = 12  # what the Markdown brief lists before "N more"


@cache
def _clusters() -> dict[str, Cluster]:
    found = {"example": load([str(EXAMPLE)]).clusters[0]}
    for path in sorted(SLICES.glob("*.jsonl")):
        found.update({c.id: c for c in load([str(path)]).clusters})
    return found


@dataclass
class View:
    """One cluster as a reader meets it: brief, headline, and what they were made from."""

    cluster: Cluster
    doc: SegmentedCluster = field(init=False)

    def __post_init__(self) -> None:
        self.doc = SegmentedCluster.from_cluster(self.cluster)

    @cached_property
    def brief(self) -> Brief:
        return make_brief(self.doc, Settings(words=BRIEF_WORDS))

    @cached_property
    def headline(self) -> str:
        return headline(self.doc)

    @cached_property
    def summary(self) -> list[str]:
        return [s.text for s in self.brief.summary]

    @cached_property
    def sentences(self) -> list[str]:
        return [s.text for s in self.doc.sentences]

    def everything(self) -> list[str]:
        return [self.headline, *self.summary]

    def source_index(self, position: int) -> int:
        """The cluster sentence index of the brief's ``position``-th sentence."""
        s = self.brief.summary[position]
        return next(
            i
            for i, x in enumerate(self.doc.sentences)
            if (x.article_id, x.start) == (s.article_id, s.start)
        )


@cache
def view(name: str) -> View:
    return View(_clusters()[name])


# --- what a check can say --------------------------------------------------------------


def opens_with(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert text in v.summary[0], v.summary

    return check


def opens_with_any(*texts: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert any(text in v.summary[0] for text in texts), v.summary

    return check


def nowhere(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert not any(text in t for t in v.everything()), v.everything()

    return check


def after_a_mention(sentence: str, word: str) -> Callable[[View], None]:
    """If the brief has ``sentence``, a sentence before it names ``word``."""

    def check(v: View) -> None:
        at = next((i for i, t in enumerate(v.summary) if sentence in t), None)
        if at is not None:
            pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
            assert any(pattern.search(t) for t in v.summary[:at]), v.summary
        else:  # left out: the cluster has it, and the reader sees it as a back-reference
            source = next(t for t in v.sentences if sentence in t)
            assert definite_head(source) == word, source

    return check


def leads_with_headline(v: View) -> None:
    assert restates(v.headline, v.summary[0]), (v.headline, v.summary[0])


def digest_says_it_once(v: View) -> None:
    """Under the headline a digest lists the brief without the headline's own sentence."""
    shown = below_headline(replace(v.brief, headline=v.headline))
    assert len(shown) == len(v.summary) - 1
    assert not any(restates(v.headline, s.text) for s in shown)


def nothing_dangles(v: View) -> None:
    """A sentence that leans on the one before it in its article (pronoun, connective, a
    quote begun earlier) comes right after that sentence, never first."""
    quoted = inside_quotes(v.doc)
    for position, text in enumerate(v.summary):
        index = v.source_index(position)
        if v.doc.sentences[index].index == 0:
            continue
        if leans_back(text) or index in quoted:
            assert position > 0, text
            before = v.source_index(position - 1)
            article = v.doc.sentences[index].article_id
            assert v.doc.sentences[before].article_id == article, text
            assert before < index, text


def after_its_previous(text: str) -> Callable[[View], None]:
    """If the brief has ``text``, the sentence before it in its article comes right before."""

    def check(v: View) -> None:
        at = next((i for i, t in enumerate(v.summary) if t.startswith(text)), None)
        if at is not None:
            assert at > 0, v.summary
            index, before = v.source_index(at), v.source_index(at - 1)
            assert v.doc.sentences[before].article_id == v.doc.sentences[index].article_id
            assert before < index, v.summary
        else:  # left out: the cluster has it, and the selection sees it leans back
            source = next(t for t in v.sentences if t.startswith(text))
            assert leans_back(source), source

    return check


def not_a_sentence(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert text not in v.sentences

    return check


def a_sentence_starts(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert any(s.startswith(text) for s in v.sentences)

    return check


def kept_as_content(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        content, _ = content_sentences(v.doc)
        assert text in {v.sentences[i] for i in content}
        assert rejection(text) is None

    return check


# A word that needs what follows it, right before punctuation: "scheduled for, is".
_GAP = re.compile(r"\b(?:for|on|at|in|of|to|from|with|by|the|a|an|and)\s*[,.;:!?]|[,;:]\s*[,;:.]")


def no_gaps(v: View) -> None:
    for text in v.everything():
        assert not _GAP.search(text.replace("...", "…")), text


def timeline_day(expression: str, text: str, day: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        found = [e for e in v.brief.timeline if e.expression == expression and text in e.text]
        assert found and {e.date for e in found} == {dt.date.fromisoformat(day)}, found

    return check


def no_sentence_twice_in_timeline(v: View) -> None:
    texts = [e.text for e in v.brief.timeline]
    assert texts and len(texts) == len(set(texts))


def assumed_from(text: str, note: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        notes = {assumed_note(e) for e in v.brief.timeline if text in e.text}
        assert note in notes, notes

    return check


def month_stays_a_month(v: View) -> None:
    month = [e for e in v.brief.timeline if e.precision == "month"]
    assert month and all(timeline_date(e) == e.date.strftime("%Y-%m") for e in month)
    html = render([v.brief], "html")
    assert all(f'<time datetime="{timeline_date(e)}">' in html for e in month)


def quoted_before_more(speaker: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        assert speaker in {q.speaker for q in v.brief.quotes[:SHOWN_QUOTES]}

    return check


def speakers_first(count: int) -> Callable[[View], None]:
    """The first ``count`` quotes come from ``count`` different speakers."""

    def check(v: View) -> None:
        first = [q.speaker for q in v.brief.quotes[:count]]
        assert len(set(first)) == count, first

    return check


def corroborated_quote_first(v: View) -> None:
    top = v.brief.quotes[0]
    assert len(top.sources) == max(len(q.sources) for q in v.brief.quotes)


def figures_without(text: str) -> Callable[[View], None]:
    def check(v: View) -> None:
        subjects = [c.subject for c in news_claims(v.brief)[: SHOWN["claims"]]]
        assert subjects and not any(text in s for s in subjects), subjects

    return check


def figures_whole(v: View) -> None:
    """No figure's phrase is cut at an abbreviation's period ("arrived at St")."""
    for claim in v.brief.claims:
        assert not re.search(r"\b(?:St|Mr|Dr|Gov|Sen|Rep)$", claim.subject.rstrip(" .…")), claim


@dataclass(frozen=True)
class ReaderCheck:
    name: str
    cluster: str
    saw: str  # what a reader saw before
    check: Callable[[View], None]


CHECKS = [
    # --- order: the core news first
    ReaderCheck("example states the core news first", "example",
                "the brief never said that Assad ruled out a truce",
                opens_with("ignoring pleas for a truce")),
    ReaderCheck("example opens with its headline's sentence", "example",
                "a Reuters scene-setter opened the brief", leads_with_headline),
    ReaderCheck("Eichmann brief opens with the lead", "mn-dev-0024",
                "the lead sentence came last",
                opens_with_any("requested a pardon", "request for clemency")),
    ReaderCheck("Eichmann: 'In the request' after the request", "mn-dev-0024",
                "'In the request, written after ...' opened the brief",
                after_a_mention("In the request", "request")),
    ReaderCheck("debt-deal brief opens with its headline's sentence", "mn-dev-0113",
                "an AP caption headed the event", leads_with_headline),
    ReaderCheck("Kavanaugh brief opens with its headline's sentence", "wcep-0020",
                "a prediction quote opened the brief", leads_with_headline),
    ReaderCheck("a digest does not repeat its headline", "wcep-0020",
                "the headline's sentence again as the brief's first", digest_says_it_once),
    # --- dangling references
    ReaderCheck("example: no context-less Kerry sentence", "example",
                "'Kerry spoke of recent discussions ...' without the discussions",
                nowhere("Kerry spoke of recent discussions")),
    ReaderCheck("example: nothing dangles", "example", "pronoun sentences out of place",
                nothing_dangles),
    ReaderCheck("debt deal: nothing dangles", "mn-dev-0113",
                "'First, Pelosi said ...' and '..., he said.' on their own", nothing_dangles),
    ReaderCheck("Gillibrand: 'she recalls him saying' after its setting", "mn-dev-0199",
                "a quote attributed to 'she' and 'him' alone", nothing_dangles),
    ReaderCheck("Harris quote: nothing dangles", "wcep-0063",
                "the middle of a long quote read as the reporter's words", nothing_dangles),
    ReaderCheck("DeMint: nothing dangles", "wcep-0023", "'He said ...' without DeMint",
                nothing_dangles),
    ReaderCheck("breast implants: 'She chose ...' after Paula Blades", "mn-dev-0056",
                "pronoun sentences first", nothing_dangles),
    ReaderCheck("anthem bill: 'Hence, ...' after its reason", "mn-dev-0050",
                "'Hence, soon after Parliament resumes work today, ...' on its own",
                after_its_previous("Hence,")),
    ReaderCheck("Iowa: 'The GOP lawmaker' after a lawmaker", "wcep-0633",
                "'The GOP lawmaker claimed ...' with no lawmaker named",
                after_a_mention("The GOP lawmaker", "lawmaker")),
    # --- junk
    ReaderCheck("no numbered list item", "wcep-0020", "'2. Senators up in 2020 ...'",
                nowhere("Senators up in 2020")),
    ReaderCheck("no syndication line", "wcep-0020",
                "'A version of this article appeared on ...'",
                nowhere("A version of this article")),
    ReaderCheck("no AP caption with a date", "mn-dev-0147",
                "'McConnell ... smiles as he meets with reporters ..., Tuesday, Feb. 6, 2018.'",
                nowhere("smiles as he meets with reporters")),
    ReaderCheck("no caption 'third from left'", "mn-dev-0118",
                "a photo caption as the headline", nowhere("third from left")),
    ReaderCheck("no caption credit", "mn-dev-0220", "'... (Associated Press)' in the brief",
                nowhere("(Associated Press)")),
    ReaderCheck("no title line", "mn-dev-0056",
                "'Local woman warns of the dangers of breast implants'",
                nowhere("Local woman warns")),
    ReaderCheck("no video label", "mn-dev-0078",
                "'CLOSE Four Reno dispensaries begin sales ...'", nowhere("CLOSE ")),
    ReaderCheck("no blog teaser", "mn-dev-0204", "'Details on her ... dreams after the jump!'",
                nowhere("after the jump")),
    ReaderCheck("no dateline without its dash", "mn-dev-0128",
                "'DUBAI A Bahraini court sentenced ...'", nowhere("DUBAI")),
    ReaderCheck("no dateline fused to its dash", "mn-dev-0220",
                "'WASHINGTON—An attorney for ...'", nowhere("WASHINGTON—")),
    ReaderCheck("'He was 42.' kept", "mn-dev-0022",
                "short complete sentences were discarded as fragments",
                kept_as_content("He was 42.")),
    ReaderCheck("'She chose breast augmentation.' kept", "mn-dev-0056",
                "four words and complete, yet discarded",
                kept_as_content("She chose breast augmentation.")),
    # --- gaps
    ReaderCheck("debt deal: no gap", "mn-dev-0113", "'the vote on the plan, scheduled for, is'",
                no_gaps),
    ReaderCheck("UN expert: no '::' after the dateline", "wcep-0064",
                "'UNITED NATIONS, May 1::A United Nations rights expert ...'", no_gaps),
    # --- quote boundaries
    ReaderCheck("attribution stays with its quote", "mn-dev-0233",
                "'Sen. Lindsey Graham charged on Sunday.' as a sentence",
                not_a_sentence("Sen. Lindsey Graham charged on Sunday.")),
    ReaderCheck("a glued quote is split", "mn-dev-0056",
                "'... let me die.\"It started in 2011.' as one sentence",
                a_sentence_starts("It started in 2011.")),
    ReaderCheck("'Costello asked.' stays with its question", "wcep-0023",
                "'Costello asked.' as a sentence", not_a_sentence("Costello asked.")),
    # --- timeline
    ReaderCheck("'on Saturday' and 'today' one day", "example",
                "five days apart in the undated Reuters report",
                timeline_day("today", "Our teams are meeting in Geneva", "2016-12-10")),
    ReaderCheck("no timeline sentence twice", "example",
                "the Hamburg sentence under two dates", no_sentence_twice_in_timeline),
    ReaderCheck("the assumed date says which and why", "example",
                "'date assumed: article undated'",
                assumed_from("later on Saturday", "date assumed: 2016-12-10, from the weekdays "
                             "it names, near article 2's publication date")),
    ReaderCheck("an undated report dated by its dateline", "wcep-0064",
                "no date at all for 'on Tuesday'",
                assumed_from("What we are seeing in Kachin state",
                             "date assumed: 2018-05-01, from its dateline")),
    ReaderCheck("'Dec. 2015' stays a month", "example", "2015-12-01 in the web UI",
                month_stays_a_month),
    # --- quotes and figures
    ReaderCheck("corroborated quote first", "example", "quotes in article order",
                corroborated_quote_first),
    ReaderCheck("five voices in the first five quotes", "example",
                "four Assad quotes before anyone else's", speakers_first(5)),
    ReaderCheck("Ayrault not behind 'N more'", "example",
                "the French foreign minister only in the JSON",
                quoted_before_more("Jean-Marc Ayrault")),
    ReaderCheck("figures carry news", "example", "'five-year civil war' among the figures",
                figures_without("-year civil war")),
    ReaderCheck("figures are whole phrases", "wcep-0005", "'... arrived at St'",
                figures_whole),
]  # fmt: skip


@pytest.mark.parametrize("row", CHECKS, ids=[c.name for c in CHECKS])
def test_reader_check(row: ReaderCheck) -> None:
    row.check(view(row.cluster))


def test_the_table_has_thirty_checks_over_real_clusters() -> None:
    assert len(CHECKS) >= 30
    assert {c.cluster for c in CHECKS} <= set(_clusters())
