"""Simplified/traditional conversion with OpenCC, kept character-aligned.

Segmentation runs on a simplified copy of the article and maps each word back
to its traditional span by offset, so the copy must have exactly one character
for each character of the original.  OpenCC's phrase tables almost always keep
lengths; where a conversion would not, that stretch is converted one
character at a time instead.
"""

from __future__ import annotations

import re
from functools import cache


HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN}]")

# tw2s first maps Taiwan forms to OpenCC's standard ones (著 → 着 outside 著名, 顯著 …), but a few
# of those then stay unsimplified or differ from CC-CEDICT (抬 → 擡, 顎 → 齶): those mappings are
# dropped, so a Taiwan form is mapped only where the result is one of CC-CEDICT's simplified forms
# of that character.  Derived from CC-CEDICT; ``tests/test_script.py`` derives it again.
TAIWAN_FORMS_KEPT = frozenset("抬汙潀睪蒍鯰顎")


@cache
def _converter(config: str) -> _Converter:
    from opencc import OpenCC

    converter = _Converter(OpenCC(config))
    if config == "tw2s":
        for table in converter._chain[0]:
            if table.chars_only:
                for form in TAIWAN_FORMS_KEPT:
                    table.mapping.pop(form, None)
    return converter


class _Converter:
    """OpenCC's conversion, same tables and same answers, without its per-length scans.

    opencc-python-reimplemented converts each piece between separators by
    repeatedly taking the longest phrase found anywhere in it (the leftmost of
    equal length) and treating what is left on either side the same way; a
    group of tables (phrases, then characters) converts only what earlier
    tables of the group left alone.  Taking every match of the piece in order
    of length, then position, and keeping those that do not overlap one
    already kept picks exactly the same phrases; candidates are found by
    walking the tables' key prefixes from each position instead of trying
    every length at every position.  ``tests/test_script.py`` compares it
    with OpenCC.
    """

    def __init__(self, opencc) -> None:
        self._split = opencc.split_chars_re.split
        self._chain = [[_Table(*table) for table in group] for group in opencc._dict_chain_data]

    def convert(self, text: str) -> str:
        pieces = self._split(text)
        for i in range(0, len(pieces), 2):
            for group in self._chain:
                pieces[i] = _convert_group(pieces[i], group)
        return "".join(pieces)


class _Table:
    def __init__(self, max_len: int, min_len: int, mapping: dict[str, str]) -> None:
        # Where a table offers several values OpenCC takes the first.
        self.chars_only = max_len == 1
        self.mapping = {k: v.split(" ")[0] for k, v in mapping.items()} if self.chars_only else mapping
        self.prefixes = {key[:k] for key in mapping if min_len <= len(key) <= max_len for k in range(1, len(key))}
        self.min_len, self.max_len = min_len, max_len

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(-length, start) of every key found in ``text``."""
        prefixes, mapping, found, n = self.prefixes, self.mapping, [], len(text)
        low, high = self.min_len, self.max_len
        for i in range(n):
            end = i + 1
            while True:
                part = text[i:end]
                if low <= end - i <= high and part in mapping:
                    found.append((i - end, i))
                if end == n or part not in prefixes:
                    break
                end += 1
        return found


def _convert_group(piece: str, group: list[_Table]) -> str:
    # (text, converted) runs; a run converted by one table of the group is final for the group.
    runs = [(piece, False)]
    for table in group:
        out = []
        for text, done in runs:
            if done or not text:
                out.append((text, done))
            elif table.chars_only and table is group[-1]:
                get = table.mapping.get
                out.append(("".join([get(c, c) for c in text]), True))
            elif table.chars_only:
                mapping = table.mapping
                out.extend((mapping[c], True) if c in mapping else (c, False) for c in text)
            else:
                out.extend(_replace_phrases(text, table))
        runs = out
    return "".join(text for text, _ in runs)


def _replace_phrases(text: str, table: _Table) -> list[tuple[str, bool]]:
    found = table.matches(text)
    if not found:
        return [(text, False)]
    found.sort()
    taken = bytearray(len(text))
    kept = []
    for neg, start in found:
        end = start - neg
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end))
    kept.sort()
    runs, at = [], 0
    for start, end in kept:
        runs.append((text[at:start], False))
        runs.append((table.mapping[text[start:end]].split(" ")[0], True))
        at = end
    runs.append((text[at:], False))
    return runs


_CHUNK_RE = re.compile(r"[^\n。！？；!?]*[\n。！？；!?]?")


def to_simplified_aligned(text: str) -> str:
    """Simplified copy of ``text`` with the same length, character for character.

    Traditional text is converted with OpenCC's Taiwan table first: Taiwan writes
    著 also for 着, and 隨著, 接著, 看著 must become 随着, 接着, 看着 (著名, 顯著 stay),
    or they are no words.  Simplified text is never put through it: there 著 is
    always zhù (土著, 论著).
    """
    simple = _aligned(text, "t2s")
    if article_script(text, simple) == "traditional":
        return _aligned(text, "tw2s")
    return simple


def to_traditional_aligned(text: str) -> str:
    """Taiwan-standard traditional copy of ``text`` (leaked simplified forms fixed), same length."""
    return _aligned(text, "s2tw")


def _aligned(text: str, config: str) -> str:
    convert = _converter(config).convert
    whole = convert(text)
    if len(whole) == len(text):
        return whole
    out = []
    for m in _CHUNK_RE.finditer(text):
        chunk = m.group(0)
        if not chunk:
            continue
        simple = convert(chunk)
        if len(simple) != len(chunk):
            simple = "".join(c2 if len(c2 := convert(c)) == 1 else c for c in chunk)
        out.append(simple)
    return "".join(out)


def to_simplified(text: str) -> str:
    """A word or name in simplified characters (a traditional one as ``to_simplified_aligned`` reads it)."""
    simple = _converter("t2s").convert(text)
    return _converter("tw2s").convert(text) if simple != text else simple


@cache
def _character_table() -> dict[int, str]:
    """OpenCC's simplified → traditional character table, first (commonest) choice of each."""
    from importlib import resources

    text = resources.files("opencc").joinpath("dictionary", "STCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            table[ord(source)] = targets.split()[0]
    return table


def char_traditional(text: str) -> str:
    """Character-by-character traditional form: cheap, for choosing between dictionary forms
    (并 → 並 rather than 併); ``to_traditional`` converts real text."""
    return text.translate(_character_table())


def to_traditional(text: str) -> str:
    """Taiwan-standard traditional form (OpenCC s2tw)."""
    return _converter("s2tw").convert(text)


def article_script(text: str, simplified: str) -> str:
    """``traditional`` when the simplified copy differs from the text in 1% or more of its Han characters."""
    han = sum("\u3400" <= c <= "\u9fff" for c in text) or 1
    changed = sum(a != b for a, b in zip(text, simplified))
    return "traditional" if changed / han >= 0.01 else "simplified"
