"""File names of any legal form build like any other; every message names them quoted and escaped,
so that one error is one line; a path inside a symlink loop or longer than the system allows is one
line, never a traceback; nothing from an article reaches the terminal as a control sequence."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardmaker.cli import main
from conftest import import_apkg

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")  # (a newline ends a line)

NAMES = [
    b"\xff\xfe latin-1 \xe9.txt",             # not UTF-8
    "line\nbreak.txt".encode(),             # a newline in the name
    "\x1b[31mred\x1b[0m\x07.txt".encode(),  # a terminal escape and a bell
    "\u202eevil\u202c.txt".encode(),        # a bidi override
    "it's \"quoted\" \\ .txt".encode(),
    ("經" * 83 + "ab.txt").encode(),        # 255 bytes, the longest name there is
]


def run(*args):
    result = CliRunner().invoke(main, [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _one_line_each(text: str):
    for line in text.splitlines():
        assert not RAW.search(line), repr(line)


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_any_file_name_builds(tmp_path, seed_path, name, collection):
    assert len(name) <= 255
    article = os.path.join(os.fsencode(tmp_path), name)
    with open(article, "wb") as f:
        f.write(seed_path.read_bytes())
    out = tmp_path / "out"
    result = run("build", article, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    _one_line_each(result.output)
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[1].startswith("1 deck(s)") and lines[2].startswith("words: ")
    # "wrote …", the summary and the words kept: the name took one line
    (deck,) = out.iterdir()
    assert len(os.fsencode(deck.name)) <= 255
    plain = tmp_path / "deck.apkg"  # Anki's importer takes only names that are UTF-8
    plain.write_bytes(deck.read_bytes())
    import_apkg(collection, plain)
    assert collection.note_count() > 200
    for command in (["words", article], ["sheet", article, "-o", tmp_path / "s.html"], ["glosses", article]):
        result = run(*command)
        assert result.exit_code == 0, result.output
        _one_line_each(result.stderr + "\n".join(l for l in result.stdout.splitlines() if "glossed" in l))


def test_undecodable_names_given_on_a_real_command_line(tmp_path, seed_path):
    article = os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")
    with open(article, "wb") as f:
        f.write(seed_path.read_bytes())
    bad = os.path.join(os.fsencode(tmp_path), b"\xfe\nbad.txt")
    with open(bad, "wb") as f:
        f.write(b"no Chinese here\n")
    proc = subprocess.run([sys.executable, "-m", "cardmaker", "build", article, bad, "-o", str(tmp_path / "out"),
                           "--jobs", "1"], capture_output=True)
    assert proc.returncode == 1
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line == f"error: '{tmp_path}/\\xfe\\nbad.txt': no Chinese text"
    assert f"wrote '{tmp_path}/out/\\xff\\xfe.apkg'" in out.splitlines()


def test_an_error_names_the_file_in_one_line(tmp_path):
    bad = tmp_path / "two\nlines \x1b[2J.txt"
    bad.write_text("Latin only\n")
    result = run("build", bad, "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line == f"error: '{tmp_path}/two\\nlines \\x1b[2J.txt': no Chinese text"


@pytest.fixture
def loop(tmp_path):
    link = tmp_path / "loop"
    link.symlink_to(link)
    return link


@pytest.mark.parametrize("command", [
    lambda seed, loop: ["build", seed, "-o", loop / "deck.apkg", "--jobs", "1"],
    lambda seed, loop: ["build", seed, "-o", loop, "--jobs", "1"],
    lambda seed, loop: ["build", seed, "-o", loop / "a" / "b", "--format", "csv", "--jobs", "1"],
    lambda seed, loop: ["words", seed, "-o", loop / "t.tsv"],
    lambda seed, loop: ["sheet", seed, "-o", loop / "s.html"],
    lambda seed, loop: ["build", loop / "x.txt", "-o", loop.parent / "out", "--jobs", "1"],
    lambda seed, loop: ["words", seed, "--known", loop / "k.txt"],
])
def test_symlink_loops_are_one_line(seed_path, loop, command):
    result = run(*command(seed_path, loop))
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("error: ") and "loop" in line and "symbolic links" in line, line


@pytest.mark.parametrize("where", ["article", "output", "folder", "deep", "known"])
def test_paths_longer_than_allowed_are_one_line(tmp_path, seed_path, where):
    long = "長" * 100 + ".txt"  # 304 bytes: over the 255 of one name
    deep = Path(*(["d" * 200] * 25))  # 5,000 bytes: over the 4,096 of a path
    args = {
        "article": ["build", tmp_path / long, "-o", tmp_path / "out"],
        "output": ["build", seed_path, "-o", tmp_path / (long[:-4] + ".apkg")],
        "folder": ["build", seed_path, "-o", tmp_path / long[:-4] / "decks"],
        "deep": ["words", seed_path, "-o", tmp_path / deep / "t.tsv"],
        "known": ["words", seed_path, "--known", tmp_path / long],
    }[where]
    result = run(*args, *(["--jobs", "1"] if args[0] == "build" else []))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len([l for l in lines if l.startswith("error: ")]) == 1, lines
    assert "too long" in lines[-1], lines


def test_no_terminal_escape_reaches_the_terminal_from_an_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("標題\x1b]0;owned\x07\n經濟發\x1b[2J展強(qiang)勁\x9b31m，出口增長明顯。\u202e政府\n",
                       encoding="utf-8")
    for args in (["glosses", article], ["glosses", "--clean", article], ["glosses", "--json", article],
                 ["words", article]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    assert "經濟發[2J展強勁" in run("glosses", "--clean", article).stdout  # only the controls went


@pytest.mark.parametrize("name", ["Week 1/2", "a\nb\x1f", "週" * 120, "\udcff::x", "../.."])
def test_any_merge_name_makes_one_file_in_the_folder(tmp_path, seed_path, name, collection):
    out = tmp_path / "out"
    result = run("build", seed_path, seed_path, "--merge", name, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    _one_line_each(result.output)
    (deck,) = out.iterdir()
    assert deck.is_file() and len(os.fsencode(deck.name)) <= 255
    plain = tmp_path / "deck.apkg"
    plain.write_bytes(deck.read_bytes())
    import_apkg(collection, plain)
    assert collection.note_count() > 200
    assert all(d.name.isprintable() for d in collection.decks.all_names_and_ids())


# ── proper names in an article (issue #14) ──────────────────────────────────────────────────────
# (the file names above are one kind of name; these are the names an article's words are)

from cardmaker.analysis.examples import choose_examples  # noqa: E402
from cardmaker.analysis.vocabulary import Options, analyse  # noqa: E402
from cardmaker.text.article import parse_article  # noqa: E402


def _deck(text: str, lexicon):
    """The cards (names included) and every example's pinyin of an article of one paragraph."""
    analysis = analyse(parse_article(f"標題\n{text}\n".encode(), "test.txt"), lexicon, Options(names=True))
    chosen = choose_examples(analysis, analysis.words, lexicon)
    spelled = " ".join(p for e in chosen.values() for p, *_ in e.pinyin)
    return {w.simplified: w for w in analysis.all_words}, spelled


@pytest.mark.parametrize("text, place, pinyin", [
    # jieba tags these nr; CC-CEDICT has "Hualien, city and county on the east coast of Taiwan"
    ("不排除晚間發布陸上颱風警報，花蓮、臺東及恆春半島將首當其衝。", "花莲", "Huālián"),
    ("颱風中心明天將通過呂宋島北方的巴士海峽，後續朝廣東沿海前進。", "吕宋岛", "Lǚsòng Dǎo"),  # "Luzon Island"
    ("臺東縣政府也說，蘭嶼、綠島的交通船明天起停駛。", "兰屿", "Lányǔ"),  # "Lanyu or Orchid Island township"
    ("位於高雄岡山的一家螺絲廠負責人也坦言，扣件業的客戶多半是歐美通路商。", "高雄", "Gāoxióng"),
])
def test_a_place_jieba_took_for_a_person_is_a_word_with_its_place_reading(text, place, pinyin, lexicon):
    words, spelled = _deck(text, lexicon)
    assert not words[place].name and words[place].pinyin == pinyin
    assert pinyin in spelled


@pytest.mark.parametrize("text, name", [
    ("記者林孟賢報導，颱風明天接近。", "林孟贤"),      # a reporter: a person, CC-CEDICT has no entry
    ("市委書記陳吉寧出席會議。", "陈吉宁"),
    ("研究人員引用李四光的論文。", "李四光"),          # CC-CEDICT: "Li Siguang (1889-1971), ... geologist"
    # CC-CEDICT has 田中 only as "Tianzhong Town in Changhua County"; a place neither speaks nor is a
    # prime minister, and the name is one name in all the article
    ("田中表示，日本將與台灣合作。田中也說，雙方關係良好。", "田中"),
    ("首相田中出席會議，並與各國代表會談。", "田中"),
])
def test_a_person_stays_a_name(text, name, lexicon):
    words, _ = _deck(text, lexicon)
    assert words[name].name


@pytest.mark.parametrize("word, place", [
    ("花莲", True), ("桂林", True), ("吕宋岛", True), ("苏澳", True),
    ("刘伯温", False),   # "Liu Bowen (1311-1375), general under the first Ming emperor ..."
    ("佐野", False),     # "Sano (Japanese surname and place name)": a person's too
    ("波塞冬", False),   # "Poseidon, God of the sea in Greek mythology": a sea in the sense, no place
    ("山海经", False),   # "Classic of Mountain and Sea": a book
    ("银行", False),     # no proper noun at all
])
def test_which_dictionary_entries_name_a_place(word, place, lexicon):
    entries = lexicon.entries(word)
    assert any(e.place and not e.person for e in entries) == place, [e.senses[0] for e in entries]


@pytest.mark.parametrize("text, word, pinyin", [
    # a place and its street's unit, spelled apart and capitalised (GB/T 16159: Cháng'ān Jiē)
    ("涉及桂林街及北河街一帶約二十幢唐樓。北河街一幢唐樓外牆有石屎剝落。", "北河街", "Běihé Jiē"),
    # jieba cut 中|南美洲; its dictionary has 中南美洲 as a place, CC-CEDICT has 中南 and 美洲
    ("協助業者開發東南亞、中東及中南美洲等新興市場。", "中南美洲", "Zhōngnán Měizhōu"),
    # CC-CEDICT's town, which jieba cut into 成功 "success" and 鎮: one place, its unit spelled apart
    ("住在臺東縣成功鎮的漁民陳先生說，這幾天天氣晴朗又炎熱。", "成功镇", "Chénggōng Zhèn"),
    ("第六屆中國國際進口博覽會在上海市舉行。", "上海市", "Shànghǎi Shì"),  # CC-CEDICT: Shang4 hai3 shi4
    # a city CC-CEDICT has names a Hong Kong street: one name, no card "Nanchang, capital of Jiangxi"
    ("露宿者在南昌街與通州街交界天橋底生活。", "南昌街", "Nánchāng Jiē"),
    # the abbreviation of two places the article names (花蓮, 臺東)
    ("花蓮、臺東將首當其衝。台11線花東海岸公路可能封閉。水利署已在花東地區部署抽水機。", "花东", "Huādōng"),
])
def test_a_place_the_dictionary_lacks_is_capitalised_on_its_card_and_in_examples(text, word, pinyin, lexicon):
    words, spelled = _deck(text, lexicon)
    assert words[word].pinyin == pinyin
    assert pinyin in spelled and pinyin.lower() not in spelled


@pytest.mark.parametrize("text, piece, spelled_as", [
    # a place that names a street (桂林 "Guilin, city in Guangxi") is a piece of the street's name
    ("涉及桂林街及北河街一帶約二十幢唐樓。北河街一幢唐樓外牆有石屎剝落。", "桂林", "Guìlín Jiē"),
    # jieba's dictionary has 金管會 as a noun ending in an office, 南迴 as a place; CC-CEDICT has neither
    ("經濟部尊重央行的判斷，但會持續與央行及金管會保持密切聯繫。", "金管会", "Jīnguǎnhuì"),
    ("公路局表示，台9線南迴公路若雨量達到警戒值將預警性封閉。", "南回", "Nánhuí Gōnglù"),  # a road's word too
])
def test_a_name_that_gets_no_word_card_is_capitalised_in_examples(text, piece, spelled_as, lexicon):
    """No word's card (金管會's meaning cannot be composed from 金 "gold" and 管 "tube"; 桂林 is a piece
    of a street's name), but a name wherever an example shows it."""
    words, spelled = _deck(text, lexicon)
    assert piece not in words or words[piece].name
    assert spelled_as in spelled and spelled_as.lower() not in spelled


@pytest.mark.parametrize("text, word, pinyin", [
    ("他住在這條街，附近有一家銀行。委員會在此開會。", "银行", "yínháng"),
    ("他住在這條街，附近有一家銀行。委員會在此開會。", "街", "jiē"),   # a street, no place before it
    ("他住在這條街，附近有一家銀行。委員會在此開會。", "委员会", "wěiyuánhuì"),
    ("這條路很長，我們走到街口。", "路", "lù"),
    ("黨中央高度重視，中央和地方共同推動。", "中央", "zhōngyāng"),
    ("上海自貿區擴大開放。上海自貿區吸引外資。", "自贸区", None),     # 自贸 is no place: no capital
    ("台北市大安區的居民。沿著中山路走到北京路。", "大安区", "Dà'ān Qū"),  # CC-CEDICT's own spelling
    ("台北市大安區的居民。沿著中山路走到北京路。", "北京路", "Běijīng Lù"),  # a place and a road: a name
])
def test_a_common_noun_stays_lower_case_and_a_place_keeps_its_capitals(text, word, pinyin, lexicon):
    words, spelled = _deck(text, lexicon)
    if pinyin is None:
        assert word not in words or words[word].pinyin == words[word].pinyin.lower()
    else:
        assert words[word].pinyin == pinyin


@pytest.mark.parametrize("text, name, junk", [
    # a transliteration and the name in Latin letters after it (full-width, as Taiwan papers write them)
    ("不過理查賽內特（ＲｉｃｈａｒｄＳｅｎｎｅｔｔ）卻不以為然。理查賽內特是位傑出的作家。", "理查赛内特", "赛"),
    ("不過理查賽內特（ＲｉｃｈａｒｄＳｅｎｎｅｔｔ）卻不以為然。賽內特那些烘培師傅的冷漠令他驚訝。", "赛内特", "赛"),
    ("德國總理梅克爾（Angela Merkel）昨天訪問巴黎。", "梅克尔", "总理梅克尔"),
])
def test_a_transliteration_before_its_latin_name_is_one_foreign_name(text, name, junk, lexicon):
    words, spelled = _deck(text, lexicon)
    assert words[name].name and junk not in words
    assert words[name].pinyin.count(" ") == 0  # a foreign name is one word, capitalised once


def test_an_acronym_in_brackets_makes_no_name(lexicon):
    words, _ = _deck("世界衛生組織（WHO）表示，疫情趨緩。", lexicon)
    assert not words["世界卫生组织"].name


def test_full_width_letters_are_one_word_in_an_example(lexicon):
    from cardmaker.output.html import example_pinyin
    analysis = analyse(parse_article("標題\n不過理查賽內特（ＲｉｃｈａｒｄＳｅｎｎｅｔｔ）卻不以為然。\n".encode(), "t.txt"),
                       lexicon, Options(names=True))
    shown = [example_pinyin(e) for e in choose_examples(analysis, analysis.words, lexicon).values()]
    assert shown and all("ＲｉｃｈａｒｄＳｅｎｎｅｔｔ" in p for p in shown), shown
