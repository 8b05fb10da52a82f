from cardmaker.dictionary import Dictionary, cedict
from cardmaker.lexicon import parse_cedict as parse


def parse_cedict(lines):
    return list(parse(lines))


def test_every_reading_kept():
    d = cedict()
    assert {e.pinyin for e in d.lookup("行")} >= {"hang2", "xing2"}
    assert {e.pinyin for e in d.lookup("重")} >= {"chong2", "zhong4"}
    assert {e.pinyin for e in d.lookup("勁")} >= {"jin4", "jing4"}
    assert d.lookup("強勁") == d.lookup("强劲")  # indexed by both scripts


def test_classifiers_are_separated():
    (e,) = parse_cedict(["書 书 [shu1] /book/letter/CL:本[ben3],冊|册[ce4],部[bu4]/"])
    assert e[3] == ("book", "letter") and e[4] == ("本[ben3]", "冊|册[ce4]", "部[bu4]")


def test_variant_and_surname_flags():
    d = Dictionary(parse_cedict(["於 于 [Yu2] /surname Yu/", "於 于 [yu2] /in; at/", "喫 吃 [chi1] /variant of 吃[chi1]/"]))
    assert d.lookup("于")[0].surname_only and not d.lookup("于")[1].surname_only
    assert d.lookup("喫")[0].variant_only and not d.is_word("喫")


def test_stale_or_corrupt_lexicon_is_rebuilt(tmp_path):
    from cardmaker.lexicon import open_lexicon

    lex = open_lexicon(tmp_path)
    (path,) = tmp_path.glob("lexicon-*.sqlite")
    reference = lex.cedict("强劲")
    assert reference and lex.jieba_entries("强劲")["强劲"][0] > 0

    path.write_bytes(b"not a database at all")  # corrupt
    assert open_lexicon(tmp_path).cedict("强劲") == reference
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # truncated mid-write
    assert open_lexicon(tmp_path).cedict("强劲") == reference

    import os

    stale = [tmp_path / f"lexicon-000000000000000{i}.sqlite" for i in range(4)]
    for i, p in enumerate(stale):
        p.write_bytes(b"old")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    path.unlink()
    assert open_lexicon(tmp_path).cedict("强劲") == reference
    # other data versions: the two newest are kept (another environment may use them), older ones go
    assert [p.exists() for p in stale] == [False, False, True, True]
    assert not list(tmp_path.glob("*.tmp"))


def test_lexicon_damaged_inside_is_rebuilt(tmp_path):
    from cardmaker.lexicon import open_lexicon

    lex = open_lexicon(tmp_path)
    (path,) = tmp_path.glob("lexicon-*.sqlite")
    reference = lex.cedict("强劲")
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data), 4096):  # garble every page but the header: opening checks still pass
        data[i + 8:i + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    lex = open_lexicon(tmp_path)
    assert lex.cedict("强劲") == reference


def test_unwritable_cache_folder_falls_back_to_temp(tmp_path, monkeypatch):
    from cardmaker import lexicon as lexicon_module

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARDMAKER_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(lexicon_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    lexicon_module.lexicon.cache_clear()
    try:
        lex = lexicon_module.lexicon()
        assert lex.cedict("强劲") and str(lex.path).startswith(str(tmp_path / "tmp"))
    finally:
        lexicon_module.lexicon.cache_clear()


def test_prefix_walk_finds_exactly_the_dictionary_substrings(seed_article):
    """The walk (which never asks for a substring whose start is no prefix) finds the same
    entries as asking the lexicon about every substring of the text."""
    import sqlite3

    from cardmaker.lexicon import Lexicon, lexicon
    from cardmaker.script import to_simplified_aligned

    lex = Lexicon(lexicon().path)  # its own memo, nothing remembered yet
    text = to_simplified_aligned(seed_article.text)[:400] + " 中华人民共和国 台積電 Apple ！"
    db = sqlite3.connect(lex.path)
    every = {text[a:b] for a in range(len(text)) for b in range(a + 1, min(len(text), a + 12) + 1)}
    rows = {}
    for w in every:
        row = db.execute("SELECT freq, tag, head FROM prefix WHERE p = ?", (w,)).fetchone()
        if row:
            rows[w] = row
    jieba = {w: (f, t) for w, (f, t, _) in rows.items() if f is not None and not w[0].isspace()}
    heads = {w for w, (_, _, h) in rows.items() if h and not w[0].isspace()}
    assert lex.jieba_entries(text) == jieba
    assert set(lex.cedict_heads(text)) == heads
    assert "台積電" in heads and jieba["中华人民共和国"][0] > 0
    fresh = Lexicon(lex.path)  # same answers when another text was asked about first
    assert fresh.jieba_entries("学习") == lex.jieba_entries("学习")
    assert fresh.jieba_entries(text) == jieba
