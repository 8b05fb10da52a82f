"""The vocabulary as a tab-separated table (``cardmaker words``)."""

from __future__ import annotations

from cardmaker.vocabulary import Word

COLUMNS = (
    "simplified", "traditional", "pinyin", "pinyin_numbered", "zhuyin", "meaning", "classifiers",
    "pos", "hsk", "count", "reading_check", "gloss",
)


def _cell(value) -> str:
    return " ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " ")


def row(w: Word) -> tuple[str, ...]:
    return (
        w.simplified, w.traditional, w.pinyin, w.pinyin_numbered, w.zhuyin, w.meaning,
        " / ".join(w.classifiers), w.part_of_speech, w.hsk_label, str(w.count), w.check, " ".join(w.glosses),
    )


def to_tsv(words) -> str:
    lines = ["\t".join(COLUMNS)]
    lines.extend("\t".join(_cell(c) for c in row(w)) for w in words)
    return "\n".join(lines) + "\n"
