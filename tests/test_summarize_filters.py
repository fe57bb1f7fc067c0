"""Non-content sentences are filtered before selection, each for a named reason."""

from __future__ import annotations

import pytest

from newsweave.summarize.filters import is_content, rejection

NAV = "navigation or caption"

CASES = [
    ("Syrian government forces have seized about 80 percent of east Aleppo.", None),
    ('"We will win this war in Aleppo, whatever the cost," he told the newspaper.', None),
    ("Photo by Reuters.", "fragment"),
    ("Read more about the war in Syria on our live blog now.", NAV),
    ("Sign up for our daily newsletter to get the latest headlines.", NAV),
    ("Follow us on Twitter at @newsdesk for breaking updates today.", "reader address"),
    ("More details are available at https://example.org/aleppo-report today.", "link or handle"),
    ("What do you think about the ceasefire proposal for the city?", "question"),
    ("Will the ceasefire hold long enough for civilians to leave?", "question"),
    ("The United States, Britain and France said the following:", "unfinished"),
    ("THE STARS OF THE SHOW ARRIVED IN THE CITY LAST NIGHT", "shouting"),
    ("and then the convoy left the city before dawn on Friday.", "starts mid-sentence"),
    ("They recognized it was a collector's item,\" he said to reporters.", "unbalanced quote"),
    ("| 12 | 34 | 56 | 78 | 90 | 11 | 22 | 33 |", "not prose"),
    (" ".join(["word"] * 80) + ".", "overlong"),
    ("Follow Jane Doe on Twitter and Instagram for more updates.", "reader address"),
    ("Join us on Facebook and find top breaking news in your feed.", "reader address"),
    ("Join The Conversation On The Station's Facebook Page today", "reader address"),
    ("You can unsubscribe from these emails at any time.", "reader address"),
    ("You'll also find behind the scenes videos and more exclusives.", "reader address"),
    ("Please keep posting your questions in the comments below.", "reader address"),
    # dev-set lines: imperatives to the reader, with nothing to say whom they address
    (
        "Watch Smriti Irani and Prasoon Joshi share their views on the new India lens.",
        "reader address",
    ),
    ("Check out their shirts, which Ben Affleck seemed to love.", "reader address"),
    (
        "Read the Reddit threads where Oculus founder Palmer Luckey is taking on all-comers.",
        "reader address",
    ),
    ("In this July 1, 2017, photo, people line up outside the shop.", NAV),
    (
        "City Clerk Jane Doe poses at her desk in the office (Courtesy photo)",
        "navigation or caption",
    ),
    ("Buy Photo County health official John Doe spoke to the board.", NAV),
    (
        "JUNE 18: The former senator throws out the first pitch at the game.",
        "navigation or caption",
    ),
    (
        "Play Video 2:10 Security Council steps up sanctions against the regime",
        "navigation or caption",
    ),
    ("Click to share on WhatsApp (Opens in new window) with your friends", NAV),
    ("Reporter: FOR 12 YEARS HIS MUGSHOT HAS APPEARED ON THE REGISTRY.", NAV),
    ("FOR 12 YEARS HIS MUGSHOT HAS APPEARED ON the state registry.", "shouting"),
    ("Details on her potential 'Dancing' dreams after the jump!", NAV),
    # Reported actions keep their verbs: only the reader is never addressed.
    ("Protesters joined the march on Friday as police watched from the bridge.", None),
    ("A photo released by school officials showed the boy in a hospital bed.", None),
    ('"You can\'t win this war with bombs alone," the minister told the assembly.', None),
    ("Followers of the cleric said they would join the rally in the capital.", None),
    ("Watchdog groups said the rule was unlawful and would be challenged in court.", None),
    ("Reading the ruling aloud, the judge said the decision on the appeal was final.", None),
]


@pytest.mark.parametrize(("text", "reason"), CASES)
def test_rejection_reason(text: str, reason: str | None) -> None:
    assert rejection(text) == reason
    assert is_content(text) is (reason is None)
