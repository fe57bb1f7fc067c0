"""Whether an article joins an event: a learned linear combination of similarities.

Following Miranda et al. (2018, "Multilingual Clustering of Streaming News"), the
decision combines several similarities of the article to a candidate event instead of
one cosine against one threshold:

* ``lexical``: TF-IDF cosine of the article (content, lead, title and named-thing terms)
  with the event's centroid;
* ``semantic``: cosine of the article's sentence embedding with the event's mean
  embedding (``embed.py``; 0 when no encoder is installed), and ``nearest member``, the
  highest cosine with one of the event's articles (a broad event is joined through the
  report closest to the new one);
* ``log size``: the event's article count (a large event's centroid is broader, so its
  similarities run lower);
* both again for short articles (headline or snippet: fewer than ``SHORT_WORDS`` words of
  body), whose similarities run lower than a full article's, and a flag for them;
* time: Gaussians of the article's distance in days to the event's newest, oldest and
  mean publication day (``TIME_SCALE_DAYS``), and a flag when either side is undated.

``JoinModel.logit`` is a logistic regression over these features, fitted on oracle
replays of the dated dev streams (``benchmarks/stream_tune.py``: one half of the events to
fit, the other to check, and the reverse); the article joins its best candidate when the
probability reaches the model's threshold, otherwise it opens a new event.
Two models ship: one with the semantic feature, one without it for the lexical path.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

FEATURES = (
    "lexical",
    "semantic",
    "nearest member",
    "log size",
    "short × lexical",
    "short × semantic",
    "short",
    "near newest",
    "near oldest",
    "near mean",
    "undated",
)
SHORT_WORDS = 40  # a body shorter than this is a headline or a snippet, not an article
TIME_SCALE_DAYS = 1.5  # spread of the Gaussians: coverage of one event is days, not weeks


@dataclass(frozen=True, slots=True)
class JoinModel:
    """A logistic model of P(article belongs to event | features)."""

    name: str
    bias: float
    weights: tuple[float, ...]
    # Join probability from which an article joins its best candidate: chosen with the
    # weights, as the value whose held-out scores hold on both halves of the dev streams.
    threshold: float = 0.5

    def logit(self, features: Sequence[float]) -> float:
        return self.bias + sum(w * f for w, f in zip(self.weights, features, strict=True))


def logit_of(probability: float) -> float:
    p = min(max(probability, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))


def _near(days: float) -> float:
    return math.exp(-0.5 * (days / TIME_SCALE_DAYS) ** 2)


def features(
    lexical: float,
    semantic: float,
    nearest: float,
    size: int,
    short: bool,
    day: int | None,
    oldest: int | None,
    newest: int | None,
    mean: float | None,
) -> tuple[float, ...]:
    """The feature vector of one (article, event) pair; days are ordinals."""
    s = 1.0 if short else 0.0
    if day is None or oldest is None or newest is None or mean is None:
        timing = (0.0, 0.0, 0.0, 1.0)
    else:
        timing = (_near(day - newest), _near(day - oldest), _near(day - mean), 0.0)
    return (lexical, semantic, nearest, math.log(size), s * lexical, s * semantic, s, *timing)


# Fitted by benchmarks/stream_tune.py on both halves of the dev events, after the fits on
# each half had been checked on the other (docs/benchmarks/stream_tune.md). Read them as
# log-odds per unit of feature: lexical similarity decides most; for short articles it
# counts for less and the semantic similarity for more; an event's oldest report matters
# more than its newest (an event is where a story started).
LEXICAL = JoinModel(
    "lexical",
    -6.424,
    (23.53, 0.0, 0.0, 0.429, -6.382, 0.0, 0.615, -1.239, 2.92, 1.139, 0.579),
    threshold=0.25,
)
SEMANTIC = JoinModel(
    "semantic",
    -7.15,
    (18.197, 2.654, 1.196, 0.504, -7.158, 4.82, -0.517, -0.798, 3.17, 0.704, 0.668),
    threshold=0.3,
)
