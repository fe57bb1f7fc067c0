"""Compression removes clutter only where the sentence stays grammatical, and the result is
always the kept spans of the original sentence."""

from __future__ import annotations

import pytest

from newsweave.summarize.compress import Compression, compress, shortenings

# (sentence, expected careful compression, rules that fired)
CAREFUL = [
    (
        "BEIRUT (Reuters) - Syrian President Bashar al-Assad said on Thursday that victory in "
        "Aleppo would be a huge step towards ending the war.",
        "Syrian President Bashar al-Assad said that victory in Aleppo would be a huge step "
        "towards ending the war.",
        ("dateline", "weekday"),
    ),
    (
        "IDAHO FALLS, Idaho - The parents of a 2-year-old who's been missing since Friday "
        "believe the boy was abducted.",
        "The parents of a 2-year-old who's been missing since Friday believe the boy was abducted.",
        ("dateline",),
    ),
    (
        "Edinburgh (UK), March 28 (IANS) A Catalan politician wanted by Spain handed herself "
        "to Scottish police.",
        "A Catalan politician wanted by Spain handed herself to Scottish police.",
        ("dateline",),
    ),
    (
        "DUBAI A Bahraini court sentenced a political activist to one year in prison, Amnesty "
        "International said.",
        "A Bahraini court sentenced a political activist to one year in prison, Amnesty "
        "International said.",
        ("dateline",),
    ),
    (
        "WASHINGTON—An attorney for Jared Kushner said that Mr. Kushner would cooperate.",
        "An attorney for Jared Kushner said that Mr. Kushner would cooperate.",
        ("dateline",),
    ),
    (
        "Egyptian security forces have killed 40 suspected militants in North Sinai and Giza, "
        "the ministry of interior said on Saturday.",
        "Egyptian security forces have killed 40 suspected militants in North Sinai and Giza.",
        ("trailing attribution",),
    ),
    (
        "Police said the suspect was arrested at his home in Ohio on Monday.",
        "The suspect was arrested at his home in Ohio.",
        ("lead attribution", "weekday"),
    ),
    (
        "Knysna, a town of 77,000 people 500 kilometres (310 miles) east of Cape Town, was "
        "worst hit.",
        "Knysna, a town of 77,000 people 500 kilometres east of Cape Town, was worst hit.",
        ("parenthetical",),
    ),
    (
        "However, the army said it had retaken most of the city by Tuesday night.",
        "The army said it had retaken most of the city by Tuesday night.",
        ("connective",),
    ),
    (
        "The Latest on the election: Prime Minister Theresa May's two chiefs of staff have "
        "resigned.",
        "Prime Minister Theresa May's two chiefs of staff have resigned.",
        ("label",),
    ),
    (
        "The senator, who chairs the armed services committee, called for a waiver for all "
        "travellers.",
        "The senator called for a waiver for all travellers.",
        ("relative clause",),
    ),
]

# Left alone: removing anything here would break the sentence or change what it claims.
UNTOUCHED = [
    # a named speaker's claim must keep its speaker: dropping it would state it as fact
    "He said that the talks would resume next week in Geneva after a short break.",
    "Assad said victory in Aleppo would be a huge step towards ending the war.",
    # an attribution that closes a quotation stays
    '"We will win this war," the army said.',
    # the clause after the relative clause needs the comma: Turing is inside a phrase
    "The law, named after Alan Turing, who was convicted in 1952, came into force in March.",
    # what would remain is too short to be a sentence
    "The company, which was founded in 1998, said profits rose.",
    # "it" would dangle after removing the attribution
    "Officials said it had been destroyed in the fire.",
]


def joined(sentence: str, compression: Compression) -> str:
    return "".join(sentence[a:b] for a, b in compression.spans)


@pytest.mark.parametrize(("sentence", "expected", "rules"), CAREFUL)
def test_careful_compression(sentence: str, expected: str, rules: tuple[str, ...]) -> None:
    compression = compress(sentence)
    assert compression.text(sentence) == expected
    assert compression.rules == rules
    # traceable: the output is the kept spans, up to the first letter's case
    raw = joined(sentence, compression)
    assert raw[1:] == expected[1:] and raw[0].upper() == expected[0]
    assert "  " not in expected and " ," not in expected and " ." not in expected


@pytest.mark.parametrize("sentence", UNTOUCHED)
def test_compression_leaves_risky_sentences_alone(sentence: str) -> None:
    compression = compress(sentence)
    assert compression.rules == ()
    assert compression.text(sentence) == sentence


def test_headline_shortenings_cut_trailing_clauses_at_clause_boundaries() -> None:
    sentence = (
        "Egyptian security forces have killed 40 suspected militants in North Sinai and Giza, "
        "the ministry of interior said on Saturday, a day after a deadly bombing on a tourist "
        "bus in Giza killed four people."
    )
    texts = [c.text(sentence) for c in shortenings(sentence)]
    assert (
        "Egyptian security forces have killed 40 suspected militants in North Sinai and Giza."
        in texts
    )
    for compression in shortenings(sentence):
        text = compression.text(sentence)
        assert text.endswith(".") and "  " not in text
        assert joined(sentence, compression)[1:] == text[1:]


def test_shortenings_never_cut_inside_a_quotation_or_before_a_bound_word() -> None:
    sentence = (
        "Up to ten thousand people were evacuated from their homes, days after fires began, "
        'officials said, as "the worst storm in decades" hit the coast.'
    )
    for compression in shortenings(sentence):
        text = compression.text(sentence)
        assert text.count('"') % 2 == 0
        assert not text.endswith("days.")


def test_rules_can_be_restricted() -> None:
    sentence, _, _ = CAREFUL[0]  # a dateline and a weekday
    only_dateline = compress(sentence, only=frozenset({"dateline"}))
    assert only_dateline.rules == ("dateline",)
    assert "on Thursday" in only_dateline.text(sentence)
    assert not only_dateline.text(sentence).startswith("BEIRUT")
