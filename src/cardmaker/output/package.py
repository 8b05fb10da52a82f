"""The Anki note type, notes and ``.apkg`` packages (genanki), written atomically.

One note type whatever the card types chosen (its ID fixed since 0.1.0; fields
are only ever added at the end): the card types are Anki's optional cards,
each switched on by a field of the note (``AddRecognition``, ``AddRecall``,
``AddCloze``), so decks built with different ``--cards`` import into one
collection without conflicts.  Deck IDs derive from deck names and note GUIDs
from the word's identity in both scripts and its reading (``note_guid``).
Modification times follow ``output.history``, so that importing a rebuild
keeps what the user edited.  The fields come from ``output.fields``, where
every piece of article text is escaped.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from functools import cache

from cardmaker.chinese.pinyin import reading_key
from cardmaker.output.atomic import atomic_path
from cardmaker.output.fields import Cards, note_fields, tags
from cardmaker.output.history import note_mtime, previous_notes
from cardmaker.output.html import template
from cardmaker.records import DISPLAY_FIELDS, NOTE_FIELDS, Example, Word

CARD_TYPES = {
    "recognition": ("Recognition", "recognition_front.html", "recognition_back.html"),
    "recall": ("Recall", "recall_front.html", "recall_back.html"),
    "cloze": ("Cloze in context", "cloze_front.html", "cloze_back.html"),
}
BASE_MODEL_ID = 1_733_154_091  # generated once; never change it, or re-imports duplicate notes
# The note type's modification time: one per version of its templates and stylesheet.  Anki replaces
# the note type in a collection only with a later one, so a stylesheet the user changed (at a later
# time) is kept, and an unchanged one takes a new version's.  Set it to the time of the change whenever
# a template or style.css changes, and record the new digest below (tests/test_cards.py checks it).
NOTE_TYPE_MTIME = 1_796_168_000  # 2026-12-01 23:33 UTC
NOTE_TYPE_DIGEST = "bbeed646ffa333f5d9698547e353f6a8dbf62c300755bbb63d519b4acaa70355"
SORT_FIELD = "Headword"


def _stable_id(*parts: str, bits: int = 52) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - bits) | 1 << (bits - 1)


@cache
def note_type():
    """The cardmaker note type: every card type, each made only for the notes whose field switches it on."""
    import genanki

    templates = [{"name": name, "qfmt": _card_side(front), "afmt": _card_side(back)}
                 for name, front, back in CARD_TYPES.values()]
    # the fields only templates read are folded away in Anki's editor
    fields = [{"name": f, **({"collapsed": True} if f in DISPLAY_FIELDS else {})} for f in NOTE_FIELDS]
    return genanki.Model(
        BASE_MODEL_ID, "cardmaker", fields=fields, templates=templates,
        css=template("style.css"), sort_field_index=NOTE_FIELDS.index(SORT_FIELD),
    )


def _card_side(name: str) -> str:
    """A template file, with the block that speaks the word and the example (``speak.html``) put in."""
    return template(name).replace("<!-- speak.html -->", template("speak.html").strip())


def note_type_digest() -> str:
    """A digest of what Anki keeps of the note type (fields, templates, stylesheet, sort field)."""
    m = note_type()
    parts = [f["name"] for f in m.fields] + [x for t in m.templates for x in (t["name"], t["qfmt"], t["afmt"])]
    return hashlib.sha256("\x1f".join(parts + [m.css, str(m.sort_field_index)]).encode("utf-8")).hexdigest()


def note_type_name(cards: tuple[str, ...] = tuple(CARD_TYPES)) -> str:
    """The note type's name (one note type whatever the card types, since it switches them by fields)."""
    return "cardmaker"


def deck_id(name: str) -> int:
    return _stable_id("cardmaker deck", name)


def note_guid(word: Word, lexicon=None) -> str:
    """The note's identity: the word in both scripts and its reading.

    Where a simplified form and reading stand for one word, the GUID is the one
    0.1.0 gave it, from the simplified form and reading, whatever spelling the
    article uses (了解 and 瞭解, 台灣 and 臺灣: CC-CEDICT gives them the same
    senses, or one as a variant of the other).  Where they stand for several
    words (后 "empress" and 後 "after", 面 "face" and 麵 "noodles"), the word
    OpenCC writes for the simplified form (後, 面; or the one written like the
    simplified form, when OpenCC's is another reading's) keeps that GUID and
    each other word gets its own, from both forms and the reading.  Without the
    ``lexicon``, only the word's own traditional form is compared with
    OpenCC's.
    """
    import genanki

    from cardmaker.chinese.script import to_traditional

    simplified, reading = word.key
    usual = to_traditional(simplified) if lexicon is None else lexicon.to_traditional(simplified)  # (remembered)
    if lexicon is None:
        own = None if word.traditional == usual else word.traditional
    else:
        words = spellings(simplified, reading, lexicon)
        mine = next((w for w in words if word.traditional in w), None)
        if not any(usual in w for w in words):  # OpenCC wrote another reading's word (干 → 幹 for gān)
            usual = simplified
        if len(words) <= 1:  # one word: any spelling of it (計畫 beside 計劃), or a form CC-CEDICT lacks
            own = None
        elif mine is None:
            own = word.traditional if word.traditional != usual else None
        else:
            own = None if usual in mine else min(mine)
    if own is None:
        return genanki.guid_for("cardmaker", simplified, reading)
    return genanki.guid_for("cardmaker", simplified, own, reading)


_POINTER_RE = re.compile(r"(?:variant of|also written) ([^|\[\s]+)(?:\|([^|\[\s]+))?\[([^\]]+)\]")


def spellings(simplified: str, reading: str, lexicon) -> list[frozenset[str]]:
    """The words CC-CEDICT has for a simplified form and reading, each as the set of its traditional
    spellings.  Two entries are spellings of one word when they open with the same sense (了解 and 瞭解,
    匯報 and 彙報, 台 and 臺 "Taiwan"), when one says nothing the other does not (台灣: "Taiwan, variant
    of 臺灣"), when one only points at the other (裏: "variant of 裡"), or when both are names (台中 and
    臺中); 鍾 "cup" and 鐘 "clock", 制 "system" and 製 "to make" stay two words."""
    entries = [e for e in lexicon.entries(simplified)
               if e.simplified == simplified and reading_key(e.syllables) == reading and e.senses]
    parent: dict[str, str] = {e.traditional: e.traditional for e in entries}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    content = [{x for x in e.senses if not _POINTER_RE.search(x)} for e in entries]
    for e, own in zip(entries, content):
        if own:
            continue
        for sense in e.senses:  # a pure pointer is a spelling of the word it points at
            for m in _POINTER_RE.finditer(sense):
                if (m.group(2) or m.group(1)) == simplified and m.group(1) in parent \
                        and reading_key(tuple(m.group(3).split())) == reading:
                    parent[root(e.traditional)] = root(m.group(1))
    for i, (a, ca) in enumerate(zip(entries, content)):
        for b, cb in zip(entries[i + 1:], content[i + 1:]):
            if a.surname_only or b.surname_only:  # 乾 and 干 are both "surname Gan", yet two words
                continue
            if a.senses[0] == b.senses[0] or (a.proper and b.proper) \
                    or (ca and cb and (ca <= set(b.senses) or cb <= set(a.senses))):
                parent[root(a.traditional)] = root(b.traditional)
    groups: dict[str, set] = {}
    for form in parent:
        groups.setdefault(root(form), set()).add(form)
    return [frozenset(g) for g in groups.values()]


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


def make_note(word: Word, examples: list[Example], script: str, slugs, sources=(), cards: Cards = Cards(),
              memo=None, hsk_standard: str | None = None, lexicon=None) -> NoteRow:
    values = note_fields(word, examples, script, sources, memo=memo, cards=cards).values()
    key = ("guid", word.simplified, word.traditional, word.syllables)
    guid = memo.get(key) if memo is not None else None
    if guid is None:
        guid = note_guid(word, lexicon)
        if memo is not None:
            memo.put(key, guid)
    labels = tags(word, slugs) if hsk_standard is None else tags(word, slugs, hsk_standard)
    return NoteRow(guid, values, tuple(labels), card_ords(values))


def card_ords(values) -> tuple[int, ...]:
    """The templates that make a card for these field values, by Anki's rule as genanki computes it
    (a template whose required fields are empty makes no card)."""
    return tuple(o for o, op, required in _requirements() if op(values[i] for i in required))


@cache
def _requirements() -> tuple:
    return tuple((o, {"any": any, "all": all}[how], tuple(req)) for o, how, req in note_type()._req)


def new_deck(name: str):
    import genanki

    return genanki.Deck(deck_id(name), name)


def build_timestamp() -> float:
    """Build time for note modification times; ``SOURCE_DATE_EPOCH`` makes builds hermetic."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return float(epoch) if epoch and epoch.isdigit() else time.time()


def write_package(decks, target, timestamp: float | None = None) -> None:
    """Write ``decks`` — (deck name, [NoteRow]) pairs — to ``target`` atomically: a failed write leaves
    the old file intact.

    genanki writes the collection, the note type and the decks; the notes and
    cards go in with one statement each, with the rows genanki would write
    (same IDs, in the same order).  Each note's modification time comes from
    ``history.note_mtime`` against the deck being replaced, the note type's is
    ``NOTE_TYPE_MTIME``.  The collection is built in memory; the finished
    package is synced once by ``atomic_path``.
    """
    import itertools
    import json
    import re
    import sqlite3
    import zipfile

    import genanki

    timestamp = timestamp or build_timestamp()
    previous = previous_notes(target)
    model = note_type()
    shells = []
    for name, notes in decks:
        deck = new_deck(name)
        if notes:
            deck.add_model(model)
        shells.append(deck)
    ids = itertools.count(int(timestamp * 1000))
    now = int(timestamp)
    sort = model.sort_field_index
    note_rows, card_rows = [], []
    for (_, notes), deck in zip(decks, shells):
        for n in notes:
            nid = next(ids)
            fields, labels = "\x1f".join(n.fields), " ".join(n.tags)
            mod = note_mtime(n.guid, fields, labels, previous, now)
            note_rows.append((nid, n.guid, model.model_id, mod, -1, f" {labels} ", fields,
                              re.sub("<[^>]*>", "", n.fields[sort]), 0, 0, ""))
            card_rows.extend((next(ids), nid, deck.deck_id, o, mod, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "")
                             for o in n.ords)
    conn = sqlite3.connect(":memory:")
    try:
        genanki.Package(shells).write_to_db(conn.cursor(), timestamp, ids)
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        for m in models.values():
            m["mod"] = NOTE_TYPE_MTIME
        conn.execute("UPDATE col SET models = ?", (json.dumps(models),))
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
