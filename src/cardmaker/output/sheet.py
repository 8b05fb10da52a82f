"""A printable vocabulary sheet: one self-contained HTML page, A4 print styles.

The page a teacher hands out: title and source, a name/class/date line, the
words (in the deck's script, tone-coloured pinyin, the short sense, HSK level,
the example with the word highlighted), a practice section (example sentences
with the word blanked, and a word bank), and an answer key on a page of its
own.  Rows never split across pages and a word never breaks across lines; 60
words and the practice fit on three A4 pages.  Every piece of article text is
escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from cardmaker.lexicon.cedict import english_only, readable
from cardmaker.output.html import colored, escape, highlight, pinyin, template

SCRIPTS = ("traditional", "simplified", "both")


@dataclass(frozen=True)
class SheetSource:
    """Where the sheet's words come from: an article's title, date and file name or URL."""

    title: str
    date: str | None
    path: str

    @property
    def where(self) -> str:
        if self.path.lower().startswith(("http://", "https://")):
            return self.path
        name = PurePath(self.path).name if self.path and not self.path.startswith("<") else ""
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # a name not in UTF-8


def sense(word, script: str) -> str:
    """The one or two senses the article uses (English only), else the first sense."""
    used = word.sense or word.senses[:1]
    return " / ".join(english_only(readable(s, script)) for s in used)


def _forms(word, script: str) -> list[str]:
    if script == "traditional":
        return [word.traditional]
    if script == "simplified" or word.traditional == word.simplified:
        return [word.simplified]
    return [word.traditional, word.simplified]


def _word_html(word, script: str) -> str:
    first, *other = _forms(word, script)
    html = f'<span class="w">{colored(first, word.syllables)}</span>'
    return html + "".join(f'<span class="w alt">{escape(o)}</span>' for o in other)


def _example_texts(example, script: str) -> list[str]:
    if script == "traditional":
        return [example.traditional]
    if script == "simplified":
        return [example.simplified]
    return [example.traditional] if example.traditional == example.simplified else [example.traditional,
                                                                                    example.simplified]


def _example_html(example, script: str) -> str:
    lines = [highlight(t, example.spans) for t in _example_texts(example, script)]
    return lines[0] + "".join(f'<div class="alt">{line}</div>' for line in lines[1:])


def _gap(example, script: str, number: int, width: int) -> str:
    gap = f'<span class="gap" style="min-width:{1.2 * width + 1.6:.1f}em">{number}</span>'
    lines = [highlight(t, example.spans, "", gap) for t in _example_texts(example, script)]
    return lines[0] + "".join(f'<div class="alt">{line}</div>' for line in lines[1:])


def _tier(word, example) -> int:
    """How good a blank the word makes in its example (lower is better): a word of several characters,
    of HSK level 3 and up, in a sentence that gives enough context, before the everyday words of levels
    1–2 (今年, 工作), single characters (並, 好) and proper nouns (深水埗, 聯合報: not guessable)."""
    context = sum(1 for i, c in enumerate(example.text) if _han(c) and not any(a <= i < b for a, b in example.spans))
    proper = word.syllables[:1] and word.syllables[0][:1].isupper()
    tier = 4 if proper else 3 if len(word.simplified) == 1 else 2 if word.hsk in (1, 2) else 1 if word.hsk is None else 0
    return tier + (5 if context < 6 else 0)


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def practice_items(words, examples: dict, count: int) -> list:
    """Up to ``count`` (word, example) pairs for the practice, in the list's order: each a different
    sentence, the best blanks first (see ``_tier``), spread over the list (not only its first words);
    person names never."""
    if count <= 0:
        return []
    pairs, seen = [], set()
    for n, w in enumerate(words):
        e = examples.get(w.key)
        if e is None or w.name or e.text in seen:
            continue
        seen.add(e.text)
        pairs.append((_tier(w, e), n, w, e))
    chosen: list = []
    for tier in sorted({p[0] for p in pairs}):
        if len(chosen) >= count:
            break
        chosen += _spread([p for p in pairs if p[0] == tier], count - len(chosen))
    return [(w, e) for _, _, w, e in sorted(chosen, key=lambda p: p[1])]


def _spread(items: list, count: int) -> list:
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _rows(words, examples: dict, script: str) -> str:
    rows = []
    for n, w in enumerate(words, 1):
        ex = examples.get(w.key)
        rows.append(
            f'<tr><td class="n">{n}</td><td class="word">{_word_html(w, script)}</td>'
            f'<td class="py">{pinyin(w.syllables)}</td><td class="sense">{escape(sense(w, script))}</td>'
            f'<td class="hsk">{escape(w.hsk_label)}</td><td class="ex">{_example_html(ex, script) if ex else ""}</td></tr>'
        )
    return "\n".join(rows)


def _practice(items, script: str) -> str:
    if not items:
        return ""
    bank = sorted(items, key=lambda item: (item[0].pinyin_numbered.lower(), item[0].simplified))
    bank_html = "".join(f'<span class="bank-word">{escape(" / ".join(_forms(w, script)))}</span>' for w, _ in bank)
    questions = "\n".join(f"<li>{_gap(e, script, n, len(w.simplified))}</li>" for n, (w, e) in enumerate(items, 1))
    return template("sheet_practice.html").format(bank=bank_html, questions=questions)


def _key(items, script: str) -> str:
    if not items:
        return ""
    answers = "\n".join(
        f'<li><span class="answer">{escape(" / ".join(_forms(w, script)))}</span> '
        f'<span class="py">{pinyin(w.syllables)}</span> · {escape(sense(w, script))}'
        f'<div class="ex">{_example_html(e, "traditional" if script == "both" else script)}</div></li>'
        for w, e in items
    )
    return template("sheet_key.html").format(answers=answers)


def render(title: str, sources, words, examples: dict, script: str, hsk_name: str, practice: int = 10) -> str:
    """The sheet's HTML: ``sources`` are ``SheetSource``s, ``script`` traditional, simplified or both,
    ``practice`` the number of practice sentences (0: no practice and no answer key)."""
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}")
    if len(sources) == 1:
        s = sources[0]
        meta = [x for x in (s.date, s.where) if x]
    else:
        meta = [f"{len(sources)} articles: " + "; ".join(x.title + (f" ({x.date})" if x.date else "") for x in sources)]
    meta.append(f"{len(words)} words")
    items = practice_items(words, examples, practice)
    lang = {"traditional": "zh-Hant", "simplified": "zh-Hans"}.get(script, "zh")
    return template("sheet.html").format(
        lang=lang, title=escape(title), meta=" · ".join(escape(m) for m in meta),
        columns=_columns(words, script), rows=_rows(words, examples, script), practice=_practice(items, script), key=_key(items, script),
        css=template("sheet.css"), title_css=_css_string(title),
        footer=f"Made with cardmaker. HSK levels: {escape(hsk_name)}.",
    )


def _columns(words, script: str) -> str:
    """Column widths (percent of the printed width): the word column as wide as the longest word at
    13 pt, so that no word is cut or broken; the example takes what is left."""
    longest = max((len(f) for w in words for f in _forms(w, script)), default=2)
    word = min(30.0, 2.0 + 2.5 * max(longest, 3))
    both = script == "both"  # two lines of example per row: the example takes more of the width
    widths = {"n": 4.5, "word": word, "py": 12.5 if both else 14.0, "sense": 18.0 if both else 24.0, "hsk": 4.5}
    widths["ex"] = 100 - sum(widths.values())
    return "".join(f'<col class="c-{k}" style="width:{v:.1f}%">' for k, v in widths.items())


def _css_string(text: str) -> str:
    """``text`` as a CSS string for the running page header (quotes, backslashes and ``<`` escaped)."""
    out = "".join(c if c.isprintable() and c not in '"\\<>' else f"\\{ord(c):x} " for c in text[:80])
    return f'"{out}"'
