"""Every deck imports into Anki: no control character (Anki's field separator U+001F among them) or lone
surrogate reaches a field, whichever input it comes from — the article, its file name, a ``--dict``
meaning, a ``--words`` cell, or a library caller's own records.

Quick by default; ``HYPOTHESIS_PROFILE=long pytest tests/test_controls.py`` runs 10,000 examples.
"""

import os
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cardmaker.cli import main
from cardmaker.text.controls import clean_text, strip_controls, terminal
from conftest import import_apkg

CONTROLS = [chr(c) for c in range(0x20) if c not in (9, 10)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
BIDI = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
        "\u2068", "\u2069", "\u2028", "\u2029", "\ufeff", "\u200b", "\ufffe", "\uffff"]
SURROGATES = ["\ud800", "\udbff", "\udc80", "\udcff", "\udfff"]
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

WORDS = ["經濟", "發展", "強勁", "出口", "增長", "明顯", "政府", "表示", "繼續", "推動", "改革", "開放", "學習"]
PIECES = st.sampled_from(WORDS + list("，。！？「」（）\n 的了是") + CONTROLS + BIDI + ["(jing)", "(ji)"])


def _with_surrogates(draw, text: str, most: int = 1) -> str:
    """A lone surrogate put into ``text`` (written as invalid UTF-8; many would make the file undecodable)."""
    for s in draw(st.lists(st.sampled_from(SURROGATES), max_size=most)):
        i = draw(st.integers(0, len(text)))
        text = text[:i] + s + text[i:]
    return text


@st.composite
def inputs(draw):
    body = "".join(draw(st.lists(PIECES, max_size=60)))
    article = _with_surrogates(draw, "新聞" + draw(st.sampled_from(CONTROLS)) + "標題\n經濟發展強勁。" + body + "\n")
    # in a table a CR ends the row, as in any text file; every other control stays inside its cell
    noise = st.lists(st.sampled_from([c for c in CONTROLS if c != "\r"] + BIDI), min_size=1, max_size=4).map("".join)
    meaning = _with_surrogates(draw, f"econ{draw(noise)}omy / {draw(noise)}growth{draw(noise)}")
    dictionary = f"經濟\tjing1 ji4\t{meaning}\n發展\tfa1 zhan3\tto{draw(noise)}develop\n"
    cells = [f"{w}\t{draw(noise)}{w}{draw(noise)}\t{w} means{draw(noise)}this" for w in ("经济", "出口")]
    word_list = "simplified\ttraditional\tmeaning\n" + "\n".join(cells) + "\n"
    name = b"a" + draw(st.binary(max_size=40)).replace(b"/", b"").replace(b"\0", b"") + b".txt"
    return article, dictionary, word_list, name


def _fields_are_clean(col) -> int:
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    for note in notes:
        for value in list(note.fields) + note.tags:
            assert not BAD.search(value), repr(value)
    return len(notes)


@given(inputs(), st.booleans())
def test_decks_from_hostile_text_import_into_anki(data, curated):
    from anki.collection import Collection

    article, dictionary, word_list, name = data
    with tempfile.TemporaryDirectory() as tmp:
        tmp_b = os.fsencode(tmp)
        article_path = os.fsdecode(os.path.join(tmp_b, name))
        Path(article_path).write_bytes(article.encode("utf-8", "surrogatepass"))
        (Path(tmp) / "dict.txt").write_bytes(dictionary.encode("utf-8", "surrogatepass"))
        (Path(tmp) / "words.tsv").write_bytes(word_list.encode("utf-8", "surrogatepass"))
        out = Path(tmp) / "deck.apkg"
        args = ["build", article_path, "-o", str(out), "--jobs", "1", "--dict", str(Path(tmp) / "dict.txt")]
        if curated:
            args += ["--words", str(Path(tmp) / "words.tsv")]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        for line in result.stderr.splitlines():  # every message is one printable line
            assert not BAD.search(line) and "\x1b" not in line, repr(line)
        col = Collection(str(Path(tmp) / "collection.anki2"))
        try:
            import_apkg(col, out)
            notes = _fields_are_clean(col)
            assert notes == int(re.search(r"(\d+) notes", result.stdout).group(1)) > 0
            if curated:
                assert notes == 2
        finally:
            col.close()


TEXT = st.text(st.sampled_from(CONTROLS + BIDI + SURROGATES + list("經濟a \t\n")), max_size=30)


@given(TEXT, TEXT, TEXT)
def test_library_records_with_controls_still_import(meaning, traditional, title):
    """A library caller's own records (a user entry, a title) pass the last guard where fields are made."""
    from anki.collection import Collection

    from cardmaker.build import Prepared, write_article
    from cardmaker.lexicon import Lexicon
    from cardmaker.records import UserEntry
    from cardmaker.build import BuildOptions

    lexicon = Lexicon([UserEntry("經濟" + traditional, "经济" + traditional, ("jing1", "ji4"), (meaning,))])
    word = next(w for w in _words(lexicon) if w.simplified == "经济")
    p = Prepared(path="x.txt", title=title, source=title + "\x1f", slug="a\x1fb\ud800", script="traditional",
                 words=(word,), examples={})
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "deck.apkg"
        write_article(lexicon, p, out, BuildOptions(timestamp=1_700_000_000))
        col = Collection(str(Path(tmp) / "collection.anki2"))
        try:
            import_apkg(col, out)
            assert _fields_are_clean(col) == 1
        finally:
            col.close()


def _words(lexicon):
    from cardmaker.analysis.vocabulary import extract
    from cardmaker.text.article import parse_article

    return extract(parse_article("標題\n經濟在發展。\n".encode()), lexicon)


def test_cleaning_rules():
    # line-ending controls become newlines, others vanish, tab and newline stay
    assert clean_text("a\r\nb\rc\x0bd\x0ce\x1cf\x85g") == "a\nb\nc\nd\ne\nf\ng"
    assert clean_text("經\x1f濟\x00\x7f\x9b[31m\t發\n展") == "經濟[31m\t發\n展"
    assert strip_controls("a\udcffb\ud800") == "a\ufffdb\ufffd"
    # a terminal gets escapes, never the characters themselves
    assert terminal("x\x1b[2Jy\u202ez\udcff\n") == "x\\x1b[2Jy\\u202ez\\xff\\n"
