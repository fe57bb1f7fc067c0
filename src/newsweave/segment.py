"""Segment: split cleaned article text into sentences with character offsets.

syntok does the splitting (abbreviations, initials, decimals, closing quotes); it was the
most accurate of the splitters we measured on news text and about five times faster than
pysbd (docs/segmentation.md). Paragraph breaks always end a sentence, so headline-like
lines without a final period stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter

from newsweave.model import Article, Sentence

_PARAGRAPH = re.compile(r"\S(?:.*\S)?")  # a non-empty line, trimmed
# Titles syntok does not know: a sentence "ending" in one of them continues with a name.
_TITLE_END = re.compile(
    r"(?:^|\s)(?:Gov|Rep|Reps|Sen|Sens|Gen|Lt|Col|Capt|Cmdr|Sgt|Maj|Adm|Supt|Insp|Det|Prof|Dr"
    r"|Mr|Mrs|Ms|Mt|Ft|Hon|Rev|Gens|No|Nos|Art|Fig|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Ariz"
    r"|Calif|Conn|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Wash|Wis|Va)\.$"
)
# syntok leaves an ellipsis followed by a capitalised word inside one sentence; news quotes
# use "…" as a pause far more often than as a sentence end, so we keep that behaviour.


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; ``text[start:end]`` is trimmed."""
    for line in _PARAGRAPH.finditer(text):
        base, chunk = line.start(), line.group()
        pending: tuple[int, int] | None = None
        for paragraph in segmenter.analyze(chunk):
            for sentence in paragraph:
                tokens = [t for t in sentence if t.value]
                if not tokens:
                    continue
                start = tokens[0].offset
                end = tokens[-1].offset + len(tokens[-1].value)
                if pending is not None:
                    start = pending[0]
                    pending = None
                if _TITLE_END.search(chunk[start:end]):
                    pending = (start, end)
                    continue
                yield base + start, base + end
        if pending is not None:
            yield base + pending[0], base + pending[1]


def split_sentences(article: Article) -> list[Sentence]:
    """The sentences of an article, indexed in reading order."""
    return [
        Sentence(article.id, index, article.text[start:end], start, end)
        for index, (start, end) in enumerate(sentence_spans(article.text))
    ]
