"""The Anki note type, notes and ``.apkg`` packages (genanki), written atomically.

IDs are deterministic: the note type's ID is fixed (one per choice of card
types), deck IDs derive from deck names and note GUIDs from the word's
identity (simplified form and reading), so rebuilding and re-importing
updates notes instead of duplicating them.  Every piece of text that comes
from an article is HTML-escaped here, at the one place fields are made.
"""

from __future__ import annotations

import hashlib
import html
import re
import os
import time
from functools import cache
from importlib import resources

from cardmaker.atomic import atomic_path
from cardmaker.examples import Example
from cardmaker.pinyin import marked, tone_of
from cardmaker.vocabulary import Word

FIELDS = (
    "Simplified", "Traditional", "Pinyin", "PinyinNumbered", "Zhuyin", "Meaning", "Classifiers",
    "PartOfSpeech", "HSK", "Example", "ExampleTraditional", "ExampleSimplified", "ExamplePinyin",
    "Source", "ReadingCheck", "Count",
    # display fields: the headword tone-coloured in the chosen script, and the example with a blank
    "Colored", "Cloze",
)
CARD_TYPES = {
    "recognition": ("Recognition", "recognition_front.html", "recognition_back.html"),
    "recall": ("Recall", "recall_front.html", "recall_back.html"),
    "cloze": ("Cloze in context", "cloze_front.html", "cloze_back.html"),
}
SCRIPTS = ("traditional", "simplified", "both")
BASE_MODEL_ID = 1_733_154_091  # generated once; never change it, or re-imports duplicate notes


def _template(name: str) -> str:
    return resources.files("cardmaker").joinpath("templates", name).read_text(encoding="utf-8")


def _stable_id(*parts: str, bits: int = 52) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - bits) | 1 << (bits - 1)


@cache
def note_type(cards: tuple[str, ...] = tuple(CARD_TYPES)):
    """The cardmaker note type with the chosen card types (in the canonical order)."""
    import genanki

    cards = tuple(c for c in CARD_TYPES if c in cards)
    default = cards == tuple(CARD_TYPES)
    model_id = BASE_MODEL_ID if default else BASE_MODEL_ID + _stable_id(*cards, bits=20)
    name = "cardmaker" if default else f"cardmaker ({', '.join(cards)})"
    templates = [
        {"name": CARD_TYPES[c][0], "qfmt": _template(CARD_TYPES[c][1]), "afmt": _template(CARD_TYPES[c][2])}
        for c in cards
    ]
    return genanki.Model(
        model_id, name, fields=[{"name": f} for f in FIELDS], templates=templates,
        css=_template("style.css"), sort_field_index=0,
    )


def deck_id(name: str) -> int:
    return _stable_id("cardmaker deck", name)


def note_guid(word: Word) -> str:
    import genanki

    return genanki.guid_for("cardmaker", *word.key)


def deck_name(title: str, nested: bool = False) -> str:
    """A deck name from a title: no control characters, and no subdeck separators unless ``nested``
    (a name the user gave, such as ``--merge "Chinese::Week 12"``)."""
    if nested:
        return "::".join(deck_name(part) for part in title.split("::") if part.strip()) or "cardmaker"
    name = " ".join("".join(c if c.isprintable() else " " for c in title).split())
    return name.replace("::", ":") or "cardmaker"


_SPECIAL_RE = re.compile("[&<>\"'\\[{]")


def _e(text: str) -> str:
    """HTML-escape, and keep Anki from reading ``[sound:…]`` or ``{{…}}`` in article text as its own."""
    if not _SPECIAL_RE.search(text):
        return text
    return html.escape(text, quote=True).replace("[", "&#91;").replace("{", "&#123;")


def _colored(chars: str, syllables) -> str:
    if len(chars) != len(syllables):
        return _e(chars)
    return "".join(f'<span class="tone{tone_of(s)}">{_e(c)}</span>' for c, s in zip(chars, syllables))


def _pinyin_html(syllables) -> str:
    return "".join(f'<span class="tone{tone_of(s)}">{_e(marked(s))}</span>' for s in syllables)


def _highlight(text: str, span, cls: str = "hl", replacement: str | None = None) -> str:
    a, b = span
    middle = _e(text[a:b]) if replacement is None else replacement
    return f'{_e(text[:a])}<span class="{cls}">{middle}</span>{_e(text[b:])}'


def _example_pinyin(example: Example) -> str:
    parts = []
    for text, is_word in example.pinyin:
        parts.append(f'<span class="hl">{_e(text)}</span>' if is_word else _e(text))
    return " ".join(parts)


def fields(word: Word, examples: list[Example], script: str, sources=()) -> list[str]:
    """The note's field values, all HTML-safe."""
    trad = _colored(word.traditional, word.syllables)
    simp = _colored(word.simplified, word.syllables)
    colored = {"traditional": trad, "simplified": simp}.get(
        script, trad if word.traditional == word.simplified else f"{trad}<br>{simp}"
    )

    def lines(render) -> str:
        return "<br>".join(render(e) for e in examples)

    ex_trad = lines(lambda e: _highlight(e.traditional, e.word))
    ex_simp = lines(lambda e: _highlight(e.simplified, e.word))
    if script == "traditional":
        example = ex_trad
    elif script == "simplified":
        example = ex_simp
    else:
        example = lines(lambda e: _highlight(e.traditional, e.word) + "<br>" + _highlight(e.simplified, e.word))
    cloze = ""
    if examples:
        e = examples[0]
        front = e.simplified if script == "simplified" else e.traditional
        cloze = _highlight(front, e.word, "blank", "［" + "＿" * len(word.simplified) + "］")
    sources = list(dict.fromkeys(list(sources) + [e.source for e in examples]))
    return [
        _e(word.simplified), _e(word.traditional), _pinyin_html(word.syllables), _e(word.pinyin_numbered),
        _e(word.zhuyin), _e(word.meaning), _e(" / ".join(word.classifiers)), _e(word.part_of_speech),
        _e(word.hsk_label),
        example, ex_trad, ex_simp, lines(_example_pinyin),
        "<br>".join(_e(s) for s in sources), _e(word.check), str(word.count), colored, cloze,
    ]


def tags(word: Word, slugs) -> list[str]:
    out = list(dict.fromkeys(slugs))
    if word.hsk is not None:
        out.append(f"HSK::{word.hsk_label}")
    if word.name:
        out.append("name")
    if word.check == "conflict":
        out.append("reading::conflict")
    return out


def make_note(word: Word, examples: list[Example], script: str, slugs, sources=(), cards=tuple(CARD_TYPES)):
    import genanki

    return genanki.Note(
        model=note_type(tuple(cards)), fields=fields(word, examples, script, sources), tags=tags(word, slugs),
        guid=note_guid(word),
    )


def new_deck(name: str):
    import genanki

    return genanki.Deck(deck_id(name), name)


def build_timestamp() -> float:
    """Build time for note modification times; ``SOURCE_DATE_EPOCH`` makes builds hermetic."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return float(epoch) if epoch and epoch.isdigit() else time.time()


def write_package(decks, target, timestamp: float | None = None) -> None:
    """Write ``decks`` to ``target`` atomically: a failed write leaves the old file intact.

    genanki fills the collection (``Package.write_to_db``); the SQLite file is
    written without per-statement syncs (it is a scratch file; the finished
    package is synced once by ``atomic_path``), which halves the writing time.
    """
    import itertools
    import json
    import sqlite3
    import tempfile
    import zipfile

    import genanki

    timestamp = timestamp or build_timestamp()
    with atomic_path(target) as tmp, tempfile.TemporaryDirectory(prefix="cardmaker-") as scratch:
        db_path = os.path.join(scratch, "collection.anki2")
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA journal_mode = MEMORY")
            genanki.Package(decks).write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(tmp, "w") as z:
            z.write(db_path, "collection.anki2")
            z.writestr("media", json.dumps({}))
