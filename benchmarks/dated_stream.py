"""A dated, labelled news stream built from a dev set, in three variants.

The dev sets carry no dates, yet a real stream's events are told apart by time as much as
by words (the same topic weeks apart is another event). This replays a dev set as the
stream a crawler would see:

* every event (a dev cluster) starts on a day drawn uniformly over a span of
  ``len(events) / EVENTS_PER_DAY`` days (8 a day, the rate of the major stories of a
  current-events portal; WCEP's 500 dev events cover about two months);
* each of its articles is published that day or later: 55 % the same day, 30 % the next,
  10 % two days on, 5 % three (coverage trails an event and then stops);
* the stream is in time order, articles of one day shuffled.

Variants of every article, so headline feeds and snippet feeds are measured on the very
same events: ``full`` (title and text), ``headline`` (the title alone, no body, as in a
headline list) and ``snippet`` (the title and the first sentence of the text, as in an
RSS item's description). Multi-News articles have no titles; their first sentence (at
most ``HEADLINE_WORDS`` words) stands in for one and the snippet is then the sentence after.

``half`` keeps the even (0) or odd (1) events of the dataset's order, so a constant tuned
on one half is checked on the other. The seed fixes everything.

    PYTHONPATH=src python -m benchmarks.dated_stream wcep-dev headline -o stream.jsonl

writes a labelled stream (one article a line with its ``"event"`` and ``"time"``) that
``newsweave eval-clusters`` reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks._stream_data import data_dir
from newsweave.ingest import read_inputs
from newsweave.model import Article, Problem, RawDocument
from newsweave.pipeline.cleaning import clean
from newsweave.segment import split_sentences

VARIANTS = ("full", "headline", "snippet")
EVENTS_PER_DAY = 8
DELAY_DAYS = ((0, 0.55), (1, 0.30), (2, 0.10), (3, 0.05))  # (days after the event, share)
HEADLINE_WORDS = 25
START = dt.date(2017, 3, 1)


@dataclass(frozen=True, slots=True)
class DatedArticle:
    """One article of the stream with the event it belongs to."""

    doc: RawDocument
    event: str


def _delay(rng: random.Random) -> int:
    draw, total = rng.random(), 0.0
    for days, share in DELAY_DAYS:
        total += share
        if draw < total:
            return days
    return DELAY_DAYS[-1][0]


def _clip(sentence: str, limit: int = HEADLINE_WORDS) -> str:
    words = sentence.split()
    return " ".join(words[:limit])


def variant_of(article: Article, variant: str) -> tuple[str, str]:
    """(title, text) of an article in one variant."""
    sentences = [s.text for s in split_sentences(article)]
    title = article.title or _clip(sentences[0] if sentences else article.text)
    rest = sentences if article.title else sentences[1:]
    if variant == "full":
        return article.title, article.text
    if variant == "headline":
        return title, ""
    if variant == "snippet":
        return title, rest[0] if rest else ""
    raise ValueError(f"unknown variant {variant!r} (one of {', '.join(VARIANTS)})")


def cleaned_events(path: Path) -> dict[str, list[Article]]:
    """The dataset's events with their cleaned articles, in file order."""
    events: dict[str, list[Article]] = {}
    for item in clean(read_inputs([str(path)])):
        if not isinstance(item, Problem) and item.group is not None:
            events.setdefault(item.group, []).append(item.article)
    return events


def dated_stream(
    events: dict[str, list[Article]],
    variant: str = "full",
    seed: int = 0,
    half: int | None = None,
    events_per_day: float = EVENTS_PER_DAY,
) -> list[DatedArticle]:
    """The events replayed as a dated stream (see the module docstring)."""
    rng = random.Random(seed)
    chosen = [(k, v) for i, (k, v) in enumerate(events.items()) if half is None or i % 2 == half]
    span = max(1, round(len(chosen) / events_per_day))
    by_day: dict[dt.date, list[DatedArticle]] = {}
    for key, articles in chosen:
        start = START + dt.timedelta(days=rng.randrange(span))
        for article in articles:
            day = start + dt.timedelta(days=_delay(rng))
            title, text = variant_of(article, variant)
            doc = RawDocument(
                origin=f"{key}/{article.id}",
                text=text,
                title=title,
                source=article.source,
                published=day,
                label=key,
            )
            by_day.setdefault(day, []).append(DatedArticle(doc, key))
    stream: list[DatedArticle] = []
    for day in sorted(by_day):
        batch = by_day[day]
        rng.shuffle(batch)
        stream.extend(batch)
    return stream


def as_labelled_lines(stream: list[DatedArticle]) -> Iterator[str]:
    for item in stream:
        doc = item.doc
        assert doc.published is not None
        record = {"title": doc.title, "text": doc.text, "time": doc.published.isoformat(),
                  "event": item.event}  # fmt: skip
        yield json.dumps(record, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=("wcep-dev", "multinews-dev"))
    parser.add_argument("variant", choices=VARIANTS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--half", type=int, choices=(0, 1))
    parser.add_argument("--data", help="folder with the dev sets")
    parser.add_argument("--output", "-o", required=True)
    args = parser.parse_args()
    events = cleaned_events(data_dir(args) / f"{args.dataset}.jsonl")
    stream = dated_stream(events, args.variant, args.seed, args.half)
    with open(args.output, "w", encoding="utf-8") as handle:
        for line in as_labelled_lines(stream):
            handle.write(line + "\n")


if __name__ == "__main__":
    main()
