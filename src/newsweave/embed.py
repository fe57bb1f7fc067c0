"""The semantic signal: a sentence encoder whose weights ship inside a registry package.

Lexical similarity misses paraphrase: "Robert Mueller impanels grand jury in Russia probe"
and "US grand jury impaneled for Russia probe" share two content words, and a headline
has few words to share at all. An encoder maps such texts close together.

The packaged encoder is WordLlama's ``l2_supercat`` static embeddings (256 dimensions,
a 32,000-token vocabulary, 16 MB in the ``wordllama`` wheel; MIT licence): a text's vector
is the mean of its tokens' vectors, so encoding costs a tokenizer pass and a table
look-up, ~50,000 headlines a second on one core. Transformer encoders (multilingual E5,
MiniLM) are better at paraphrase but 100-1000 times slower on a CPU, too slow for a
stream; the measurements behind the choice are in docs/semantic.md.

The weights are read from the installed package: nothing is ever downloaded. Without the
``semantic`` extra ``get_encoder()`` returns ``None`` and every caller keeps its lexical
path. ``NEWSWEAVE_SEMANTIC=0`` turns the encoder off where it is installed.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from newsweave.tokens import remembered

Vectors = NDArray[np.float32]

# WordLlama's files inside its wheel (it looks for its tokenizer in a folder that does
# not exist and would then download it: we read both files ourselves).
WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
TENSOR = "embedding.weight"
MAX_TOKENS = 256  # tokens read per text: a headline and lead fit; the rest adds nothing
WORD_CACHE = 200_000  # words whose token ids are remembered


class Encoder(Protocol):
    """Texts to unit-length vectors; the cosine of two vectors is their dot product."""

    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> Vectors:
        """An ``(len(texts), dimensions)`` float32 array of L2-normalised rows (a text
        with no known token gets a zero row)."""
        ...


class StaticEncoder:
    """Mean-pooled static token embeddings (WordLlama, model2vec style).

    A text is split at whitespace and each word's token ids are remembered (a news
    stream's vocabulary is Zipfian: most words come back), so the subword tokenizer runs
    once per new word instead of over every text; the ids are the same as tokenizing the
    whole text, since no token spans a word boundary."""

    def __init__(self, name: str, table: Vectors, tokenizer: Any) -> None:
        self.name = name
        self.table = table
        self.dimensions = int(table.shape[1])
        self._tokenizer = tokenizer
        self._ids: dict[str, list[int]] = {}

    def token_ids(self, text: str) -> list[int]:
        return self.word_token_ids(text.split())

    def word_token_ids(self, words: Sequence[str]) -> list[int]:
        """``token_ids`` of a text already split at whitespace."""
        per_word = remembered(self._ids, WORD_CACHE, self._word_ids, words)
        return list(islice(chain.from_iterable(per_word), MAX_TOKENS))

    def _word_ids(self, word: str) -> list[int]:
        ids: list[int] = self._tokenizer.encode(word, add_special_tokens=False).ids
        return ids

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self.encode_words(text.split())
        return out

    def encode_words(self, words: Sequence[str]) -> Vectors:
        """The unit vector of one text given as its words (the clusterer has them split
        already: joining them into a text to split again cost a quarter of encoding)."""
        ids = self.word_token_ids(words)
        if not ids:
            return np.zeros(self.dimensions, dtype=np.float32)
        # An index array, not the list: numpy converts a list of ints element by element.
        total: Vectors = self.table[np.array(ids, dtype=np.intp)].sum(axis=0)
        norm = float(np.linalg.norm(total))
        return total / np.float32(norm) if norm else total


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def load_wordllama() -> StaticEncoder | None:
    """WordLlama's bundled model, or None when the package (or its files) is missing.

    The package itself is not imported: its import configures the root logger and its
    loader may fetch files; only the tokenizer library and the weights file are used.
    """
    folder = _package_dir("wordllama")
    if folder is None:
        return None
    weights, tokenizer_file = folder.joinpath(*WEIGHTS), folder.joinpath(*TOKENIZER)
    if not weights.is_file() or not tokenizer_file.is_file():
        return None
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    table = load_file(str(weights))[TENSOR].astype(np.float32)
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return StaticEncoder("wordllama-l2-supercat-256", table, tokenizer)


def semantic_enabled() -> bool:
    return os.environ.get("NEWSWEAVE_SEMANTIC", "1").strip().lower() not in ("0", "no", "off")


@functools.cache
def _packaged() -> Encoder | None:
    return load_wordllama()


def get_encoder() -> Encoder | None:
    """The packaged encoder (loaded once per process), or None when the ``semantic``
    extra is not installed or ``NEWSWEAVE_SEMANTIC=0``."""
    return _packaged() if semantic_enabled() else None
