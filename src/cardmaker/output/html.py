"""HTML pieces of cards and sheets; every piece of article text is escaped here.

``escape`` also keeps Anki from reading ``[sound:…]`` or ``{{…}}`` in article
text as its own markup.
"""

from __future__ import annotations

import html
import re
from importlib import resources

from cardmaker.chinese.pinyin import spaced, spelled, tone_of
from cardmaker.records import Example

_SPECIAL_RE = re.compile("[&<>\"'\\[{]")


def escape(text: str) -> str:
    """HTML-escape, and neutralise Anki's ``[sound:…]`` and ``{{…}}``."""
    if not _SPECIAL_RE.search(text):
        return text
    return html.escape(text, quote=True).replace("[", "&#91;").replace("{", "&#123;")


def colored(chars: str, syllables) -> str:
    """Each character in its syllable's tone colour (plain when they do not pair up)."""
    if len(chars) != len(syllables):
        return escape(chars)
    return "".join(f'<span class="tone{tone_of(s)}">{escape(c)}</span>' for c, s in zip(chars, syllables))


def both(traditional: str, simplified: str) -> str:
    """Two HTML texts, one per script, each marked for the fonts of its script (``style.css``)."""
    return f'<span class="trad">{traditional}</span><br><span class="simp">{simplified}</span>'


def pinyin(syllables) -> str:
    """Each syllable coloured by its tone, apart as ``joined`` spells the word (xī'ān, Shìjiè Màoyì)."""
    return "".join(f'{sep}<span class="tone{tone_of(s)}">{escape(m)}</span>'
                   for s, (sep, m) in zip(syllables, spelled(tuple(syllables))))


def highlight(text: str, span, cls: str = "hl", replacement: str | None = None) -> str:
    """``text`` with ``span`` — one (start, end) or a sequence of them — wrapped in a ``cls`` span
    (or replaced by the HTML ``replacement``)."""
    spans = [span] if isinstance(span[0], int) else sorted(span)
    out, at = [], 0
    for a, b in spans:
        middle = escape(text[a:b]) if replacement is None else replacement
        out.append(f'{escape(text[at:a])}<span class="{cls}">{middle}</span>')
        at = b
    return "".join(out) + escape(text[at:])


def example_pinyin(example: Example) -> str:
    """The example's pinyin, word by word, the word highlighted."""
    return "".join(sep + (f'<span class="hl">{escape(text)}</span>' if is_word else escape(text))
                   for sep, text, is_word in spaced(example.pinyin))


def meaning(used, rest) -> str:
    """Every sense: those used here first and marked, the others folded away (``<details>`` opens
    with a tap in Anki's desktop and phone apps alike)."""
    out = " / ".join(f'<span class="used">{escape(s)}</span>' for s in used)
    if rest:
        out += f'<details class="more"><summary>more</summary>{escape(" / ".join(rest))}</details>'
    return out


def template(name: str) -> str:
    """A card template, stylesheet or page skeleton (package data)."""
    return resources.files("cardmaker.output").joinpath("templates", name).read_text(encoding="utf-8")
