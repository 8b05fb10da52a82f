"""Which characters a card writes: a word's traditional form, and the article in traditional characters.

A traditional article keeps its own spellings (台積電, 計畫) wherever the
dictionary lists them; only simplified characters leaked into it by a machine
conversion are fixed (并 → 並, 示范 → 示範).  A simplified article is
converted with OpenCC (Taiwan standard).
"""

from __future__ import annotations

from collections import Counter

from cardmaker.chinese.pinyin import reading_key
from cardmaker.chinese.script import HAN_RE, to_traditional_aligned

_UNSEEN = object()


def word_traditional(text: str, spans, entry, syllables, written: bool, lexicon) -> str:
    """The traditional form of the word ``text`` (simplified) whose occurrences are written ``spans``.

    ``written``: the article is in traditional characters, so its own forms are traditional.
    """
    if entry is not None:
        if written and spans and spans[0] != entry.traditional and (
                regional(spans[0], entry.traditional) or own_form(spans[0], syllables, lexicon)):
            return spans[0]
        return entry.traditional
    # no entry: as a traditional article writes it (進博會, 李政); otherwise OpenCC converts it
    if written and spans:
        span = Counter(spans).most_common(1)[0][0]
        if len(span) == len(text):
            return _mended(text, span, lexicon)
    return read_as(text, lexicon.to_traditional(text), syllables, lexicon)


def _char_forms(char: str, lexicon) -> dict[str, set]:
    """The traditional forms of the simplified ``char`` as one-character words, each with its readings
    (发: 發 fa1, 髮 fa4), and its first sense last."""
    memo = lexicon.memo("char_forms")
    got = memo.get(char)
    if got is None:
        got = {}
        for e in lexicon.entries(char):
            if len(e.syllables) == 1 and e.simplified == char and not (e.proper or e.variant_only):
                got.setdefault(e.traditional, [set(), e.senses[0] if e.senses else ""])[0].add(e.pinyin.lower())
        got = memo.put(char, got)
    return got


def read_as(word: str, converted: str, syllables, lexicon) -> str:
    """A word without an entry as OpenCC converted it (``converted``), each character OpenCC wrote in
    a form that cannot be read as the word reads there written in the one form that can: 彗发 huìfà is
    彗髮, 髮 fà "hair", not OpenCC's 發, only fā."""
    if len(converted) != len(word) or len(syllables) != len(word):
        return converted
    out = None
    for i, (c, own) in enumerate(zip(word, converted)):
        forms = _char_forms(c, lexicon)
        if len(forms) < 2 or own not in forms:
            continue
        read = syllables[i].lower()
        fitting = [f for f, (readings, _) in forms.items() if read in readings]
        if read not in forms[own][0] and len(fitting) == 1:
            out = out or list(converted)
            out[i] = fitting[0]
    return converted if out is None else "".join(out)


def _verbal(sense: str) -> bool:
    return sense.startswith(("to ", "(bound form) to "))


def nominal_head(word: str, converted: str, lexicon) -> str:
    """A noun without an entry (an article's term, a composed word) as OpenCC converted it, its last
    character written as the one of its traditional forms that is a noun where the forms read
    differently: a noun ends in a noun (彗发 "coma": 彗髮, 髮 fà "hair", not 發 fā "to send out")."""
    forms = _char_forms(word[-1], lexicon)
    if len(forms) < 2 or len(converted) != len(word) or converted[-1] not in forms:
        return converted
    nouns = [f for f, (_, sense) in forms.items() if not _verbal(sense)]
    readings = [r for r, _ in forms.values()]
    apart = all(not (a & b) for k, a in enumerate(readings) for b in readings[k + 1:])
    if len(nouns) == 1 and apart and nouns[0] != converted[-1]:
        return converted[:-1] + nouns[0]
    return converted


def _mended(text: str, span: str, lexicon) -> str:
    """A traditional article's spelling of a word without an entry, its dictionary words' simplified
    characters fixed where a machine conversion leaked them (示范區 → 示範區: 示范 is 示範's simplified
    form and no traditional word of its own)."""
    out, at = [], 0
    while at < len(text):
        size = next((n for n in range(min(4, len(text) - at), 1, -1) if lexicon.entries(text[at:at + n])), 1)
        piece, own = text[at:at + size], span[at:at + size]
        forms = {e.traditional for e in lexicon.entries(piece) if not (e.variant_only or e.proper)}
        leaked = size > 1 and own == piece and own not in forms and len(forms) == 1 and not any(
            e.traditional == own for e in lexicon.entries(own))
        out.append(next(iter(forms)) if leaked else own)
        at += size
    return "".join(out)


# traditional characters with a variant that a Taiwan or Hong Kong standard writes instead (臺/台:
# 月台, 佈/布: 公布, 著/着: 隨着, 嚮/向: 面向, 裏/裡 …): both are traditional text, never a leak
_REGIONAL = frozenset(frozenset(p) for p in
                      "臺台 佈布 著着 嚮向 裏裡 綫線 衞衛 爲為 衆眾 啓啟 峯峰 羣群 敍敘 牀床 麪麵 鈎鉤 綉繡 汙污 "
                      "纔才 祕秘 溼濕 癡痴 蹟跡 讚贊 鬥鬭 菸煙 擡抬 灑洒 甦蘇 週周 覆復 徵征 雇僱 搾榨 "
                      "舖鋪 恒恆 踪蹤 滙匯 濶闊".split())  # the last: Hong Kong's 舖位, 恒生, 滙豐


def regional(span: str, form: str) -> bool:
    """``span`` is ``form`` with some characters in their Taiwan or Hong Kong standard variant."""
    return len(span) == len(form) and span != form and all(
        a == b or frozenset((a, b)) in _REGIONAL for a, b in zip(span, form))


def own_form(span: str, syllables, lexicon) -> bool:
    """The article's spelling is a traditional form the dictionary lists for this reading too (計畫
    beside 計劃, 台灣 beside 臺灣), not one with simplified characters leaked into it (并 for 並,
    示范): the dictionary writes no other word's traditional form that way."""
    entries = lexicon.entries(span)
    if any(e.simplified == span and e.traditional != span for e in entries):
        return False
    key = reading_key(syllables)
    return any(e.traditional == span and reading_key(e.syllables) == key for e in entries)


def traditional_text(text: str, script: str, tokens, readings, lexicon, converted: str = "") -> str:
    """The article ``text`` in traditional characters, aligned with it (see the module's docstring).

    ``tokens`` and ``readings`` (token start → syllables) are the article's segmentation;
    ``converted`` is a simplified article's OpenCC copy when it was made already.
    """
    if script != "traditional":
        return _dictionary_forms(converted or to_traditional_aligned(text), text, tokens, readings, lexicon)
    memo = lexicon.memo("fixed_form")
    out, done = [], 0                    # pieces of the text, and how far it is copied (no per-character list)
    present: set = set()                 # the article's characters, once a fix asks
    for t in tokens:
        span = text[t.start:t.end]
        key = (t.text, span, readings.get(t.start))
        form = memo.get(key, _UNSEEN)
        if form is _UNSEEN:
            form = memo.put(key, _fixed_form(*key, lexicon))
        if form is not None and form != span and not _written_elsewhere(span, form, text, present):
            out.append(text[done:t.start])
            out.append(form)
            done = t.end
    out.append(text[done:])
    return "".join(out)


def _written_elsewhere(span: str, form: str, text: str, present: set) -> bool:
    """The article writes the character a fix would bring in (製 of 美製 for its 美制 "the US system"):
    its own character here is then a choice, not a leak of a machine conversion, which writes the
    simplified character everywhere."""
    if not present:
        present.update(text)
    return any(a != b and b in present for a, b in zip(span, form))


def _dictionary_forms(converted: str, text: str, tokens, readings, lexicon) -> str:
    """OpenCC's copy of a simplified article with each dictionary word written as the dictionary writes
    it for its reading here, where OpenCC wrote another form: 干细胞 幹細胞 (not 乾細胞), 指明了 指明了 (not
    指明瞭, a 了 read le)."""
    memo = lexicon.memo("dictionary_form")
    out = None
    for t in tokens:
        span = converted[t.start:t.end]
        if span == text[t.start:t.end] and t.text not in ("了", "着", "干", "么"):
            continue  # nothing converted (most words): the dictionary has no other say
        key = (t.text, span, readings.get(t.start))
        form = memo.get(key, _UNSEEN)
        if form is _UNSEEN:
            form = memo.put(key, _entry_form(*key, lexicon))
        if form is not None:
            if out is None:
                out = list(converted)
            out[t.start:t.end] = form
    return converted if out is None else "".join(out)


def _entry_form(word: str, span: str, reading, lexicon) -> str | None:
    """The traditional form the dictionary gives ``word`` with ``reading``, where OpenCC's ``span`` is
    none of its forms."""
    if reading is None:
        return None
    key = reading_key(reading)
    entries = lexicon.entries(word)
    if not any(len(e.syllables) == len(word) for e in entries):
        form = read_as(word, span, reading, lexicon)  # no entry: its characters as they read here
        return form if form != span else None
    forms = [e.traditional for e in entries
             if e.simplified == word and len(e.traditional) == len(span) and reading_key(e.syllables) == key]
    if not forms or span in forms:
        return None
    return forms[0]


def _fixed_form(word: str, span: str, reading, lexicon) -> str | None:
    """The entry's traditional form of ``span`` where it differs only by leaked simplified characters."""
    if not HAN_RE.search(span):
        return None
    entries = [e for e in lexicon.entries(word) if e.simplified == word and len(e.traditional) == len(span)]
    if not entries and len(span) == len(word) > 2:  # an article's term: its dictionary words (示范|區 → 示範區)
        mended = _mended(word, span, lexicon)
        return mended if mended != span else None
    same = [e for e in entries if reading and reading_key(e.syllables) == reading_key(reading)]
    forms = [e.traditional for e in same or entries]
    if not forms or span in forms or any(regional(span, f) for f in forms):
        return None
    for form in forms:  # differs only where the article kept a simplified character
        if all(a == b or a == s for a, b, s in zip(span, form, word)):
            return form
    return None
