import pytest

from cardmaker.chinese.pinyin import joined, joined_name, zhuyin


def test_joined_spelling(lexicon):
    assert joined(("xi1", "an1")) == "xī'ān"
    assert joined(("Bei3", "jing1")) == "Běijīng"
    (wto,) = [e for e in lexicon.entries("世界贸易组织") if e.proper]
    assert joined(wto.syllables) == "Shìjiè Màoyì Zǔzhī"  # CC-CEDICT capitalises each word of the name
    assert joined_name(("Xi2", "Jin4", "ping2")) == "Xí Jìnpíng"


def test_erhua_zhuyin(lexicon):
    (e,) = lexicon.entries("一点儿")
    assert zhuyin(e.syllables) == "ㄧ ㄉㄧㄢˇ ㄦ"
    assert zhuyin(("na3", "r5")) == "ㄋㄚˇ ㄦ"


@pytest.mark.parametrize("text, expected", [
    ("shēngēng", ("shen1", "geng1")),   # 深耕: without an apostrophe the second syllable cannot start with e
    ("dàngàn", ("dan4", "gan4")),       # 淡干; 档案 is written dàng'àn
    ("dàng'àn", ("dang4", "an4")),
    ("xi1an1", ("xi1", "an1")),         # numbers mark the syllables: no apostrophe needed
    ("jìnbóhuì", ("jin4", "bo2", "hui4")),
])
def test_marked_pinyin_splits_by_the_apostrophe_rule(text, expected):
    from cardmaker.chinese.syllables import parse_pinyin

    assert parse_pinyin(text) == expected


def test_a_foreign_name_is_one_word_capitalised_once():
    from cardmaker.chinese.pinyin import name_case

    assert joined(name_case(("hua4", "jia1", "sha1"), foreign=True)) == "Huàjiāshā"  # a storm: 桦加沙
    assert joined(name_case(("chen2", "ji2", "ning2"))) == "Chén Jíníng"               # surname apart


def test_a_bound_suffix_is_written_on_to_its_word():
    from cardmaker.chinese.pinyin import spaced

    pieces = [("qìxiàng", False), ("shǔ", True, True), ("tíxǐng", False), ("，", False), ("mínzhòng", False)]
    assert "".join(sep + text for sep, text, _ in spaced(pieces)) == "qìxiàngshǔ tíxǐng，mínzhòng"
    assert [flag for _, _, flag in spaced(pieces)] == [False, True, False, False, False]


def test_a_dash_is_punctuation_without_spaces():
    from cardmaker.chinese.pinyin import spaced

    pieces = [("—", False), ("—", False), ("lùn", False), ("xuéxí", False)]   # ——论学习: a subtitle's dash
    assert "".join(sep + text for sep, text, _ in spaced(pieces)) == "——lùn xuéxí"


def test_the_neutral_tone_dot_stands_before_its_zhuyin_syllable():
    assert zhuyin(("duo1", "shao5")) == "ㄉㄨㄛ ˙ㄕㄠ"     # 多少: ˙ㄕㄠ, as Taiwan's dictionaries write it
    from cardmaker.chinese.syllables import from_zhuyin
    assert from_zhuyin("ㄉㄨㄛ ˙ㄕㄠ") == "duo1 shao5"       # and reads back (a zhuyin gloss)
