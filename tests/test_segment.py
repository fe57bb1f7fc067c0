"""Sentence splitting: the tricky cases of news text, the offsets invariant, and accuracy on
the hand-labelled sample in tests/data/segmentation (see its README for how it was labelled)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article, Cluster
from newsweave.segment import (
    _LINE,
    _sentence_starts,
    _syntok_starts,
    sentence_spans,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


CASES: list[tuple[str, str, list[str]]] = [
    # --- abbreviations
    (
        "US inside a sentence",
        "The U.S. economy grew. Officials were pleased.",
        ["The U.S. economy grew.", "Officials were pleased."],
    ),
    (
        "US ending a sentence",
        "Trump barred travel to the U.S. It included a 90-day ban.",
        ["Trump barred travel to the U.S.", "It included a 90-day ban."],
    ),
    (
        "UN ending a sentence before a pronoun",
        "“He’s not relenting in the U.N. He continues to hammer it home.”",
        ["“He’s not relenting in the U.N.", "He continues to hammer it home.”"],
    ),
    (
        "titles before names",
        "Mr. Obama met Gov. Nikki Haley and Sen. Jim DeMint. Dr. Smith was there too.",
        ["Mr. Obama met Gov. Nikki Haley and Sen. Jim DeMint.", "Dr. Smith was there too."],
    ),
    (
        "month abbreviations",
        "Resolutions agreed in Dec. 2015 should be revived. Talks resume on Jan. 5 in Geneva.",
        [
            "Resolutions agreed in Dec. 2015 should be revived.",
            "Talks resume on Jan. 5 in Geneva.",
        ],
    ),
    (
        "state abbreviation ending a caption sentence",
        "He spoke in Sun Lakes, Ariz. McCain defended his plan.",
        ["He spoke in Sun Lakes, Ariz.", "McCain defended his plan."],
    ),
    (
        "a.m. ending a sentence",
        "A mechanic arrived Thursday at 9 a.m. He was working on the elevator.",
        ["A mechanic arrived Thursday at 9 a.m.", "He was working on the elevator."],
    ),
    (
        "a.m. inside a sentence",
        "He died at 5:35 p.m. Wednesday, police said.",
        ["He died at 5:35 p.m. Wednesday, police said."],
    ),
    (
        "Sr. before a quote",
        '"It gives us hope," said Kunz Sr. "It\'s a bad thing."',
        ['"It gives us hope," said Kunz Sr.', '"It\'s a bad thing."'],
    ),
    (
        "No. before a number",
        "It is now between No. 250 and No. 500 on that list. Nos. 3 and 4 are rivals.",
        ["It is now between No. 250 and No. 500 on that list.", "Nos. 3 and 4 are rivals."],
    ),
    (
        "No. as an answer",
        "“Did you expect this?” “No. Certainly not.”",
        ["“Did you expect this?”", "“No.", "Certainly not.”"],
    ),
    (
        "v. in a case name",
        "It cannot predict the outcome of People v. Planet, because facts change.",
        ["It cannot predict the outcome of People v. Planet, because facts change."],
    ),
    # --- initials
    (
        "middle initials",
        "Secretary of State John F. Kerry spoke to Rod J. Rosenstein. Both declined comment.",
        [
            "Secretary of State John F. Kerry spoke to Rod J. Rosenstein.",
            "Both declined comment.",
        ],
    ),
    (
        "initials with a title",
        "President George W. Bush met J.K. Rowling. They talked.",
        ["President George W. Bush met J.K. Rowling.", "They talked."],
    ),
    # --- decimals
    (
        "decimals inside sentences",
        "Shares fell 1.2 percent to 228.00 pence. Some 1.5 billion people live on $1.25 a day.",
        [
            "Shares fell 1.2 percent to 228.00 pence.",
            "Some 1.5 billion people live on $1.25 a day.",
        ],
    ),
    (
        "decimal ending a sentence",
        "Fans can buy all five nights for $49.95. Single nights cost $17.95. Reruns are free.",
        [
            "Fans can buy all five nights for $49.95.",
            "Single nights cost $17.95.",
            "Reruns are free.",
        ],
    ),
    # --- quotes that close after the period
    (
        "quote closing after the period, then the speaker",
        '"We\'re not the fighters on the ground," Kerry said. "They have to choose."',
        ['"We\'re not the fighters on the ground," Kerry said.', '"They have to choose."'],
    ),
    (
        "question in a quote followed by a lowercase speaker",
        "“There’s a state drink?” he asked, befuddled. She told him it was milk.",
        ["“There’s a state drink?” he asked, befuddled.", "She told him it was milk."],
    ),
    (
        "two sentences inside one quote",
        "“I need an ambulance. My leg has been shot!” she cried.",
        ["“I need an ambulance.", "My leg has been shot!” she cried."],
    ),
    (
        "quote closing after the period, then a new sentence",
        "He praised “a strong, viable Arctic economy.” For his part, Mr. Obama acted.",
        ["He praised “a strong, viable Arctic economy.”", "For his part, Mr. Obama acted."],
    ),
    # --- ellipses
    (
        "ellipsis before a lowercase word",
        "It depends on choices from Russia … and insistence of Russia on Assad, he said.",
        ["It depends on choices from Russia … and insistence of Russia on Assad, he said."],
    ),
    (
        "ellipsis before a capitalised word",
        "“Negotiations must start again… The opposition is ready.”",
        ["“Negotiations must start again…", "The opposition is ready.”"],
    ),
    (
        "three-dot ellipsis before a capitalised word",
        '"Move people out to save Aleppo... But there is no agreement."',
        ['"Move people out to save Aleppo...', 'But there is no agreement."'],
    ),
    (
        "truncated caption keeps its credit",
        "Police say del Toro and his fiancee... (Associated Press)",
        ["Police say del Toro and his fiancee... (Associated Press)"],
    ),
    # --- headlines, lines and paragraphs
    (
        "headline lines without a period",
        "Good Country Index Is Released\n\nWhy Is This Important?\n\nLong Story Short\n"
        "Sweden was crowned the best country.",
        [
            "Good Country Index Is Released",
            "Why Is This Important?",
            "Long Story Short",
            "Sweden was crowned the best country.",
        ],
    ),
    (
        "paragraph break ends a sentence without punctuation",
        "‘No truce’\n\nBut Mr Assad ruled out any ceasefires.",
        ["‘No truce’", "But Mr Assad ruled out any ceasefires."],
    ),
    (
        "paragraph starting in lowercase",
        "Rebels are cornered.\n\nit comes after a chilling warning.",
        ["Rebels are cornered.", "it comes after a chilling warning."],
    ),
    (
        "numbered list items keep their number",
        "Here is what we know:\n\n1. The girls were dropped off.\n2. Nobody saw them.",
        ["Here is what we know:", "1. The girls were dropped off.", "2. Nobody saw them."],
    ),
    (
        "dateline credit stays with its sentence",
        "WASHINGTON (Reuters) - The U.S. Senate voted on Friday. It passed.",
        ["WASHINGTON (Reuters) - The U.S. Senate voted on Friday.", "It passed."],
    ),
    (
        "parenthesised sentence stands alone",
        "He has a good relationship with Gov. Nikki Haley (R-S.C.). (Haley will pick a "
        "senator.) But Colbert was roped in.",
        [
            "He has a good relationship with Gov. Nikki Haley (R-S.C.).",
            "(Haley will pick a senator.)",
            "But Colbert was roped in.",
        ],
    ),
    ("empty text", "", []),
    ("whitespace only", "  \n\n \t ", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tricky_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- the offsets invariant ---------------------------------------------------------------

# Text built from pieces that exercise every rule: abbreviations, initials, decimals, quotes,
# ellipses, dashes, brackets, line breaks and odd whitespace.
PIECES = [
    *"abcXYZ019 .,;:?!-—–'\"“”‘’()…\n\t\u00a0\r\u2028",
    *["U.S.", "Mr.", "Dec.", " J. ", "3.5", "...", "\n\n", "a.m. ", "He ", "The ", "(AP) — "],
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=60)))
def test_offsets_select_trimmed_sentences_covering_all_text(text: str) -> None:
    spans = list(sentence_spans(text))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert text[previous_end:start].strip() == ""  # nothing but whitespace is skipped
        previous_end = end
    assert text[previous_end:].strip() == ""


def test_split_sentences_indexes_sentences_of_the_example(example_cluster: Cluster) -> None:
    for article in example_cluster.articles:
        found = split_sentences(article)
        assert [s.index for s in found] == list(range(len(found)))
        for sentence in found:
            assert sentence.article_id == article.id
            assert article.text[sentence.start : sentence.end] == sentence.text


def test_split_sentences_of_an_article_with_headline_lines() -> None:
    article = Article(id="a1", text="Breaking News\n\nThe U.S. said so. Mr. Kerry agreed.")
    found = split_sentences(article)
    assert [s.text for s in found] == ["Breaking News", "The U.S. said so.", "Mr. Kerry agreed."]
    assert [(s.start, s.end) for s in found] == [(0, 13), (15, 32), (33, 50)]


def test_fast_path_agrees_with_syntok_on_every_line(
    data_dir: Path, example_cluster: Cluster
) -> None:
    """Cutting at clear sentence ends before asking syntok is only a speed-up: it relies on
    syntok's own abbreviation list (a private attribute), so a syntok release that changes it
    shows up here."""
    texts = [a.text for a in example_cluster.articles]
    for name in FLOORS:
        texts += [str(r["text"]) for r in load_records(data_dir, name)]
    lines = [m.group() for text in texts for m in _LINE.finditer(text)]
    assert len(lines) > 200
    for line in lines:
        assert _sentence_starts(line) == _syntok_starts(line) - {0}, line


# --- accuracy on the hand-labelled sample -------------------------------------------------

# Measured on 2026-11-24 (docs/segmentation.md). sample.jsonl guided the rules: boundary F1
# 0.990, exact sentences 247/252. heldout.jsonl was labelled after the rules were fixed: F1
# 0.964, exact 46/48. The floors leave room for a changed decision or two, not for losing a rule.
FLOORS = {"sample.jsonl": (0.98, 0.97), "heldout.jsonl": (0.94, 0.93)}


def load_records(data_dir: Path, name: str) -> list[dict[str, object]]:
    with open(data_dir / "segmentation" / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labelled_file_is_consistent(data_dir: Path, name: str) -> None:
    """Gold spans select their sentences, are trimmed, and only whitespace lies between them."""
    for record in load_records(data_dir, name):
        text = record["text"]
        assert isinstance(text, str)
        spans = [(int(s), int(e)) for s, e in record["spans"]]  # type: ignore[attr-defined]
        assert [text[s:e] for s, e in spans] == record["sentences"]
        bounds = [0, *(x for span in spans for x in span), len(text)]
        gaps = [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
        assert all(gap.strip() == "" for gap in gaps), record["id"]
        assert all(text[s:e] == text[s:e].strip() and s < e for s, e in spans)


def test_sample_size(data_dir: Path) -> None:
    spans = [r["spans"] for r in load_records(data_dir, "sample.jsonl")]
    assert 150 <= sum(len(s) for s in spans) <= 300  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_on_hand_labelled_sentences(data_dir: Path, name: str) -> None:
    true_pos = predicted = wanted = exact = total = 0
    for record in load_records(data_dir, name):
        text = record["text"]
        assert isinstance(text, str)
        gold = {(int(s), int(e)) for s, e in record["spans"]}  # type: ignore[attr-defined]
        found = set(sentence_spans(text))
        gold_cuts = {s for s, _ in gold} - {min(s for s, _ in gold)}
        found_cuts = {s for s, _ in found} - {min(s for s, _ in found)}
        true_pos += len(gold_cuts & found_cuts)
        predicted += len(found_cuts)
        wanted += len(gold_cuts)
        exact += len(gold & found)
        total += len(gold)
    precision, recall = true_pos / predicted, true_pos / wanted
    f1 = 2 * precision * recall / (precision + recall)
    f1_floor, exact_floor = FLOORS[name]
    assert f1 >= f1_floor, f"{name}: boundary F1 {f1:.3f} below the floor {f1_floor}"
    assert exact / total >= exact_floor, f"{name}: exact {exact}/{total} below {exact_floor}"
