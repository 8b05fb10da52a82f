"""The Anki note type, notes and ``.apkg`` packages (genanki), written atomically.

IDs are deterministic: the note type's ID is fixed (one per choice of card
types), deck IDs derive from deck names and note GUIDs from the word's
identity (simplified form and reading), so rebuilding and re-importing
updates notes instead of duplicating them.  The fields come from
``output.fields``, where every piece of article text is escaped.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from functools import cache

from cardmaker.output.atomic import atomic_path
from cardmaker.output.fields import note_fields, tags
from cardmaker.output.html import template
from cardmaker.records import NOTE_FIELDS, Example, Word

CARD_TYPES = {
    "recognition": ("Recognition", "recognition_front.html", "recognition_back.html"),
    "recall": ("Recall", "recall_front.html", "recall_back.html"),
    "cloze": ("Cloze in context", "cloze_front.html", "cloze_back.html"),
}
BASE_MODEL_ID = 1_733_154_091  # generated once; never change it, or re-imports duplicate notes


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
    name = note_type_name(cards)
    templates = [
        {"name": CARD_TYPES[c][0], "qfmt": template(CARD_TYPES[c][1]), "afmt": template(CARD_TYPES[c][2])}
        for c in cards
    ]
    return genanki.Model(
        model_id, name, fields=[{"name": f} for f in NOTE_FIELDS], templates=templates,
        css=template("style.css"), sort_field_index=0,
    )


def note_type_name(cards: tuple[str, ...] = tuple(CARD_TYPES)) -> str:
    cards = tuple(c for c in CARD_TYPES if c in cards)
    return "cardmaker" if cards == tuple(CARD_TYPES) else f"cardmaker ({', '.join(cards)})"


def deck_id(name: str) -> int:
    return _stable_id("cardmaker deck", name)


def note_guid(word: Word) -> str:
    """The note's identity: the word's simplified form and reading."""
    import genanki

    return genanki.guid_for("cardmaker", *word.key)


def deck_name(title: str, nested: bool = False) -> str:
    """A deck name from a title: no control characters, and no subdeck separators unless ``nested``
    (a name the user gave, such as ``--merge "Chinese::Week 12"``)."""
    if nested:
        return "::".join(deck_name(part) for part in title.split("::") if part.strip()) or "cardmaker"
    name = " ".join("".join(c if c.isprintable() else " " for c in title).split())
    return name.replace("::", ":") or "cardmaker"


@dataclass(frozen=True)
class NoteRow:
    """One note as it goes into the package: GUID, HTML-safe fields, tags, and its cards' template ords."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    ords: tuple[int, ...]


def make_note(word: Word, examples: list[Example], script: str, slugs, sources=(), cards=tuple(CARD_TYPES),
              memo=None) -> NoteRow:
    values = note_fields(word, examples, script, sources, memo=memo).values()
    return NoteRow(note_guid(word), values, tuple(tags(word, slugs)), card_ords(tuple(cards), values))


def card_ords(cards: tuple[str, ...], values) -> tuple[int, ...]:
    """The templates that make a card for these field values, by Anki's rule as genanki computes it
    (a template whose required fields are empty makes no card)."""
    return tuple(o for o, op, required in _requirements(cards) if op(values[i] for i in required))


@cache
def _requirements(cards: tuple[str, ...]) -> tuple:
    return tuple((o, {"any": any, "all": all}[how], tuple(req)) for o, how, req in note_type(cards)._req)


def new_deck(name: str):
    import genanki

    return genanki.Deck(deck_id(name), name)


def build_timestamp() -> float:
    """Build time for note modification times; ``SOURCE_DATE_EPOCH`` makes builds hermetic."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return float(epoch) if epoch and epoch.isdigit() else time.time()


def write_package(decks, target, cards=tuple(CARD_TYPES), timestamp: float | None = None) -> None:
    """Write ``decks`` — (deck name, [NoteRow]) pairs — to ``target`` atomically: a failed write leaves
    the old file intact.

    genanki writes the collection, the note type and the decks; the notes and
    cards go in with one statement each, with the rows genanki would write
    (same IDs, in the same order).  The collection is built in memory; the
    finished package is synced once by ``atomic_path``.
    """
    import itertools
    import json
    import sqlite3
    import zipfile

    import genanki

    timestamp = timestamp or build_timestamp()
    model = note_type(tuple(cards))
    shells = []
    for name, notes in decks:
        deck = new_deck(name)
        if notes:
            deck.add_model(model)
        shells.append(deck)
    ids = itertools.count(int(timestamp * 1000))
    mod = int(timestamp)
    note_rows, card_rows = [], []
    for (_, notes), deck in zip(decks, shells):
        for n in notes:
            nid = next(ids)
            note_rows.append((nid, n.guid, model.model_id, mod, -1, f" {' '.join(n.tags)} ", "\x1f".join(n.fields),
                              n.fields[model.sort_field_index], 0, 0, ""))
            card_rows.extend((next(ids), nid, deck.deck_id, o, mod, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "")
                             for o in n.ords)
    conn = sqlite3.connect(":memory:")
    try:
        genanki.Package(shells).write_to_db(conn.cursor(), timestamp, ids)
        conn.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
        conn.executemany("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
        conn.commit()
        collection = _file_image(conn)
    finally:
        conn.close()
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as z:
        z.writestr("collection.anki2", collection)
        z.writestr("media", json.dumps({}))


def _file_image(conn) -> bytes:
    """The bytes of an SQLite database file holding the in-memory database ``conn``."""
    if hasattr(conn, "serialize"):  # Python 3.11+
        return conn.serialize()
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cardmaker-") as scratch:
        path = os.path.join(scratch, "collection.anki2")
        copy = sqlite3.connect(path)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        with open(path, "rb") as f:
            return f.read()
