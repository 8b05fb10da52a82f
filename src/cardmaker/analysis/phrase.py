"""A composed word read as one English phrase, where its shape gives it one.

Most composed words are shown piece by piece ("to exhibit + meeting"); but a word that ends in a
suffix or a position word after a word of the right kind has an English shape of its own
(``data/composed_slots.tsv``): 省內 "within the province", 師級 "army division level", 經濟部
"Ministry of Economy", 社會學家 "sociologist", 德製 "made in Germany"; so do a verb's potential form
denied (放心不下 "cannot feel relieved", ``unable``) and a quality before a thing (強颱 "strong
typhoon", ``qualified``).  This module knows the shapes and the English; ``composed`` chooses the
senses of the pieces.  Limits: English words are made (sociologist, deferred, prosecution) only
where the English lexicon has them, and otherwise the word is shown piece by piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cardmaker.analysis import english


@dataclass(frozen=True)
class Slot:
    char: str          # the last character (simplified)
    reading: str       # its reading in the slot (numbered pinyin)
    sense: str         # its sense there, shown for the character
    before: str        # what must stand before it: "noun", "event", "word" (two characters or more), "country"
    shape: str         # the English, {} the sense of what stands before; "agent": a doer's noun


@cache
def slots() -> dict[tuple[str, str], Slot]:
    """(character, reading) → its ``Slot``: package data."""
    text = resources.files("cardmaker").joinpath("data", "composed_slots.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {(r[0], r[1]): Slot(*r[:5]) for r in rows}


def slot_of(word: str, syllables, head_size: int, written: str = "") -> Slot | None:
    """The slot of ``word``'s last character, read ``syllables``, after a head of ``head_size``
    characters; None where it has none or the head cannot stand there (a word before 部: 北部 is a
    part; 製, not 制 "system", where the article writes the traditional form)."""
    if not syllables or head_size != len(word) - 1:
        return None
    slot = slots().get((word[-1], syllables[-1].lower()))
    if slot is None or (slot.before == "word" and head_size < 2):
        return None
    if slot.char == "制" and written[-1:] not in ("", "製"):
        return None  # 德制 in a traditional article is a German system, not a make
    if slot.before in ("noun", "event") and word[0] in "零〇一二三四五六七八九十百千万亿两几数每这那该此本上下前后":
        return None  # a count or a pointer before it (三年后, 这之前) makes no place of it
    return slot


_HEAD_LABEL_RE = re.compile(r"^(?:\([^()]*\)\s*)+")


def rendered(slot: Slot, head: str, lexicon, proper: bool = False) -> str:
    """The English of the word: ``head``, the sense of what stands before, in the slot's shape (an
    institution's, where ``proper``: 經濟部 "Ministry of Economy", 業務部 "business department");
    "" where the shape cannot be made (no English doer's noun for the field)."""
    head = _HEAD_LABEL_RE.sub("", head).strip()
    head = re.sub(r"\s*\([^()]*\)$", "", head)  # "level (of achievement etc)": the gloss is short
    if not head:
        return ""
    if slot.shape == "agent":
        return agent(head, lexicon)
    if slot.shape == "-ness":
        return quality_noun(head, lexicon)
    if slot.shape == "-ization":
        return making(head, lexicon)
    shape = slot.shape.split("|")[0 if proper else -1]
    if not shape or head.startswith("to "):
        return ""  # (an act is no field: 指揮部 is no "Ministry of to Command")
    if proper and "|" in slot.shape:  # an institution's name in title case: "Ministry of Economy"
        head = " ".join(w if w in english.STOP or w in english.PREPOSITIONS else w[:1].upper() + w[1:]
                        for w in head.split())
    if shape.startswith("{}-") and " " in head:
        return shape.replace("{}-", head + " ")  # "army division level", "province-level"
    return shape.replace("{}", head)


_AGENT_ENDINGS = ("ist", "er", "ian", "or", "an")


def agent(field: str, lexicon) -> str:
    """The English noun of one who works in ``field`` or does it (one English word), made from it and taken
    only where the English lexicon has it as a noun: sociology → sociologist, economics →
    economist, forecast → forecaster, music → musician; "" otherwise."""
    field = field[3:] if field.startswith("to ") else field
    words = field.split()
    if len(words) != 1 or not re.fullmatch(r"[a-z]+", words[0]):
        return ""  # (one word: 農戶 "farmer household" + 家 is a farmer's home, no "farmer householder")
    last, made = words[-1], []
    if last.endswith("e") and "noun" in lexicon.english(last + "r"):
        made.append((0, -lexicon.english_zipf(last + "r"), last + "r"))  # to use → user, to manage → manager
    for cut in range(0, 4):
        stem = last[:len(last) - cut]
        if len(stem) < 4:
            break
        for ending in _AGENT_ENDINGS:
            if cut > 1 and ending in ("er", "or", "an"):
                continue  # (a short stem and a common ending meet words by chance)
            candidate = stem + ending
            if candidate != last and "noun" in lexicon.english(candidate):
                made.append((cut, -lexicon.english_zipf(candidate), candidate))
    if not made:
        return ""
    return min(made)[2]


def participle(verb: str, lexicon) -> str:
    """The past participle of a one-word English verb sense ("to defer" → "deferred"), where the
    English lexicon has it; else ""."""
    word = verb[3:] if verb.startswith("to ") else ""
    if not re.fullmatch(r"[a-z]{3,}", word):
        return ""
    for made in (word + "d" if word.endswith("e") else word + "ed", word + word[-1] + "ed", word[:-1] + "ied"):
        if lexicon.english(made):
            return made
    return ""


def nominalized(verb: str, lexicon) -> str:
    """The English noun of a one-word verb sense's act ("to prosecute" → "prosecution", "to manage"
    → "management"), where the English lexicon has it as a noun; else ""."""
    word = verb[3:] if verb.startswith("to ") else ""
    if not re.fullmatch(r"[a-z]{3,}", word):
        return ""
    stem = word[:-1] if word.endswith("e") else word
    for made in (stem + "ion", stem + "ation", word + "ment", stem + "al", word + "al"):
        if "noun" in lexicon.english(made):
            return made
    return ""


_COUNTRY_RE = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*$")


def country(piece: str, lexicon) -> str:
    """The country a one-character abbreviation names in CC-CEDICT (德 "Germany", 日 "Japan"), or ""."""
    if len(piece) != 1:
        return ""
    for e in lexicon.entries(piece):
        if not e.proper or e.variant_only:
            continue
        for sense in e.senses:
            if "surname" in sense or sense.startswith("Mt "):
                continue
            bare = english.HAN_REF_RE.sub(" ", re.sub(r"\([^()]*\)", " ", sense))
            bare = re.sub(r"^\s*abbr\. for\b[\s,]*", "", bare)
            bare = " ".join(bare.replace(",", " ").split())
            if _COUNTRY_RE.match(bare):
                return bare
    return ""


# the complements a verb takes in its potential form (吃不下, 睡不着, 受不了, 看不懂)
COMPLEMENTS = frozenset("下了起上完动开到住出来去懂见着清成过掉透好及")


def unable(word: str, pieces, verb: str) -> str:
    """A verb, 不 and a complement (放心|不|下) is its potential form denied, as CC-CEDICT's 吃不下
    "cannot eat any more" and 放不下 are: "cannot feel relieved", not "to feel relieved + not + down";
    ``verb`` is the English its first piece shows ("to feel relieved"), ``pieces`` (start, size, …) the word's."""
    if len(pieces) != 3 or word[pieces[1][0]:][:1] != "不" or pieces[1][1] != 1 or pieces[2][1] != 1 \
            or word[-1] not in COMPLEMENTS:
        return ""
    return f"cannot {verb[3:]}" if verb.startswith("to ") else ""


_COUNTING = frozenset("several few many".split())
_NUMBER_WORDS = frozenset("ten hundred thousand million billion".split())  # "several thousand"


def qualified(shown: str, lexicon, thing_senses=()) -> str:
    """Two pieces shown as a quality and a thing, each one English word (強 "strong" + 颱 "typhoon"),
    as the English phrase they make: "strong typhoon", "several minutes"; anything else as shown.
    ``thing_senses``, the second piece's senses, must not be a quality's too (明 "clear; bright")."""
    parts = shown.split(" + ")
    if len(parts) != 2 or not all(re.fullmatch(r"[a-z]+", p) for p in parts):
        return shown
    quality, thing = parts
    if lexicon.english(quality) != {"adj"} or "noun" not in lexicon.english(thing):
        return shown  # (only a word that is nothing but a quality: "old" and "west" are nouns too)
    if any(lexicon.english(_HEAD_LABEL_RE.sub("", x).strip()) == {"adj"} for x in thing_senses[:2]):
        return shown  # (忠明 "loyal + clear": two qualities, no thing)
    if quality in _COUNTING and thing not in _NUMBER_WORDS and not thing.endswith("s") \
            and "noun" in lexicon.english(thing + "s"):
        thing += "s"  # (a count's noun: "several minutes")
    return f"{quality} {thing}"


def quality_noun(quality: str, lexicon) -> str:
    """The English noun of a one-word ``quality`` (important → importance, complex → complexity,
    stable → stability, open → openness), where the English lexicon has it; else ""."""
    if not re.fullmatch(r"[a-z]{3,}", quality) or "adj" not in lexicon.english(quality):
        return ""
    made = [quality + "ness", quality + "ity", quality[:-2] + "ility", quality[:-1] + "ity",
            quality[:-1] + "ce" if quality.endswith(("ant", "ent")) else ""]
    found = [x for x in made if x and "noun" in lexicon.english(x)]
    return max(found, key=lexicon.english_zipf) if found else ""


def making(head: str, lexicon) -> str:
    """The English of making ``head`` so, for 化 (modern → modernization, normal → normalization),
    or "to make" a word that is nothing but an adjective (透明 → "to make transparent"); else ""."""
    if not re.fullmatch(r"[a-z]{3,}", head):
        return ""
    for made in (head + "ization", head[:-1] + "ization"):  # (not -ation: public → publication)
        if "noun" in lexicon.english(made):
            return made
    return f"to make {head}" if lexicon.english(head) == {"adj"} else ""
