"""The order words are studied in, and which are left out for a learner (``--order``, ``--level``).

``useful`` (the default) puts first what is most worth learning from this
article: words the article leans on (their count here) that are also worth
knowing beyond it (their general frequency, from wordfreq, and their place in
the HSK syllabus).  The weights are a judgement, not a fit: a word used five
times outranks one used once at the same frequency; among words used once, a
common word (审核, Zipf 4.4) comes before a rare one (对标, 1.6); the very
commonest words (Zipf above 5.5: 我们, 发展) and HSK 1–2 words, which a reader
of news mostly knows, move back.
"""

from __future__ import annotations

import math

ORDERS = ("useful", "article", "frequency", "hsk")

COUNT_WEIGHT = 2.5     # per natural log of the count in the article
UNLISTED = 2.5         # the Zipf value taken for a word wordfreq lacks (an article's own term: 进博会)
COMMON = 5.5           # Zipf above which a word is basic rather than useful
BASIC_HSK = 2          # levels at or below it are basic
HSK_BONUS = 0.5        # a word of the syllabus above the basic levels
BASIC_PENALTY = 1.0


def usefulness(word) -> float:
    """How worth learning ``word`` (a ``records.Word``) is for a reader of this article."""
    z = word.frequency or UNLISTED
    general = z if z <= COMMON else COMMON - 1.5 * (z - COMMON)
    score = COUNT_WEIGHT * math.log(max(word.count, 1)) + general
    if word.hsk is not None:
        score += -BASIC_PENALTY if word.hsk <= BASIC_HSK else HSK_BONUS
    return score


def ordered(words, order: str) -> list:
    """``words`` in ``order``: ``useful`` (see ``usefulness``), ``article`` (first appearance),
    ``frequency`` (most occurrences here first) or ``hsk`` (lowest level first; unlisted last).
    Ties keep the article's order."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    out = sorted(words, key=lambda w: w.spans[0][0] if w.spans else 1 << 30)
    if order == "useful":
        out.sort(key=lambda w: -usefulness(w))
    elif order == "frequency":
        out.sort(key=lambda w: -w.count)
    elif order == "hsk":
        out.sort(key=lambda w: w.hsk or 99)
    return out


# reasons a word is left out, in the order the summary names them
FUNCTION, NAMES, KNOWN, LEVEL, RARE, BUDGET = (
    "function words and numbers", "names", "known", "at or below the level", "too rare", "over the budget")
REASONS = (FUNCTION, NAMES, KNOWN, LEVEL, RARE, BUDGET)


def select(words, options) -> tuple[list, dict[str, int]]:
    """The words ``options`` (``vocabulary.Options``) keeps, in its order, and how many it left out
    by reason (known, at or below the learner's level, seen fewer than ``min_count`` times, over
    ``max_words``)."""
    left = dict.fromkeys(REASONS, 0)
    kept = []
    for w in words:
        if w.simplified in options.known or w.traditional in options.known:
            left[KNOWN] += 1
        elif options.level and w.hsk is not None and w.hsk <= options.level:
            left[LEVEL] += 1
        elif w.count < options.min_count:
            left[RARE] += 1
        else:
            kept.append(w)
    kept = ordered(kept, options.order)
    if options.max_words is not None and len(kept) > options.max_words:
        left[BUDGET] += len(kept) - options.max_words
        kept = kept[: options.max_words]
    return kept, left


def summary(kept: int, left: dict[str, int], level: int = 0) -> str:
    """"212 words kept; left out: 40 function words and numbers, 12 names, 30 at or below HSK 3"."""
    parts = []
    for reason in REASONS:
        n = left.get(reason, 0)
        if n:
            parts.append(f"{n} {'at or below HSK ' + str(level) if reason == LEVEL and level else reason}")
    return f"{kept} words kept" + ("; left out: " + ", ".join(parts) if parts else "")
