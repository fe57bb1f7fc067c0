"""weave.v2, the default summarizer: picks its strategy from the budget.

* budgets of up to ``HEADLINE_WORDS`` words (one sentence's worth) get a headline: the one
  sentence, whole or compressed, that best covers what titles and leads stress, chosen
  exactly by an integer program (``headline.py``);
* longer budgets get a brief: concept coverage (Gillick and Favre) as an integer program,
  with compression, same-fact exclusion and pronoun antecedents (``brief.py``).

Both are deterministic: no randomness, ties broken by sentence order.
"""

from __future__ import annotations

from newsweave.config import Budget
from newsweave.segment import SegmentedCluster
from newsweave.summarize.brief import select_brief
from newsweave.summarize.headline import select_headline
from newsweave.summarize.picks import Pick

# One long news sentence: a budget this short cannot hold two sentences worth having.
HEADLINE_WORDS = 40


def strategy_for(budget: Budget) -> str:
    if budget.words is not None and budget.words <= HEADLINE_WORDS:
        return "headline"
    if budget.words is None and budget.sentences == 1:
        return "headline"
    return "brief"


class WeaveSummarizer:
    """Headline or brief by budget; see the module docstring."""

    name = "weave.v2"

    def select(self, doc: SegmentedCluster, budget: Budget) -> list[Pick]:
        if strategy_for(budget) == "headline":
            return select_headline(doc, budget)
        return select_brief(doc, budget)
