"""A note's fields (``records.NoteFields``) from a word, its examples and the deck's script.

One function makes them, in one of two styles: ``HTML`` for cards (escaped,
tone-coloured, the word highlighted) and ``PLAIN`` for spreadsheets (the text
as it is).  The fields that depend only on the word are made once per word in
a batch (``memo``, a ``lexicon.Memo``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from cardmaker.output import html
from cardmaker.records import Example, NoteFields, Word
from cardmaker.text.controls import strip_controls

BLANK = "＿"


@dataclass(frozen=True)
class Style:
    name: str
    text: Callable[[str], str]                # any text
    pinyin: Callable[[Word], str]             # a word's reading
    colored: Callable[[str, tuple], str]      # a headword and its syllables
    highlight: Callable[..., str]             # (text, span, cls, replacement)
    example_pinyin: Callable[[Example], str]
    join: str                                 # between several examples or sources
    pair: str                                 # between an example's two scripts


def _plain_highlight(text: str, span, cls: str = "", replacement: str | None = None) -> str:
    a, b = span
    return text[:a] + (text[a:b] if replacement is None else replacement) + text[b:]


HTML = Style("html", html.escape, lambda w: html.pinyin(w.syllables), html.colored, html.highlight,
             html.example_pinyin, "<br>", "<br>")
PLAIN = Style(
    "plain", str, lambda w: w.pinyin, lambda chars, syllables: chars, _plain_highlight,
    lambda e: " ".join(text for text, _ in e.pinyin), " | ", " / ",
)


def note_fields(word: Word, examples: list[Example], script: str, sources=(), style: Style = HTML,
                memo=None) -> NoteFields:
    """The note of ``word`` with ``examples`` in ``script`` (traditional, simplified or both)."""
    w = _word_fields(word, style, memo)
    colored = {"traditional": w["trad"], "simplified": w["simp"]}.get(
        script, w["trad"] if word.traditional == word.simplified else w["trad"] + style.pair + w["simp"]
    )
    ex_trad = [style.highlight(e.traditional, e.word) for e in examples]
    ex_simp = [style.highlight(e.simplified, e.word) for e in examples]
    if script == "traditional":
        example = style.join.join(ex_trad)
    elif script == "simplified":
        example = style.join.join(ex_simp)
    else:
        example = style.join.join(t + style.pair + s for t, s in zip(ex_trad, ex_simp))
    cloze = ""
    if examples:
        e = examples[0]
        front = e.simplified if script == "simplified" else e.traditional
        cloze = style.highlight(front, e.word, "blank", "［" + BLANK * len(word.simplified) + "］")
    sources = list(dict.fromkeys(list(sources) + [e.source for e in examples]))
    return _guarded(
        simplified=w["simplified"], traditional=w["traditional"], pinyin=w["pinyin"],
        pinyin_numbered=w["pinyin_numbered"], zhuyin=w["zhuyin"], meaning=w["meaning"],
        classifiers=w["classifiers"], part_of_speech=w["part_of_speech"], hsk=w["hsk"],
        example=example, example_traditional=style.join.join(ex_trad), example_simplified=style.join.join(ex_simp),
        example_pinyin=style.join.join(style.example_pinyin(e) for e in examples),
        source=style.join.join(style.text(s) for s in sources), reading_check=style.text(word.check),
        count=str(word.count), colored=colored, cloze=cloze,
    )


def _guarded(**values: str) -> NoteFields:
    """The fields with no control character: one U+001F would make Anki refuse the whole package,
    so this holds whatever a library caller's records contain."""
    return NoteFields(**{k: strip_controls(v) for k, v in values.items()})


def _word_fields(word: Word, style: Style, memo) -> dict[str, str]:
    """The fields that depend only on the word (not on the article)."""
    key = (style.name, word.simplified, word.traditional, word.syllables, word.senses, word.classifiers,
           word.part_of_speech, word.hsk, word.name)
    got = memo.get(key) if memo is not None else None
    if got is None:
        t = style.text
        got = {
            "simplified": t(word.simplified), "traditional": t(word.traditional),
            "pinyin": style.pinyin(word),
            "pinyin_numbered": t(word.pinyin_numbered), "zhuyin": t(word.zhuyin), "meaning": t(word.meaning),
            "classifiers": t(" / ".join(word.classifiers)), "part_of_speech": t(word.part_of_speech),
            "hsk": t(word.hsk_label),
            "trad": style.colored(word.traditional, word.syllables),
            "simp": style.colored(word.simplified, word.syllables),
        }
        if memo is not None:
            memo.put(key, got)
    return got


def tags(word: Word, slugs) -> list[str]:
    """The note's tags: its articles, its HSK level, ``name``, ``reading::conflict``."""
    out = list(dict.fromkeys(strip_controls(s) for s in slugs))
    if word.hsk is not None:
        out.append(f"HSK::{word.hsk_label}")
    if word.name:
        out.append("name")
    if word.check == "conflict":
        out.append("reading::conflict")
    return out
