"""``Word`` records: an article's vocabulary with readings, meanings, counts and order."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cardmaker.analysis import brands, constructions, english, forms, meanings, numbers, places, pos, ranking
from cardmaker.analysis.readings import choose, context_pos, guess, model_readings, own_characters
from cardmaker.analysis.segment import FOREIGN_NAME, segment
from cardmaker.chinese.pinyin import name_case, reading_key
from cardmaker.chinese.script import HAN_RE, article_script, to_simplified_aligned, to_traditional_aligned
from cardmaker.records import (CONFLICT, CORRECTED, NAME, NUMBER, TERM, UNGLOSSED, VERIFIED, WORD, WORD_SOURCES,
                               Article, Token, Word)

ORDERS = ranking.ORDERS
_CHECK_ORDER = (CONFLICT, CORRECTED, VERIFIED, UNGLOSSED)


@dataclass(frozen=True)
class Options:
    """Which words a run keeps, and in what order."""

    names: bool = False
    known: frozenset = frozenset()      # simplified and traditional forms
    level: int = 0                      # the learner's HSK level: words at or below it are left out
    min_count: int = 1
    max_words: int | None = None
    order: str = "useful"               # ranking.ORDERS


@dataclass
class _Group:
    tokens: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    glosses: list = field(default_factory=list)
    spans: list = field(default_factory=list)    # the article's own text of each occurrence
    indices: list = field(default_factory=list)  # each occurrence's place in the article's tokens


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
    traditional: str = ""                        # a simplified article's traditional copy (OpenCC); else its text
    left_out: tuple = ()                         # (reason, number of words) left out, ranking.REASONS order

    @property
    def summary(self) -> str:
        """How many words were kept, and how many left out by reason."""
        return ranking.summary(len(self.words), dict(self.left_out), self.options.level)


def extract(article: Article, lexicon, options: Options = Options()) -> list[Word]:
    """The vocabulary of ``article`` after filtering and ordering (see ``Options``)."""
    return list(analyse(article, lexicon, options).words)


def analyse(article: Article, lexicon, options: Options = Options()) -> Analysis:
    """Segment and read ``article`` with ``lexicon`` (a ``cardmaker.lexicon.Lexicon``); see ``extract``."""
    simplified = to_simplified_aligned(article.text)
    script = article_script(article.text, simplified)
    # a simplified article's traditional copy: OpenCC's phrases tell 後 from 后, 麵 from 面 in context
    traditional = article.text if script == "traditional" else to_traditional_aligned(article.text)
    lexicon.prime(simplified)
    gloss_at = {g.index: g.readings for g in article.glosses}
    stop = lexicon.stopwords
    groups: dict[tuple, _Group] = {}
    names: dict[tuple, _Group] = {}
    tokens = constructions.retag(segment(simplified, lexicon), lexicon)
    content = _content_mask(article)
    readings = {}
    function = set()                             # function words and numbers left out
    sentences = [(s.start, s.end) for s in article.sentences if s.kind in WORD_SOURCES]
    model = model_readings(simplified, article.text, tokens, sentences, _entries_of(lexicon), lexicon)

    def _add(t, index, read, tag, piece=False):
        """``t``'s occurrence in its word's group; ``piece``: a word inside a number token, whose
        reading in examples stays the number's."""
        span = article.text[t.start:t.end]
        glosses = [gloss_at.get(i, ()) for i in range(t.start, t.end)] if gloss_at else ()
        entries = lexicon.entries(t.text) if t.kind != TERM else ()
        hint = traditional[t.start:t.end] if traditional is not article.text else None
        headed = hint is not None and t.pos.startswith("n") and not t.pos.startswith("nr") and not any(
            len(e.syllables) == len(t.text) for e in entries)
        if headed:  # a simplified article's noun without an entry: OpenCC's form of its last character
            hint = forms.nominal_head(t.text, hint, lexicon)
        choice = choose(t.text, span, tag, entries, glosses, lexicon, hint, read)
        if headed and hint != traditional[t.start:t.end]:  # 彗髮: read as the noun it ends in
            choice = replace(choice, syllables=own_characters(t.text, hint, choice.syllables, lexicon))
        if t.kind == NAME and not (choice.entry and choice.entry.proper):
            choice = replace(choice, syllables=name_case(choice.syllables, foreign=_one_word(t)))
        elif t.kind == TERM:
            choice = replace(choice, syllables=places.capitalised(t, choice.syllables, lexicon))
        elif choice.entry is not None and choice.entry.place and t.pos.startswith(places.PLACE):
            choice = replace(choice, syllables=places.unit_apart(t.text, choice.syllables))
        if not piece:
            readings[t.start] = choice.syllables
        key = (t.text, reading_key(choice.syllables), t.kind)
        kept = groups if t.kind != NAME or options.names else names
        g = kept.get(key)
        if g is None:
            g = kept[key] = _Group()
        g.tokens.append(t)
        g.spans.append(span)
        g.choices.append(choice)
        g.indices.append(index)
        if gloss_at:
            g.glosses.extend((i, f"{c}({r})") for i, (c, rs) in enumerate(zip(span, glosses)) for r in rs)

    for index, t in enumerate(tokens):
        if not HAN_RE.search(t.text):
            continue
        read = tuple(model.get(i) for i in range(t.start, t.end)) if model else None
        tag = context_pos(tokens, index, article.text)
        if t.kind not in (WORD, TERM, NAME) or t.text in stop or not content[t.start]:
            readings[t.start] = choose(t.text, article.text[t.start:t.end], tag, lexicon.entries(t.text),
                                       (), lexicon, None, read).syllables if read and any(read) \
                else own_characters(t.text, article.text[t.start:t.end], guess(t.text, tag, lexicon), lexicon)
            if t.kind == NAME and not any(s[:1].isupper() for s in readings[t.start]):
                # a name in a caption or heading is spelled as in the body (an example may be a title)
                readings[t.start] = _name_reading(t, readings[t.start], lexicon)
            elif places.named_piece(t):  # 金管会, 南回: no card, but a name in examples
                readings[t.start] = places.capitalised(t, readings[t.start], lexicon)
            pieces = numbers.words_in(t, lexicon) if t.kind == NUMBER and content[t.start] else ()
            for piece in pieces:  # 亿 of 3.5亿, 万 of 两万: a card, read in its own place
                _add(piece, index, tuple(model.get(i) for i in range(piece.start, piece.end)) if model else None,
                     tag, piece=True)
            if content[t.start] and (t.kind == NUMBER or t.text in stop) and not pieces:
                function.add(t.text)
            continue
        _add(t, index, read, tag)

    context = _Context(tokens, article.text, readings, script == "traditional")
    words = [_word(key, g, context, lexicon) for key, g in groups.items()]
    hidden = [_word(key, g, context, lexicon) for key, g in names.items()]
    kept, left = ranking.select(words, options)
    left[ranking.FUNCTION] = len(function)
    left[ranking.NAMES] = len(hidden)
    return Analysis(article, simplified, tuple(tokens), readings, tuple(kept), script,
                    tuple(words + hidden), options, traditional, tuple((r, left[r]) for r in ranking.REASONS))


def _name_reading(t: Token, syllables, lexicon) -> tuple[str, ...]:
    """A name's syllables capitalised: as CC-CEDICT spells the place or person when it has them
    (Hua1 lian2), else as a name (a surname and a given name, or one foreign word)."""
    proper = [e for e in lexicon.entries(t.text) if e.proper and len(e.syllables) == len(t.text)]
    if proper:
        return tuple(proper[0].syllables)
    return name_case(syllables, foreign=_one_word(t))


def _one_word(t: Token) -> bool:
    """A name spelled as one word, capitalised once: a transliteration (Huàjiāshā), a brand (宏达
    Hóngdá), a list of places (京津唐 Jīngjīntáng) or a doubled given name (黛黛 Dàidài); a person's has
    its surname apart."""
    return t.pos in (FOREIGN_NAME, brands.FIRM, brands.PLACE) or len(t.text) == 2 and t.text[0] == t.text[1]


def _entries_of(lexicon):
    return lambda t: lexicon.entries(t.text) if t.kind != TERM else ()


def _content_mask(article: Article) -> bytearray:
    """Which characters are article content: the title and body sentences, not the date line,
    photo captions or end markers such as （完）."""
    mask = bytearray(len(article.text))
    for sentence in article.sentences:
        if sentence.kind in WORD_SOURCES:
            mask[sentence.start:sentence.end] = b"\x01" * (sentence.end - sentence.start)
    return mask


def entry_word(simplified: str, reading, analysis: Analysis, spans, lexicon) -> Word:
    """A word the segmentation did not produce (a teacher added it), read where it occurs.

    ``reading`` (numbered syllables) picks the entry when given; ``spans`` may
    be empty when the article does not contain the word at all.
    """
    text = analysis.article.text
    gloss_at = {g.index: g.readings for g in analysis.article.glosses}
    entries = lexicon.entries(simplified)
    if reading is not None:
        entries = tuple(e for e in entries if reading_key(e.syllables) == reading_key(reading)) or entries
    g = _Group()
    for a, b in spans or [(None, None)]:
        span = text[a:b] if a is not None else lexicon.to_traditional(simplified)
        glosses = [gloss_at.get(i, ()) for i in range(a, b)] if a is not None else [()] * len(simplified)
        choice = choose(simplified, span, "", entries, glosses, lexicon)
        if reading is not None and choice.syllables != tuple(reading) and choice.entry is None:
            choice = replace(choice, syllables=tuple(reading))
        g.choices.append(choice)
        if a is not None:
            g.tokens.append(Token(simplified, a, b, "", WORD))
            g.spans.append(span)
            g.glosses.extend((i, f"{c}({r})") for i, (c, rs) in enumerate(zip(span, glosses)) for r in rs)
    context = _Context(analysis.tokens, text, analysis.readings, analysis.script == "traditional")
    return _word((simplified, "", WORD), g, context, lexicon)


def _around(tokens, indices):
    """The text of the token before and after each occurrence, and their jieba tags (spaces skipped;
    "" at an end)."""
    out = []
    for i in indices:
        p, n = meanings.neighbour(tokens, i, -1), meanings.neighbour(tokens, i, 1)
        before, after = tokens[p] if p is not None else None, tokens[n] if n is not None else None
        out.append((before.text if before else "", after.text if after else "",
                    before.pos if before else "", after.pos if after else ""))
    return out


@dataclass(frozen=True)
class _Context:
    """What making a word's record looks at besides its occurrences."""

    tokens: tuple
    text: str
    readings: dict
    written: bool                                # the article is traditional: its own forms are traditional
    _topic: list = field(default_factory=list, compare=False, repr=False)  # the article's Topic, once made
    _runs: list = field(default_factory=list, compare=False, repr=False)   # its nominal runs, once made

    def topic(self, lexicon):
        """What the article talks about (``meanings.Topic``), made the first time a word asks."""
        if not self._topic:
            self._topic.append(meanings.topic(self.tokens, lexicon))
        return self._topic[0]

    def nominal_runs(self):
        """The article's runs of nominal words an abbreviation may be spelled out in (``meanings.nominal_runs``),
        made the first time a term asks: one walk over the tokens per article, not per term."""
        if not self._runs:
            self._runs.append(meanings.nominal_runs(self.tokens))
        return self._runs[0]


MAX_USES = 64  # occurrences a word's meaning is judged by: bounded work per word on a long text


def _sample(indices: list) -> list:
    """At most ``MAX_USES`` of a word's occurrences, spread evenly over the article (all of them in
    an article of usual length: no word of the repo's articles occurs more than 24 times)."""
    if len(indices) <= MAX_USES:
        return indices
    return indices[::-(-len(indices) // MAX_USES)]


def _word(key, g: _Group, context: _Context, lexicon) -> Word:
    text, _, kind = key
    if len(g.choices) == 1:  # most words occur once
        choice = g.choices[0]
        check = choice.check
    else:
        choice = next((c for c in g.choices if c.entry is not None), g.choices[0])
        checks = {c.check for c in g.choices}
        check = next(c for c in _CHECK_ORDER if c in checks)
    tag = pos.tag_of(g.tokens, kind == NAME, choice.entry)
    full = (meanings.spelled_out(text, context.tokens, context.text, context.readings, lexicon,
                                 context.nominal_runs())
            if choice.entry is None and kind == TERM else None)
    meaning = meanings.choose(text, choice.syllables, choice.entry, kind, tag, g.spans,
                              lambda: meanings.uses(context.tokens, _sample(g.indices), lexicon, context.topic(lexicon)),
                              context.written, lexicon, full)
    entry = meaning.entry if meaning.entry is not None else choice.entry
    every_sense = () if meaning.composed else tuple(english.parsed(s, lexicon) for s in meaning.senses)
    shown_senses = every_sense[:len(meaning.sense)]
    traditional = forms.word_traditional(text, g.spans, entry, choice.syllables, context.written, lexicon)
    spans = tuple((t.start, t.end) for t in g.tokens)
    if context.written and len(set(g.spans)) > 1:
        # 沖 "to flush" and 衝 "to rush" are both 冲 chōng: the card is the word it writes, its examples
        # from where the article writes it so (往屋外衝 is no example of 下沖氣流's 沖)
        spans = tuple(s for s, written in zip(spans, g.spans) if written == traditional) or spans
    return Word(
        simplified=text,
        traditional=traditional,
        syllables=choice.syllables,
        senses=meaning.senses,
        sense=meaning.sense,
        classifiers=meaning.classifiers,
        pos=tag,
        part_of_speech=pos.shown(tag, kind == NAME, text, shown_senses, _around(context.tokens, g.indices),
                                 every_sense),
        hsk=lexicon.hsk_level(text),
        count=len(g.tokens),
        check=check,
        glosses=tuple(dict.fromkeys(text for _, text in sorted(g.glosses, key=lambda x: x[0]))) if g.glosses else (),
        spans=spans,
        composed=meaning.composed,
        name=kind == NAME,
        term=kind == TERM,
        disputed=any(c.disputed for c in g.choices),
        frequency=lexicon.frequency(text),
    )
