"""The records the pipeline stages pass to each other: plain, frozen data.

    Article ──▶ [Token] + {offset: ReadingChoice} ──▶ [Word] ──▶ {key: Example} ──▶ NoteFields
    (text/)      (analysis/segment, readings)        (vocabulary) (examples)        (output/)

Nothing here looks anything up; the few derived properties only spell what a
record already holds (a reading in tone marks, a level as a label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields as _fields
from functools import lru_cache
from operator import attrgetter

from cardmaker.chinese.pinyin import joined, joined_name, numbered, reading_key, zhuyin


class derived:
    """``functools.cached_property`` without its lock: computed on first read into the instance's
    dict (which a frozen dataclass allows), then read from there.  Before Python 3.12 the standard
    one takes a lock on every first read, and a batch makes hundreds of thousands of entries."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


# ── text/ ────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Reading:
    """A normalised syllable: ``base`` without tone (ü as v), tone 1–5 or None."""

    base: str
    tone: int | None

    def __str__(self) -> str:
        return self.base + (str(self.tone) if self.tone else "")

    def agrees(self, other: "Reading") -> bool:
        """Same syllable; tones compared only when both are known (5 = neutral matches any)."""
        if self.base != other.base:
            return False
        if self.tone is None or other.tone is None or 5 in (self.tone, other.tone):
            return True
        return self.tone == other.tone


@dataclass(frozen=True)
class Gloss:
    """The gloss(es) written after one character of the clean text."""

    index: int                  # offset of the glossed character in the clean text
    char: str
    written: tuple[str, ...]    # each token as written, repeats included
    readings: tuple[Reading, ...]
    mismatch: bool              # no token is a reading of the character

    @property
    def reading(self) -> Reading:
        return self.readings[0]


DAMAGED = "damaged"                        # a clause with replacement characters in it
WORD_SOURCES = ("title", "body", DAMAGED)  # the sentences whose words are the deck's (examples: title, body)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text; ``kind`` is ``title``, ``body``, ``caption`` (photo captions and
    credits, end markers), ``furniture`` (related-news links, sharing buttons, breadcrumbs),
    ``damaged`` (a clause with replacement characters: its words count; an example is only ever its clean part, cut and marked) or
    ``cantonese`` (a clause of speech quoted in Cantonese in a Mandarin article: neither)."""

    text: str
    start: int
    end: int
    kind: str
    why: str = ""                  # for a sentence left out: the class of furniture it is


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    date: str | None
    text: str                      # the clean text: glosses stripped, nothing else changed
    sentences: tuple[Sentence, ...]
    glosses: tuple[Gloss, ...]
    truncated: int                 # gloss fragments cut off at a line's end
    encoding: str
    notes: tuple[str, ...] = ()    # odd but legal things noticed while reading
    url: str = ""                  # for a page fetched from the web: its final URL, after redirects
    format: str = "text"           # what it was read from: text, html, docx, pdf, epub

    @property
    def source(self) -> str:
        """Title and date (and the page's address), as a card's Source names the article."""
        return self.title + (f" ({self.date})" if self.date else "") + (f" {self.url}" if self.url else "")


# ── lexicon/ ─────────────────────────────────────────────────────────────────

_VARIANT_RE = re.compile(
    r"^(?:(?:old |archaic |ancient |Japanese |Korean |erhua )?variant of|see |see also |also written|same as"
    r"|used in |(?:Taiwan |also )pr\. )",
    re.I,
)
_SURNAME_RE = re.compile(r"^surname \S+$", re.I)
_BOUND_RE = re.compile(r"^(?:see |see also |used in )", re.I)
_REFERENCE_RE = re.compile(r"^(?:also written|see also|(?:old |archaic )?variant of) [^\s\[]+(?:\[[^\]]*\])?$", re.I)


@lru_cache(maxsize=1 << 12)  # asked of the same senses many times over; small: the senses it keeps alive cost memory
def is_reference(sense: str) -> bool:
    """A sense that only points at another headword: "also written 發布|发布[fa1 bu4]"."""
    return bool(_REFERENCE_RE.match(sense))


def first_sense(entries) -> str:
    """What CC-CEDICT glosses a word as first: the first sense of its first entry that is no variant's
    or surname's, cross-references skipped (逢 "to meet by chance", 謀劃 "to plan"); "" if none."""
    return next((s for e in entries if not (e.variant_only or e.surname_only) for s in e.senses
                 if not is_reference(s)), "")


# what CC-CEDICT calls a place in its senses (``Entry.place``), and what makes a sense a person's
_PLACE_RE = re.compile(
    r"\b(?:county|city|town|township|village|district|province|prefecture|island|islands|isle|peninsula"
    r"|river|mountains?|mount|lake|bay|strait|gulf|ocean|sea|capital|municipality|port|harbou?r|cape"
    r"|desert|plateau|valley|basin|archipelago|region|US state|state of)\b(?!-)",
    re.I,
)
_PERSON_RE = re.compile(r"\((?:c\. ?)?-?\d{2,4}\s*-|\d{2,4}-\d{0,4} ?(?:BC|AD)?\)"  # a lifetime: (1311-1375)
                        r"|surname|given name|\(name\)|mytholog|dynasty|classic of"
                        r"|\b(?:emperor|king|queen|prince|general|poet|writer|painter|singer|actor|actress"
                        r"|politician|scholar|god|goddess|deity|novel|book)s?\b", re.I)  # not Nanking, factory


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT line: a headword with one reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str                   # as in CC-CEDICT: "zhong4 dian3", "Shang4 hai3", "lu:4"
    senses: tuple[str, ...]
    classifiers: tuple[str, ...]  # "個|个[ge4]" items taken out of the senses

    # Derived once per entry (``derived`` writes the instance dict, so frozen is fine):
    # the pipeline asks these of the same entries thousands of times per article.
    @derived
    def syllables(self) -> tuple[str, ...]:
        return tuple(self.pinyin.split())

    @derived
    def variant_only(self) -> bool:
        return bool(self.senses) and all(_VARIANT_RE.match(s) for s in self.senses)

    @derived
    def bound_only(self) -> bool:
        """A reading the character has only inside other words: 卜 bo5 "see 萝卜", 莎 suo1 "see 莎草"
        (a "variant of" entry is a reading of its own: 仔 zai3 "variant of 崽")."""
        return bool(self.senses) and all(_BOUND_RE.match(s) for s in self.senses)

    @derived
    def surname_only(self) -> bool:
        return bool(self.senses) and all(_SURNAME_RE.match(s) for s in self.senses)

    @derived
    def content(self) -> tuple[str, ...]:
        """The senses without pure cross-references ("also written 發布|发布"), if others remain."""
        return tuple(s for s in self.senses if not is_reference(s)) or self.senses

    @derived
    def proper(self) -> bool:
        """A proper noun: CC-CEDICT capitalises its pinyin."""
        return self.pinyin[:1].isupper()

    @derived
    def person(self) -> bool:
        """A proper noun whose first sense is a person's (a lifetime, a surname, a role: "Liu Bowen
        (1311-1375), general ...", "Sano (Japanese surname and place name)"), or a god's, a dynasty's
        or a book's: something named that is no place, whatever places its sense mentions."""
        return self.proper and bool(self.senses) and bool(_PERSON_RE.search(self.senses[0]))

    @derived
    def place(self) -> bool:
        """A proper noun whose first sense names a place: "Hualien, city and county on the east coast
        of Taiwan", "Luzon Island, north Philippines", "Guilin prefecture-level city in Guangxi"."""
        return self.proper and bool(self.senses) and not self.person and bool(_PLACE_RE.search(self.senses[0]))


@dataclass(frozen=True)
class UserEntry:
    """A line of the user's dictionary: it wins over CC-CEDICT for its word."""

    traditional: str
    simplified: str
    syllables: tuple[str, ...]
    senses: tuple[str, ...]


# ── analysis/ ────────────────────────────────────────────────────────────────

# kinds of token
WORD, TERM, NAME, FRAGMENT, NUMBER, OTHER = "word", "term", "name", "fragment", "number", "other"


@dataclass(frozen=True, slots=True)  # slots: a 2 MB article has 350,000 tokens
class Token:
    text: str      # simplified
    start: int     # offsets in the clean text
    end: int
    pos: str       # jieba part-of-speech tag
    kind: str = WORD

    def as_kind(self, kind: str) -> "Token":
        return Token(self.text, self.start, self.end, self.pos, kind)  # dataclasses.replace is slow


VERIFIED, CORRECTED, CONFLICT, UNGLOSSED = "verified", "corrected", "conflict", "unglossed"


@dataclass(frozen=True)
class ReadingChoice:
    """A word's reading in one place of the article, and where it came from."""

    syllables: tuple[str, ...]     # numbered, as in the entry ("zhong4", "dian3"), or from pypinyin
    entry: Entry | None
    check: str                     # verified, corrected, conflict or unglossed
    disputed: bool = False         # the polyphone model's reading, against one of our rules


def hsk_label(level: int | None) -> str:
    if level is None:
        return ""
    return "7-9" if level >= 7 else str(level)


@dataclass(frozen=True)
class Word:
    simplified: str
    traditional: str
    syllables: tuple[str, ...]          # numbered: ("zhong4", "dian3")
    senses: tuple[str, ...]
    classifiers: tuple[str, ...]
    pos: str                            # jieba's tag of its occurrences
    part_of_speech: str                 # what a card shows ("verb", "measure word"; "" when unsure)
    hsk: int | None
    count: int
    check: str                          # verified, corrected, conflict, unglossed
    glosses: tuple[str, ...]            # gloss readings seen on the word's characters
    spans: tuple[tuple[int, int], ...]  # where it occurs in the clean text
    composed: bool = False              # meaning composed from its characters (no entry)
    name: bool = False
    term: bool = False
    sense: tuple[str, ...] = ()         # the one or two senses this article uses (also first in ``senses``)
    disputed: bool = False              # the reading rules and the polyphone model disagree: worth a look
    frequency: float = 0.0              # general frequency (Zipf scale, wordfreq), 0 when unknown

    @derived
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


@dataclass(frozen=True)
class Example:
    """A stretch of the clean text that shows a word, in both scripts, with its pinyin."""

    text: str                 # as in the article
    simplified: str
    traditional: str
    word: tuple[int, int]     # the word's offsets inside the example
    # (pinyin or other text, is the word) per token, with a third item True for a bound suffix
    # written on to the word before it (气象|署 qìxiàngshǔ): see ``pinyin.spaced``
    pinyin: tuple[tuple, ...]
    source: str               # article title (and date)
    also: tuple[tuple[int, int], ...] = ()  # the word's other occurrences inside the example

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every occurrence of the word inside the example, in order."""
        return tuple(sorted((self.word,) + self.also))


# ── lists/ ───────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class ListedWord:
    """A row of a curated word list: the cells the teacher filled, by column name."""

    line: int
    cells: dict

    @property
    def word(self) -> str:
        return self.cells.get("simplified") or self.cells.get("traditional") or ""


# ── output/ ──────────────────────────────────────────────────────────────────

def _display(name: str = "", added: str = "", html: bool = False) -> dict:
    out = {"display": True, "html": html}
    if name:
        out["anki"] = name
    if added:
        out["added"] = added
    return out


@dataclass(frozen=True)
class NoteFields:
    """A note's fields, in the note type's order.

    The note type's field list, the CSV columns and the names the templates
    use all come from here: the Anki name of a field is its attribute in
    CamelCase (``pinyin_numbered`` → ``PinyinNumbered``) unless its metadata
    names it; ``display`` fields only serve the card templates (collapsed in
    Anki's editor); the CSV carries all but the two made of HTML, so that a note
    Anki makes from a CSV row alone still has its cards.
    """

    simplified: str
    traditional: str
    pinyin: str
    pinyin_numbered: str
    zhuyin: str
    meaning: str
    classifiers: str
    part_of_speech: str
    hsk: str = field(metadata={"anki": "HSK"})
    example: str
    example_traditional: str
    example_simplified: str
    example_pinyin: str
    source: str
    reading_check: str
    count: str
    # the headword tone-coloured in the chosen script, and the example with a blank
    colored: str = field(metadata=_display(html=True))
    cloze: str = field(metadata=_display(html=True))
    # added after 0.1.0: appended, so that existing notes and spreadsheets keep their columns
    sense: str = field(metadata={"added": "0.2"})   # the sense used here, English only (safe on a front)
    # display fields added after 0.1.0, for the templates only: the headword in the deck's script (the
    # sort field and the Recognition front), the deck's script (a class choosing the fonts), the card
    # types this note makes (Anki's optional cards: a card type whose field is empty makes no card) and
    # the voice that reads the word and the example
    headword: str = field(metadata=_display("Headword", "0.2"))
    script: str = field(metadata=_display("Script", "0.2"))
    add_recognition: str = field(metadata=_display("AddRecognition", "0.2"))
    add_recall: str = field(metadata=_display("AddRecall", "0.2"))
    add_cloze: str = field(metadata=_display("AddCloze", "0.2"))
    voice_cn: str = field(metadata=_display("VoiceCN", "0.2"))
    voice_tw: str = field(metadata=_display("VoiceTW", "0.2"))
    voice_hk: str = field(metadata=_display("VoiceHK", "0.2"))

    def values(self) -> tuple[str, ...]:
        return _note_values(self)

    def by_name(self) -> dict[str, str]:
        """Anki field name → value."""
        return dict(zip(NOTE_FIELDS, self.values()))


def anki_name(attribute: str, metadata=None) -> str:
    return (metadata or {}).get("anki") or "".join(part.capitalize() for part in attribute.split("_"))


_note_values = attrgetter(*(f.name for f in _fields(NoteFields)))  # the fields' values, in order, as a tuple

NOTE_FIELDS: tuple[str, ...] = tuple(anki_name(f.name, f.metadata) for f in _fields(NoteFields))
"""The note type's field names, in order."""

EXPORT_FIELDS: tuple[str, ...] = tuple(
    anki_name(f.name, f.metadata) for f in _fields(NoteFields) if not f.metadata.get("html")
)
"""The fields a CSV export carries (all but the HTML display fields)."""

DISPLAY_FIELDS: tuple[str, ...] = tuple(
    anki_name(f.name, f.metadata) for f in _fields(NoteFields) if f.metadata.get("display")
)
"""The fields only the card templates read."""

ADDED_FIELDS: tuple[str, ...] = tuple(
    anki_name(f.name, f.metadata) for f in _fields(NoteFields)
    if f.metadata.get("added") and not f.metadata.get("html")
)
"""Fields added after the first release: a CSV carries them after its Tags column."""
