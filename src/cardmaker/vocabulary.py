"""``Word`` records: an article's vocabulary with readings, meanings, counts and order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources

from cardmaker.article import Article
from cardmaker.dictionary import cedict, hsk_label, hsk_level, is_reference
from cardmaker.pinyin import joined, joined_name, marked, name_case, numbered, reading_key, zhuyin
from cardmaker.glosses import HAN_RE as _HAN_RE
from cardmaker.readings import CONFLICT, CORRECTED, UNGLOSSED, VERIFIED, choose, guess
from cardmaker.script import article_script, to_simplified_aligned, to_traditional
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

    @cached_property
    def key(self) -> tuple[str, str]:
        """The word's identity: simplified form and reading."""
        return self.simplified, reading_key(self.syllables)

    @property
    def pinyin(self) -> str:
        return joined_name(self.syllables) if self.name else joined(self.syllables)

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

    @property
    def part_of_speech(self) -> str:
        """jieba's tag in words: ``vn`` → "verbal noun"; unknown tags are shown as they are."""
        if self.name:
            return "name"
        if self.pos in _POS_NAMES:
            return _POS_NAMES[self.pos]
        if len(self.pos) <= 3 and self.pos[:1] in _POS_NAMES:  # jieba's finer tags: nrt, vshi, ...
            return _POS_NAMES[self.pos[:1]]
        return self.pos  # a teacher's own wording, from a curated list


_PROPER_TAGS = ("nr", "ns", "nt", "nz")
_POS_NAMES = {
    "n": "noun", "nr": "name", "ns": "place name", "nt": "organisation", "nz": "proper noun", "ng": "noun",
    "v": "verb", "vn": "verbal noun", "vd": "verb", "vg": "verb", "a": "adjective", "ad": "adjective",
    "an": "adjective", "ag": "adjective", "d": "adverb", "m": "numeral", "q": "measure word",
    "r": "pronoun", "p": "preposition", "c": "conjunction", "u": "particle", "y": "particle",
    "e": "interjection", "o": "onomatopoeia", "i": "idiom", "l": "set phrase", "j": "abbreviation",
    "t": "time word", "f": "direction", "s": "place word", "b": "attributive", "z": "descriptive",
    "k": "suffix", "h": "prefix", "g": "morpheme", "x": "",
}


@dataclass(frozen=True)
class Options:
    names: bool = False
    known: frozenset = frozenset()      # simplified forms
    skip_hsk: int = 0
    min_count: int = 1
    max_words: int | None = None
    order: str = "article"
    user_entries: tuple = ()            # wordlist.UserEntry: words and meanings that win over CC-CEDICT


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("cardmaker").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_VERBAL_RE = re.compile(r"(?:to |can\b|may\b|will\b|\(bound form\)|used in|particle|classifier)")


@cache
def _composed_senses(word: str, syllables: tuple[str, ...], nominal: bool = False) -> tuple[str, ...]:
    """Meaning of a word with no entry, from its characters' entries for their readings.

    The last character of a noun-like term (进博会) is the head noun, so its noun
    senses come first ("meeting" rather than "can" for 会).
    """
    d = cedict()
    out = []
    for i, (ch, syl) in enumerate(zip(word, syllables)):
        entries = [e for e in d.lookup(ch) if not e.variant_only and not e.surname_only]
        fit = [e for e in entries if reading_key((e.pinyin,)) == reading_key((syl,))] or entries
        senses = [x for x in fit[0].senses if not is_reference(x)] if fit else []
        if nominal and i == len(word) - 1:
            senses = [x for x in senses if not _VERBAL_RE.match(x)] or senses
        out.append(f"{ch} {marked(syl)}: {'; '.join(senses[:2]) or '?'}")
    return tuple(out)


@dataclass
class _Group:
    tokens: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    glosses: list = field(default_factory=list)
    spans: list = field(default_factory=list)    # the article's own text of each occurrence


@dataclass(frozen=True)
class Analysis:
    """An article with its segmentation, each token's reading, and its filtered vocabulary."""

    article: Article
    simplified: str                              # character-aligned simplified copy of the clean text
    tokens: tuple[Token, ...]
    readings: dict                               # token start offset → syllables read there
    words: tuple[Word, ...]                      # filtered and ordered (``Options``)
    script: str = "traditional"                  # the article's own: traditional or simplified
    all_words: tuple[Word, ...] = ()             # before filtering, names included
    options: Options = Options()


def extract(article: Article, options: Options = Options()) -> list[Word]:
    """The vocabulary of ``article`` after filtering and ordering (see ``Options``)."""
    return list(analyse(article, options).words)


def analyse(article: Article, options: Options = Options()) -> Analysis:
    """Segment and read ``article``; see ``extract``."""
    d = _dictionary(options)
    simplified = to_simplified_aligned(article.text)
    d.prime(simplified)
    gloss_at = {g.index: g.readings for g in article.glosses}
    stop = stopwords()
    groups: dict[tuple, _Group] = {}
    names: dict[tuple, _Group] = {}
    tokens = segment(simplified, d, [e.simplified for e in options.user_entries])
    content = _content_mask(article)
    readings = {}
    for t in tokens:
        if not _HAN_RE.search(t.text):
            continue
        if t.kind not in (WORD, TERM, NAME) or t.text in stop or not content[t.start]:
            readings[t.start] = guess(t.text, t.pos)
            continue
        span = article.text[t.start:t.end]
        glosses = [gloss_at.get(i, ()) for i in range(t.start, t.end)] if gloss_at else ()
        entries = d.lookup(t.text) if t.kind != TERM else ()
        choice = choose(t.text, span, t.pos, entries, glosses)
        if t.kind == NAME and not (choice.entry and choice.entry.proper):
            choice = replace(choice, syllables=name_case(choice.syllables))
        readings[t.start] = choice.syllables
        key = (t.text, reading_key(choice.syllables), t.kind)
        g = (groups if t.kind != NAME or options.names else names).get(key)
        if g is None:
            g = (groups if t.kind != NAME or options.names else names)[key] = _Group()
        g.tokens.append(t)
        g.spans.append(span)
        g.choices.append(choice)
        if gloss_at:
            g.glosses.extend((i, f"{c}({r})") for i, (c, rs) in enumerate(zip(span, glosses)) for r in rs)
    script = article_script(article.text, simplified)
    words = [_word(key, g, script == "traditional") for key, g in groups.items()]
    hidden = [_word(key, g, script == "traditional") for key, g in names.items()]
    return Analysis(article, simplified, tuple(tokens), readings, tuple(_filter(words, options)), script,
                    tuple(words + hidden), options)


def _content_mask(article: Article) -> bytearray:
    """Which characters are article content: the title and body sentences, not the date line,
    photo captions or end markers such as （完）."""
    mask = bytearray(len(article.text))
    for sentence in article.sentences:
        if sentence.kind in ("title", "body"):
            mask[sentence.start:sentence.end] = b"\x01" * (sentence.end - sentence.start)
    return mask


def _dictionary(options: Options):
    d = cedict()
    return d.with_user_entries(options.user_entries) if options.user_entries else d


def entry_word(simplified: str, reading, analysis: Analysis, spans) -> Word:
    """A word the segmentation did not produce (a teacher added it), read where it occurs.

    ``reading`` (numbered syllables) picks the entry when given; ``spans`` may
    be empty when the article does not contain the word at all.
    """
    d = _dictionary(analysis.options)
    text = analysis.article.text
    gloss_at = {g.index: g.readings for g in analysis.article.glosses}
    entries = d.lookup(simplified)
    if reading is not None:
        entries = tuple(e for e in entries if reading_key(e.syllables) == reading_key(reading)) or entries
    g = _Group()
    for a, b in spans or [(None, None)]:
        span = text[a:b] if a is not None else to_traditional(simplified)
        glosses = [gloss_at.get(i, ()) for i in range(a, b)] if a is not None else [()] * len(simplified)
        choice = choose(simplified, span, "", entries, glosses)
        if reading is not None and choice.syllables != tuple(reading) and choice.entry is None:
            choice = replace(choice, syllables=tuple(reading))
        g.choices.append(choice)
        if a is not None:
            g.tokens.append(Token(simplified, a, b, "", WORD))
            g.spans.append(span)
            g.glosses.extend((i, f"{c}({r})") for i, (c, rs) in enumerate(zip(span, glosses)) for r in rs)
    return _word((simplified, "", WORD), g, analysis.script == "traditional")


def _traditional_form(text: str, g: _Group, written: bool) -> str:
    """A word without an entry is written as a traditional article writes it (進博會, 李政);
    otherwise OpenCC converts it."""
    spans = Counter(g.spans)
    if written and spans:
        span = spans.most_common(1)[0][0]
        if len(span) == len(text):
            return span
    return to_traditional(text)


def _own_form(span: str, syllables) -> bool:
    """The article's spelling is a traditional form CC-CEDICT lists for this reading too (計畫 beside
    計劃, 台灣 beside 臺灣), not one with simplified characters leaked into it (并 for 並, 示范):
    CC-CEDICT writes no other word's traditional form that way."""
    entries = cedict().lookup(span)
    if any(e.simplified == span and e.traditional != span for e in entries):
        return False
    key = reading_key(syllables)
    return any(e.traditional == span and reading_key(e.syllables) == key for e in entries)


def _word(key, g: _Group, written: bool = False) -> Word:
    """``written``: the article is in traditional characters, so its own forms are traditional."""
    text, _, kind = key
    if len(g.choices) == 1:  # most words occur once
        choice = g.choices[0]
        check = choice.check
    else:
        choice = next((c for c in g.choices if c.entry is not None), g.choices[0])
        checks = {c.check for c in g.choices}
        check = next(c for c in _CHECK_ORDER if c in checks)
    entry = choice.entry
    if entry is not None:
        traditional, senses, classifiers, composed = entry.traditional, entry.content, entry.classifiers, False
        if written and g.spans and (span := g.spans[0]) != traditional and _own_form(span, choice.syllables):
            traditional = span
    else:
        traditional, senses, classifiers, composed = _traditional_form(text, g, written), (), (), True
    if kind == NAME and (entry is None or not entry.proper):
        senses, composed = ("(name)",) + _composed_senses(text, choice.syllables), True
    elif not senses:
        senses, composed = _composed_senses(text, choice.syllables, nominal=kind == TERM), True
    if len(g.tokens) == 1:
        pos = g.tokens[0].pos
    else:
        pos = Counter(t.pos for t in g.tokens).most_common(1)[0][0] if g.tokens else ""
    if pos[:2] in _PROPER_TAGS and kind != NAME and entry is not None and not entry.proper:
        # jieba's dictionary tags some common words as names or places (蓬勃 nr, 城市 ns, 长大 ns):
        # a place or organisation tag still says noun, mostly; a person tag says nothing
        pos = "" if pos.startswith("nr") else "n"
    if pos.startswith("q"):  # used as a measure word here (第六届, 各项): that sense first
        senses = sorted(senses, key=lambda x: not x.startswith("classifier"))
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
        glosses=tuple(dict.fromkeys(text for _, text in sorted(g.glosses, key=lambda x: x[0]))) if g.glosses else (),
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


def read_known(path) -> frozenset[str]:
    """Known words from a file (see ``wordlist.known_words``); ``InputError`` names the file."""
    from cardmaker.wordlist import known_words, read_text

    return known_words(read_text(path, "known-words file"))
