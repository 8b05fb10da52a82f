"""The part of speech a card shows: only when it fits the sense shown and how the article uses the
word (AUDIT class f: none is better than a wrong one)."""

import pytest

from cardmaker.analysis import meanings, pos
from cardmaker.analysis.vocabulary import analyse
from cardmaker.lexicon import Lexicon
from cardmaker.text.article import parse_article

LEX = Lexicon()


def words(text):
    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    return {w.simplified: w for w in analyse(article, LEX).all_words}


def senses(*texts):
    return tuple(meanings.parsed(t, LEX) for t in texts)


@pytest.mark.parametrize("text, word, allowed", [
    ("全黨要牢記初心使命，勇於擔當作為。", "使命", {"noun", ""}),        # jieba: v; "mission; calling"
    ("他擔任調查小組組長多年。", "组长", {"noun", ""}),                  # jieba: v; "group leader"
    ("上海將於十一月舉辦進博會。", "举办", {"verb"}),
    ("全黨要牢記初心使命，勇於擔當作為。", "牢记", {"verb"}),            # jieba: n
    ("我們要深化改革，擴大開放。", "深化", {"verb", ""}),                # jieba: j, "abbreviation"
    ("進博會將於8月8日開幕。", "月", {""}),                             # jieba: m, "numeral"
    ("政府要及時回應市民關切。", "及时", {"adjective", "adverb", ""}),  # jieba: c, "conjunction"
])
def test_label_fits_the_word_as_used(text, word, allowed):
    assert words(text)[word].part_of_speech in allowed


def test_no_verbal_noun_label():
    # jieba's vn is a noun or a verb as the sense shown is one or the other
    found = words("推動經濟發展，加強國際合作，促進共同繁榮，完善社會管理。")
    assert found and all(w.part_of_speech != "verbal noun" for w in found.values())


def test_verb_after_de_is_no_verb():
    # 的|選舉: the verb is used as a noun here, and its sense "to elect" is a verb's
    assert words("這次的選舉引起了廣泛關注。")["选举"].part_of_speech != "verb"


@pytest.mark.parametrize("tag, word, sense, label", [
    ("v", "使命", "mission; long-term task to which one devotes oneself", ""),
    ("n", "产生", "to arise; to come into being", "verb"),
    ("vn", "竞争", "competition", "noun"),
    ("vn", "建设", "to build; to construct", "verb"),
    ("q", "届", "classifier for events in a series", "measure word"),
    ("n", "项", "classifier for principles, items, clauses, tasks, research projects etc", "measure word"),
    ("r", "自己", "oneself; one's own", "pronoun"),
    ("r", "前身", "forerunner; predecessor", ""),
    ("c", "由于", "because; due to", "conjunction"),
    ("a", "长效", "to be effective over an extended period", "adjective"),
])
def test_label_from_tag_and_sense(tag, word, sense, label):
    assert pos.shown(tag, False, word, senses(sense)) == label


def test_composed_meaning_keeps_only_a_noun_tag():
    # a word without an entry: nothing confirms jieba's tag, but its noun tags hold (投资商, 街角)
    assert pos.shown("v", False, "参会", ()) == ""
    assert pos.shown("vn", False, "收治", ()) == ""
    assert pos.shown("n", False, "投资商", ()) == "noun"
    assert pos.shown("n", False, "化", ()) == ""


def test_occurrence_contradicting_the_label():
    s = senses("graduation")
    assert pos.shown("n", False, "毕业", s, [("，", "。")]) == "noun"
    assert pos.shown("n", False, "毕业", s, [("年", "于")]) == ""  # 畢業|於: a verb here


def test_teachers_label_and_names_as_given():
    assert pos.shown("verb", False) == "verb"
    assert pos.shown("nr", True, "王文涛", senses("(name)")) == "name"
