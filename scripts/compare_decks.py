"""Compare two folders of decks note by note (a development check for changes meant to keep output).

    python scripts/compare_decks.py BEFORE_DIR AFTER_DIR [--show 20]

For every ``.apkg`` in both folders: notes matched by GUID, then their fields
(by the note type's field names), tags, and each card's template and deck.
Prints the differences and a summary; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path


def read_deck(path: Path) -> dict:
    """guid → (fields by name, tags, sorted (template name, deck name) of its cards)."""
    with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "c.anki2"
        db_path.write_bytes(z.read("collection.anki2"))
        db = sqlite3.connect(db_path)
        models = json.loads(db.execute("select models from col").fetchone()[0])
        decks = {int(k): v["name"] for k, v in json.loads(db.execute("select decks from col").fetchone()[0]).items()}
        names = {int(k): [f["name"] for f in m["flds"]] for k, m in models.items()}
        templates = {int(k): [t["name"] for t in m["tmpls"]] for k, m in models.items()}
        out = {}
        for nid, guid, mid, flds, tags in db.execute("select id, guid, mid, flds, tags from notes"):
            cards = sorted(
                (templates[mid][ord_], decks.get(did, str(did)))
                for ord_, did in db.execute("select ord, did from cards where nid = ?", (nid,))
            )
            out[guid] = (dict(zip(names[mid], flds.split("\x1f"))), tuple(tags.split()), tuple(cards))
        db.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--show", type=int, default=20, help="differences printed per kind")
    args = ap.parse_args()
    a_files = {p.name for p in args.before.glob("*.apkg")}
    b_files = {p.name for p in args.after.glob("*.apkg")}
    shown: dict[str, int] = {}
    counts: dict[str, int] = {}

    def report(kind: str, text: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1
        if shown.get(kind, 0) < args.show:
            shown[kind] = shown.get(kind, 0) + 1
            print(f"{kind}: {text}")

    for name in sorted(a_files ^ b_files):
        report("deck only in one folder", name)
    notes = 0
    for name in sorted(a_files & b_files):
        a, b = read_deck(args.before / name), read_deck(args.after / name)
        notes += len(a)
        for guid in a.keys() - b.keys():
            report("note gone", f"{name} {a[guid][0].get('Simplified')} {a[guid][0].get('Pinyin')}")
        for guid in b.keys() - a.keys():
            report("note new", f"{name} {b[guid][0].get('Simplified')} {b[guid][0].get('Pinyin')}")
        for guid in a.keys() & b.keys():
            (fa, ta, ca), (fb, tb, cb) = a[guid], b[guid]
            for field in sorted(fa.keys() | fb.keys()):
                if fa.get(field) != fb.get(field):
                    report(f"field {field}", f"{name} {fa.get('Simplified')}: {fa.get(field)!r} → {fb.get(field)!r}")
            if ta != tb:
                report("tags", f"{name} {fa.get('Simplified')}: {ta} → {tb}")
            if ca != cb:
                report("cards", f"{name} {fa.get('Simplified')}: {ca} → {cb}")
    print(f"{len(a_files & b_files)} decks, {notes} notes compared; "
          + (", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no differences"))
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
