"""``Word`` records: an article's vocabulary with readings, meanings, counts and order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from cardmaker.article import Article
from cardmaker.dictionary import cedict, hsk_label, hsk_level
from cardmaker.pinyin import joined, marked, numbered, zhuyin
from cardmaker.glosses import HAN_RE as _HAN_RE
from cardmaker.readings import CONFLICT, CORRECTED, UNGLOSSED, VERIFIED, choose, guess
from cardmaker.script import to_simplified, to_simplified_aligned, to_traditional
from cardmaker.segment import NAME, TERM, WORD, Token, segment

ORDERS = ("article", "frequency", "hsk")
_CHECK_ORDER = (CONFLICT, CORRECTED, VERIFIED, UNGLOSSED)


@dataclass(frozen=True)
class Word:
    simplified: str
    traditional: str
    syllables: tuple[str, ...]          # numbered: ("zhong4", "dian3")
    senses: tuple[str, ...]
    classifiers: tuple[str, ...]
    pos: str
    hsk: int | None
    count: int
    check: str                          # verified, corrected, conflict, unglossed
    glosses: tuple[str, ...]            # gloss readings seen on the word's characters
    spans: tuple[tuple[int, int], ...]  # where it occurs in the clean text
    composed: bool = False              # meaning composed from its characters (no entry)
    name: bool = False
    term: bool = False

    @property
    def key(self) -> tuple[str, str]:
        """The word's identity: simplified form and reading."""
        return self.simplified, numbered(self.syllables).lower()

    @property
    def pinyin(self) -> str:
        return joined(self.syllables)

    @property
    def pinyin_numbered(self) -> str:
        return numbered(self.syllables)

    @property
    def zhuyin(self) -> str:
        return zhuyin(self.syllables)

    @property
    def meaning(self) -> str:
        return " / ".join(self.senses)

    @property
    def hsk_label(self) -> str:
        return hsk_label(self.hsk)


@dataclass(frozen=True)
class Options:
    names: bool = False
    known: frozenset = frozenset()      # simplified forms
    skip_hsk: int = 0
    min_count: int = 1
    max_words: int | None = None
    order: str = "article"


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("cardmaker").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _composed_senses(word: str, syllables) -> tuple[str, ...]:
    """Meaning of a word with no entry, from its characters' entries for their readings."""
    d = cedict()
    out = []
    for ch, syl in zip(word, syllables):
        entries = [e for e in d.lookup(ch) if not e.variant_only and not e.surname_only]
        fit = [e for e in entries if e.pinyin.lower() == syl.lower()] or entries
        gloss = "; ".join(fit[0].senses[:2]) if fit else "?"
        out.append(f"{ch} {marked(syl)}: {gloss}")
    return tuple(out)


@dataclass
class _Group:
    tokens: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    glosses: list = field(default_factory=list)


@dataclass(frozen=True)
class Analysis:
    """An article with its segmentation, each token's reading, and its filtered vocabulary."""

    article: Article
    simplified: str                              # character-aligned simplified copy of the clean text
    tokens: tuple[Token, ...]
    readings: dict                               # token start offset → syllables read there
    words: tuple[Word, ...]


def extract(article: Article, options: Options = Options()) -> list[Word]:
    """The vocabulary of ``article`` after filtering and ordering (see ``Options``)."""
    return list(analyse(article, options).words)


def analyse(article: Article, options: Options = Options()) -> Analysis:
    """Segment and read ``article``; see ``extract``."""
    d = cedict()
    simplified = to_simplified_aligned(article.text)
    gloss_at = {g.index: g.readings for g in article.glosses}
    stop = stopwords()
    groups: dict[tuple, _Group] = {}
    tokens = segment(simplified, d)
    readings = {}
    for t in tokens:
        if not _HAN_RE.search(t.text):
            continue
        if t.kind not in (WORD, TERM, NAME) or t.text in stop or (t.kind == NAME and not options.names):
            readings[t.start] = guess(t.text, t.pos)
            continue
        span = article.text[t.start:t.end]
        glosses = [gloss_at.get(i, ()) for i in range(t.start, t.end)]
        entries = d.lookup(t.text) if t.kind != TERM else ()
        choice = choose(t.text, span, t.pos, entries, glosses)
        readings[t.start] = choice.syllables
        key = (t.text, numbered(choice.syllables).lower(), t.kind)
        g = groups.setdefault(key, _Group())
        g.tokens.append(t)
        g.choices.append(choice)
        g.glosses.extend(f"{c}({r})" for c, rs in zip(span, glosses) for r in rs)
    words = [_word(key, g) for key, g in groups.items()]
    return Analysis(article, simplified, tuple(tokens), readings, tuple(_filter(words, options)))


def _word(key, g: _Group) -> Word:
    text, _, kind = key
    choice = next((c for c in g.choices if c.entry is not None), g.choices[0])
    checks = {c.check for c in g.choices}
    check = next(c for c in _CHECK_ORDER if c in checks)
    entry = choice.entry
    if entry is not None:
        traditional, senses, classifiers, composed = entry.traditional, entry.senses, entry.classifiers, False
    else:
        traditional, senses, classifiers, composed = to_traditional(text), (), (), True
    if kind == NAME and (entry is None or not entry.proper):
        senses, composed = ("(name)",) + _composed_senses(text, choice.syllables), True
    elif not senses:
        senses, composed = _composed_senses(text, choice.syllables), True
    pos = Counter(t.pos for t in g.tokens).most_common(1)[0][0]
    return Word(
        simplified=text,
        traditional=traditional,
        syllables=choice.syllables,
        senses=tuple(senses),
        classifiers=tuple(classifiers),
        pos=pos,
        hsk=hsk_level(text),
        count=len(g.tokens),
        check=check,
        glosses=tuple(dict.fromkeys(g.glosses)),
        spans=tuple((t.start, t.end) for t in g.tokens),
        composed=composed,
        name=kind == NAME,
        term=kind == TERM,
    )


def _filter(words: list[Word], o: Options) -> list[Word]:
    if o.order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    known = o.known
    words = [
        w for w in words
        if w.simplified not in known and w.traditional not in known
        and not (o.skip_hsk and w.hsk is not None and w.hsk <= o.skip_hsk)
        and w.count >= o.min_count
    ]
    words.sort(key=lambda w: w.spans[0][0])
    if o.order == "frequency":
        words.sort(key=lambda w: -w.count)
    elif o.order == "hsk":
        words.sort(key=lambda w: w.hsk or 99)
    return words[: o.max_words] if o.max_words is not None else words


def known_words(lines) -> frozenset[str]:
    """Known words from a list: one per line, or the first tab-separated column, either script."""
    out = set()
    for line in lines:
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        word = line.split("\t")[0].strip()
        if word:
            out.add(word)
            out.add(to_simplified(word))
    return frozenset(out)


def read_known(path) -> frozenset[str]:
    """``known_words`` of a file; raises ``InputError`` naming it when it cannot be read."""
    from cardmaker.errors import InputError

    try:
        data = open(path, "rb").read()
    except OSError as e:
        raise InputError(path, f"cannot read known-words file ({e.strerror or e})") from None
    from cardmaker.encoding import decode

    return known_words(decode(data, path).text.splitlines())
