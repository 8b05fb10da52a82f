from cardmaker import dictionary
from cardmaker.dictionary import Dictionary, cedict, parse_cedict


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


def test_stale_or_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDMAKER_CACHE", str(tmp_path))
    path = dictionary.data_path()
    rows = dictionary._load_rows(path)
    (cache_file,) = tmp_path.glob("cedict-*.marshal")
    cache_file.write_bytes(b"\x00garbage")
    assert dictionary._load_rows(path) == rows
    cache_file.write_bytes(cache_file.read_bytes()[:1000])  # truncated
    assert dictionary._load_rows(path) == rows
    assert len(rows) > 100_000
