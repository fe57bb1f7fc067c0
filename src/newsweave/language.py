"""The language of an article, detected offline.

English news is the common case and costs nothing: when at least a quarter of the words of a
long enough text are English function words, it is English (English running text measures
0.3-0.5; the Latin-script languages we tried measure 0.03-0.22, Dutch being the closest).
Anything else goes to py3langid (a naive Bayes model over byte n-grams, shipped inside its
wheel; no download), restricted to the languages news is commonly published in, which keeps
it from reading English headlines as Nigerian Pidgin or Latin. A label it is not sure of is
left out: an unknown language is never reported as a mix.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsweave.tokens import ENGLISH_STOP_WORDS, words

UNKNOWN = ""
SAMPLE_CHARS = 600  # about 100 words: the opening says the language; the rest costs time
MIN_WORDS = 20  # fewer words are too few for the function-word test
ENGLISH_SHARE = 0.25
MIN_CONFIDENCE = 0.9  # py3langid's normalised probability for a label to be kept
NEWS_LANGUAGES = (
    "ar",
    "bg",
    "bn",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "ms",
    "nl",
    "no",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sr",
    "sv",
    "sw",
    "ta",
    "th",
    "tl",
    "tr",
    "uk",
    "ur",
    "vi",
    "zh",
)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded on first use (about 0.8 s): English-only runs never pay for it.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def english_share(tokens: list[str]) -> float:
    return sum(map(ENGLISH_STOP_WORDS.__contains__, tokens)) / len(tokens) if tokens else 0.0


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "de"...), or ``UNKNOWN`` when the text does not say."""
    sample = text[:SAMPLE_CHARS]
    tokens = words(sample)
    if len(tokens) >= MIN_WORDS and english_share(tokens) >= ENGLISH_SHARE:
        return "en"
    if not any(ch.isalpha() for ch in sample):
        return UNKNOWN
    label, confidence = _identifier().classify(sample)
    return str(label) if confidence >= MIN_CONFIDENCE else UNKNOWN
