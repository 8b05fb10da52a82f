"""Known words (``--known``): the words a learner already has, left out of a run.

They come from a list (one word a line, a TSV, Anki's "Notes in Plain Text"
export) or from Anki itself: a package (``.apkg`` deck export, ``.colpkg``
collection export: inside, the current zstd-compressed ``collection.anki21b``,
the older ``collection.anki21`` or the oldest ``collection.anki2``) or a
collection file, opened read-only.  From Anki the words are the notes' first
field, or the field the user names.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3

from cardmaker.chinese.script import HAN, to_simplified
from cardmaker.errors import InputError
from cardmaker.text.encoding import open_regular, read_text

_HAN_RUN_RE = re.compile(f"[{HAN}]+")
_ZIP = b"PK\x03\x04"
_SQLITE = b"SQLite format 3\x00"
# the collections a package may hold, best first: newer Anki writes a stub "please update" collection
# under the older names beside the real one
_PACKED = ("collection.anki21b", "collection.anki21", "collection.anki2")

_TAG_RE = re.compile(r"<[^>]*>")
_ENTITY_RE = re.compile(r"&(nbsp|amp|lt|gt|quot|#39);")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def _plain(cell: str) -> str:
    return _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(1)], _TAG_RE.sub("", cell)).strip()


def read_known(path, field: str | None = None) -> frozenset[str]:
    """Known words from a file: an Anki package or collection (words from ``field``, default the
    first), else a list (see ``known_words``); ``InputError`` names the file."""
    fd = open_regular(path, "known-words file", limit=None)  # an Anki collection may be large
    try:
        head = os.read(fd, 16)
    except OSError as e:
        raise InputError(path, f"cannot read known-words file ({e.strerror or e})") from None
    finally:
        os.close(fd)
    if head.startswith(_ZIP):
        return _words(anki_package_fields(path, field))
    if head.startswith(_SQLITE):
        return _words(collection_fields(path, field))
    if field:
        raise InputError(path, "--known-field needs an Anki package (.apkg, .colpkg) or collection file")
    try:
        return known_words(read_text(path, "known-words file"))
    except ValueError as e:
        raise InputError(path, str(e)) from None


def _words(cells) -> frozenset[str]:
    """Each field's text (HTML removed) and every run of Han characters in it, in both scripts."""
    out = set()
    for cell in cells:
        plain = _plain(cell)
        for word in (plain, *_HAN_RUN_RE.findall(plain)):
            if word:
                out.add(word)
                out.add(to_simplified(word))
    return frozenset(out)


def anki_package_fields(path, field: str | None = None) -> list[str]:
    """The chosen field of every note in an Anki package (``.apkg`` or ``.colpkg``)."""
    import tempfile
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            inner = next((n for n in _PACKED if n in names), None)
            if inner is None:
                raise InputError(path, "not an Anki package: it holds no collection.anki21b, .anki21 or .anki2")
            data = z.read(inner)
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(path, f"cannot read the Anki package ({e})") from None
    if inner.endswith("b"):
        data = _unzstd(path, data)
    with tempfile.TemporaryDirectory(prefix="cardmaker-known-") as tmp:
        copy = f"{tmp}/collection.sqlite"
        with open(copy, "wb") as f:
            f.write(data)
        return collection_fields(copy, field, shown=path)


def _unzstd(path, data: bytes) -> bytes:
    import io

    import zstandard

    try:
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
    except zstandard.ZstdError as e:
        raise InputError(path, f"cannot read the Anki package's collection ({e})") from None


def collection_fields(path, field: str | None = None, shown=None) -> list[str]:
    """The chosen field of every note of an Anki collection file, opened read-only (nothing is
    written to it, not even a journal).  A collection that Anki holds open is reported as such."""
    shown = shown or path
    from pathlib import Path

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as e:
        raise InputError(shown, f"cannot open the Anki collection ({e})") from None
    try:
        names = _field_names(db)
        rows = db.execute("SELECT mid, flds FROM notes").fetchall()
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            raise InputError(shown, "the collection is locked, probably by a running Anki: close Anki "
                                    "(or export the deck: File > Export) and try again") from None
        raise InputError(shown, f"not a readable Anki collection ({e})") from None
    except sqlite3.DatabaseError as e:
        raise InputError(shown, f"not a readable Anki collection ({e})") from None
    finally:
        db.close()
    if field:
        wanted = field.strip().lower()
        where = {mid: [n.lower() for n in fields].index(wanted)
                 for mid, fields in names.items() if wanted in (n.lower() for n in fields)}
        if not where:
            known = sorted({n for fields in names.values() for n in fields})
            raise InputError(shown, f"no note type has a field {field!r} (fields: {', '.join(known)})")
    else:
        where = {mid: 0 for mid in names}
    out = []
    for mid, flds in rows:
        at = where.get(mid, 0 if not field else None)
        if at is None:
            continue
        cells = flds.split("\x1f")
        if at < len(cells):
            out.append(cells[at])
    return out


def _field_names(db) -> dict[int, list[str]]:
    """Note type id → its field names, in order: the ``fields`` table of current collections, or
    the ``models`` JSON of the ``col`` row of older ones."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "fields" in tables:
        out: dict[int, list[str]] = {}
        for ntid, _, name in db.execute("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"):
            out.setdefault(ntid, []).append(name)
        return out
    import json

    (models,) = db.execute("SELECT models FROM col").fetchone()
    return {int(mid): [f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])]
            for mid, m in json.loads(models).items()}


def known_words(text: str) -> frozenset[str]:
    """Known words: one per line, the first tab-separated column, or Anki's "Notes in Plain Text".

    Anki's export may start with ``#separator:``, ``#html:``, ``#guid column:``,
    ``#notetype column:`` and ``#deck column:`` lines; the first column that is
    none of those holds the first field.  Both scripts are accepted: each word
    is kept as written and in simplified characters.
    """
    skip: set[int] = set()
    separator = "\t"
    body = []
    for line in text.split("\n"):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            key = key.strip().lower()
            if key in ("guid column", "notetype column", "deck column", "tags column") and value.strip().isdigit():
                skip.add(int(value) - 1)
            elif key == "separator":
                separator = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|"}.get(
                    value.strip().lower(), value.strip()[:1] or "\t")
            continue
        body.append(line)
    out = set()
    limit = csv.field_size_limit(2**31 - 1)  # a cell of any length (the module's default stops at 128 KB)
    try:
        for row in csv.reader(body, delimiter=separator):
            cells = [c for i, c in enumerate(row) if i not in skip]
            word = _plain(cells[0]) if cells else ""
            if word:
                out.add(word)
                out.add(to_simplified(word))
    except csv.Error as e:
        raise ValueError(f"cannot read it as a table ({e})") from None
    finally:
        csv.field_size_limit(limit)
    return frozenset(out)
