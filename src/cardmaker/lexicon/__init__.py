"""The lexicon: everything the analysis stages consult, in one object built once per run.

CC-CEDICT with the user's entries, jieba's dictionary, HSK levels, stopwords,
default readings, script conversion of words, and every per-word memo of the
stages live on a ``Lexicon``; each stage takes it as an argument, so a
user's ``--dict`` entry is seen everywhere and nothing depends on what an
earlier run looked up.  Opening it is cheap: the on-disk store opens on
first use (and is built then, once per data version).
"""

from __future__ import annotations

from functools import cache, cached_property
from importlib import resources

from cardmaker.chinese import script
from cardmaker.chinese.pinyin import reading_key
from cardmaker.lexicon import hsk
from cardmaker.lexicon.cedict import Dictionary, _entry
from cardmaker.records import Entry

MEMO_LIMIT = 30_000  # entries a per-word memo keeps before it forgets (a long batch meets ever rarer words)


class Memo(dict):
    """A per-word memo that forgets everything when full: bounded memory, and answers that never
    depend on what it remembers (a forgotten answer is computed again the same way)."""

    __slots__ = ("limit",)

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class _Memos(dict):
    """A lexicon's memos by name, each made on first use."""

    __slots__ = ("limit",)

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def __missing__(self, name: str) -> Memo:
        got = self[name] = Memo(self.limit)
        return got


class Lexicon:
    """The run's dictionaries and memos.

    ``user_entries`` (``records.UserEntry``) win over CC-CEDICT in segmentation,
    readings, meanings and examples.  ``store`` is a ``lexicon.store.Store``
    (default: the installed data's, in the cache folder); ``memo_limit``
    bounds every memo (0: remember nothing, for tests).
    """

    def __init__(self, user_entries=(), store=None, memo_limit: int = MEMO_LIMIT,
                 hsk_standard: str = hsk.STANDARD):
        self.user_entries = tuple(user_entries)
        self._store = store
        self.memo_limit = memo_limit
        self.hsk_standard = hsk_standard
        self._memos = _Memos(memo_limit)
        # ``memo`` is asked about a million times a batch: the dict's own item lookup answers
        # without a Python call (``_Memos.__missing__`` makes a memo on first use)
        self.memo = self._memos.__getitem__

    def with_user_entries(self, user_entries) -> "Lexicon":
        """Another run's lexicon over the same store, with these user entries and fresh memos."""
        return Lexicon(user_entries, self._store, self.memo_limit, self.hsk_standard)

    def memo(self, name: str) -> Memo:
        """The per-word memo called ``name`` (one per stage's question), made on first use.
        (Shadowed on each instance by its memos' item lookup, which does the same.)"""
        return self._memos[name]

    # ── the stores ──────────────────────────────────────────────────────────

    @property
    def store(self):
        if self._store is None:
            from cardmaker.lexicon.store import MEMO_LIMIT as STORE_MEMO, open_default

            self._store = open_default(memo_limit=STORE_MEMO if self.memo_limit else 0)
        return self._store

    @cached_property
    def dictionary(self) -> Dictionary:
        return Dictionary(self.store, self.user_entries, self.memo("entries"), absent=self.memo("no_entries"))

    def entries(self, word: str) -> tuple[Entry, ...]:
        """Every entry of ``word`` (either script), the user's instead of CC-CEDICT's for their words."""
        return self.dictionary.lookup(word)

    def compounds(self, piece: str, last: bool, shortest: int | None = None) -> tuple[Entry, ...]:
        """CC-CEDICT's words one to three characters longer than ``piece`` that begin (``last``
        False) or end with it (simplified): how the dictionary uses a character or word inside words;
        with ``shortest``, only that many, the shortest first (CC-CEDICT's order among those of a length).
        Not remembered: a caller keeps what it draws from them (``meanings``' votes), and a batch's
        thousands of such lists of entries (子 ends 1,225 words) were a fifth of its memory."""
        rows = self.store.cedict_around(piece, last)
        if shortest is not None:  # cut before the entries are made (子 ends 1,225 words; a caller weighs 150)
            rows = sorted(rows, key=lambda r: len(r[1]))[:shortest]
        return tuple(_entry(r) for r in rows)

    def is_word(self, word: str) -> bool:
        return self.dictionary.is_word(word)

    def prime(self, text: str) -> None:
        """Fetch at once the entries of every headword in ``text`` (a speed-up only)."""
        self.dictionary.prime(text)

    def prime_words(self, words) -> None:
        """Fetch at once the entries of each of ``words`` (a speed-up only)."""
        self.dictionary.prime_words(words)

    def jieba_entries(self, text: str) -> dict[str, tuple[int, str]]:
        """jieba's (frequency, tag) of every entry of its dictionary that occurs in ``text``."""
        return self.store.jieba_entries(text)

    @property
    def jieba_total(self) -> int:
        return self.store.total

    def is_user_word(self, word: str) -> bool:
        """``word`` (either script) has an entry of the user's own dictionary."""
        return word in self._user_forms

    @cached_property
    def _user_forms(self) -> frozenset[str]:
        return frozenset(f for e in self.user_entries for f in (e.simplified, e.traditional))

    @cached_property
    def user_words(self) -> tuple[str, ...]:
        """The user's words (simplified): always cut as words."""
        return tuple(e.simplified for e in self.user_entries)

    # ── word lists ──────────────────────────────────────────────────────────

    def hsk_level(self, simplified: str) -> int | None:
        """Level 1–6, or 7 for the 7–9 band; None if the word is not listed."""
        return hsk.levels(self.hsk_standard).get(simplified)

    def frequency(self, word: str) -> float:
        """``word``'s general frequency on the Zipf scale (wordfreq's list; 0 when it lacks the word)."""
        return self.store.zipf(word)

    @property
    def hsk_name(self) -> str:
        """The HSK standard the levels come from, as outputs name it."""
        return hsk.name(self.hsk_standard)

    @cached_property
    def stopwords(self) -> frozenset[str]:
        """Function words that never become cards (package data)."""
        return frozenset(
            line.strip() for line in _data("stopwords.txt").splitlines() if line.strip() and not line.startswith("#")
        )

    @cached_property
    def default_readings(self) -> dict[str, tuple[str, ...]]:
        """Common words whose everyday entry has a neutral tone pypinyin does not write (故事 gu4 shi5)."""
        return {row[0]: tuple(row[1].split()) for row in self._reading_rows}

    @cached_property
    def attribute_readings(self) -> dict[str, tuple[str, ...]]:
        """Words of ``default_readings`` read otherwise as the attribute of a noun (地方政府 di4 fang1)."""
        return {row[0]: tuple(row[3].split()) for row in self._reading_rows if len(row) > 3}

    @cached_property
    def _reading_rows(self) -> list[list[str]]:
        return [line.split("\t") for line in _data("readings.tsv").splitlines()
                if line.strip() and not line.startswith("#")]

    @cached_property
    def sense_fields(self) -> dict[str, frozenset[str]]:
        """English word → the fields (economy, sports, …) an article using it is about: package
        data, how the meaning stage tells what an article talks about."""
        out: dict[str, set[str]] = {}
        for line in _data("sense_fields.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            field, words = line.split("\t")
            for word in words.split():
                out.setdefault(word, set()).add(field)
        return {w: frozenset(f) for w, f in out.items()}

    @cached_property
    def sense_collocations(self) -> dict[str, tuple[tuple[int, str, str], ...]]:
        """Word (simplified) → (side, neighbour, part of a sense) of the set phrases that fix its sense
        (不|排除 "to rule out"): package data; side -1 the neighbour stands right before the word, +1 after
        it or ends a word of its object, +2 right after it only."""
        out: dict[str, list] = {}
        for line in _data("sense_collocations.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, neighbour, part = line.split("\t")[:3]
            out.setdefault(word, []).append(({"<": -1, "+": 2}.get(neighbour[0], 1), neighbour[1:], part))
        return {w: tuple(c) for w, c in out.items()}

    @cached_property
    def sense_priorities(self) -> dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]:
        """(word, reading) → (parts of senses to prefer, senses to add): package data, the senses
        today's news uses where CC-CEDICT lists them late or lacks them."""
        out: dict[tuple[str, str], tuple[list, list]] = {}
        for line in _data("sense_priorities.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, reading, sense = line.split("\t")
            prefer, add = out.setdefault((word, reading_key(tuple(reading.split()))), ([], []))
            (prefer if sense.startswith("=") else add).append(sense[1:])
        return {k: (tuple(p), tuple(a)) for k, (p, a) in out.items()}

    def english_zipf(self, word: str) -> float:
        """How common the English ``word`` is (wordfreq's Zipf scale: 6 is "the", 3 a rare word);
        2.5 for a word its small list lacks."""
        return _english_zipf().get(word, 2.5)

    def english(self, word: str) -> frozenset[str]:
        """The parts of speech the English ``word`` can have (empty when the lexicon lacks it): the
        store's table, or lemminflect's own file for a store built without it."""
        if not self.store.has_english:
            return _english().get(word, frozenset())
        memo = self.memo("english")
        got = memo.get(word)
        return got if got is not None else memo.put(word, self.store.english(word))

    # ── script ──────────────────────────────────────────────────────────────

    def to_simplified(self, word: str) -> str:
        memo = self.memo("to_simplified")
        got = memo.get(word)
        return got if got is not None else memo.put(word, script.to_simplified(word))

    def to_traditional(self, word: str) -> str:
        memo = self.memo("to_traditional")
        got = memo.get(word)
        return got if got is not None else memo.put(word, script.to_traditional(word))

    def warm_up(self) -> None:
        """Load the shared data now, so that forked workers inherit it instead of loading it each."""
        self.store
        self.prime("中文")
        self.hsk_level("中文")
        self.frequency("中文")
        self.stopwords
        self.default_readings
        self.attribute_readings
        script.to_simplified_aligned("漢字")
        script.to_traditional_aligned("汉字")


@cache
def _english() -> dict[str, frozenset[str]]:
    """English word → the parts of speech it can have, from lemminflect's lemma table (for a store
    built without it: a test's small store).  Loaded once per process."""
    from cardmaker.lexicon.store import _POS_OF_LETTER, english_path, english_rows

    path = english_path()
    if path is None:
        raise ModuleNotFoundError("the lemminflect package is not installed")
    return {w: frozenset(_POS_OF_LETTER[c] for c in pos) for w, pos in english_rows(path).items()}


@cache
def _english_zipf() -> dict[str, float]:
    """wordfreq's small English list (its data file, read as data: 29k words, 15 ms)."""
    import gzip

    import msgpack

    data = _package_file("wordfreq", "data", "small_en.msgpack.gz")
    packed = msgpack.unpackb(gzip.decompress(data), raw=False)
    return {w: (900 - i) / 100 for i, bucket in enumerate(packed[1:]) for w in bucket}


def _package_file(package: str, *parts: str) -> bytes:
    """A data file of an installed package, read without importing the package."""
    from cardmaker.lexicon.store import package_dir

    folder = package_dir(package)
    if folder is None:
        raise ModuleNotFoundError(f"the {package} package is not installed")
    return folder.joinpath(*parts).read_bytes()


def _data(name: str) -> str:
    return resources.files("cardmaker").joinpath("data", name).read_text(encoding="utf-8")
