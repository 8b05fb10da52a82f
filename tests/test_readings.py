import pytest

from cardmaker.chinese.syllables import parse_syllable
from cardmaker.analysis.readings import choose, guess


def gl(word, **marks):
    """Glosses for each character of ``word``: gl("重点", 重="zhong")."""
    return [tuple(parse_syllable(s) for s in marks[c].split("/")) if c in marks else () for c in word]


@pytest.mark.parametrize(
    "word, pos, glosses, reading, check",
    [
        # no gloss at all: pypinyin's reading, tied to the matching entry
        ("重点", "n", gl("重点"), "zhong4 dian3", "unglossed"),
        # the gloss agrees with the in-context reading
        ("重点", "n", gl("重点", 重="zhong"), "zhong4 dian3", "verified"),
        # 重点 has two dictionary readings; the gloss picks the other one
        ("重点", "n", gl("重点", 重="chong"), "chong2 dian3", "corrected"),
        # 协调 has only xie2 tiao2: a context-free gloss diào is reported, not followed
        ("协调", "v", gl("协调", 调="diào"), "xie2 tiao2", "conflict"),
        # tone-marked glosses check tones too
        ("强劲", "a", gl("强劲", 强="qiáng", 劲="jìng"), "qiang2 jing4", "verified"),
        ("强劲", "a", gl("强劲", 劲="jìn"), "qiang2 jing4", "conflict"),
        # tone sandhi of 一 is not a disagreement
        ("一体", "n", gl("一体", 一="yì"), "yi1 ti3", "verified"),
        # a lone polyphone: the part of speech reads it, a gloss can pick another entry
        ("行", "v", gl("行"), "xing2", "unglossed"),
        ("行", "v", gl("行", 行="hang"), "hang2", "corrected"),
        # a word the dictionary lacks: its characters' readings are the choices
        ("进博会", "nz", gl("进博会", 进="jin", 会="hui"), "jin4 bo2 hui4", "verified"),
        ("进博会", "nz", gl("进博会", 会="kuai"), "jin4 bo2 kuai4", "corrected"),
        ("进博会", "nz", gl("进博会", 会="ma"), "jin4 bo2 hui4", "conflict"),
    ],
)
def test_reading_policy(word, pos, glosses, reading, check, lexicon):
    choice = choose(word, word, pos, lexicon.entries(word) if len(word) < 3 else (), glosses, lexicon)
    assert " ".join(choice.syllables).lower() == reading
    assert choice.check == check
    if choice.entry is not None:  # pinyin and meaning always come from one entry
        assert choice.entry.pinyin.lower() == reading


@pytest.mark.parametrize(
    "word, pos, expected",
    [
        ("为", "p", ("wei4",)),    # preposition "for"
        ("为", "v", ("wei2",)),    # verb "to be, to act as"
        ("了", "ul", ("le5",)),    # aspect particle
        ("教", "v", ("jiao1",)),   # 我們教中文: to teach, not jiào "religion"
        ("假", "n", ("jia4",)),    # 三天假: holiday, not jiǎ "fake"
        ("重要", "a", ("zhong4", "yao4")),
        # pypinyin writes gù shì, which would pick CC-CEDICT's rare "old practice" entry
        ("故事", "n", ("gu4", "shi5")),
    ],
)
def test_guess_uses_part_of_speech(word, pos, expected, lexicon):
    assert guess(word, pos, lexicon) == expected


def test_bound_reading_is_not_used_alone(lexicon):
    # 琢 zuo2 is "used in 琢磨"; in a word CC-CEDICT lacks it reads zhuo2
    assert choose("精雕细琢", "精雕细琢", "i", (), [()] * 4, lexicon).syllables[3] == "zhuo2"
