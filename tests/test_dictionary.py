import gzip
import os

import pytest

from cardmaker.lexicon import Lexicon
from cardmaker.lexicon.cedict import Dictionary, parse_cedict as parse
from cardmaker.lexicon.store import Sources, open_default, open_store

# A few lines of each data file, for the tests of the on-disk store (building the real one takes seconds).
MINI_CEDICT = """\
# CC-CEDICT (a few lines of it)
強勁 强劲 [qiang2 jing4] /strong/powerful/robust/
學習 学习 [xue2 xi2] /to learn/to study/
行 行 [hang2] /row/line/
行 行 [xing2] /to walk/to go/
"""
MINI_JIEBA = "强劲 300 a\n学习 2000 v\n行 5000 v\n"


def parse_cedict(lines):
    return list(parse(lines))


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with gzip.open(folder / "cedict.txt.gz", "wt", encoding="utf-8") as f:
        f.write(MINI_CEDICT)
    (folder / "dict.txt").write_text(MINI_JIEBA, encoding="utf-8")
    return Sources(folder / "cedict.txt.gz", folder / "dict.txt")


def test_every_reading_kept(lexicon):
    assert {e.pinyin for e in lexicon.entries("行")} >= {"hang2", "xing2"}
    assert {e.pinyin for e in lexicon.entries("重")} >= {"chong2", "zhong4"}
    assert {e.pinyin for e in lexicon.entries("勁")} >= {"jin4", "jing4"}
    assert lexicon.entries("強勁") == lexicon.entries("强劲")  # indexed by both scripts


def test_classifiers_are_separated():
    (e,) = parse_cedict(["書 书 [shu1] /book/letter/CL:本[ben3],冊|册[ce4],部[bu4]/"])
    assert e[3] == ("book", "letter") and e[4] == ("本[ben3]", "冊|册[ce4]", "部[bu4]")


def test_variant_and_surname_flags():
    d = Dictionary(rows=parse_cedict(["於 于 [Yu2] /surname Yu/", "於 于 [yu2] /in; at/",
                                      "喫 吃 [chi1] /variant of 吃[chi1]/"]))
    assert d.lookup("于")[0].surname_only and not d.lookup("于")[1].surname_only
    assert d.lookup("喫")[0].variant_only and not d.is_word("喫")


def test_lookups_do_not_depend_on_what_was_primed(lexicon):
    """Priming is only a speed-up: a word outside the primed text, or one primed before, reads the same."""
    fresh = Lexicon()
    fresh.prime("强劲的经济")
    assert fresh.entries("学习") == lexicon.entries("学习") != ()
    assert fresh.entries("强劲") == lexicon.entries("强劲") != ()
    assert fresh.entries("劲的") == ()  # a substring of the primed text that is no headword


def test_store_is_built_from_its_sources(tmp_path, sources):
    store = open_store(tmp_path / "cache", sources)
    assert [r[2] for r in store.cedict("行")] == ["hang2", "xing2"]
    assert store.jieba_entries("学习强劲") == {"学习": (2000, "v"), "强劲": (300, "a"), "学": (0, ""), "强": (0, "")}
    assert store.is_head("學習") and not store.is_head("学")
    assert Lexicon(store=store).entries("学习")[0].senses == ("to learn", "to study")


def test_frequencies_are_wordfreqs_in_either_script(lexicon):
    """The store's frequencies are wordfreq's own (its zipf_frequency, which tokenizes first, agrees
    on words it keeps whole); a traditional word is looked up as its simplified form."""
    from wordfreq import zipf_frequency

    for word in ("的", "经济", "审核", "获得"):
        assert lexicon.frequency(word) == zipf_frequency(word, "zh") > 0
    assert lexicon.frequency("經濟") == lexicon.frequency("经济")
    assert lexicon.frequency("经济发展强劲") == 0.0  # no such word in the list


def test_a_store_without_frequencies_says_zero(tmp_path, sources):
    assert Lexicon(store=open_store(tmp_path / "cache", sources)).frequency("学习") == 0.0


def test_stale_or_corrupt_store_is_rebuilt(tmp_path, sources):
    store = open_store(tmp_path, sources)
    (path,) = tmp_path.glob("lexicon-*.sqlite")
    reference = store.cedict("强劲")
    assert reference and store.jieba_entries("强劲")["强劲"][0] > 0

    path.write_bytes(b"not a database at all")  # corrupt
    assert open_store(tmp_path, sources).cedict("强劲") == reference
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # truncated mid-write
    assert open_store(tmp_path, sources).cedict("强劲") == reference

    stale = [tmp_path / f"lexicon-000000000000000{i}.sqlite" for i in range(4)]
    for i, p in enumerate(stale):
        p.write_bytes(b"old")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    path.unlink()
    assert open_store(tmp_path, sources).cedict("强劲") == reference
    # other data versions: the two newest are kept (another environment may use them), older ones go
    assert [p.exists() for p in stale] == [False, False, True, True]
    assert not list(tmp_path.glob("*.tmp"))


def test_store_damaged_inside_is_rebuilt(tmp_path, sources):
    store = open_store(tmp_path, sources)
    (path,) = tmp_path.glob("lexicon-*.sqlite")
    reference = store.cedict("强劲")
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data), 4096):  # garble every page but the header: opening checks still pass
        data[i + 8:i + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    assert open_store(tmp_path, sources).cedict("强劲") == reference


def test_unwritable_cache_folder_falls_back_to_temp(tmp_path, monkeypatch, sources):
    from cardmaker.lexicon import store as store_module

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARDMAKER_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(store_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    store = open_default(sources)
    assert store.cedict("强劲") and str(store.path).startswith(str(tmp_path / "tmp"))


def test_prefix_walk_finds_exactly_the_dictionary_substrings(seed_article, lexicon):
    """The walk (which never asks for a substring whose start is no prefix) finds the same
    entries as asking the store about every substring of the text."""
    import sqlite3

    from cardmaker.chinese.script import to_simplified_aligned
    from cardmaker.lexicon.store import Store

    store = Store(lexicon.store.path, lexicon.store.sources)  # its own memo, nothing remembered yet
    text = to_simplified_aligned(seed_article.text)[:400] + " 中华人民共和国 台積電 Apple ！"
    db = sqlite3.connect(store.path)
    every = {text[a:b] for a in range(len(text)) for b in range(a + 1, min(len(text), a + 12) + 1)}
    rows = {}
    for w in every:
        row = db.execute("SELECT freq, tag, head FROM prefix WHERE p = ?", (w,)).fetchone()
        if row:
            rows[w] = row
    jieba = {w: (f, t) for w, (f, t, _) in rows.items() if f is not None and not w[0].isspace()}
    heads = {w for w, (_, _, h) in rows.items() if h and not w[0].isspace()}
    assert store.jieba_entries(text) == jieba
    assert set(store.cedict_heads(text)) == heads
    assert "台積電" in heads and jieba["中华人民共和国"][0] > 0
    fresh = Store(store.path, store.sources)  # same answers when another text was asked about first
    assert fresh.jieba_entries("学习") == store.jieba_entries("学习")
    assert fresh.jieba_entries(text) == jieba
