"""Quotes: direct quotations with their speakers, merged across outlets.

Quotation marks are paired per paragraph, curly and straight alike, a straight mark opening
or closing as its neighbours show (`` "We`` / ``here," he``). A quote left open at the end
of a paragraph runs to its end when the next paragraph continues it, as news style
continues long quotes; a stray or lost mark ends its quote with its sentence, or before the
reporter's narration resumes, rather than swallowing the paragraph (``_unclosed_end``). The
speaker comes from the attribution next to the quote, tried nearest first:

1. right after it: ``"...," Kerry told reporters`` / ``"...," said Lavrov`` / ``he added``;
2. right before it: ``Lavrov said: "..."``;
3. a speech clause earlier in the sentence: ``Assad said defeating the rebels "will..."``;
4. ``according to X`` later in the sentence;
5. a paragraph that is only a quote continues the previous paragraph's speaker.

``he``/``she`` resolve to the last person named outside quotes before the quote; a surname
resolves to the full name the cluster gives it ("Assad" -> "Bashar al-Assad").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from newsweave.analyze.lexicon import (
    AUXILIARIES,
    DETERMINERS,
    INVERTABLE,
    NOMINAL_SPEAKERS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
)
from newsweave.analyze.names import (
    TITLE_ABBREVIATIONS,
    TOKEN,
    Run,
    capitalised_runs,
    is_capitalised,
)
from newsweave.model import Article

OPENERS = '“"'
CLOSERS = '”"'
_SENTENCE_END = re.compile(r"[.!?][\"”']?(?=\s+[\"“A-Z(]|\s*$)")
# "From Sen. Dick Durbin's floor statement:" — a named source's text introduces the quote.
_POSSESSIVE_SOURCE = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)['’]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?:statement|remarks|comments|letter|tweet|post|speech|testimony|message|email|note"
    r"|interview|address|announcement|blog)\s*[:,—-]?\s*$"
)
_WORD = re.compile(r"\S+")
# Where a name written after "said"/"according to" ends: punctuation, or a lower-case word
# that is not a connector inside a name or title ("Save the Children", "Secretary of State").
_RUN_STOP = re.compile(
    r"[,.;:!?\"“”()]|\s(?!(?:of|the|for|de|al|bin|van|von|da|du|di|del|der|la|le)\s+[A-Z])[a-z]"
)
# A party-and-state tag after a US politician's name: "R-Mich.", "D-Ill", "I-Vt.".
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][a-z]*\.?")
# Comma-delimited segments between a subject and its verb that describe the subject.
_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "who", "which", "whose", "now", "then"})
_MAX_APPOSITIVES = 3
_BE_FORMS = frozenset({"is", "was", "were", "are", "'re", "we're", "i'm", "been", "being", "be"})
_PREPOSITIONS = frozenset({"from", "of", "in", "at", "for", "with"})
# What a possessor's statement is written in ("NASA's statement"): the possessor speaks.
_DOCUMENTS = frozenset(
    """statement statements report letter release website email post tweet filing account
    announcement memo document blog""".split()  # noqa: SIM905
)
# Conjunctions that open a clause of its own after a quote ("...", but X said).
_CLAUSE_OPENERS = frozenset({"but", "while", "although", "though", "yet", "whereas"})
# Prepositions of place: a capitalised word after one, and one after its comma, is where the
# speaker is from ("the mountaineer from Bern, Switzerland"), not a name in apposition.
_LOCATIVE = frozenset({"from", "in", "at", "near", "outside"})
# How a description gives the speaker's name: "a man who identified himself as Jo B.",
# "a woman named Ann Lee", "a resident who gave her name as Ann".
_NAMED_AS = re.compile(
    r"\s+(?:who\s+)?(?:identified\s+(?:himself\s+|herself\s+)?as|named|called"
    r"|(?:gave|giving)\s+(?:his|her|their)\s+name\s+as)\s+(?=[A-Z])"
)
# Words after which a quotation is a name or title rather than speech.
_TITLE_INTRODUCERS = frozenset(
    {"on", "in", "at", "from", "by", "of", "into", "titled", "entitled", "dubbed", "named"}
)
# Nouns right before a quotation in Title Case that make it the title of a work ("our
# article "Taking a Bite Out of the Moon,"").
_TITLE_NOUNS = frozenset(
    """article book novel memoir song single film movie album essay column op-ed piece
    documentary series show play poem headline episode""".split()  # noqa: SIM905
)
# The rule name of quotes that are written text or names, which no other rule may give a
# speaker (not even the previous quote's, as a continuation).
WRITTEN = "written text"
# A quote this short right after a possessive is a term ("the department's "statement of
# emergency""), not the framing clause's speaker's words.
TERM_WORDS = 4
# A quote this short in Title Case is a title; "of", "the", ... may stay lower-case in one.
TITLE_WORDS = 5
# ... or this long with a subtitle or a part number, which only titles have.
SUBTITLE_WORDS = 12
_SUBTITLE = re.compile(r"\w: [A-Z0-9]|\b(?:Part|Chapter|Volume|Episode) (?:\d+|[IVX]+)\b")
_MINOR = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with"})
# Words after which a quotation is written text, not speech: a sign, a label, a headline
# ("carried a sign reading, "...!"", "letters labeled "..."").
_TEXT_INTRODUCERS = frozenset(
    {"reading", "reads", "read", "labeled", "labelled", "marked", "headlined", "captioned",
     "inscribed", "emblazoned", "titled", "entitled", "headline", "slogan", "caption"}
)  # fmt: skip
# Verbs that report content rather than speech: they frame a quote only when adjacent.
REPORT_VERBS = frozenset({"reported", "reports", "reads", "posted", "posts"})
_STRIP = ",;:()[]\"“”'‘’—–-"

# Distances and sizes the attribution rules read (re-checked on both halves of every
# labelled sample: benchmarks/quote_attribution.py, "constants").
TAIL_WORDS = 16  # how far after a quote its speech verb may stand ('," the minister ... said')
SUBJECT_WORDS = 14  # at most this many words between a quote and the verb after its subject
CLAUSE_WORDS = 30  # how far a speech verb earlier in the sentence may frame a quote
SPLIT_WORDS = 8  # "A," Kerry said, "B": the attribution between the parts of one quote
BETWEEN_WORDS = 16  # a quote opening the next sentence continues the one before across this
CONTINUED_WORDS = 4  # a quote-only paragraph continuing the previous speaker is speech this long
OPEN_QUOTE_CHARS = 20  # a quote left open (no closing mark) is one if this long
MAX_NAME_WORDS = 4  # longer capitalised runs are titles or organisations, not speakers
SAME_QUOTE = 0.5  # two renderings share this share of their word triples: one quote


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Offsets into the article text: ``open``/``close`` are the marks, ``start``/``end``
    the quoted text between them."""

    open: int
    close: int
    start: int
    end: int
    paragraph_start: int
    paragraph_end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it, as written: a name (maybe just a surname), a pronoun, or a nominal
    phrase ("a police spokesman")."""

    text: str
    # name | pronoun | nominal | organisation | epithet ("the 40-year-old": a person named
    # before, resolved like a pronoun)
    kind: str
    role: str = ""
    at: int = 0  # offset of the speaker in the article, for pronoun resolution
    # A pronoun's likely antecedent: the named speaker of the quote just before ('"...,"
    # said Lukowski. ... "...," she said'), which the index takes if nothing speaks against
    antecedent: Speaker | None = None


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """One quotation in one article, before cross-article merging."""

    article_id: str
    span: QuoteSpan
    text: str
    speaker: Speaker | None
    rule: str = ""  # which attribution rule fired, for --explain and the benchmark


def paragraphs(text: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


_MARKS = re.compile("[“”\"'‘’\ufffd]")
# Where a straight mark cannot open a quote: right before a space or closing punctuation.
_NO_OPEN_BEFORE = ",;:!?)]"
# Words of the reporter's, not a speaker's: where narration takes up again after a quote
# whose closing mark was lost. Speech verbs that are also nouns ("claims") are left out.
_NARRATION = frozenset({"said", "says", "told", "tells", "saying", "added", "adds", "according"})
# An embedded tweet ends at its credit line: `... — Donald J. Trump (@realDonaldTrump) May 1`.
_TWEET_CREDIT = re.compile(r"\s+[—–]\s*[A-Z][^\n()]{0,60}\(@\w{1,15}\)")


def quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks within each paragraph."""
    spans: list[QuoteSpan] = []
    paras = list(paragraphs(text))
    for n, (p_start, p_end) in enumerate(paras):
        following = paras[n + 1][0] if n + 1 < len(paras) else None
        spans.extend(_paragraph_spans(text, p_start, p_end, following, len(paras) > 1))
    return [s for s in spans if text[s.start : s.end].strip()]


def _paragraph_spans(
    text: str, p_start: int, p_end: int, following: int | None, paragraphed: bool
) -> list[QuoteSpan]:
    """The quotes of one paragraph. Curly and straight marks pair with each other; a mark
    whose shape says it can only close (`here," he said`) never opens a quote, so that one
    missing mark does not turn the rest of the paragraph inside out."""
    pairing = _Pairing(text, p_start, p_end)
    for mark in _MARKS.finditer(text, p_start, p_end):
        i = mark.start()
        # Most marks are apostrophes inside a word ("What’s"): no quotation mark, skipped
        # first as the cheapest test.
        if text[i] in "'’" and text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum():
            continue
        pairing.read(i)
    if pairing.open_at is not None:
        open_at = pairing.open_at
        end = _unclosed_end(text, open_at, p_start, p_end, following, paragraphed)
        if end - open_at > OPEN_QUOTE_CHARS:
            pairing.spans.append(QuoteSpan(open_at, end, open_at + 1, end, p_start, p_end))
    return pairing.spans


class _Pairing:
    """The marks of one paragraph read left to right: the quote open, if any, and the
    quotes closed so far."""

    def __init__(self, text: str, p_start: int, p_end: int) -> None:
        self.text, self.p_start, self.p_end = text, p_start, p_end
        self.spans: list[QuoteSpan] = []
        self.open_at: int | None = None
        self.nested = False  # a ‘single quote’ is open inside the double one
        self.skip = -1  # the second mark of a two-apostrophe mark ('' or ’’)

    def read(self, i: int) -> None:
        ch = self.text[i]
        if i == self.skip:
            return
        if ch in "“”":
            self._curly(i)
        elif ch == '"':
            self._straight(i)
        elif self.text[i + 1 : i + 2] == ch and ch in "'’":
            self._two_apostrophes(i)
        elif self.open_at is not None and _opens_single(self.text, i, self.p_start, self.p_end):
            self.nested = True
        elif ch == "’" and self.open_at is not None:
            self._apostrophe(i)
        elif ch == "\ufffd" and self.open_at is not None and self.text[i + 1 : i + 2] == "?":
            # A closing ” mangled by a wrong decoding ("�?"), common in scraped text.
            self._close(i + 1, i)

    def _curly(self, i: int) -> None:
        if self.text[i] == "”":
            if self.open_at is not None:
                self._close(i, i)
        elif self.open_at is not None and self._role(i, i + 1) in ("close", "neither"):
            # Not against the word after it, it is a mistyped closing mark (`either. “ Dau`);
            # with no quote open, it opens one (`“ I think`, `“ . . . have just`).
            self._close(i, i)
        else:
            self._open(i)

    def _straight(self, i: int) -> None:
        role = self._role(i, i + 1)
        if self.open_at is None and role in ("open", "either", "neither"):
            self.open_at = i
        elif self.open_at is not None and role == "open":
            self._open(i)
        elif self.open_at is not None and role:
            self._close(i, i)

    def _two_apostrophes(self, i: int) -> None:
        if self.open_at is not None:
            # Some corpora close quotes with two apostrophes: "..., '' said X.
            self._close(i + 1, i)
            self.skip = i + 1
        elif self.text[i] == "'" and self._role(i, i + 2) == "open":
            # ... and open them so too (AP wire copy: `The star of "Wild," ''Walk the Line,"`).
            self.open_at, self.skip = i + 1, i + 1

    def _apostrophe(self, i: int) -> None:
        if not _closing_apostrophe(self.text, i, self.p_start, self.p_end):
            return
        if self.nested:
            self.nested = False
        elif _closes_after_punctuation(self.text, i, self.p_end):
            self._close(i, i)

    def _role(self, start: int, end: int) -> str:
        return _straight_role(self.text, start, end, self.p_start, self.p_end)

    def _close(self, at: int, end: int) -> None:
        assert self.open_at is not None
        self.spans.append(
            QuoteSpan(self.open_at, at, self.open_at + 1, end, self.p_start, self.p_end)
        )
        self.open_at, self.nested = None, False

    def _open(self, at: int) -> None:
        """Open a quote at ``at``. One already open ends where the paragraph it was continued
        from ended, when paragraphs were run together (`... wait. “We`), or was a stray mark
        with no partner and is dropped."""
        if self.open_at is not None:
            end = _run_together_end(self.text, self.p_start, self.open_at, at)
            if end is not None:
                self._close(end, end)
        self.open_at, self.nested = at, False


def _straight_role(text: str, start: int, end: int, p_start: int, p_end: int) -> str:
    """What the straight mark ``text[start:end]`` (" or '') can do, judged by its neighbours,
    as a typist puts it against the quoted words: "open" (` "We`), "close" (`here," he`,
    `end."`), "either" (`said,"We`, `said."The`), "neither" (`of " DBS`: it opens a quote
    if none is open, else closes it), or "" inside a word (`5"10`)."""
    before = text[start - 1] if start > p_start else " "
    if before == " " and start - 2 >= p_start and text[start - 2] in "'’":
        before = text[start - 2]  # `doing.' "`: a space between the inner and outer closers
    after = text[end] if end < p_end else " "
    if before.isalnum() and after.isalnum():
        return ""  # an inch mark or a stray mark inside a word
    # `"...we` opens; `end". Then` and `end", he` close.
    may_open = not after.isspace() and after not in _NO_OPEN_BEFORE
    if after == "." and text[end + 1 : end + 2] != ".":
        may_open = False
    may_close = not before.isspace() and before not in "([{"
    if may_open and may_close:
        return "either"
    if not may_open and not may_close:
        # Spaces on both sides: after a clause's end it closes (`lives, " he said`).
        k = start
        while k > p_start and text[k - 1].isspace():
            k -= 1
        return "close" if k > p_start and text[k - 1] in ",.!?" else "neither"
    return "open" if may_open else "close"


def _closing_apostrophe(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the ’ at ``i`` may close a quote: not an apostrophe inside a word ("What’s")
    nor one eliding the start of a word ("’60 Minutes")."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return not before.isspace() and not (before.isalnum() and after.isalnum())


def _closes_after_punctuation(text: str, i: int, p_end: int) -> bool:
    """A ’ right after a sentence's or clause's punctuation and before a space, as in
    `“We will appeal,’ she said`: a mistyped closing mark (an apostrophe follows a letter)."""
    return text[i - 1] in ",.!?" and (i + 1 >= p_end or text[i + 1].isspace())


def _opens_single(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the mark at ``i`` opens a ‘quote within a quote’ (curly, or straight and
    against the word it opens, not eliding a year: '15)."""
    if text[i] == "‘":
        return True
    return (
        text[i] == "'"
        and _straight_role(text, i, i + 1, p_start, p_end) == "open"
        and not text[i + 1].isdigit()
    )


def _run_together_end(text: str, p_start: int, open_at: int, at: int) -> int | None:
    """Where the quote opened at ``open_at`` ends when another opens at ``at`` after a
    sentence's end: a quote continued in the next paragraph (``_unclosed_end``), the
    paragraphs run together. Only a quote that began a sentence reads so."""
    end = at
    while end > open_at and text[end - 1].isspace():
        end -= 1
    if end == at or text[end - 1] not in ".!?…" or not _opens_sentence(text, p_start, open_at):
        return None
    return _until_narration(text, open_at, end)


def _unclosed_end(
    text: str, open_at: int, p_start: int, p_end: int, following: int | None, paragraphed: bool
) -> int:
    """Where a quote whose closing mark never comes ends.

    News style leaves a quote open at the end of a paragraph the next paragraph continues
    (opening with a quote mark again), and a paragraph that closes on a quote its writer
    began at a sentence's start is that quote's to the end, its closing mark left off or
    lost. Anything else is a stray or lost mark that cannot say where the quote stops: the
    quote ends with its sentence rather than swallowing the narration after it — so does
    any quote in a text without paragraphs (WCEP gives each article as one), where a
    paragraph's end is the article's end."""
    credit = _TWEET_CREDIT.search(text, open_at, p_end)
    if credit is not None:
        return credit.start()
    if _continued(text, p_start, p_end, following):
        return p_end
    if paragraphed and _opens_sentence(text, p_start, open_at):
        return _until_narration(text, open_at, p_end)
    return _sentence_end(text, open_at + 1, p_end)


def _until_narration(text: str, open_at: int, limit: int) -> int:
    """The end of a quote opened at ``open_at`` that has lost its closing mark somewhere
    before ``limit``: its first sentence, and the next ones up to one in which the reporter
    speaks again ("She closed the speech by saying ...", "Olivera said he ...")."""
    end = _sentence_end(text, open_at + 1, limit)
    while end < limit:
        following = _sentence_end(text, end, limit)
        if _narrates(text, end, following):
            break
        end = following
    return end


def _narrates(text: str, start: int, end: int) -> bool:
    """Whether the sentence in ``text[start:end]`` is the reporter's: it has a speech verb
    of ``_NARRATION`` that is not passive ("we were told" is a speaker's)."""
    previous = ""
    for match in TOKEN.finditer(text, start, end):
        word = match.group()
        if word in _NARRATION and previous.lower() not in _BE_FORMS:
            return True
        previous = word
    return False


def _continued(text: str, p_start: int, p_end: int, following: int | None) -> bool:
    """Whether the next paragraph goes on with this one's open quote: it opens with a quote
    mark (the newspaper convention), or this paragraph breaks off mid-sentence and the next
    goes on in lower case (a text wrapped at a fixed width)."""
    if following is None:
        return False
    if text[following] in '“"' or text.startswith("''", following):
        return True
    last = text[p_start:p_end].rstrip()[-1:]
    return last not in ".!?…:”\"’'" and text[following].islower()


def _opens_sentence(text: str, p_start: int, at: int) -> bool:
    """Whether the quote mark at ``at`` begins its sentence (or follows a colon, as a block
    quote does)."""
    before = text[_sentence_start(text, p_start, at) : at].rstrip()
    return not before or before.endswith(":")


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _bare(word: str) -> str:
    return word.strip(_STRIP + ".!?").lower()


def _name_run(text: str, start: int, end: int) -> Run | None:
    runs = [r for r in capitalised_runs(text, start, end) if r.name]
    return runs[-1] if runs else None


def _nominal_back(words: list[tuple[str, int, int]], last: int) -> tuple[str, int] | None:
    """A lower-case speaker ending at ``words[last]``: "a police spokesman", "officials"."""
    if not _is_head(words[last][0]):
        return None
    first = last
    while first > 0 and last - first < 5:
        prev = words[first - 1][0]
        if prev != prev.rstrip(_STRIP) or prev[-1:] in ",;:":
            break
        first -= 1
        if _bare(prev) in DETERMINERS:
            break
    phrase = " ".join(w[0].strip(_STRIP) for w in words[first : last + 1])
    return phrase, words[first][1]


def speaker_before(text: str, verb_start: int, lower: int) -> Speaker | None:
    """The subject of a speech verb that starts at ``verb_start``: "Kerry", "he", "the
    statement", skipping auxiliaries and an appositive ("Rosen, who ..., said")."""
    words = _words(text, lower, verb_start)
    i = len(words) - 1
    if i >= 0 and words[i][0].endswith(")"):
        # "Sen. John Kerry (D-Mass.) said": skip the parenthesis.
        while i >= 0 and not words[i][0].startswith("("):
            i -= 1
        i -= 1
    verb = text[verb_start : verb_start + 6].split()[0] if text[verb_start:].strip() else ""
    if verb == "told" and i >= 0 and _bare(words[i][0]) in _BE_FORMS:
        return None  # "we're told", "was told": the subject is the listener
    while i >= 0 and _bare(words[i][0]) in AUXILIARIES and words[i][0].isalpha():
        i -= 1
    if i < 0:
        return None
    for _ in range(_MAX_APPOSITIVES):
        if not words[i][0].endswith(","):
            break
        # Between commas: a name in apposition ("The boy's aunt, Savon Firth, recalled"),
        # or an appositive to skip ("Rosen, who has represented Trump, said"; nested:
        # "Andy Puzder, the chief executive of CKE Restaurants Inc., which employs ...,
        # has said").
        j = next((k for k in range(i - 1, max(-1, i - 25), -1) if words[k][0].endswith(",")), -1)
        if j < 0:
            return None
        if _name_of_place(words, j):
            # "Rita Lee of Athens, Alabama, tweeted": the state goes on with the town.
            i = j
            break
        inner = _name_run(text, words[j + 1][1], words[i][2] - 1)
        if (
            inner is not None
            and inner.start == words[j + 1][1]
            and inner.kind != "organisation"
            and not _PARTY_TAG.match(words[j + 1][0])
            and not re.match(r"\s+[a-z]", text[inner.end : words[i][2]])
        ):  # not "Ann Lee, SpaceX president and COO, said": a name that only modifies a role
            return _from_run(inner)
        i = j
        if not words[i][0].endswith(","):
            break
        # The segment before is an appositive too only if it opens like one, or is a party
        # and state ("Rep. Mike McCaul, R-Texas, the chairman of ..., said").
        k = next((m for m in range(i - 1, max(-1, i - 25), -1) if words[m][0].endswith(",")), -1)
        opener = words[k + 1][0]
        if _bare(opener) not in _APPOSITIVE_OPENERS and not _PARTY_TAG.match(opener):
            break
    word = words[i][0]
    bare = _bare(word)
    if bare == "who" and i > 0 and words[i - 1][0].endswith(","):
        # "Colbert said to Urgant, who replied, "...": the name the relative refers to.
        run = _name_run(text, words[max(0, i - 5)][1], words[i - 1][2] - 1)
        if run is not None and run.end >= words[i - 1][2] - 1 and run.kind != "organisation":
            return _from_run(run)
        return None
    if bare in PRONOUNS and word.strip(_STRIP).isalpha():
        return Speaker(bare, "pronoun", at=words[i][1])
    if is_capitalised(word.strip(_STRIP) or "x"):
        first = i
        while first > 0:
            prev = words[first - 1][0]
            if prev[-1:] in ',;:.!?"”' or not (
                is_capitalised(prev.strip(_STRIP) or "x") or _bare(prev) in {"of", "the", "for"}
            ):
                break
            first -= 1
        while first < i and _bare(words[first][0]) in {"of", "the", "for"}:
            first += 1  # "A spokesperson for Conyers": "for" starts no name
        head = _head_before_preposition(text, words, first)
        if head is not None:
            return head
        run = _name_run(text, words[first][1], words[i][2])
        if run is None:
            return None
        return _from_run(run)
    nominal = _nominal_back(words, i)
    if nominal is not None:
        return Speaker(nominal[0], "nominal", at=nominal[1])
    return None


def _head_before_preposition(
    text: str, words: list[tuple[str, int, int]], first: int
) -> Speaker | None:
    """The speaker a prepositional phrase ending the subject modifies: "the senator from
    Arizona said", "The head of the World Trade Organization says", "Ann Lee from the
    University of Geneva in Switzerland told": the name of a place or body after a
    preposition only says where the speaker is from."""
    for _ in range(_MAX_APPOSITIVES):
        k = first - 1
        if k >= 1 and _bare(words[k][0]) in {"the", "a", "an"} and words[k][0].isalpha():
            k -= 1
        if k < 1 or _bare(words[k][0]) not in _PREPOSITIONS or not words[k][0].isalpha():
            return None
        nominal = _nominal_back(words, k - 1)
        if nominal is not None:
            return Speaker(nominal[0], "nominal", at=nominal[1])
        # Capitalised words before the preposition: a person there is the speaker.
        start = k - 1
        if (
            not is_capitalised(words[start][0].strip(_STRIP) or "x")
            or words[start][0][-1:] in ',;:.!?"”'
        ):
            return None
        while start > 0 and is_capitalised(words[start - 1][0].strip(_STRIP) or "x"):
            if words[start - 1][0][-1:] in ',;:.!?"”':
                break
            start -= 1
        if k - start >= 2:
            run = _name_run(text, words[start][1], words[k - 1][2])
            if (
                run is not None
                and run.start == words[start][1]
                and run.kind != "organisation"
                and len(run.name.split()) >= 2
            ):
                return _from_run(run)
        first = start
    return None


def _is_head(word: str) -> bool:
    bare = _bare(word)
    return bare in NOMINAL_SPEAKERS or bare in ROLE_WORDS


def _from_run(run: Run) -> Speaker | None:
    if any(c.isdigit() for c in run.name):
        return None  # "OOG1004463", "KPRC 2": a code or a station, not a speaker
    if run.kind == "organisation":
        return Speaker(run.name, "organisation", at=run.name_start)
    if len(run.name.split()) > MAX_NAME_WORDS:
        return None
    return Speaker(run.name, "name", role=run.role, at=run.name_start)


def speaker_after(text: str, start: int, upper: int) -> Speaker | None:
    """The speaker written after an inverted verb or "according to": "said Lavrov",
    "said the lawyer, William W. Taylor III", "according to the ministry"."""
    words = _words(text, start, upper)
    if not words:
        return None
    first = words[0][0]
    if not is_capitalised(first.strip(_STRIP) or "x") and not (
        _bare(first) in DETERMINERS or _is_head(first)
    ):
        return None  # "responded to Clint Eastwood's ...": not a speaker
    if (
        _bare(first) == "the"
        and len(words) > 1
        and is_capitalised(words[1][0].strip(_STRIP) or "x")
        and not _is_head(words[1][0])
    ):
        run = _first_name_run(text, words[1][1], upper)  # "notes the Irish Times"
        if (
            run is not None
            and run.start == words[1][1]
            and not text[run.end : upper].strip(" \u00a0")[:1].isalpha()
        ):
            return _from_run(run)  # the whole phrase, not "the White House press secretary"
    if _bare(first) in DETERMINERS or not is_capitalised(first.strip(_STRIP) or "x"):
        # A nominal phrase, maybe followed by the name in apposition.
        phrase: list[str] = []
        for k, (word, _, end) in enumerate(words[:8]):
            phrase.append(word.strip(_STRIP + "."))
            named = _named_in_description(text, words, k, upper)
            if named is not None:
                return named
            if word[-1:] in ",.;:":
                if _locative_place(phrase):
                    break  # "the mountaineer from Bern, Switzerland": a place, no name
                # "said committee chairman Dave Camp, R-Mich.": the name is in the phrase.
                inner = _name_run(text, words[0][1], end - 1)
                before = text[words[0][1] : inner.start].split()[-1:] if inner else []
                if (
                    inner is not None
                    and inner.kind != "organisation"
                    and before
                    and _is_head(before[0])
                ):
                    return _from_run(inner)
                rest = words[k + 1 :]
                if rest and _PARTY_TAG.match(rest[0][0]):
                    break  # "R-Mich.", "D-Ill.": a party and state, not a name
                if rest and is_capitalised(rest[0][0].strip(_STRIP) or "x"):
                    run = _first_name_run(text, rest[0][1], upper)
                    if run is not None:
                        return _from_run(run)
                break
        heads = [k for k, w in enumerate(phrase) if _is_head(w)]
        if heads:
            # "the man who spoke on condition of anonymity" -> "the man"; "a police
            # spokesman" -> the whole compound, not "a police"
            last = heads[0]
            while last + 1 < len(phrase) and _is_head(phrase[last + 1]):
                last += 1
            return Speaker(" ".join(p for p in phrase[: last + 1] if p), "nominal", at=words[0][1])
        epithet = _epithet(phrase)
        if epithet:
            return Speaker(epithet, "epithet", at=words[0][1])
        return None
    run = _first_name_run(text, words[0][1], upper)
    if run is not None and text[run.start : run.end].endswith(("'s", "’s")):
        # "says Rahmatullah's brother-in-law, Abdul Hamid Wardak", "said Amato's colleague
        # Ann Lee": the possessor is not the speaker; a name in apposition to the phrase is,
        # and the possessor only of a document ("according to NASA's statement").
        apposed = re.match(r"((?:\s+[a-z][\w'’-]*){1,4}),?\s+(?=[A-Z])", text[run.end : upper])
        if apposed is not None:
            person = _first_name_run(text, run.end + apposed.end(), upper)
            if person is not None and person.kind != "organisation":
                return _from_run(person)
        head = re.match(r"\s+([a-z]+)\b(?![ \u00a0]+[a-z])", text[run.end : upper])
        if head is not None and head.group(1) in _DOCUMENTS:
            return _from_run(run)
        return None
    if run is not None:
        # "said University of Texas law professor Stephen Vladeck", "said GOP strategist
        # Ford O'Connell": the capitalised words only say where the speaker works or which
        # side they are on; the role noun after them introduces the name.
        tail = _words(text, run.end, upper)
        k = 0
        while k < len(tail) and k < 4 and tail[k][0].islower() and tail[k][0][-1:] not in ",;:.":
            k += 1
        if 0 < k < len(tail) and _is_head(tail[k - 1][0]):
            person = _first_name_run(text, tail[k][1], upper)
            if person is not None and person.kind != "organisation":
                return _from_run(person)
    return _from_run(run) if run is not None else None


def _named_in_description(
    text: str, words: list[tuple[str, int, int]], k: int, upper: int
) -> Speaker | None:
    """The name ``words[k]`` introduces in a description of the speaker: a role noun right
    before a capitalised name ("says writer Jason Aaron in a statement") or a naming phrase
    ("a man who identified himself as Jo B.", "a woman named Ann Lee")."""
    word, _, end = words[k]
    if not _is_head(word) or word != word.rstrip(_STRIP + "."):
        return None
    naming = _NAMED_AS.match(text, end, upper)
    if naming is not None:
        run = _first_name_run(text, naming.end(), upper)
        if run is not None and run.start == naming.end() and run.kind != "organisation":
            return _from_run(run)
        return None
    after = words[k + 1] if k + 1 < len(words) else None
    if (
        after is None
        or text[end : after[1]] != " "
        or not is_capitalised(after[0].strip(_STRIP) or "x")
        or _PARTY_TAG.match(after[0])
    ):
        return None
    run = _first_name_run(text, after[1], upper)
    if run is None or run.start != after[1] or run.kind == "organisation":
        return None
    if _names_a_body(text, run.end, upper):
        return None  # "the official Xinhua news agency": the name is an organisation's
    return _from_run(run)


def _names_a_body(text: str, at: int, upper: int) -> bool:
    """Whether the lower-case word at ``at`` makes the name before it an organisation's or a
    group's ("Xinhua news agency", "Apple engineers")."""
    match = re.match(r"\s+([a-z][\w'’-]*)", text[at:upper])
    return match is not None and (match.group(1) in ORG_WORDS or match.group(1) in NOMINAL_SPEAKERS)


_AGE = re.compile(r"\d+-year-old")
_EPITHET_END = _PREPOSITIONS | _LOCATIVE | {"who", "and", "whose", "as"}


def _epithet(phrase: list[str]) -> str:
    """A definite description by age ("the 40-year-old mountaineer from Bern", "the
    30-year-old"): a person the text has already named, as reporters vary how they refer to
    the one they are quoting. The description up to its first preposition, or ""."""
    if len(phrase) < 2 or phrase[0].lower() != "the" or not _AGE.fullmatch(phrase[1]):
        return ""
    end = next((k for k in range(2, len(phrase)) if phrase[k].lower() in _EPITHET_END), None)
    return " ".join(phrase[:end])


def _locative_place(phrase: list[str]) -> bool:
    """Whether a nominal phrase ends in a place after a preposition of place ("the
    40-year-old mountaineer from Interlaken"): what follows its comma goes on with the
    place ("Switzerland"), it does not name the speaker."""
    if len(phrase) < 2 or not is_capitalised(phrase[-1] or "x"):
        return False
    k = len(phrase) - 1
    while k > 0 and is_capitalised(phrase[k] or "x"):
        k -= 1
    return phrase[k].lower() in _LOCATIVE


def _name_of_place(words: list[tuple[str, int, int]], j: int) -> bool:
    """Whether ``words[j]`` ends a name and the place it is from ("Rita Lee of Athens,",
    "Ann Ode from Lagos,"): capitalised words, a preposition of place, capitalised words."""
    k = j
    while k >= 0 and is_capitalised(words[k][0].strip(_STRIP) or "x"):
        k -= 1
    return (
        k < j
        and k >= 1
        and _bare(words[k][0]) in _LOCATIVE | {"of"}
        and words[k][0].isalpha()
        and is_capitalised(words[k - 1][0].strip(_STRIP) or "x")
        and words[k - 1][0][-1:].isalpha()
    )


def _first_name_run(text: str, start: int, upper: int) -> Run | None:
    end = start
    for match in re.finditer(_RUN_STOP, text[start:upper]):
        ch = match.group()
        if ch == "." and match.start() > 0:
            last = text[start:upper][: match.start()].split()[-1]
            if len(last) == 1 or last.lower() in TITLE_ABBREVIATIONS:
                continue  # an initial or a title: "William W. Taylor", "Capt. Bo Matthews"
        end = start + match.start()
        break
    else:
        end = upper
    runs = [r for r in capitalised_runs(text, start, end) if r.name or r.kind == "organisation"]
    return runs[0] if runs else None


def _verbs(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [
        (m.group().lower(), m.start(), m.end())
        for m in TOKEN.finditer(text, start, end)
        if m.group() in SPEECH_VERBS  # lower case: "States" is not "states"
    ]


# Abbreviations whose period does not end a sentence ("Mr. Luu said").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st sen rep gov gen lt col sgt capt prof jr sr rev gens no vs u.s u.k u.n
    a.m p.m inc corp co ltd""".split()  # noqa: SIM905  (a word list reads better)
)


def _sentence_ends(text: str, start: int, end: int) -> Iterable[int]:
    for match in _SENTENCE_END.finditer(text, start, end):
        word = text[max(start, match.start() - 6) : match.start()].split()
        last = word[-1].lower() if word else ""
        if text[match.start()] == "." and (last in _ABBREVIATIONS or len(last) == 1):
            continue
        yield match.end()


def _sentence_start(text: str, lower: int, at: int) -> int:
    start = lower
    for end in _sentence_ends(text, lower, at):
        start = end
    return start


def _sentence_end(text: str, at: int, upper: int) -> int:
    return next(iter(_sentence_ends(text, at, upper)), upper)


def masked(text: str, spans: Sequence[QuoteSpan]) -> str:
    """``text`` with quoted words blanked out (same length), so attribution rules only see
    the reporter's words: no speech verbs or sentence ends from inside quotes."""
    chars = list(text)
    for span in spans:
        # A sentence end is kept, also before an inner quotation's closing mark ("... he
        # said, 'yeah.' "): the quote closes its sentence.
        body = text[span.start : span.end].rstrip(" '’\u00a0")
        end = span.start + len(body) - 1 if body[-1:] in (".", "!", "?") else span.end
        for i in range(span.start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def attribute(
    text: str, spans: Sequence[QuoteSpan], index: int, quoted_words: int = 0
) -> tuple[Speaker | None, str]:
    """The speaker of ``spans[index]`` and the rule that found it; ``text`` is masked.
    ``quoted_words``: the length of the quote in words, when known."""
    span = spans[index]
    next_open = spans[index + 1].open if index + 1 < len(spans) else span.paragraph_end
    upper = min(span.paragraph_end, next_open)
    tail_start = span.close + 1
    tail_end = _sentence_end(text, tail_start, upper)
    # A quote ending in "." closes its sentence: an attribution after it belongs to the
    # next sentence. A comma, "?" or "!" leaves the sentence open.
    inner = text[span.start : span.end].rstrip().rstrip("'’").rstrip()
    tail_words = _words(text, tail_start, tail_end)
    # Written text, not speech: a sign "reading, "..."", letters "labeled "..."".
    head_start = _sentence_start(text, span.paragraph_start, span.open)
    before_words = text[head_start : span.open].split()
    if before_words and _bare(before_words[-1]) in _TEXT_INTRODUCERS:
        return None, WRITTEN
    # 0. A credit after a dash, as under pull-quotes and blurbs: `"..." —Arianna Huffington`.
    dash = re.match(r"\s*(?:—|–|--)\s*(?=[A-Z])", text[tail_start:tail_end])
    if dash:
        run = _first_name_run(text, tail_start + dash.end(), tail_end)
        byline = run is not None and bool(
            re.match(r"\s+([a-z][\w'’-]*)", text[run.end : tail_end])
            and _is_head(text[run.end : tail_end].split()[0].removesuffix("s"))
        )  # "—AP reporters Ann Lee, ...": who wrote the story, not who said the quote
        if run is not None and not byline and run.start - (tail_start + dash.end()) <= 4:
            credited = _from_run(run)
            if credited is not None:
                return credited, "after-dash"
    # 1. Right after: `," Kerry said` / `," said Lavrov` / `, he added`.
    closes_sentence = inner.endswith(".") or bool(tail_words and tail_words[0][0][:1] in ".")
    if tail_words and not closes_sentence:
        window_end = tail_words[min(TAIL_WORDS, len(tail_words) - 1)][2]
        verbs = _verbs(text, tail_start, window_end)
        if verbs:
            verb, v_start, v_end = verbs[0]
            if re.match(r"\s+(?:him|her|them)\s+(?:as\s+)?saying\b", text[v_end : v_end + 25]):
                return None, ""  # "she recalls him saying": the speaker is the object
            if text[tail_start:v_start].strip(" ,—–-\u00a0"):
                if _only_subject_between(text, tail_start, v_start):
                    speaker = speaker_before(text, v_start, tail_start)
                    if speaker is not None:
                        return speaker, "after-subject-verb"
            elif verb in INVERTABLE:
                speaker = speaker_after(text, v_end, tail_end)
                if speaker is not None:
                    return speaker, "after-verb-subject"
    # 2./3. Before: `Lavrov said: "` or a speech clause earlier in the same sentence; the
    # text is masked, so the sentence may run back across earlier quotes.
    verbs = _verbs(text, head_start, span.open)
    for verb, v_start, v_end in reversed(verbs):
        if verb in {"saying", "adding"}:
            continue
        adjacent = not text[v_end : span.open].strip(" ,:\u00a0")
        if not adjacent and verb in REPORT_VERBS:
            continue  # "State TV reported that X ... called them "...": X's words, or a title
        before_quote = text[head_start : span.open].split()[-1:]
        if not adjacent and before_quote and _bare(before_quote[0]) in _TITLE_INTRODUCERS:
            break  # `said on "Fox News Sunday."`, `the remake of "The Evil Dead"`: a title
        if not adjacent and len(text[v_end : span.open].split()) > CLAUSE_WORDS:
            break  # too far to be the clause the quote belongs to
        if not adjacent and 0 < quoted_words <= TERM_WORDS and _after_possessive(text, span.open):
            break  # "endorsed the department's "statement of emergency"": a name for a thing
        if (
            verb == "asked"
            and _bare((text[head_start:v_start].split()[-1:] or ["x"])[0]) in _BE_FORMS
        ):
            break  # "Obama was asked: "...?"": the subject is the one asked
        speaker = speaker_before(text, v_start, head_start)
        if speaker is not None:
            return speaker, "before-verb" if adjacent else "clause-verb"
        break  # only the nearest speech clause frames the quote
    possessive = _POSSESSIVE_SOURCE.search(text, head_start, span.open)
    if possessive:
        run = _name_run(text, possessive.start(1), possessive.end(1))
        if run is not None:
            speaker = _from_run(run)
            if speaker is not None:
                return speaker, "possessive-source"
    # 4. `according to X` in the rest of the sentence (or just before the quote).
    for region_start, region_end in ((tail_start, tail_end), (head_start, span.open)):
        match = re.search(r"\b[Aa]ccording to\s+", text[region_start:region_end])
        if match:
            speaker = speaker_after(text, region_start + match.end(), region_end)
            if speaker is not None:
                return speaker, "according-to"
    return None, ""


def _after_possessive(text: str, at: int) -> bool:
    """Whether a possessive stands within the two words before ``at`` ("the mountain's
    difficult "British route""): the quote then names something of someone's."""
    return any(w.endswith(("'s", "’s")) for w in text[max(0, at - 60) : at].split()[-2:])


def _after_title_noun(text: str, at: int) -> bool:
    before = text[max(0, at - 40) : at].split()[-1:]
    return bool(before) and _bare(before[0]) in _TITLE_NOUNS


def _title_case(quoted: str, limit: int = 0) -> bool:
    """A quotation in Title Case with no sentence end inside: of at most five words, or of
    at most ``SUBTITLE_WORDS`` when it has a subtitle or a part number ("Harry Potter and
    the Deathly Hallows: Part 2"), as only titles have. A period closing it is the
    sentence's, put inside the marks as American style does (``behind "Dog Whistle
    Politics."``)."""
    body = quoted.strip(" ,")
    if body.endswith(".") and not body.endswith(".."):
        body = body[:-1]
    words = body.split()
    limit = limit or (SUBTITLE_WORDS if _SUBTITLE.search(body) else TITLE_WORDS)
    return (
        0 < len(words) <= limit
        and not re.search(r"[.!?]", body)
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in words)
        and sum(w[:1].isupper() for w in words) >= 2
    )


def _only_subject_between(text: str, start: int, verb_start: int) -> bool:
    """`," Kerry said` but not `," a claim that Kerry said`: the words before the verb are
    the subject (capitalised, pronoun, nominal phrase or appositive), at most ~12 words."""
    between = text[start:verb_start].strip(" ,—–-\u00a0")
    if between.split()[:1] and between.split()[0].lower() in _CLAUSE_OPENERS:
        return False  # `an "honorable exit", but Jammeh said`: a new clause, its own subject
    return len(between.split()) <= SUBJECT_WORDS and not re.search(
        r"\b(?:that|which|because)\b", between
    )


def find_quotes(article: Article, spans: Sequence[QuoteSpan] | None = None) -> list[FoundQuote]:
    """Every quotation in ``article`` with its speaker as written (not yet resolved);
    ``spans`` are its ``quote_spans`` when the caller already has them."""
    text = article.text
    spans = quote_spans(text) if spans is None else spans
    outside_quotes = masked(text, spans)
    found: list[FoundQuote] = []
    previous_speaker: tuple[int, Speaker] | None = None  # paragraph start, speaker
    named: tuple[int, Speaker] | None = None  # the last quote's end and its named speaker
    for index, span in enumerate(spans):
        quote_text = text[span.start : span.end].strip().rstrip(",").strip()
        # A short quote in Title Case is a name or title ("Right Now"), not speech.
        if _title_case(quote_text) or (
            _after_title_noun(text, span.open) and _title_case(quote_text, SUBTITLE_WORDS)
        ):
            speaker, rule = None, WRITTEN
        else:
            speaker, rule = attribute(outside_quotes, spans, index, len(quote_text.split()))
        if speaker is not None and speaker.kind == "epithet":
            speaker, rule = _refer_back(text, speaker, rule, previous_speaker, span)
        if speaker is None and previous_speaker is not None and rule != WRITTEN:
            # A paragraph that is nothing but a quote continues the previous speaker.
            outside = (
                text[span.paragraph_start : span.open] + text[span.close + 1 : span.paragraph_end]
            ).strip(" .,\u00a0")
            prev_para, prev_speaker = previous_speaker
            if (
                not outside
                and _is_previous_paragraph(text, prev_para, span.paragraph_start)
                and _sentence_like(quote_text, span, text)
            ):
                speaker, rule = prev_speaker, "continuation"
            elif prev_para == span.paragraph_start and _joined_by_attribution(
                outside_quotes, spans, index
            ):
                # `"A," Kerry said, "B."` and `"A," Kerry said. "B."`: B is Kerry's too.
                speaker, rule = prev_speaker, "next-sentence"
        if speaker is not None and speaker.kind == "pronoun" and named is not None:
            speaker = _with_antecedent(outside_quotes, speaker, named, span)
        if speaker is not None:
            previous_speaker = (span.paragraph_start, speaker)
        if rule != WRITTEN:
            # Only the quote right before can give a pronoun its antecedent; a title
            # between them ("who wrote a book called "..."") does not count.
            named = _named_speaker(span, speaker)
        found.append(FoundQuote(article.id, span, quote_text, speaker, rule))
    return _join_split(text, found)


# How many paragraphs back the speaker an epithet refers to may have been quoted.
EPITHET_PARAGRAPHS = 3


def _refer_back(
    text: str,
    epithet: Speaker,
    rule: str,
    previous: tuple[int, Speaker] | None,
    span: QuoteSpan,
) -> tuple[Speaker, str]:
    """An epithet ("said the 40-year-old mountaineer") is the person quoted last, when that
    was a person a few paragraphs back; else it is left to the index, which resolves it to
    the person last named, as it does "he" and "she"."""
    if previous is not None:
        prev_para, prev_speaker = previous
        paragraphs_between = sum(
            1 for line in text[prev_para : span.paragraph_start].split("\n") if line.strip()
        )
        if prev_speaker.kind in ("name", "pronoun") and paragraphs_between <= EPITHET_PARAGRAPHS:
            return prev_speaker, "epithet"
    return epithet, rule


def _named_speaker(span: QuoteSpan, speaker: Speaker | None) -> tuple[int, Speaker] | None:
    """(end of the quote, named speaker) when a quote's speaker is a name, or a pronoun
    already linked to one; else None."""
    if speaker is None:
        return None
    if speaker.kind == "name":
        return span.close, speaker
    if speaker.kind == "pronoun" and speaker.antecedent is not None:
        return span.close, speaker.antecedent
    return None


def _with_antecedent(
    text: str, pronoun: Speaker, named: tuple[int, Speaker], span: QuoteSpan
) -> Speaker:
    """``pronoun`` linked to the named speaker of the quote before it when that quote is in
    the same sentence or the one before (`"...," said Ann Lee, a professor. "...," she
    said`): a reporter who goes on quoting the same person switches to the pronoun.
    ``text`` is masked, so only the reporter's sentence ends count."""
    closed, speaker = named
    upto = min(span.open, pronoun.at)
    if closed >= upto or sum(1 for _ in _sentence_ends(text, closed + 1, upto)) > 1:
        return pronoun
    return replace(pronoun, antecedent=speaker)


def _join_split(text: str, found: list[FoundQuote]) -> list[FoundQuote]:
    """One quote split around its attribution (`"A," Kerry said, "B."`) or continued in
    the next paragraph becomes one quote, so outlets that cut it differently still match."""
    out: list[FoundQuote] = []
    for quote in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and quote.speaker is not None
            and prev.speaker is not None
            and prev.speaker.text == quote.speaker.text
            and (
                quote.rule == "continuation"
                or (
                    prev.span.paragraph_start == quote.span.paragraph_start
                    and len(text[prev.span.close + 1 : quote.span.open].split()) <= SPLIT_WORDS
                )
            )
        ):
            span = QuoteSpan(
                prev.span.open,
                quote.span.close,
                prev.span.start,
                quote.span.end,
                prev.span.paragraph_start,
                quote.span.paragraph_end,
            )
            # An ellipsis marks where the attribution was cut out of a split quote.
            glue = " " if quote.rule == "continuation" else " … "
            joined = prev.text.rstrip() + glue + quote.text.lstrip()
            out[-1] = FoundQuote(prev.article_id, span, joined, prev.speaker, prev.rule)
            continue
        out.append(quote)
    return out


def _sentence_like(quote_text: str, span: QuoteSpan, text: str) -> bool:
    """A continued quote is speech: several words ending like a sentence (or left open to run
    on), not a title in a list ("Quiet Storm")."""
    unclosed = span.close >= span.paragraph_end
    return len(quote_text.split()) >= CONTINUED_WORDS and (unclosed or quote_text[-1:] in ".!?…")


def _is_previous_paragraph(text: str, previous_start: int, start: int) -> bool:
    if previous_start == start:
        return True
    between = text[previous_start:start]
    return between.count("\n") >= 1 and not any(p.strip() for p in between.split("\n")[1:])


def _joined_by_attribution(text: str, spans: Sequence[QuoteSpan], index: int) -> bool:
    if index == 0:
        return False
    between = text[spans[index - 1].close + 1 : spans[index].open]
    # Only the previous quote's attribution in between: a short clause with a speech verb,
    # ending a sentence or a clause (`said. "` / `said, "`), not `said on "Fox News Sunday."`.
    return (
        bool(_verbs(text, spans[index - 1].close + 1, spans[index].open))
        and len(between.split()) <= BETWEEN_WORDS
        and between.rstrip()[-1:] in (".", ",", ":", ";")
    )


@dataclass(frozen=True, slots=True)
class ResolvedQuote:
    """A found quote with its speaker resolved to a full name (or "" when unknown)."""

    quote: FoundQuote
    speaker: str
    kind: str = ""


def _key_tokens(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _shingles(tokens: list[str], n: int = 3) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def same_quote(
    a: list[str],
    b: list[str],
    sa: frozenset[tuple[str, ...]] | None = None,
    sb: frozenset[tuple[str, ...]] | None = None,
) -> bool:
    """Two renderings of one quote: one contains the other (truncation), or they share
    most of their word triples (punctuation, dashes and small edits differ). ``sa``/``sb``
    are the word triples of ``a``/``b`` when the caller has them."""
    if not a or not b:
        return False
    sa = _shingles(a) if sa is None else sa
    sb = _shingles(b) if sb is None else sb
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    s_short, s_long = (sa, sb) if len(a) <= len(b) else (sb, sa)
    # Containment needs every triple of the shorter in the longer: test that first.
    if len(short) >= 2 and (len(short) < 3 or s_short <= s_long) and _contains(long_, short):
        return True
    if len(short) < 5:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= SAME_QUOTE


def merge_quotes(
    resolved: Sequence[ResolvedQuote], article_order: dict[str, int], min_words: int = 2
) -> list[tuple[str, str, list[ResolvedQuote]]]:
    """Group renderings of the same quote across articles: (text, speaker, members).

    Members must agree on the speaker where both have one. The longest rendering is the
    entry's text. Unattributed groups and one-word scare quotes are dropped."""
    items = [r for r in resolved if _key_tokens(r.quote.text)]
    tokens = [_key_tokens(r.quote.text) for r in items]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(items)), key=lambda i: -len(tokens[i]))
    rank = {i: pos for pos, i in enumerate(order)}
    # Renderings of one quote share a word triple (two-word quotes: their word pair); only
    # such pairs are compared, each triple set computed once.
    triples = [_shingles(t) for t in tokens]
    by_gram: dict[tuple[str, ...], list[int]] = {}
    for i, grams in enumerate(triples):
        for gram in grams:
            by_gram.setdefault(gram, []).append(i)
    pairs: dict[tuple[str, ...], list[int]] = {}
    if any(len(t) < 3 for t in tokens):
        for i, toks in enumerate(tokens):
            for k in range(len(toks) - 1):
                pairs.setdefault(tuple(toks[k : k + 2]), []).append(i)
    group_speaker: dict[int, str] = {}
    for pos, i in enumerate(order):
        root_i = find(i)
        index = pairs if len(tokens[i]) < 3 else by_gram
        candidates = {j for gram in triples[i] for j in index.get(gram, ()) if rank[j] < pos}
        for j in sorted(candidates, key=rank.__getitem__):
            root_j = find(j)
            if root_j == root_i:
                continue
            si = group_speaker.get(root_i, items[i].speaker)
            sj = group_speaker.get(root_j, items[j].speaker)
            if si and sj and si != sj:
                continue
            if same_quote(tokens[i], tokens[j], triples[i], triples[j]):
                parent[root_i] = root_j
                group_speaker[root_j] = sj or si
                root_i = root_j
                break
        group_speaker.setdefault(root_i, items[i].speaker)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    out: list[tuple[str, str, list[ResolvedQuote]]] = []
    for members in groups.values():
        speakers = Counter(items[i].speaker for i in members if items[i].speaker)
        if not speakers:
            continue
        longest = max(members, key=lambda i: len(tokens[i]))
        if len(tokens[longest]) < min_words:
            continue
        speaker = speakers.most_common(1)[0][0]
        ordered = sorted(
            (items[i] for i in members),
            key=lambda r: (article_order.get(r.quote.article_id, 0), r.quote.span.start),
        )
        out.append((items[longest].quote.text, speaker, ordered))
    out.sort(
        key=lambda g: (
            -len({m.quote.article_id for m in g[2]}),
            min((article_order.get(m.quote.article_id, 0), m.quote.span.start) for m in g[2]),
        )
    )
    return out
