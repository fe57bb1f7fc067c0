"""Non-content sentences are filtered before selection, each for a named reason."""

from __future__ import annotations

import pytest

from newsweave.summarize.filters import is_content, rejection

CASES = [
    ("Syrian government forces have seized about 80 percent of east Aleppo.", None),
    ('"We will win this war in Aleppo, whatever the cost," he told the newspaper.', None),
    ("Photo by Reuters.", "fragment"),
    ("Read more about the war in Syria on our live blog now.", "navigation or caption"),
    ("Sign up for our daily newsletter to get the latest headlines.", "navigation or caption"),
    ("Follow us on Twitter at @newsdesk for breaking updates today.", "link or handle"),
    ("More details are available at https://example.org/aleppo-report today.", "link or handle"),
    ("What do you think about the ceasefire proposal for the city?", "question"),
    ("Will the ceasefire hold long enough for civilians to leave?", "question"),
    ("The United States, Britain and France said the following:", "unfinished"),
    ("THE STARS OF THE SHOW ARRIVED IN THE CITY LAST NIGHT", "shouting"),
    ("and then the convoy left the city before dawn on Friday.", "starts mid-sentence"),
    ("They recognized it was a collector's item,\" he said to reporters.", "unbalanced quote"),
    ("| 12 | 34 | 56 | 78 | 90 | 11 | 22 | 33 |", "not prose"),
    (" ".join(["word"] * 80) + ".", "overlong"),
]


@pytest.mark.parametrize(("text", "reason"), CASES)
def test_rejection_reason(text: str, reason: str | None) -> None:
    assert rejection(text) == reason
    assert is_content(text) is (reason is None)
