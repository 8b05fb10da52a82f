"""Modification times that let Anki's importer keep the user's edits.

Anki's importer ("Update notes: if newer", its default) replaces a note it
already has only when the incoming note's modification time is later than
the note's in the collection, and it keeps the incoming time.  A note the user
edited carries the time of the edit.  So a note's time must move only when its
content moves:

- a note the deck being replaced (the file at the output path, when cardmaker
  wrote it) holds with the same fields and tags keeps that deck's time: an
  unchanged rebuild replaces nothing, and the user's edits stay;
- a note whose fields or tags changed gets the build time (never earlier than
  its old time + 1 s): importing the rebuild updates it;
- a note seen for the first time gets ``FIRST_SEEN``, a fixed time before any
  build of this version: it is added when new, and it never overwrites a note
  the collection already has (the same word from another article's deck, or a
  rebuild into a fresh folder).

The note type gets a fixed time per version of its templates and stylesheet
(``package.NOTE_TYPE_MTIME``), so a stylesheet the user changed (a later time)
is kept.
"""

from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

FIRST_SEEN = 1_796_168_000  # 2026-12-01 23:33 UTC: after every build of 0.1.0, before any of this version
MAX_COLLECTION = 256 << 20  # a previous deck's collection larger than this is not read


@dataclass(frozen=True)
class Seen:
    """A note as the previous deck held it."""

    fields: str       # joined by Anki's 0x1f
    tags: str         # space-separated
    mtime: int


def previous_notes(target) -> dict[str, Seen]:
    """GUID → ``Seen`` for the notes of the ``.apkg`` at ``target``; empty when there is none, or it is
    not a package cardmaker can read (never an error: the deck is being replaced anyway)."""
    target = Path(target)
    if not target.is_file():
        return {}
    try:
        with zipfile.ZipFile(target) as z:
            info = z.getinfo("collection.anki2")
            if info.file_size > MAX_COLLECTION:
                return {}
            data = z.read(info)
        rows = _note_rows(data)
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error, ValueError):
        return {}
    return {guid: Seen(flds, " ".join(tags.split()), int(mod)) for guid, flds, tags, mod in rows}


def note_mtime(guid: str, fields: str, tags: str, previous: dict[str, Seen], now: int) -> int:
    """The note's modification time (see the module's docstring)."""
    seen = previous.get(guid)
    if seen is None:
        return FIRST_SEEN
    if seen.fields == fields and seen.tags == tags:
        return seen.mtime
    return max(now, seen.mtime + 1)


def _note_rows(data: bytes) -> list[tuple]:
    """The notes table of an SQLite database file's bytes."""
    query = "SELECT guid, flds, tags, mod FROM notes"
    conn = sqlite3.connect(":memory:")
    try:
        if hasattr(conn, "deserialize"):  # Python 3.11+
            conn.deserialize(data)
            return conn.execute(query).fetchall()
    finally:
        conn.close()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cardmaker-") as scratch:
        path = Path(scratch) / "collection.anki2"
        path.write_bytes(data)
        conn = sqlite3.connect(path)
        try:
            return conn.execute(query).fetchall()
        finally:
            conn.close()
