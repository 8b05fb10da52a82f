import pytest

from cardmaker.analysis import vocabulary
from cardmaker.analysis.places import unit_apart
from cardmaker.analysis.vocabulary import Options
from cardmaker.lexicon import Lexicon
from cardmaker.lists.known import known_words
from cardmaker.records import is_reference

LEX = Lexicon()


def extract(article, options=Options()):
    return vocabulary.extract(article, LEX, options)


@pytest.fixture(scope="module")
def words(seed_article):
    return extract(seed_article)


@pytest.fixture(scope="module")
def by_word(words):
    return {w.simplified: w for w in words}


def test_article_term_is_one_word(by_word):
    w = by_word["进博会"]
    assert w.traditional == "進博會" and w.term and w.count == 15
    # no entry, but the article spells it out: 中國國際進口博覽會 gives the meaning and the full form
    assert not w.composed and w.sense == ("China International Import Exposition",)
    assert "abbr. for 中國國際進口博覽會|中国国际进口博览会[Zhong1 guo2 Guo2 ji4" in w.meaning
    assert w.pinyin == "Jìnbóhuì"  # the name of an expo, capitalised


@pytest.mark.parametrize("piece", ["博会", "养民", "力抓", "进博", "李养民", "陈吉宁"])
def test_pieces_and_names_are_not_cards(by_word, piece):
    assert piece not in by_word


@pytest.mark.parametrize("composition, parts", [("出席会议", ("出席", "会议")), ("圆满成功", ("圆满", "成功")),
                                                ("市委书记", ("市委", "书记"))])
def test_compositions_are_split(by_word, composition, parts):
    assert composition not in by_word
    assert all(p in by_word for p in parts)


def test_known_readings_and_meanings(by_word):
    w = by_word["重点"]
    assert w.pinyin == "zhòngdiǎn" and "key" in w.meaning and w.traditional == "重點"
    q = by_word["强劲"]
    assert q.pinyin == "qiángjìng" and q.check == "verified" and q.traditional == "強勁"
    assert q.zhuyin == "ㄑㄧㄤˊ ㄐㄧㄥˋ" and q.pinyin_numbered == "qiang2 jing4"


@pytest.mark.parametrize("simplified, traditional", [("并", "並"), ("示范区", "示範區"), ("有利于", "有利於")])
def test_leaked_simplified_gets_real_traditional(by_word, simplified, traditional):
    # the seed was machine converted and leaks simplified forms into traditional text
    assert by_word[simplified].traditional == traditional


def test_pinyin_and_meaning_come_from_one_entry(words):
    d = LEX
    for w in words:
        entries = [e for e in d.entries(w.simplified) if e.simplified == w.simplified]
        if w.composed or w.term and not entries:
            continue
        _, added = d.sense_priorities.get((w.simplified, w.key[1]), ((), ()))
        assert any(
            # a place's unit capitalised (上海市 Shang4 hai3 shi4 → Shànghǎi Shì) is still its entry's reading
            " ".join(unit_apart(w.simplified, e.syllables)) == w.pinyin_numbered and e.traditional == w.traditional
            and set(tuple(x for x in e.senses if not is_reference(x)) or e.senses) <= set(w.senses)
            and set(w.senses) - set(e.senses) <= set(added)  # senses cardmaker adds (package data)
            for e in entries
        ), w


def test_meaning_coverage(words):
    assert len(words) > 200
    assert sum(bool(w.meaning) for w in words) / len(words) >= 0.98


def test_hsk_levels(by_word):
    assert by_word["学习"].hsk == 1 and by_word["学习"].hsk_label == "1"
    assert by_word["强劲"].hsk_label == "7-9"


def test_names_option(seed_article):
    names = {w.simplified: w for w in extract(seed_article, Options(names=True)) if w.name}
    assert {"陈吉宁", "王文涛", "李养民"} <= set(names)
    assert "养民" not in names


def test_filters(seed_article, words):
    known = known_words("確保\n重点\tzhong4 dian3\tkey point\n# comment\n")
    kept = {w.simplified for w in extract(seed_article, Options(known=known))}
    assert "确保" not in kept and "重点" not in kept and "进博会" in kept
    easy = extract(seed_article, Options(level=3))
    assert easy and all(w.hsk is None or w.hsk > 3 for w in easy)
    frequent = extract(seed_article, Options(min_count=3))
    assert frequent and all(w.count >= 3 for w in frequent)
    top = extract(seed_article, Options(order="frequency", max_words=5))
    assert [w.count for w in top] == sorted((w.count for w in words), reverse=True)[:5]
    by_hsk = extract(seed_article, Options(order="hsk"))
    levels = [w.hsk or 99 for w in by_hsk]
    assert levels == sorted(levels)
    # article order: first appearance in the article
    firsts = [w.spans[0][0] for w in extract(seed_article, Options(order="article"))]
    assert firsts == sorted(firsts)


def test_function_words_and_numbers_are_dropped(by_word):
    for w in ("的", "了", "是", "2023", "174", "二十"):
        assert w not in by_word


def test_measure_word_sense_first(by_word):
    # 第六屆: 屆 is used as a measure word, so that sense leads
    assert by_word["届"].senses[0].startswith("classifier for events")


@pytest.mark.parametrize("boilerplate", ["图片", "来源", "摄"])
def test_caption_and_date_line_are_not_vocabulary(by_word, boilerplate):
    # (圖片來源:陳正寶 攝) is a photo credit, not part of the article's text
    assert boilerplate not in by_word


@pytest.mark.parametrize("word, label", [("确保", "verb"), ("会议", "noun"), ("全力以赴", "idiom"),
                                         ("届", "measure word")])
def test_part_of_speech_in_words(by_word, word, label):
    assert by_word[word].part_of_speech == label


def test_erhua_forms_are_words_with_the_plain_meaning():
    from cardmaker.text.article import parse_article

    d = LEX
    (e,) = d.entries("一块儿")  # CC-CEDICT: only "erhua variant of 一塊|一块[yi1 kuai4]"
    assert d.is_word("一块儿") and "together" in e.content and e.pinyin == "yi1 kuai4 r5"
    article = parse_article("我們一塊兒去公園看花兒，休息一點兒(yīdiǎnr)。".encode(), "erhua.txt")
    by = {w.simplified: w for w in extract(article)}
    assert by["一块儿"].pinyin == "yīkuàir" and "儿" not in by  # not 一块 + 儿 "son"
    assert by["花儿"].pinyin == "huār" and "flower" in by["花儿"].meaning  # not the folk song huā'ér
    assert by["一点儿"].check == "verified" and by["一点儿"].meaning.startswith("a bit")


def test_taiwan_zhe_words():
    from cardmaker.text.article import parse_article

    text = "隨著經濟發展，他接著說，市場有著變化。左手握著票，左手握著錢。著名的學者。"
    by = {w.simplified: w for w in extract(parse_article(text.encode(), "zhe.txt"))}
    assert by["随着"].pinyin == "suízhe" and by["随着"].traditional == "隨著"
    assert "接着" in by and "有着" in by and "著" not in by and "着" not in by
    assert by["著名"].pinyin == "zhùmíng"
    assert not any("握" in w for w in by)  # 左|手握着 twice is no article term: 左手 握 着 are words


def test_degree_adverb_and_proper_tags_on_common_words():
    from cardmaker.text.article import parse_article

    text = "他長大了，頭髮很長，路很遠。這項工作最難。城市很美。"
    by = {w.simplified: w for w in extract(parse_article(text.encode(), "adverbs.txt"))}
    assert by["长"].pinyin == "cháng" and by["远"].pinyin == "yuǎn"  # 很|长, not one fragment
    assert by["难"].pinyin == "nán" and "项" in by  # 最|难, 这|项
    assert by["长大"].pinyin == "zhǎngdà" and by["长大"].part_of_speech != "place name"  # jieba tags it ns
    assert by["城市"].part_of_speech == "noun"  # jieba: ns


def test_taiwan_spellings_are_words_in_the_article_own_form():
    from cardmaker.text.article import parse_article

    text = "台灣的計畫與紀錄，要有身分證明。政府花著大把人民血汗錢。"
    by = {w.simplified: w for w in extract(parse_article(text.encode(), "taiwan.txt"))}
    assert by["台湾"].traditional == "台灣" and by["台湾"].meaning == "Taiwan"  # not "variant of 臺灣"
    assert by["计划"].traditional == "計畫" and by["计划"].meaning.startswith("plan")  # the article's form
    assert "record" in by["纪录"].meaning  # CC-CEDICT: only "variant of 記錄"
    assert "identity" in by["身分"].meaning and "证明" in by  # 身分|證明, not 身分證|明
    assert not any("trick" in w.meaning for w in by.values())  # 花|著 spending, not 花著 "variant of 花招"


def test_party_congress_is_no_big():
    from cardmaker.text.article import parse_article

    text = "深入學習貫徹黨的二十大精神，落實十五大的部署。推進三大定位。"
    by = {w.simplified: w for w in extract(parse_article(text.encode(), "congress.txt"))}
    assert by["大"].count == 1 and by["大"].spans == ((text.index("三大") + 1, text.index("三大") + 2),)


@pytest.mark.parametrize("text, reading", [
    ("這項技術還給農民帶來收入。", "hai2"),   # 還 "also", 給 the ones the act serves: no 還給 huángěi
    ("請把書還給圖書館。", "huan2"),          # 把 puts the thing first: huán "to give back"
])
def test_hai_before_a_benefactive_gei_is_the_adverb(text, reading):
    from cardmaker.text.article import parse_article

    analysis = vocabulary.analyse(parse_article(text.encode(), "hai.txt"), LEX)
    at = analysis.article.text.index("還")
    assert analysis.readings[at][0] == reading, analysis.readings[at]
