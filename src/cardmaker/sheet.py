"""A printable vocabulary sheet: one self-contained HTML page per article, A4 print styles."""

from __future__ import annotations

from cardmaker.deck import _colored, _e, _highlight, _pinyin_html, _template
from cardmaker.dictionary import HSK_NAME



def render(title: str, date: str | None, words, examples: dict) -> str:
    """The sheet's HTML; every piece of article text is escaped."""
    rows = []
    for n, w in enumerate(words, 1):
        ex = examples.get(w.key)
        example = _highlight(ex.traditional, ex.word) + "<br>" + _highlight(ex.simplified, ex.word) if ex else ""
        hsk = f'<div class="hsk">HSK {_e(w.hsk_label)}</div>' if w.hsk else ""
        rows.append(
            f'<tr><td class="n">{n}</td><td class="hanzi">{_colored(w.traditional, w.syllables)}</td>'
            f'<td class="hanzi">{_colored(w.simplified, w.syllables)}</td><td>{_pinyin_html(w.syllables)}</td>'
            f"<td>{_e(w.meaning)}{hsk}</td><td>{example}</td></tr>"
        )
    meta = " · ".join(x for x in (_e(date or ""), f"{len(words)} words") if x)
    return _template("sheet.html").format(
        title=_e(title), meta=meta, rows="\n".join(rows), css=_template("sheet.css"),
        footer=f"Made with cardmaker. Readings checked against the article; HSK levels: {_e(HSK_NAME)}.",
    )


def write_sheet(article, options, output=None):
    """Prepare ``article`` (a path) and write its sheet to ``output`` (default: beside it, .html).

    Returns the path written and the warnings of reading and curating it.
    """
    from pathlib import Path

    from cardmaker.atomic import write_atomic
    from cardmaker.build import prepare
    from cardmaker.errors import OutputError

    p = prepare(article, options)
    target = Path(output) if output else Path(article).with_suffix(".html")
    if target.resolve() == Path(article).resolve():
        raise OutputError(f"{target}: is the article itself; choose another -o")
    date = p.source[len(p.title):].strip(" ()") or None
    write_atomic(target, render(p.title, date, p.words, p.examples).encode("utf-8"))
    return target, list(p.notes)
