"""Issue 14: words worth a card — junk left out, compounds kept, names by their place, readings
from the polyphone model where it is better, the learner order, known words from Anki itself."""

import sqlite3

import pytest
from click.testing import CliRunner

from cardmaker.analysis.segment import segment
from cardmaker.analysis.vocabulary import Options, analyse
from cardmaker.chinese.script import to_simplified_aligned
from cardmaker.cli import main
from cardmaker.errors import InputError
from cardmaker.lexicon import Lexicon
from cardmaker.lists.known import read_known
from cardmaker.text.article import parse_article

LEX = Lexicon()


def cut(text):
    return [(t.text, t.kind) for t in segment(to_simplified_aligned(text), LEX)]


def words(text, options=Options(), title="標題"):
    article = parse_article(f"{title}\n{text}\n".encode(), "t.txt")
    return {w.simplified: w for w in analyse(article, LEX, options).all_words}


@pytest.mark.parametrize("text, piece, why", [
    ("對標高水平開放", ("对标", "word"), "CC-CEDICT's 對標, not 標高 made across the boundary"),
    ("增強人民群眾獲得感", ("获得感", "word"), "an entry jieba cut in two"),
    ("推動常態化管理", ("常态化", "word"), "an entry jieba cut in two"),
    ("任何人都不應轉傳", ("任何人", "term"), "jieba's word, not 任|何人"),
    ("讓人放心不下", ("放心不下", "term"), "a verb and its complement, not 放心|不下"),
    ("參展商和投資商", ("参展商", "term"), "a word CC-CEDICT lacks"),
    ("唐樓外牆有石屎剝落", ("石屎", "word"), "CC-CEDICT's 石屎 'concrete', not the piece 有石 and 屎"),
    ("哪里的群众获得感就强", ("获得感", "word"), "获得 and the start of jieba's piece 感就强"),
    ("附近沒有豬隻可將日本腦炎病毒傳給蚊子", ("日本脑炎", "word"), "a place and a noun CC-CEDICT names a disease"),
    ("根據國發會統計，失業率下降", ("国发会", "term"), "an office's abbreviation, though 会 is also a modal"),
    ("勞動部與國發會合作", ("国发会", "term"), "国|发会: a noun jieba cut off the office's abbreviation"),
    ("客委會主委表示", ("客委会", "term"), "客|委会: the same"),
    ("台中市民可以申請補助", ("台中", "word"), "台|中|市民: the city CC-CEDICT has as 臺中市, then 市民"),
])
def test_compounds_are_kept(text, piece, why):
    assert piece in cut(text), why


def test_a_character_the_article_uses_only_before_one_word_makes_a_term_with_it():
    text = "法務部提出緩起訴制度。檢察官給予緩起訴處分。緩起訴期間屆滿。"
    assert ("缓起诉", "term") in cut(text)  # 緩 nowhere else: a term of law, not 缓 "slow" + 起诉
    # 缓 also alone (水流很緩): a word of the article's own, the pair no term
    assert ("缓起诉", "term") not in cut(text + "這條河水流很緩。")


@pytest.mark.parametrize("text, pieces, why", [
    ("他在台灣的家", ["在", "台湾"], "在台 'in Taiwan' would leave 灣 alone"),
    ("其中的道理", ["其中", "的"], "中的 'to hit the target' is made with a particle"),
    ("大家都會參加", ["都", "会"], "都会 'city' is an adverb and a verb here"),
    ("推動經濟發展", ["经济", "发展"], "two common words: two cards, not 经济发展"),
    ("以釘釘子精神抓落實", ["钉", "钉子"], "钉钉 'DingTalk' is made across the boundary"),
    ("美國公司的同志", ["美国", "公司", "同志"], "common words stay whole"),
    ("日本政府表示", ["日本", "政府"], "a place and a noun no entry has together"),
    ("他將於會中說明", ["将", "于", "会"], "将于会: a modal and a preposition, no office"),
    ("北市長表示", ["北", "市长"], "北|市长: Taipei's mayor, as before"),
    ("明天東半部地區將出現降雨", ["东"], "东|半部: a direction and a part, no office 东半部"),
    ("香港特區政府", ["香港", "特区"], "香港特区 is CC-CEDICT's place: the place and its word stay two"),
])
def test_phrases_stay_words(text, pieces, why):
    got = [w for w, _ in cut(text)]
    assert all(p in got for p in pieces), (why, got)


@pytest.mark.parametrize("text, name", [
    ("強烈颱風樺加沙增強為強颱", "桦加沙"),        # not 樺 "birch" + 加沙 "Gaza"
    ("熱帶性低氣壓命名為博羅依，", "博罗依"),
    ("栗戰書、汪洋、王滬寧。", "栗战书"),         # names in a list, though 汪洋 is a word
    ("栗戰書、汪洋、王滬寧。", "汪洋"),
    ("作者：常静肼 刘晓明", "常静肼"),               # an author after a role word
    ("記者甘芝萁／台北報導", "甘芝萁"),
    ("市委書記陳吉寧講話", "陈吉宁"),
])
def test_names_by_their_place(text, name):
    assert (name, "name") in cut(text)


@pytest.mark.parametrize("text, words", [
    ("氣象署發布颱風警報及豪雨特報。", ["警报", "及"]),   # a common word after 台风 is no storm's name
    ("老師教他把字寫好。", ["教", "他", "把"]),          # nor a pronoun or particle after a role word
    ("部分地區受颱風吹襲期間停課。", ["吹袭", "期间"]),
    ("完全感覺不到颱風要來。", ["要", "来"]),            # nor a modal and its verb after 台风
    ("颱風將登陸。", ["将", "登陆"]),
])
def test_words_after_a_role_or_a_storm_that_are_no_names(text, words):
    toks = cut(text)
    assert all((w, "word") in toks for w in words), toks
    assert not any(kind == "name" for _, kind in toks), toks


@pytest.mark.parametrize("text, surname, title", [
    ("漁民陳先生說，天氣晴朗。", "陈", "先生"),
    ("王老師和李小姐都來了。", "王", "老师"),
    ("鍾先生說。", "钟", "先生"),
])
def test_a_surname_and_a_title_are_a_name_and_a_word(text, surname, title):
    toks = cut(text)
    assert (surname, "name") in toks and (title, "word") in toks, toks
    a = analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), LEX)
    assert title in {w.simplified for w in a.words}  # the title is a card, the person is not
    assert surname + title not in {w.simplified for w in a.words}


def test_a_name_found_once_is_a_name_everywhere():
    toks = cut("樺加沙增強。颱風樺加沙來襲。")
    assert toks.count(("桦加沙", "name")) == 2 and ("加沙", "word") not in toks


@pytest.mark.parametrize("text, phrase, pieces", [
    ("民宿業者也表示，已有多組旅客來電取消。", "已有", ["已", "有"]),             # adverb + verb: "already have"
    ("工業同業公會一名幹部受訪時說，訂單減少。", "时说", ["时", "说"]),           # 受访时 | 说 "said when interviewed"
    ("報名人數眾多，亦可線上報名。", "亦可", ["亦", "可"]),
])
def test_a_phrase_in_jieba_dictionary_is_its_words(text, phrase, pieces):
    toks = cut(text)
    assert all((p, "word") in toks for p in pieces) and not any(t == phrase for t, _ in toks), toks
    assert phrase not in words(text)


@pytest.mark.parametrize("text, whole", [
    ("「如果搬到太遠，老顧客未必跟得到」。", False),   # 跟得到 "can keep up": 跟 + the complement 得到
    ("這本書在哪裡買得到的？", False),
    ("我找得到他。", False),
    ("他才得到消息。", True),                          # an adverb: 得到 "to obtain"
    ("能得到支持是好事。", True),                      # a modal verb takes 得到 as its object
    ("他們受到影響並得到補償。", True),                # 并 "and"
    ("把得到的錢存起來。", True),
])
def test_potential_complement_de_dao(text, whole):
    toks = cut(text)
    assert (("得到", "word") in toks) == whole, toks
    if not whole:
        assert ("到", "word") in toks and "得到" not in words(text)


@pytest.mark.parametrize("text, pieces", [
    ("預計收購程序將於明年初展開。", ["明年", "初"]),   # not 明 "bright" | 年初
    ("新大樓明年底前落成。", ["明年", "底"]),
    ("這個月底前交貨。", ["这个", "月底"]),            # a time word already whole stays
])
def test_a_time_word_cut_one_character_late(text, pieces):
    toks = [t for t, _ in cut(text)]
    assert all(p in toks for p in pieces), toks


def test_speech_quoted_in_cantonese_gives_no_words():
    text = ("市建局今日宣布在深水埗啟動重建項目，涉及約二十幢唐樓。鍾先生說，不少熟客專程來找他修理時鐘，"
            "「呢度啲街坊識咗我幾十年，搬走咗佢哋點搵我？」他希望市建局容許老店在原區重開。")
    got = words(text)
    assert not {"咗", "佢", "啲", "搵", "哋"} & got.keys()
    assert {"重建", "时钟", "修理", "希望"} <= got.keys()
    assert "街坊" not in got  # only in the quote: no card of a Cantonese clause
    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    quoted = [s for s in article.sentences if s.kind == "cantonese"]
    assert [s.text for s in quoted] == ["「呢度啲街坊識咗我幾十年，", "搬走咗佢哋點搵我？」"]


def test_an_article_in_cantonese_keeps_its_words():
    text = "佢哋今日去咗睇樓，話啲樓價太貴。我哋都唔想搬走。"
    assert {"今日", "楼价"} & words(text).keys()


def test_terms_of_jieba_dictionary_stay_whole():
    assert ("全党", "term") in cut("全黨要堅持學習。")  # 全 is no adverb of the phrase list: a term


def test_damaged_text_gives_no_word():
    assert all(kind != "word" or t not in ("服", "中心") for t, kind in cut("中小企業服\ufffd\ufffd中心受理"))


@pytest.mark.parametrize("text, word, pinyin, why", [
    ("北河街一幢唐樓外牆剝落。", "幢", "zhuàng", "the model: a measure word, not chuáng"),
    ("他頭髮很長，路很遠。", "长", "cháng", "our rule (an adjective) wins over the model's zhǎng"),
])
def test_single_character_readings(text, word, pinyin, why):
    assert words(text)[word].pinyin == pinyin, why


@pytest.mark.parametrize("text, pinyin", [
    ("發展為肌少症。", "wei2"),   # 为 after a verb is wéi
    ("以安全為前提。", "wei2"),   # 以…为…
    ("為我們做好工作。", "wei4"),  # the preposition
    ("颱風命名為博羅依。", "wei2"),  # 命名 (a noun to jieba) + 为: named as
    ("他認為為民服務很重要。", "wei4"),  # a clause after 认为 begins with 为 "for"
    ("堅持為人民服務。", "wei4"),
])
def test_wei_in_context(text, pinyin):
    a = analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), LEX)
    at = a.article.text.rindex("為")  # the last: 認為|為民
    assert a.readings[at] == (pinyin,)  # what the example's pinyin shows


@pytest.mark.parametrize("text, pinyin", [
    ("出口廠商的毛利率偏低。", "lu:4"),    # a suffix after a word: the rate
    ("市長率代表團訪問日本。", "shuai4"),  # before its object: to lead
])
def test_lv_or_shuai_in_context(text, pinyin):
    a = analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), LEX)
    at = a.article.text.rindex("率")
    (t,) = [t for t in a.tokens if t.start <= at < t.end]  # 毛利率, one word; 率 alone before its object
    assert a.readings[t.start][at - t.start] == pinyin


def test_model_disagreeing_with_a_rule_is_flagged():
    w = words("他頭髮很長。")["长"]
    assert w.pinyin == "cháng" and w.disputed  # the model says zhǎng: reading::check


def test_one_to_many_traditional_forms(tmp_path):
    trad = words("衣服很快就乾了，他是幹部。看到新聞後。麵包和見面。理髮和發展。時鐘和鍾先生。颱風來了，天文台說。這裡。")
    assert trad["干"].traditional == "乾" and trad["干"].pinyin == "gān"
    assert trad["干部"].traditional == "幹部" and trad["后"].traditional == "後"
    assert trad["面包"].traditional == "麵包" and trad["见面"].traditional == "見面"
    assert trad["理发"].traditional == "理髮" and trad["发展"].traditional == "發展"
    assert trad["时钟"].traditional == "時鐘" and trad["台风"].traditional == "颱風"
    assert trad["这里"].traditional == "這裡"
    simp = words("审核后公布。干部要实干。头发花白。警钟长鸣。面对困难。这里面。", title="标题")
    assert simp["后"].traditional == "後" and simp["干部"].traditional == "幹部"
    assert simp["头发"].traditional == "頭髮" and simp["面对"].traditional == "面對"


@pytest.mark.parametrize("text, word, pinyin, why", [
    ("今年投資3.5億元興建校舍。", "亿", "yì", "jieba's own token 億 after the digits"),
    ("預計可容納兩萬名學生。", "万", "wàn", "兩萬: the magnitude of a numeral word"),
    ("總量突破一百萬億元。", "万亿", "wànyì", "萬億 trillion, one word, not 萬 + 億"),
    ("增長百分之五點二。", "百分之", "bǎifēnzhī", "percent, out of 百分之五十"),
    ("依靠億萬人民。", "亿万", "yìwàn", "a CC-CEDICT word of magnitudes alone"),
    ("萬一計畫失敗就糟了。", "万一", "wànyī", "no number: 'just in case', a word of its own"),
])
def test_magnitude_words_in_numbers_are_cards(text, word, pinyin, why):
    w = words(text)[word]
    assert w.pinyin == pinyin, why
    assert not {"3.5", "两万", "一百万亿", "百分之五", "一百", "五十"} & set(words(text)), "the number: no card"


@pytest.mark.parametrize("text", ["開業五十多年。", "在第五屆大會上。", "2024年共有十一人。"])
def test_plain_numbers_stay_out(text):
    assert not {"五十", "第五", "十一", "2024"} & set(words(text))


def test_magnitude_word_marked_in_its_numbers_pinyin():
    a = analyse(parse_article("標題\n預計可容納兩萬名學生。\n".encode(), "t.txt"), LEX)
    from cardmaker.analysis.examples import choose_examples
    (w,) = [w for w in a.words if w.simplified == "万"]
    example = choose_examples(a, [w], LEX)[w.key]
    assert ("wàn", True, True) in example.pinyin  # liǎngwàn as written, wàn highlighted
    assert "".join(p[0] for p in example.pinyin if p[0] in ("liǎng", "wàn")) == "liǎngwàn"


def test_a_noun_without_an_entry_ends_in_a_noun():
    """彗发 (no CC-CEDICT entry) in a simplified article: OpenCC writes 彗發 fā "to send out"; a noun
    ends in a noun, 髮 fà "hair", and the reading, the form and the composed meaning follow it."""
    w = words("彗核会汽化出云雾状的彗发，主要由气体和尘埃组成。", title="彗星")["彗发"]
    assert (w.traditional, w.pinyin) == ("彗髮", "huìfà") and "hair" in w.meaning
    assert words("彗核會汽化出雲霧狀的彗髮。")["彗发"].pinyin == "huìfà"  # a traditional article: its own 髮
    v = words("近年来暴雨频发。", title="标题")["频发"]  # a verb: 發 stands
    assert (v.traditional, v.pinyin) == ("頻發", "pínfā")


@pytest.mark.parametrize("word, converted, syllables, form", [
    ("彗发", "彗發", ("hui4", "fa4"), "彗髮"),   # 發 is only fā: the form that reads fà
    ("实干", "實乾", ("shi2", "gan4"), "實幹"),   # 乾 is gān or qián, never gàn
    ("频发", "頻發", ("pin2", "fa1"), "頻發"),   # OpenCC's form reads so: it stands
    ("皇后", "皇后", ("huang2", "hou4"), "皇后"),  # 后 and 後 read alike: the reading cannot tell
])
def test_a_word_without_an_entry_is_written_as_it_reads(word, converted, syllables, form):
    from cardmaker.analysis.forms import read_as
    assert read_as(word, converted, syllables, LEX) == form


def test_useful_order_level_budget_and_summary(seed_article):
    a = analyse(seed_article, LEX, Options(level=2, max_words=40))
    assert len(a.words) == 40 and all(w.hsk is None or w.hsk > 2 for w in a.words)
    left = dict(a.left_out)
    assert left["over the budget"] > 0 and left["at or below the level"] > 0 and left["names"] > 0
    assert left["function words and numbers"] > 0
    assert a.summary.startswith("40 words kept; left out: ") and "at or below HSK 2" in a.summary
    order = [w.simplified for w in analyse(seed_article, LEX).words]
    assert order.index("进博会") < len(order) // 10  # the article's own term (15 times) comes early
    rare_once = [w for w in a.words if w.count == 1 and w.frequency < 2]
    common_once = [w for w in a.words if w.count == 1 and w.frequency > 4]
    if rare_once and common_once:
        assert a.words.index(common_once[0]) < a.words.index(rare_once[0])


def test_cli_level_alias_standard_and_summary(seed_path):
    r = CliRunner().invoke(main, ["words", str(seed_path), "--skip-hsk", "3", "--hsk-standard", "2021"])
    assert r.exit_code == 0, r.output
    assert "GF0025-2021" in r.stderr and "words kept; left out:" in r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()[1:]]
    assert all(not row[8] or row[8] == "7-9" or int(row[8]) > 3 for row in rows)
    assert all(row[14] in ("", "2021") for row in rows)


# ── known words from Anki itself (the real anki package makes the files) ─────

@pytest.fixture
def anki_collection(tmp_path):
    from anki.collection import Collection

    col = Collection(str(tmp_path / "collection.anki2"))
    model = col.models.by_name("Basic")
    for front, back in (("確保", "to ensure"), ("<b>重点</b>", "key point"), ("進博會 jìnbóhuì", "expo")):
        note = col.new_note(model)
        note["Front"], note["Back"] = front, back
        col.add_note(note, col.decks.id("Default"))
    yield col, tmp_path
    if col.db:
        col.close()


@pytest.mark.parametrize("legacy", [False, True])  # zstd collection.anki21b, or collection.anki21
def test_known_from_apkg(anki_collection, legacy):
    from anki.import_export_pb2 import ExportAnkiPackageOptions

    col, tmp = anki_collection
    out = tmp / "deck.apkg"
    col.export_anki_package(out_path=str(out), options=ExportAnkiPackageOptions(legacy=legacy), limit=None)
    known = read_known(out)
    assert {"确保", "確保", "重点", "进博会"} <= known
    assert "to ensure" not in known and "key point" in read_known(out, "Back")


def test_known_from_colpkg_and_collection_file(anki_collection):
    col, tmp = anki_collection
    out = tmp / "all.colpkg"
    col.export_collection_package(str(out), include_media=False, legacy=False)  # closes the collection
    assert {"确保", "重点"} <= read_known(out)
    before = (tmp / "collection.anki2").read_bytes()
    assert {"确保", "重点"} <= read_known(tmp / "collection.anki2")
    assert (tmp / "collection.anki2").read_bytes() == before  # opened read-only
    with pytest.raises(InputError, match="no note type has a field 'Hanzi'"):
        read_known(out, "Hanzi")


def test_locked_collection_is_one_line(anki_collection, seed_path):
    col, tmp = anki_collection
    col.close()
    path = tmp / "collection.anki2"
    holder = sqlite3.connect(path)  # what a running Anki does: exclusive locking mode, a write
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        r = CliRunner().invoke(main, ["words", str(seed_path), "--known", str(path)])
    finally:
        holder.close()
    assert r.exit_code != 0 and "locked" in r.output and "Traceback" not in r.output
    assert len([line for line in r.output.splitlines() if "locked" in line]) == 1


def test_known_apkg_leaves_words_out(anki_collection, seed_path):
    from anki.import_export_pb2 import ExportAnkiPackageOptions

    col, tmp = anki_collection
    out = tmp / "deck.apkg"
    col.export_anki_package(out_path=str(out), options=ExportAnkiPackageOptions(), limit=None)
    r = CliRunner().invoke(main, ["words", str(seed_path), "--known", str(out)])
    assert r.exit_code == 0, r.output
    first = {line.split("\t")[0] for line in r.stdout.splitlines()}
    assert "确保" not in first and "重点" not in first and "known" in r.stderr


def test_help_imports_neither_numpy_nor_the_model():
    import subprocess
    import sys

    code = ("import sys; from cardmaker.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('numpy', 'g2pM', 'wordfreq', 'msgpack', 'zstandard') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


@pytest.mark.parametrize("text, word, reading", [
    ("防止局部合理的政策疊加起來造成負面效應。", "起来", ("qi5", "lai5")),   # a complement after its verb
    ("他從椅子上站起來了。", "起来", ("qi5", "lai5")),
    ("大家起來吧。", "起来", ("qi3", "lai5")),                                 # no verb before it: to get up
    ("吃過苦頭，我們也逐漸聰明起來。", "起来", ("qi5", "lai5")),               # after an adjective: a state comes about
])
def test_a_direction_after_a_verb_is_read_as_its_complement(text, word, reading):
    a = analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), LEX)
    (t,) = [t for t in a.tokens if t.text == word]
    assert tuple(s.lower() for s in a.readings[t.start]) == reading, a.readings[t.start]


@pytest.mark.parametrize("text, name, why", [
    ("伊利公司的員工都很努力", "伊利", "a brand jieba knows (nz), before 公司"),
    ("恒大集團的債務問題", "恒大", "two characters of good omen no dictionary has, before 集團"),
    ("滬寧杭地區經濟發達", "沪宁杭", "a list of place abbreviations (滬寧 + 杭), not 杭 a surname"),
])
def test_a_brand_or_a_list_of_places_is_a_name_not_a_card(text, name, why):
    assert (name, "name") in cut(text), why
    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    assert name not in {w.simplified for w in analyse(article, LEX).words}, why


@pytest.mark.parametrize("text, term, why", [
    ("房企集團陷入困境", "房企", "a kind of firm (property developers) before 集團 is a term, no name"),
    ("他是飯店的大廚", "大厨", "jieba tags it nz, but no firm follows: a word"),
    ("他榮獲三等獎和特等獎", "三等奖", "a rank and the prize it ranks, not 三等 + 獎"),
    ("他坐二等座去北京", "二等座", "not 二等 'second-rate' and 座"),
    ("氧化鐵是紅色的", "氧化铁", "a compound and the element after it, a material jieba knows"),
    ("他心裡有一種失落感。", "失落感", "X感 'a sense of X', as CC-CEDICT's 获得感, 安全感"),
])
def test_terms_of_a_productive_class_are_kept(text, term, why):
    assert (term, "term") in cut(text), why


@pytest.mark.parametrize("text, not_term, why", [
    ("這樣可以生產出具有高度適應力的傢具", "适应力", "UD GSD cuts 適應|力: only elements join"),
    ("大家對此感興趣", "此感", "感 the verb before what is felt is no suffix"),
])
def test_a_head_that_is_no_element_or_no_suffix_stays_apart(text, not_term, why):
    assert (not_term, "term") not in cut(text), why


@pytest.mark.parametrize("text, gone, kept, why", [
    ("紐約有一家由華人經營的餐廳", "一家", "家", "一|家 counts the noun after its modifier, not 'the whole family'"),
    ("報請上一級機關批准", "一级", "级", "上|一|級 one step up, not 一級 'first class'"),
    ("遠處傳來一聲槍響", "一声", "声", "一|聲 counts the sound, not 一聲 'first tone'"),
    ("他長嘆一聲，轉身走了。", "一声", "声", "after a verb too"),
    ("村裡有三條河流", "三条", "条", "三|條 counts the rivers, not 三條 'three of a kind (poker)'"),
    ("建立省、市、縣三級聯動機制", "三级", "级", "三|級 counts the three levels just listed, not 三級 'grade 3'"),
    ("這可不是小事，大家要重視。", "可不是", "不是", "可|不是 'really is not', not the retort 'exactly!'"),
])
def test_number_and_measure_and_a_retort_inside_a_clause_are_no_words(text, gone, kept, why):
    got = words(text)
    assert gone not in got and kept in got, (why, sorted(got))


def test_a_rank_with_no_list_before_it_stays_a_word():
    assert "三级" in words("他是三級運動員。")  # a third-class athlete


def test_a_retort_said_alone_stays_one_word():
    assert "可不是" in words("他說得對嗎？可不是嘛！")


@pytest.mark.parametrize("text, slip, why", [
    ("前總統柯林頓（Bill Clinton）表示，科林頓基金會將繼續運作", "科林顿", "科 for 柯, both kē: not 科林 'forest' + 頓"),
    ("作家歐威爾（George Orwell）寫道，歐維爾筆下的世界", "欧维尔", "維 for 威, both wéi/wēi"),
])
def test_a_foreign_name_spelled_again_with_a_homophone_is_the_same_name(text, slip, why):
    assert (slip, "name") in cut(text), why
