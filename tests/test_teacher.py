"""Teacher workflow: curated lists, own dictionary, Anki exports as known words, sheet, CSV and Pleco."""

import csv
import io
import re

import pytest
from click.testing import CliRunner

from cardmaker.cli import main
from conftest import import_apkg, note_by


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def test_curated_list_round_trip(tmp_path, seed_path, collection):
    table = tmp_path / "list.tsv"
    assert run("words", seed_path, "-o", table).exit_code == 0
    header, *rows = table.read_text(encoding="utf-8").splitlines()
    by_word = {r.split("\t")[0]: r.split("\t") for r in rows}
    cols = header.split("\t")
    edited = list(by_word["重点"])
    edited[cols.index("meaning")] = "key point (as taught in class)"
    lines = [
        header,
        "\t".join(by_word["强劲"]),
        "\t".join(edited),
        "博览",          # added: inside 博覽會 in the article, so it gets an example
        "\t".join(by_word["进博会"]),
        "\t電腦",        # added in the traditional column, not in the article at all
    ]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "curated.apkg"
    result = run("build", seed_path, "--words", table, "-o", out)
    assert result.exit_code == 0, result.output
    assert "电脑 is not in the article" in result.stderr and "line 6" in result.stderr
    import_apkg(collection, out)
    assert collection.note_count() == 5
    assert collection.card_count() == 4 * 3 + 2  # no cloze card without an example
    order = [collection.get_note(n)["Simplified"] for n in sorted(collection.find_notes(""))]
    assert order == ["强劲", "重点", "博览", "进博会", "电脑"]  # the list's order
    zhongdian = note_by(collection, "重点")
    assert zhongdian["Sense"] == "key point (as taught in class)"  # the teacher's meaning is the one meant
    assert re.sub("<[^>]+>", "", zhongdian["Meaning"]) == "key point (as taught in class)"
    bolan = note_by(collection, "博览")
    assert bolan["Traditional"] == "博覽" and '<span class="hl">博覽</span>' in bolan["Example"]
    assert bolan["PinyinNumbered"] == "bo2 lan3"
    diannao = note_by(collection, "电脑")
    assert diannao["Example"] == "" and diannao["Traditional"] == "電腦" and "computer" in diannao["Meaning"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("simplified\tcolour\n强劲\tred\n", "line 1: unknown column 'colour'"),
        ("simplified\tmeaning\n强劲\tstrong\textra\n", "line 2: 3 cells but the header has 2"),
        ("simplified\tpinyin\n强劲\tqiangzzz\n", "line 2: cannot read the pinyin"),
        ("simplified\tpinyin_numbered\n强劲\tqiang2\n", "line 2: cannot read the pinyin_numbered"),
        ("simplified\tmeaning\n\tstrong\n", "line 2: no word"),
        ("", "empty"),
    ],
)
def test_malformed_word_list(tmp_path, seed_path, content, message):
    table = tmp_path / "list.tsv"
    table.write_text(content, encoding="utf-8")
    result = run("build", seed_path, "--words", table, "-o", tmp_path / "x.apkg")
    assert result.exit_code == 1
    assert message in result.output and "list.tsv" in result.output
    assert not (tmp_path / "x.apkg").exists()


def test_user_dictionary_wins(tmp_path, seed_path):
    d = tmp_path / "mine.tsv"
    d.write_text(
        "# word\tpinyin\tmeaning\n"
        "進博會\tjìnbóhuì\tChina International Import Expo (CIIE)\n"
        "重点\tzhong4 dian3\tfocus (our class's gloss)\n"
        "城市服務保障\tcheng2 shi4 fu2 wu4 bao3 zhang4\tcity service support\n",
        encoding="utf-8",
    )
    table = tmp_path / "w.tsv"
    assert run("words", seed_path, "--dict", d, "-o", table).exit_code == 0
    rows = {r.split("\t")[0]: r.split("\t") for r in table.read_text(encoding="utf-8").splitlines()[1:]}
    assert rows["进博会"][5] == "China International Import Expo (CIIE)"
    assert rows["重点"][5] == "focus (our class's gloss)"
    assert rows["城市服务保障"][1] == "城市服務保障"  # cut as one word now
    assert rows["城市服务保障"][3] == "cheng2 shi4 fu2 wu4 bao3 zhang4"


def test_bad_user_dictionary(tmp_path, seed_path):
    d = tmp_path / "mine.tsv"
    d.write_text("進博會\tnot pinyin at all\tx\n", encoding="utf-8")
    result = run("words", seed_path, "--dict", d)
    assert result.exit_code == 1 and "mine.tsv: line 1" in result.output


def test_known_words_from_anki_export(tmp_path, seed_path):
    export = tmp_path / "Notes.txt"
    export.write_text(
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
        "Ab1+x\tcardmaker\tNews\t<span class=\"tone4\">確</span><span class=\"tone3\">保</span>\tx\ttag\n"
        "Cd2+y\tBasic\tNews\t\"重點\"\t\"key, point\"\t\n",
        encoding="utf-8",
    )
    result = run("words", seed_path, "--known", export)
    assert result.exit_code == 0
    words = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert "确保" not in words and "重点" not in words and "强劲" in words
    assert "cardmaker" not in words and "Ab1+x" not in words


def test_csv_and_pleco(tmp_path, seed_path):
    out = tmp_path / "words.csv"
    assert run("build", seed_path, "--format", "csv", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8-sig")  # after Anki's header lines comes the plain CSV
    columns = next(l for l in text.splitlines() if l.startswith("#columns:"))[len("#columns:"):].split(",")
    body = "\n".join(l for l in text.splitlines() if not l.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body), fieldnames=columns))
    assert list(rows[0]) == [
        "Simplified", "Traditional", "Pinyin", "PinyinNumbered", "Zhuyin", "Meaning", "Classifiers",
        "PartOfSpeech", "HSK", "Example", "ExampleTraditional", "ExampleSimplified", "ExamplePinyin",
        "Source", "ReadingCheck", "Count", "Tags", "Sense",  # columns added later come after Tags
        "Headword", "Script", "AddRecognition", "AddRecall", "AddCloze", "VoiceCN", "VoiceTW", "VoiceHK",
    ]
    q = next(r for r in rows if r["Simplified"] == "强劲")
    assert q["Pinyin"] == "qiángjìng" and "強勁" in q["Example"] and "<" not in q["Example"]
    assert q["Headword"] == "強勁" and q["AddRecognition"] == q["AddCloze"] == "y"

    pleco = tmp_path / "words.txt"
    assert run("build", seed_path, "--format", "pleco", "-o", pleco).exit_code == 0
    lines = pleco.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("//全力以赴確保第六屆進博會")
    assert "强劲[強勁]\tqiang2jing4\tstrong; powerful; robust" in lines
    assert all(line.count("\t") == 2 for line in lines[1:])


def test_merged_pleco_has_a_category_per_article(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("第一篇\n經濟發展很強勁。\n", encoding="utf-8")
    b.write_text("第二篇\n出口增長明顯。\n", encoding="utf-8")
    out = tmp_path / "week.txt"
    assert run("build", a, b, "--merge", "Week 1", "--format", "pleco", "-o", out).exit_code == 0
    cats = [l for l in out.read_text(encoding="utf-8").splitlines() if l.startswith("//")]
    assert cats == ["//Week 1/第一篇", "//Week 1/第二篇"]


def test_sheet_escapes_article_text(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("標題<script>alert(1)</script>\n經濟<img src=x onerror=alert(1)>發展強勁。\n", encoding="utf-8")
    out = tmp_path / "x.html"
    assert run("sheet", article, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "強勁" in html


def test_edited_pinyin_cell_wins(tmp_path, seed_path, collection):
    table = tmp_path / "list.tsv"
    assert run("words", seed_path, "-o", table).exit_code == 0
    header, *rows = table.read_text(encoding="utf-8").splitlines()
    cols = header.split("\t")
    row = next(r.split("\t") for r in rows if r.startswith("重点\t"))
    row[cols.index("pinyin")] = "chóngdiǎn"  # edited the tone-marked column only
    table.write_text(header + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    out = tmp_path / "x.apkg"
    assert run("build", seed_path, "--words", table, "-o", out).exit_code == 0
    import_apkg(collection, out)
    n = note_by(collection, "重点")
    assert n["PinyinNumbered"] == "chong2 dian3"
    assert "recount" in n["Meaning"]  # the meaning of that reading's entry, not "key point"


def test_user_dictionary_is_seen_by_every_stage(tmp_path, collection):
    """A single-character entry of --dict wins in the composed meaning of a term (進博會, which this
    article never spells out), in the table and on the card."""
    d = tmp_path / "mine.tsv"
    d.write_text("博\tbo2\tMY SENSE\n", encoding="utf-8")
    article = tmp_path / "expo.txt"
    article.write_text("進博會新聞\n第六屆進博會今天開幕。進博會的展商很多，進博會很成功。\n", encoding="utf-8")
    table = tmp_path / "w.tsv"
    assert run("words", article, "--dict", d, "-o", table).exit_code == 0
    rows = {r.split("\t")[0]: r.split("\t") for r in table.read_text(encoding="utf-8").splitlines()[1:]}
    assert "博 bó: MY SENSE" in rows["进博会"][5]
    out = tmp_path / "deck.apkg"
    assert run("build", article, "--dict", d, "-o", out).exit_code == 0
    import_apkg(collection, out)
    assert "博 bó: MY SENSE" in note_by(collection, "进博会")["Meaning"]
