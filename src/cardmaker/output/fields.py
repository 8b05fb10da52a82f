"""A note's fields (``records.NoteFields``) from a word, its examples and the deck's script.

One function makes them, in one of two styles: ``HTML`` for cards (escaped,
tone-coloured, the word highlighted) and ``PLAIN`` for spreadsheets (the text
as it is).  The fields that depend only on the word are made once per word in
a batch (``memo``, a ``lexicon.Memo``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from cardmaker.chinese.pinyin import marked, spaced
from cardmaker.lexicon import hsk
from cardmaker.lexicon.cedict import english_only, readable
from cardmaker.output import html
from cardmaker.records import Example, NoteFields, Word
from cardmaker.text.controls import has_controls, strip_controls

BLANK = "＿"
CARD_TYPES = ("recognition", "recall", "cloze")
VOICES = ("zh_CN", "zh_TW", "zh_HK")  # Anki's TTS languages: Mainland, Taiwan, Hong Kong


@dataclass(frozen=True)
class Style:
    name: str
    text: Callable[[str], str]                # any text
    pinyin: Callable[[Word], str]             # a word's reading
    colored: Callable[[str, tuple], str]      # a headword and its syllables
    highlight: Callable[..., str]             # (text, span, cls, replacement)
    example_pinyin: Callable[[Example], str]
    join: str                                 # between several examples or sources
    both: Callable[[str, str], str]           # a traditional and a simplified text, shown together
    meaning: Callable[[list, list], str]      # (senses used here, the others) → the Meaning field


def _plain_highlight(text: str, span, cls: str = "", replacement: str | None = None) -> str:
    if replacement is None:
        return text
    spans = [span] if isinstance(span[0], int) else sorted(span)
    out, at = [], 0
    for a, b in spans:
        out.append(text[at:a] + replacement)
        at = b
    return "".join(out) + text[at:]


HTML = Style("html", html.escape, lambda w: html.pinyin(w.syllables), html.colored, html.highlight,
             html.example_pinyin, "<br>", html.both, html.meaning)
PLAIN = Style(
    "plain", str, lambda w: w.pinyin, lambda chars, syllables: chars, _plain_highlight,
    lambda e: "".join(sep + text for sep, text, _ in spaced(e.pinyin)), " | ", lambda t, s: f"{t} / {s}",
    lambda used, rest: " / ".join(used + rest),
)


@dataclass(frozen=True)
class Cards:
    """What a deck's notes make besides their content: the card types, and the voice of Anki's TTS."""

    types: tuple[str, ...] = CARD_TYPES
    voice: str = "zh_CN"


def _everywhere(text: str, e: Example) -> tuple[tuple[int, int], ...]:
    """The word's occurrences in the example and every other place its characters stand there
    (越辦越好 for 越, 農業 inside 農業部): a cloze shows none of them."""
    form = text[e.word[0]:e.word[1]]
    spans = list(e.spans)
    i = text.find(form)
    while form and i >= 0:
        if not any(a < i + len(form) and i < b for a, b in spans):
            spans.append((i, i + len(form)))
        i = text.find(form, i + len(form))
    return tuple(sorted(spans))


def note_fields(word: Word, examples: list[Example], script: str, sources=(), style: Style = HTML,
                memo=None, cards: Cards = Cards()) -> NoteFields:
    """The note of ``word`` with ``examples`` in ``script`` (traditional, simplified or both)."""
    w = _word_fields(word, style, script, memo)
    colored = {"traditional": w["trad"], "simplified": w["simp"]}.get(
        script, w["trad"] if word.traditional == word.simplified else style.both(w["trad"], w["simp"])
    )
    ex_trad = [style.highlight(e.traditional, e.spans) for e in examples]
    ex_simp = [style.highlight(e.simplified, e.spans) for e in examples]
    if script == "traditional":
        example = style.join.join(ex_trad)
    elif script == "simplified":
        example = style.join.join(ex_simp)
    else:
        example = style.join.join(style.both(t, s) for t, s in zip(ex_trad, ex_simp))
    cloze = ""
    if examples:
        e = examples[0]
        front = e.simplified if script == "simplified" else e.traditional
        # every occurrence blanked: 親自謀劃、親自提出 must not show the answer after its own blank
        cloze = style.highlight(front, _everywhere(front, e), "blank", "［" + BLANK * len(word.simplified) + "］")
    sources = list(dict.fromkeys(list(sources) + [e.source for e in examples]))
    return _guarded(
        simplified=w["simplified"], traditional=w["traditional"], pinyin=w["pinyin"],
        pinyin_numbered=w["pinyin_numbered"], zhuyin=w["zhuyin"], meaning=w["meaning"],
        classifiers=w["classifiers"], part_of_speech=w["part_of_speech"], hsk=w["hsk"],
        example=example, example_traditional=style.join.join(ex_trad), example_simplified=style.join.join(ex_simp),
        example_pinyin=style.join.join(style.example_pinyin(e) for e in examples),
        source=style.join.join(style.text(s) for s in sources), reading_check=style.text(word.check),
        count=str(word.count), colored=colored, cloze=cloze, sense=w["sense"],
        **_display_fields(word, script, style, cards, memo),
    )


def _guarded(**values: str) -> NoteFields:
    """The fields with no control character: one U+001F would make Anki refuse the whole package,
    so this holds whatever a library caller's records contain."""
    if has_controls("".join(values.values())):  # one look at all the fields: the usual answer is no
        return NoteFields(**{k: strip_controls(v) for k, v in values.items()})
    return NoteFields(**values)


def _display_fields(word: Word, script: str, style: Style, cards: Cards, memo=None) -> dict[str, str]:
    """The fields only the templates read: headword, script, card types and voice (see ``NoteFields``)."""
    if memo is not None:
        key = ("display", style.name, script, word.traditional, word.simplified, cards)
        got = memo.get(key)
        if got is None:
            got = memo.put(key, _display_fields(word, script, style, cards))
        return got
    t = style.text
    headword = {"traditional": t(word.traditional), "simplified": t(word.simplified)}.get(
        script, t(word.traditional) if word.traditional == word.simplified
        else style.both(t(word.traditional), t(word.simplified))
    )
    on = {c: "y" if c in cards.types else "" for c in CARD_TYPES}
    voice = {v: "y" if v == cards.voice else "" for v in VOICES}
    return dict(
        headword=headword, script=script, add_recognition=on["recognition"], add_recall=on["recall"],
        add_cloze=on["cloze"], voice_cn=voice["zh_CN"], voice_tw=voice["zh_TW"], voice_hk=voice["zh_HK"],
    )


def _plain(text: str) -> str:
    """``text`` without tone marks or diaeresis, lower-case, one character for each of ``text``'s."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text).lower()


def _bases(syllables) -> list[str]:
    """The syllables as plain letters, the way a sense writes them (lu:4 → lu, nv3 → nu)."""
    return [re.sub(r"[0-9]", "", s).lower().replace("u:", "u").replace("v", "u") for s in syllables]


def unspelled(sense: str, syllables) -> str:
    """A sense for a card's front without the word's own romanisation: a place's English name that is
    its pinyin (恆春 "Hengchun township in Pingtung County") shows "~ township…", and a reference's
    pinyin holding the word's syllable (第 "as in dìliù") shows "as in ~liù".  A sense that is the
    romanisation alone (台灣 "Taiwan") is the English name and stays, as does one whose rest only says
    what kind of place it is (廣東 "Guangdong province"); another romanisation given as an alternative
    (綠島 "Lüdao or Lutao township …") is the name shown without the hidden one ("Lutao township …")."""
    bases = _bases(syllables)
    if not bases or not all(b.isalpha() for b in bases):
        return sense
    plain = _plain(sense)
    if bases[0] not in plain:
        return sense  # the common case: nothing of the word's spelling in its sense
    if len(bases) == 1:  # one syllable: only where it is written with its tone (dì in dìliù)
        toned = marked(syllables[0]).lower()
        pattern = r"(?<![a-zà-ǜ])" + re.escape(toned)
        if toned[:1] in "bpmfdtnlgkhjqxrzcsyw" and not toned.isascii():
            # inside a pinyin word too, where it begins a syllable with its initial (崙 "used in Kūnlún":
            # Kūn~), not where its letters end another's initial (hé in zhé)
            pattern += r"|(?<=[a-zà-ǜ])" + (r"(?<![zcs])" if toned[0] == "h" else "") + re.escape(toned)
        spans = [m.span() for m in re.finditer(pattern, sense.lower())]
    else:
        whole = r"(?<![a-z])" + r"[\s'’-]?".join(map(re.escape, bases)) + r"(?![a-z])"
        spans = [m.span() for m in re.finditer(whole, plain)]
    if not spans or "".join(sense[a:b] for a, b in spans).strip() == sense.strip():
        return sense
    out, at = [], 0
    for a, b in spans:
        out.append(sense[at:a] + "~")
        at = b
    hidden = "".join(out) + sense[at:]
    # another romanisation beside it names the place as well: "Lutao township …", "Cape Eluanpi"
    hidden = _OR_HIDDEN_RE.sub("", hidden)
    if _GENERIC_PLACE_RE.fullmatch(hidden):
        return sense  # "~ province", "~ municipality": nothing left to recall it by; the English name is it
    return hidden


def _front_senses(word: Word, script: str) -> list[str]:
    """The senses a front shows (``_front_sense``), without one that is only the word's pinyin
    (媽媽 "mama / mother" shows "mother") where another is left."""
    shown = [_front_sense(s, word.senses, script, word.syllables) for s in word.sense]
    spelled = "".join(_bases(word.syllables))
    kept = [s for s in shown if re.sub(r"[^a-z]", "", _plain(s)) != spelled]
    return kept or shown


def _front_sense(sense: str, senses, script: str, syllables) -> str:
    """``sense`` as a front shows it (``unspelled``); a place's name alone, shortened from a sense that
    says what the place is (南昌 "Nanchang, prefecture-level city and capital of Jiangxi …"), shows that
    description instead, its name hidden: the name alone is all its pinyin."""
    shown = unspelled(english_only(readable(sense, script)), syllables)
    if "~" in shown:
        return shown
    fuller = next((f for f in senses if f != sense and f.startswith(sense.rstrip("."))), None)
    if fuller is None:
        return shown
    hidden = unspelled(english_only(readable(fuller, script)), syllables)
    if not hidden.startswith("~"):
        return shown
    parts = hidden.split(", ")
    kept = parts[0] if parts[0] != "~" else ", ".join(parts[:2])
    for part in parts[len(kept.split(", ")):]:
        if len(kept) + 2 + len(part) > _FRONT_MAX:
            break
        kept += ", " + part
    return kept


_FRONT_MAX = 45  # characters of a place's description on a front, cut where a comma ends a part


# "~ or Lutao township", "Cape Eluanpi or ~": the word's romanisation as an alternative of another
_OR_HIDDEN_RE = re.compile(r"^~ or (?=\w)|(?<=\w) or ~(?![\w~])")
_GENERIC_PLACE_RE = re.compile(r"~(?: (?:province|county|city|town|township|island|municipality|district|prefecture"
                               r"|region|river|lake|mountain|village|street|road))*", re.I)


def _word_fields(word: Word, style: Style, script: str, memo) -> dict[str, str]:
    """The fields that depend only on the word (not on the article)."""
    key = (style.name, script, word.simplified, word.traditional, word.syllables, word.senses, word.sense,
           word.classifiers, word.part_of_speech, word.hsk, word.name)
    got = memo.get(key) if memo is not None else None
    if got is None:
        t = style.text
        senses = [readable(s, script) for s in word.senses]
        used = len(word.sense)
        got = {
            "simplified": t(word.simplified), "traditional": t(word.traditional),
            "pinyin": style.pinyin(word),
            "pinyin_numbered": t(word.pinyin_numbered), "zhuyin": t(word.zhuyin),
            "meaning": style.meaning(senses[:used], senses[used:]),
            "sense": t(" / ".join(_front_senses(word, script))),
            "classifiers": t(", ".join(readable(c, script) for c in word.classifiers)),
            "part_of_speech": t(word.part_of_speech),
            "hsk": t(word.hsk_label),
            "trad": style.colored(word.traditional, word.syllables),
            "simp": style.colored(word.simplified, word.syllables),
        }
        if memo is not None:
            memo.put(key, got)
    return got


def tags(word: Word, slugs, hsk_standard: str = hsk.STANDARD) -> list[str]:
    """The note's tags, as hierarchies Anki's browser folds: ``article::<slug>`` per article,
    ``HSK::<standard>::<level>``, ``name``, ``reading::conflict`` (a gloss contradicts the only
    reading), ``reading::check`` (the reading is worth a look) and ``meaning::composed``."""
    out = [f"article::{s}" for s in dict.fromkeys(strip_controls(s) for s in slugs)]
    if word.hsk is not None:
        out.append(f"HSK::{hsk_standard}::{word.hsk_label}")
    if word.name:
        out.append("name")
    if word.check == "conflict":
        out.append("reading::conflict")
    if word.disputed:
        out.append("reading::check")
    if word.composed:
        out.append("meaning::composed")
    return out
