"""A scraped news page of the kind users feed in (tests/data/scraped_news.txt, written for the tests):
a dateline, labelled date, glosses of several forms, one gloss on the wrong character, an English
abbreviation, a URL, a photo credit and an end marker."""

from pathlib import Path

import pytest

from cardmaker.text.article import read_article
from cardmaker.build import BuildOptions, run_build
from cardmaker.text.glosses import report
from cardmaker.analysis.vocabulary import extract
from cardmaker.lexicon import Lexicon
from conftest import import_apkg, note_by

PAGE = Path(__file__).parent / "data" / "scraped_news.txt"


@pytest.fixture(scope="module")
def article():
    return read_article(PAGE)


@pytest.fixture(scope="module")
def words(article):
    return {w.simplified: w for w in extract(article, Lexicon())}


def test_layout_and_glosses(article):
    assert article.title.startswith("台積電(2330-TW)宣布擴大投資")
    assert article.date == "2024-03-15"
    r = report(article.text, article.glosses, article.truncated)
    assert r.glossed == 10
    # 競爭(jìng)力: the gloss sits on 爭, which is never read jìng
    assert [m[:2] for m in r.mismatches] == [("爭", "jìng")]
    for kept in ("(2330-TW)", "（R&D）", "https://example.com/news?id=123&lang=zh", "(圖片來源:中央社)", "（完）"):
        assert kept in article.text


def test_vocabulary(words):
    tsmc = words["台积电"]  # jieba cuts 台積|電; the dictionary word is put back together
    assert tsmc.traditional == "台積電" and "TSMC" in tsmc.meaning
    invest = words["投资"]  # glossed once per character (title) and once as a word, 投資(tóuzī)
    assert invest.check == "verified" and invest.glosses == ("投(tou2)", "資(zi1)")
    assert words["竞争力"].check == "conflict"  # the misplaced gloss contradicts the only reading
    assert words["强劲"].pinyin == "qiángjìng" and words["强劲"].check == "verified"
    for boilerplate in ("发布", "时间", "完", "图片"):  # date line, end marker, photo credit
        assert boilerplate not in words


def test_deck(tmp_path, collection):
    result = run_build([PAGE], BuildOptions(output=tmp_path, timestamp=1_700_000_000))
    assert not result.failed
    import_apkg(collection, result.decks[0])
    n = note_by(collection, "台积电")
    assert n["Traditional"] == "台積電" and "台積電" in n["Example"]
    assert collection.note_count() == result.notes
