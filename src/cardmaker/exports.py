"""Other formats than .apkg: a CSV of every field, and Pleco's flashcard import text."""

from __future__ import annotations

import csv
import io

from cardmaker.examples import Example

CSV_COLUMNS = (
    "Simplified", "Traditional", "Pinyin", "PinyinNumbered", "Zhuyin", "Meaning", "Classifiers",
    "PartOfSpeech", "HSK", "Example", "ExampleTraditional", "ExampleSimplified", "ExamplePinyin",
    "Source", "ReadingCheck", "Count", "Tags",
)


def csv_text(rows) -> str:
    """``rows``: (word, examples, script, sources, tags) per note; plain text, a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for word, examples, script, sources, tags in rows:
        ex_trad = " | ".join(e.traditional for e in examples)
        ex_simp = " | ".join(e.simplified for e in examples)
        example = {"traditional": ex_trad, "simplified": ex_simp}.get(
            script, " | ".join(f"{e.traditional} / {e.simplified}" for e in examples))
        writer.writerow([
            word.simplified, word.traditional, word.pinyin, word.pinyin_numbered, word.zhuyin, word.meaning,
            " / ".join(word.classifiers), word.part_of_speech, word.hsk_label, example, ex_trad, ex_simp,
            " | ".join(example_pinyin(e) for e in examples),
            " | ".join(dict.fromkeys(list(sources) + [e.source for e in examples])), word.check, word.count,
            " ".join(tags),
        ])
    return out.getvalue()


def example_pinyin(e: Example) -> str:
    return " ".join(text for text, _ in e.pinyin)


def pleco_text(sections) -> str:
    """Pleco import text: ``//category`` per article, then ``simplified[traditional]<TAB>pinyin<TAB>definition``.

    ``sections``: (category path as a tuple of names, words); "/" separates Pleco's subcategories.
    """
    lines = []
    for category, words in sections:
        lines.append("//" + "/".join(" ".join(part.replace("/", "／").split()) for part in category))
        for w in words:
            headword = w.simplified if w.simplified == w.traditional else f"{w.simplified}[{w.traditional}]"
            pinyin = "".join(s if s[-1:].isdigit() else s + "5" for s in w.syllables)
            definition = "; ".join(w.senses)
            if w.classifiers:
                definition += f" (measure words: {', '.join(w.classifiers)})"
            lines.append("\t".join(" ".join(x.split()) for x in (headword, pinyin, definition)))
    return "\n".join(lines) + "\n"
