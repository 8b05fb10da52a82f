"""What a card says a word means: the senses of its entry, or a meaning composed from its characters.

This is the one place a meaning is chosen.  A word with a dictionary entry
shows that entry's senses (without pure cross-references); a word without one
(an article term such as 进博会, a name) gets its characters' senses for their
readings, each marked with its character.
"""

from __future__ import annotations

import re

from cardmaker.chinese.pinyin import marked, reading_key
from cardmaker.records import NAME, TERM, Entry, is_reference

_VERBAL_RE = re.compile(r"(?:to |can\b|may\b|will\b|\(bound form\)|used in|particle|classifier)")


def senses(text: str, syllables, entry: Entry | None, kind: str, tag: str, lexicon):
    """(senses, classifiers, composed) of the word ``text`` read ``syllables`` with ``entry``.

    ``kind`` is the token kind (a name, a term, a word); ``tag`` its jieba tag:
    used as a measure word here (第六届, 各项), its classifier sense comes first.
    """
    if entry is not None:
        chosen, classifiers, composed = entry.content, entry.classifiers, False
    else:
        chosen, classifiers, composed = (), (), True
    if kind == NAME and (entry is None or not entry.proper):
        chosen, composed = ("(name)",) + composed_senses(text, syllables, lexicon), True
    elif not chosen:
        chosen, composed = composed_senses(text, syllables, lexicon, nominal=kind == TERM), True
    if tag.startswith("q"):
        chosen = sorted(chosen, key=lambda x: not x.startswith("classifier"))
    return tuple(chosen), tuple(classifiers), composed


def composed_senses(word: str, syllables: tuple[str, ...], lexicon, nominal: bool = False) -> tuple[str, ...]:
    """Meaning of a word with no entry, from its characters' entries for their readings.

    The last character of a noun-like term (进博会) is the head noun, so its noun
    senses come first ("meeting" rather than "can" for 会).
    """
    memo = lexicon.memo("composed")
    key = (word, syllables, nominal)
    got = memo.get(key)
    if got is not None:
        return got
    out = []
    for i, (ch, syl) in enumerate(zip(word, syllables)):
        entries = [e for e in lexicon.entries(ch) if not e.variant_only and not e.surname_only]
        fit = [e for e in entries if reading_key((e.pinyin,)) == reading_key((syl,))] or entries
        chosen = [x for x in fit[0].senses if not is_reference(x)] if fit else []
        if nominal and i == len(word) - 1:
            chosen = [x for x in chosen if not _VERBAL_RE.match(x)] or chosen
        out.append(f"{ch} {marked(syl)}: {'; '.join(chosen[:2]) or '?'}")
    return memo.put(key, tuple(out))
