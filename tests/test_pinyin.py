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
