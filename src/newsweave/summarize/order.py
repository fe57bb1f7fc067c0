"""Reading order and dangling references.

A sentence that opens with a pronoun or a connective ("He said...", "But the army...") reads
as a non sequitur when the sentence it leans on is not in the summary. The selector may use
such a sentence only together with its predecessor in the same article; the summary is then
read chronologically (article date, article order, position), which keeps the pair adjacent.
"""

from __future__ import annotations

import re

# Openers that refer back to an earlier sentence. "It" and "This" are included: in news
# prose they almost always point at something said just before.
_DANGLING = re.compile(
    r"^[\"“‘']?(?:he|she|they|it|its|his|her|hers|their|theirs|them|him|this|these|those|that|"
    r"such|but|and|or|so|also|however|meanwhile|still|yet|then|thus|instead|"
    r"moreover|furthermore|besides|nevertheless|otherwise|later|earlier|both|another|"
    r"the (?:former|latter|same)|other|others)\b",
    re.IGNORECASE,
)


def leans_back(text: str) -> bool:
    """Whether ``text`` opens with a word that needs the previous sentence to make sense."""
    return _DANGLING.match(text) is not None
