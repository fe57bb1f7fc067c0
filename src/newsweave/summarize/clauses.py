"""Is this still a sentence? Lexical checks that compression uses before it keeps a cut.

Compression may only leave what a reader accepts as a complete sentence: a main clause (a
subject and a finite verb that is not inside a relative or subordinate clause), no word left
waiting for its complement at the end ("scheduled for."), and no gap that joins a
preposition or article to what followed the removed words ("scheduled for, is"). Without a
parser (no model can be downloaded at run time), these checks read closed word classes
(articles, prepositions, auxiliaries, subordinators, which are lists, not guesses) and the
form of open-class words; when unsure they say no, so a sentence is left longer rather than
broken.
"""

from __future__ import annotations

import re

from newsweave.grammar import word_set

# Words that never end an English sentence: articles and other determiners, prepositions,
# conjunctions, auxiliaries and the infinitive marker all wait for what follows them.
DETERMINERS = word_set(
    "a an the this that these those his her its their our my your some any every each no "
    "another such whose which what"
)
PREPOSITIONS = word_set(
    "of in on at to for with by from into onto about as than over under after before between "
    "through during against without within near via per like amid among upon toward towards "
    "across around behind beyond despite except inside outside since until till up down off "
    "out including following regarding along ahead according due prior instead apart away "
    "next close rather far"
)
CONJUNCTIONS = word_set(
    "and or but nor so yet that who whom which when where while because if unless although "
    "though whether"
)
AUXILIARIES = word_set(
    "is are was were be been being am has have had having will would can could may might must "
    "shall should do does did 's ’s"
)
# A verb of saying at the end leaves the reader waiting for what was said.
SPEECH = word_set(
    "said says say told tells asked asks urged urges announced announces warned warns claimed "
    "claims added adds insisted insists stated states noted notes reported reports "
    "confirmed confirms"
)
CANNOT_END = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | SPEECH | {"not", "very"}

# Words that open a clause inside the sentence: a verb after one of them belongs to that
# clause, not to the main one.
SUBORDINATORS = word_set(
    "who whom whose which that when where while because if unless although though whether "
    "after before since until as once"
)
# What may stand between an auxiliary and its participle ("was also killed").
ADVERBS = word_set("not never also already still just at least now then all both since")
PASSIVE_AUX = word_set("is are was were be been being am got get gets 's ’s")
SUBJECT_PRONOUNS = word_set("i we they he she it you")
OBJECT_PRONOUNS = word_set("him her it them us me")
# Linking verbs in the present: their complement is an adjective, which the other rules miss.
LINKING = word_set("remains seems appears becomes looks stays sounds feels")
CALENDAR = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
MODALS = word_set("will would can could may might must shall should")
FINITE_AUX = word_set("is are was were am has have had does did do") | MODALS
# "that", "which", "whose", "what" also open clauses, so a verb may follow them directly.
ARTICLES = DETERMINERS - {"that", "which", "whose", "what"}
# Verbs whose "that" is a complement ("said that ..."), not a relative pronoun.
COMPLEMENT_VERBS = SPEECH | word_set(
    "think thinks believe believes show shows suggest suggests mean means argue argues hope "
    "hopes fear fears know knows feel feels indicate indicates ensure ensures so such now given"
)
# Words after which "to" + a lower-case word is an infinitive ("declining to rule").
INFINITIVE_TAKERS = word_set(
    "able unable set likely unlikely due expected going trying want wants wanted plan plans "
    "planned need needs needed used ready about decided agreed vowed refused seeks sought "
    "hopes hoped tried"
)
# Common irregular past forms (the regular ones end in -ed).
IRREGULAR_PAST = word_set(
    "became began bit blew broke brought built bought caught chose came cost cut dealt did "
    "drew drank drove ate fell fed felt fought found fled flew forbade forgot forgave froze "
    "got gave went grew hung heard hid hit held hurt kept knew laid led left lent let lay lit "
    "lost made meant met paid put quit read rode rang rose ran said saw sought sold sent set "
    "shook shot shut sang sank sat slept slid spoke spent spun split spread sprang stood stole "
    "stuck stung struck swore swept swam swung took taught tore told thought threw understood "
    "upheld woke wore won withdrew wrote overcame overturned overtook undertook"
)
# Verbs that take no object, so "-ed" + a preposition is still a finite verb ("died in").
INTRANSITIVE_ED = word_set(
    "died arrived occurred happened collapsed crashed exploded erupted resigned landed "
    "emerged remained appeared returned rallied surged plunged plummeted soared tumbled "
    "slumped jumped climbed dropped declined failed succeeded agreed voted testified "
    "retired stepped stayed lived worked traveled travelled talked spoke responded "
    "reacted protested marched gathered rioted clashed struggled competed played "
    "finished"
)
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[\"“‘'(\[]+|[\"”’'),.;:!?\]]+$")
NONE, WEAK, STRONG = 0, 1, 2  # how surely a word is a finite verb


def bare(word: str) -> str:
    """A token as a word: lower-cased, surrounding quotes, brackets and punctuation gone."""
    return _EDGE.sub("", word).lower().replace("’", "'")


def is_past(word: str) -> bool:
    """A past form (or past participle) by its spelling or the lists above."""
    return (
        word in IRREGULAR_PAST or word in INTRANSITIVE_ED or (len(word) > 4 and word.endswith("ed"))
    )


def _adverb(word: str) -> bool:
    return word in ADVERBS or (word.endswith("ly") and len(word) > 3)


def _modifier_slot(words: list[str], i: int) -> bool:
    """Whether position ``i`` is inside a noun phrase just opened by an article or a
    preposition ("the injured", "by a newly formed group"), where a verb form is an
    adjective."""
    j = i - 1
    while j >= 0 and words[j].endswith("ly") and len(words[j]) > 3:
        j -= 1  # "a newly formed", "of heavily armed"
    return j >= 0 and (words[j] in DETERMINERS or words[j] in PREPOSITIONS or words[j] == "being")


def _strength(words: list[str], raw: list[str], i: int) -> int:
    """How surely ``words[i]`` is a finite verb where it stands: STRONG (an auxiliary, a verb
    with its object), WEAK (a past form before a preposition, which may also be a participle:
    "A woman killed in the attack [was identified]"), or NONE."""
    word = words[i]
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if word in FINITE_AUX or word in SPEECH:
        return NONE if before in ARTICLES else STRONG
    if before == "to" or _modifier_slot(words, i):
        return NONE  # "the injured", "to end", "of wounded", "a newly formed group"
    if is_past(word):
        if i == 0 or (before.endswith("ing") and len(before) > 4):
            return NONE  # "carrying purported pictures": an adjective in a phrase
        if word not in INTRANSITIVE_ED and (after in PREPOSITIONS or after in SUBORDINATORS):
            return WEAK
        return STRONG
    if before in SUBJECT_PRONOUNS and word not in PREPOSITIONS and not word.endswith("ly"):
        return STRONG  # "they believe", "we know"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "'s")):
        # A present-tense verb followed by its object or an infinitive: "Trump signs the
        # bill", "the military wants to revamp" (a plural noun is rarely followed by these).
        if i == 0 or before in CONJUNCTIONS:
            return NONE
        if word in LINKING:
            return STRONG  # "Trump remains protective", "the deal appears set"
        infinitive = after == "to" and i + 2 < len(raw) and raw[i + 2][:1].islower()
        # "the court orders Petrobras": a name right after a lower-case noun's verb
        named = (
            i + 1 < len(raw)
            and raw[i + 1][:1].isupper()
            and raw[i - 1][:1].islower()
            and after not in CALENDAR
        )
        if after in ARTICLES or after in OBJECT_PRONOUNS or infinitive or named:
            return STRONG
        return NONE
    return NONE


class Reading:
    """One sentence read once: its tokens, which words are finite verbs, and which of
    those belong to the main clause, so that every cut of the sentence is checked without
    reading it again.

    A subordinate clause opens at a subordinator ("who", "when", "after" ...) and takes the
    first verb that follows; it ends at a comma, or when a second verb starts after a word
    that is not a verb (the main verb after a subject's relative clause: "The man who drove
    the van *acted* alone")."""

    def __init__(self, text: str) -> None:
        self.raw = _TOKEN.findall(text)
        self.words = [bare(w) for w in self.raw]
        self.strength = [_strength(self.words, self.raw, i) for i in range(len(self.words))]
        self.main: list[int] = []  # token positions of main-clause verbs
        self.waiting: list[bool] = []  # after token i, a subordinate clause awaits its verb
        self._read()

    def _read(self) -> None:
        inside = consumed = previous = False
        waiting = ""
        for i, word in enumerate(self.words):
            verb = self.strength[i] > NONE
            if word in SUBORDINATORS and not (i == 0 and word == "that") and self._opens(i):
                inside, consumed, previous, waiting = True, False, False, word
                self.waiting.append(True)
                continue
            if verb:
                waiting = ""
                strong = self.strength[i] == STRONG
                if not inside:
                    self.main.append(i)
                elif not consumed:
                    # A weak verb may be a participle inside the clause's subject ("whose
                    # reunification of a nation divided by the war put ..."): the clause
                    # waits for a strong one.
                    consumed = strong
                elif not previous and self.words[i - 1] not in ("and", "or", "but"):
                    inside = False  # the main verb after the subordinate clause
                    self.main.append(i)
            previous = verb
            if self.raw[i].endswith((",", ";")):
                inside = False
                if waiting in PREPOSITIONS:
                    waiting = ""  # "after the attack, ...": it was a preposition after all
            self.waiting.append(bool(waiting))

    def _opens(self, i: int) -> bool:
        """Whether the subordinator at ``i`` opens a clause. "After", "before", "since",
        "until" and "as" are also prepositions: before a noun phrase that no verb follows
        until the next comma or subordinator ("after the resignation of the army chief in
        a row over cuts for which ..."), they open a phrase, not a clause."""
        if self.words[i] not in PREPOSITIONS or i + 1 >= len(self.words):
            return True
        if self.words[i + 1] not in ARTICLES:
            return True
        for j in range(i + 1, len(self.words)):
            if self.strength[j] > NONE:
                return True
            if self.words[j] in SUBORDINATORS or self.raw[j].endswith((",", ";")):
                return False
        return False

    def main_clause_before(self, k: int) -> bool:
        """Whether the first ``k`` tokens hold a main clause: a strong main verb, or a weak
        one that no strong main verb later in the sentence could displace."""
        if any(self.strength[i] == STRONG for i in self.main if i < k):
            return True
        weak = [i for i in self.main if i < k]
        return bool(weak) and not any(self.strength[i] == STRONG for i in self.main if i > weak[0])

    def open_before(self, k: int) -> bool:
        """Whether the first ``k`` tokens end inside a subordinate clause still waiting for
        its verb ("... after the Court of Arbitration for Sport")."""
        return k > 0 and self.waiting[k - 1]

    def verbs_between(self, a: int, b: int) -> bool:
        return any(self.strength[i] > NONE for i in range(a, b))

    def ends_well(self, k: int) -> bool:
        """Whether the sentence cut after its first ``k`` tokens ends well: the last word
        waits for nothing (``can_end``), and it is no verb form left without the object or
        phrase it introduces (an "-ing" participle, an "-ed" form that is not a passive or
        intransitive main verb, an infinitive)."""
        if k <= 0 or not can_end(" ".join(self.raw[:k])):
            return False
        last = self.words[k - 1]
        before = self.words[k - 2] if k > 1 else ""
        taker = self.words[k - 3] if k > 2 else ""
        infinitive = before == "to" and self.raw[k - 1][:1].islower()
        if infinitive and (taker in INFINITIVE_TAKERS or taker.endswith(("ing", "ed"))):
            return False  # "declining to rule", "expected to announce"
        if last.endswith("ing") and len(last) > 5:
            return False  # "leaving", "kicking"
        if is_past(last) and last not in INTRANSITIVE_ED:
            # Only a passive ends well on its participle: "was killed", "have been at least
            # temporarily dashed"; "has felt", "a statement released" wait for more.
            j = k - 2
            while j >= 0 and _adverb(self.words[j]):
                j -= 1
            return j >= 0 and self.words[j] in PASSIVE_AUX
        return True


def has_main_clause(text: str) -> bool:
    """Whether ``text`` has a finite verb outside every relative and subordinate clause."""
    reading = Reading(text)
    return reading.main_clause_before(len(reading.raw))


def can_end(text: str) -> bool:
    """Whether ``text`` may end a sentence: its last word waits for nothing."""
    tokens = _TOKEN.findall(text.rstrip())
    if not tokens:
        return False
    last = tokens[-1]
    if last.endswith(("'s", "’s")) and len(last) > 2:
        return False  # a possessive waits for its noun
    return bare(last) not in CANNOT_END and not last.endswith(("-", "—", "–"))


def can_end_cut(text: str) -> bool:
    """``Reading.ends_well`` for a text on its own."""
    reading = Reading(text)
    return reading.ends_well(len(reading.raw))


def gap_joins(before: str) -> bool:
    """Whether removing words right after ``before`` leaves a join a reader accepts: the
    word before the gap is not one that needs the removed words (a preposition, an
    article, an auxiliary: "scheduled for, is")."""
    tokens = _TOKEN.findall(before)
    if not tokens:
        return True
    last = bare(tokens[-1])
    if tokens[-1].endswith((",", ";", ":", ".")):
        return True
    return last not in DETERMINERS and last not in PREPOSITIONS and last not in AUXILIARIES
