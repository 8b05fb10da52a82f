import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardmaker.chinese.syllables import parse_syllable
from cardmaker.records import Reading
from cardmaker.text.glosses import report, strip_glosses


@pytest.mark.parametrize(
    "raw, clean, glossed",
    [
        # toneless ASCII, repeats belong to the character before the first "("
        ("深(shen)入學習(xi)(xi)貫徹", "深入學習貫徹", [("深", "shen"), ("習", "xi")]),
        ("的(de)(de)(de)事", "的事", [("的", "de")]),
        ("大(da)(da)(da)", "大", [("大", "da")]),
        # tone marks, tone numbers, ü as ü, v and u:
        ("學(xué)習(xí)", "學習", [("學", "xue2"), ("習", "xi2")]),
        ("學(xue2)", "學", [("學", "xue2")]),
        ("綠(lǜ)色", "綠色", [("綠", "lv4")]),
        ("綠(lv4)色", "綠色", [("綠", "lv4")]),
        ("綠(lu:4)色", "綠色", [("綠", "lv4")]),
        ("女(nü)", "女", [("女", "nv")]),
        # full-width parentheses, and mixed
        ("學（xué）習（xi)", "學習", [("學", "xue2"), ("習", "xi")]),
        # a gloss inside an ordinary parenthesis
        ("12省(區(qū)、市)", "12省(區、市)", [("區", "qu1")]),
        # decomposed tone marks (combining accents)
        ("學(xue\u0301)習", "學習", [("學", "xue2")]),
        # a word's reading in one pair of parentheses glosses each of its characters
        ("學習(xuéxí)很好", "學習很好", [("學", "xue2"), ("習", "xi2")]),
        ("學習（xue2 xi2）", "學習", [("學", "xue2"), ("習", "xi2")]),
        ("西安(xī'ān)", "西安", [("西", "xi1"), ("安", "an1")]),
        # names are often glossed with a capital letter
        ("習(Xi)近平", "習近平", [("習", "xi")]),
        ("北京(Beijing)", "北京", [("北", "bei"), ("京", "jing")]),
        # a one-letter gloss that is a reading of its character
        ("啊(a)", "啊", [("啊", "a")]),
        # page layouts: superscript tone numbers, spaces inside the parentheses, names word by word
        ("學(xue²)習", "學習", [("學", "xue2")]),
        ("學( xué )習", "學習", [("學", "xue2")]),
        ("習近平(Xí Jìnpíng)說", "習近平說", [("習", "xi2"), ("近", "jin4"), ("平", "ping2")]),
        ("學習(xué-xí)", "學習", [("學", "xue2"), ("習", "xi2")]),
        # a word's syllables one by one after it (not repeats of one character's reading)
        ("學習(xué)(xí)很好", "學習很好", [("學", "xue2"), ("習", "xi2")]),
        ("銀行(yin2)(hang2)", "銀行", [("銀", "yin2"), ("行", "hang2")]),
        # erhua: the r of the reading falls on 兒
        ("一點兒(yīdiǎnr)話", "一點兒話", [("一", "yi1"), ("點", "dian3"), ("兒", "r5")]),
        ("玩兒(wánr)吧", "玩兒吧", [("玩", "wan2"), ("兒", "r5")]),
    ],
)
def test_gloss_forms(raw, clean, glossed):
    result = strip_glosses(raw)
    assert result.text == clean
    assert [(g.char, str(g.reading)) for g in result.glosses] == glossed
    assert not any(g.mismatch for g in result.glosses)


@pytest.mark.parametrize(
    "text",
    [
        "(圖片來源:陳正寶 攝)",
        "據報導(完)",
        "北京(新華社)電",
        "台積電 (2330-TW)(TSM-US)",
        "今（24日）",
        "加入(WTO)後",
        "方案(ABC)",        # upper case is never a gloss
        "號(xyz)碼",         # lower case but not a Mandarin syllable
        "他說 (shen) 了",    # a space: not directly after a character
        "abc(de)",          # not after a Han character
        "ABC(xuexi)",       # a word gloss needs as many Han characters as syllables
        "他們(xuexixiao)",   # three syllables after two characters
        "方案(A)較好",        # a label, not a reading of 案
        "選項(a)和選項(b)",   # one-letter labels
        "大學(Yale)",         # capitalised, but not Mandarin
        "蘋果(Apple)",        # English
        "中國(China)",        # English that happens to split into syllables: chi-na, not zhong-guo
        "他們(her)",          # he + r, but an erhua r needs a 兒 under it
        "酒吧(bar)",
    ],
)
def test_ordinary_parentheses_are_kept(text):
    result = strip_glosses(text)
    assert result.text == text
    assert result.glosses == ()


@pytest.mark.parametrize(
    "raw, clean, truncated",
    [
        ("黨(dang)(dan", "黨", 1),
        ("黨(dan\n下一行", "黨\n下一行", 1),
        ("黨(dang)(dan)", "黨", 0),
        ("完(xyzzy", "完(xyzzy", 0),  # not the start of any syllable: ordinary text
    ],
)
def test_truncated_fragment(raw, clean, truncated):
    result = strip_glosses(raw)
    assert (result.text, result.truncated) == (clean, truncated)


def test_mismatch_is_kept_as_evidence():
    # 學 is never read "ma"; the gloss is stripped but reported.
    result = strip_glosses("學(ma)習")
    assert result.text == "學習"
    (g,) = result.glosses
    assert g.mismatch and str(g.reading) == "ma"
    r = report(result.text, result.glosses, result.truncated)
    assert r.mismatches == (("學", "ma", "學習"),)


def test_context_free_gloss_is_not_a_mismatch():
    # 調 has both diào and tiáo: a wrong-in-context gloss is still one of its readings.
    assert not strip_glosses("協調(diào)").glosses[0].mismatch


@pytest.mark.parametrize(
    "token, expected",
    [("xué", Reading("xue", 2)), ("xue2", Reading("xue", 2)), ("lu:4", Reading("lv", 4)),
     ("de", Reading("de", None)), ("de0", Reading("de", 5)), ("Xue", None), ("xuě2", None), ("wto", None),
     ("XUE", None)],
)
def test_parse_syllable(token, expected):
    assert parse_syllable(token) == expected


def test_seed_figures(seed_article):
    r = report(seed_article.text, seed_article.glosses, seed_article.truncated)
    assert r.glossed == 137
    assert r.mismatches == ()
    assert r.truncated == 0
    assert "(圖片來源:陳正寶 攝)" in seed_article.text
    assert "(" not in seed_article.text.replace("(圖片來源:陳正寶 攝)", "")


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
OTHER = st.sampled_from(list("，。、！？“”：；（）() 0123456789ABCXYZ-\n") + ["(WTO)", "（完）", "(2330-TW)"])
GLOSS = st.sampled_from(["shen", "xi", "de", "xué", "xí", "lv4", "zhong", "lu:4", "da"])


@st.composite
def glossed_text(draw):
    parts, original = [], []
    for kind in draw(st.lists(st.sampled_from(["han", "other"]), max_size=60)):
        if kind == "han":
            c = draw(HAN)
            original.append(c)
            parts.append(c)
            for _ in range(draw(st.integers(0, 3))):
                left, right = draw(st.sampled_from(["()", "（）", "(）"]))
                parts.append(f"{left}{draw(GLOSS)}{right}")
        else:
            s = draw(OTHER)
            original.append(s)
            parts.append(s)
    return "".join(original), "".join(parts)


@given(glossed_text())
@settings(max_examples=300, deadline=None)
def test_stripping_random_glosses_returns_the_original(pair):
    original, glossed = pair
    assert strip_glosses(glossed).text == original


def test_syllable_inventory():
    from cardmaker.chinese.syllables import syllables

    s = syllables()
    assert 400 < len(s) < 450
    assert {"zhuang", "lv", "nve", "er", "a"} <= s
    assert not {"by", "as", "from", "wto", "ab"} & s
