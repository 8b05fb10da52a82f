"""The sense a card shows is the one the article uses: ranked by part of speech, slots and context.

Each case is a sentence from a real article (the seed, or the kind of news text it stands for) and
the sense a teacher reading it expects first on the card.
"""

import re

import pytest

from cardmaker.analysis.vocabulary import analyse
from cardmaker.lexicon import Lexicon
from cardmaker.text.article import parse_article

LEX = Lexicon()


def word(text: str, simplified: str, title: str = "新聞標題"):
    article = parse_article(f"{title}\n{text}\n".encode(), "case.txt")
    return next(w for w in analyse(article, LEX).all_words if w.simplified == simplified)


@pytest.mark.parametrize(
    "text, simplified, expected",
    [
        # CC-CEDICT lists "minister" 5th of 5; next to 商務部 the government sense comes first
        ("商務部部長王文濤出席會議並講話。", "部长", "minister|head of a (government"),
        # a verb taking an object at the start of a clause: "to improve", not "comprehensive"
        ("完善指揮體系，加強扁平化運作。", "完善", "to refine|to improve"),
        # the head of a compound noun after a verb: "activity", not "to exercise" (9th of 12)
        ("要與重大投資推介活動相結合。", "活动", "activity"),
        # a character glued after an adjective is a suffix: "-ness" (10th of 11), not "nature"
        ("提升參展參會便捷性。", "性", "suffix"),
        ("扁平化運作", "化", "-ization"),
        # a preposition before its object and a verb: "towards" (8th of 8), not "imperial court"
        ("他朝我走過來。", "朝", "towards"),
        # after a number or a demonstrative, a measure word
        ("高質量完成各項任務。", "项", "classifier"),
        ("第六屆進博會圓滿成功。", "届", "classifier"),
        # 副 before a title: "deputy / vice-"
        ("市委副書記龔正主持會議。", "副", "vice-|deputy"),
        # 越…越: the pair means "the more… the more"
        ("越辦越好。", "越", "the more"),
        # a modal before a verb: "should / will", not "to want"
        ("我們要深入學習。", "要", "will|should|need to"),
        # a simplified article: 审核后 is 後 "after", never 后 "empress"
        ("文件审核后发布。", "后", "after|behind"),
        # the traditional article writes 乾: "dry", never 幹 "to work" though both are 干 simplified
        ("衣服很快就乾了。", "干", "dry"),
        # a sense CC-CEDICT lacks, added from the package's table: 謀劃 in praise is "to plan"
        ("習近平總書記親自謀劃、親自部署。", "谋划", "to plan"),
        # the usual modern sense that CC-CEDICT lists late
        ("提升應急處置能力。", "提升", "to raise|to improve"),
        ("具有十分重要的戰略意義。", "意义", "significance"),
    ],
)
def test_sense_in_context(text, simplified, expected):
    title = "新闻标题" if text == "文件审核后发布。" else "新聞標題"
    w = word(text, simplified, title)
    assert re.search("|".join(re.escape(e) for e in expected.split("|")), w.sense[0]), w.senses
    assert w.senses[0].startswith(w.sense[0])  # every sense is kept, the one used here first


def test_one_to_many_characters_take_the_article_own_word():
    assert word("衣服很快就乾了。", "干").traditional == "乾"
    assert word("文件审核后发布。", "后", "新闻标题").traditional == "後"
    noodles = word("這家店的麵很好吃。", "面")
    assert noodles.traditional == "麵" and "noodles" in " ".join(noodles.sense)


def test_sense_is_short_and_english_only():
    for w in analyse(parse_article(open("seeds/jinbohui-2023-08-08.txt", "rb").read(), "seed.txt"), LEX).words:
        shown = " / ".join(w.sense)
        assert w.sense and len(shown) <= 60, w  # one or two senses, ~40 characters where CC-CEDICT allows


def test_abbreviation_spelled_out_by_the_article():
    w = word("中國國際進口博覽會今天開幕。第六屆進博會將在上海舉行，進博會吸引了很多參展商。", "进博会")
    assert w.sense == ("China International Import Exposition",) and not w.composed
    assert "中國國際進口博覽會" in w.meaning
    # a term no full form explains keeps a meaning composed from its characters, marked as such
    composed = word("進博會今天開幕。進博會吸引了很多參展商。", "进博会")
    assert composed.composed and composed.meaning.startswith("进 jìn:")
    assert not re.search("[\u4e00-\u9fff]", composed.sense[0])  # the front shows English only
