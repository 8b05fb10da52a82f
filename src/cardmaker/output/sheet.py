"""A printable vocabulary sheet: one self-contained HTML page per article, A4 print styles."""

from __future__ import annotations

from cardmaker.output.html import colored, escape, highlight, pinyin, template


def render(title: str, date: str | None, words, examples: dict, hsk_name: str) -> str:
    """The sheet's HTML; every piece of article text is escaped."""
    rows = []
    for n, w in enumerate(words, 1):
        ex = examples.get(w.key)
        example = (highlight(ex.traditional, ex.spans) + '<br><span class="simp">'
                   + highlight(ex.simplified, ex.spans) + "</span>") if ex else ""
        hsk = f'<div class="hsk">HSK {escape(w.hsk_label)}</div>' if w.hsk else ""
        rows.append(
            f'<tr><td class="n">{n}</td><td class="hanzi">{colored(w.traditional, w.syllables)}</td>'
            f'<td class="hanzi simp">{colored(w.simplified, w.syllables)}</td><td>{pinyin(w.syllables)}</td>'
            f"<td>{escape(w.meaning)}{hsk}</td><td>{example}</td></tr>"
        )
    meta = " · ".join(x for x in (escape(date or ""), f"{len(words)} words") if x)
    return template("sheet.html").format(
        title=escape(title), meta=meta, rows="\n".join(rows), css=template("sheet.css"),
        footer=f"Made with cardmaker. Readings checked against the article; HSK levels: {escape(hsk_name)}.",
    )
