"""The part of speech a card shows: only when it fits the sense shown and how the article uses the
word (AUDIT class f: none is better than a wrong one)."""

import pytest

from cardmaker.analysis import english, pos
from cardmaker.analysis.vocabulary import analyse
from cardmaker.lexicon import Lexicon
from cardmaker.text.article import parse_article

LEX = Lexicon()


def words(text):
    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    return {w.simplified: w for w in analyse(article, LEX).all_words}


def senses(*texts):
    return tuple(english.parsed(t, LEX) for t in texts)


@pytest.mark.parametrize("text, word, allowed", [
    ("全黨要牢記初心使命，勇於擔當作為。", "使命", {"noun", ""}),        # jieba: v; "mission; calling"
    ("他擔任調查小組組長多年。", "组长", {"noun", ""}),                  # jieba: v; "group leader"
    ("上海將於十一月舉辦進博會。", "举办", {"verb"}),
    ("全黨要牢記初心使命，勇於擔當作為。", "牢记", {"verb"}),            # jieba: n
    ("我們要深化改革，擴大開放。", "深化", {"verb", ""}),                # jieba: j, "abbreviation"
    ("進博會將於8月8日開幕。", "月", {"noun"}),                         # jieba: m, "numeral"; "month"
    ("他今年三十歲。", "岁", {"measure word"}),                          # jieba: m; "classifier for years (of age)"
    ("這件事十分重要。", "十分", {""}),                                  # jieba: m; "very": no numeral
    ("颱風中心距離台北約三百公里。", "公里", {"measure word"}),          # jieba: q; "kilometer" after a number
    ("建築面積為420平方米。", "平方米", {"measure word"}),
    ("綠色農業成規模開發。", "农业", {"noun"}),                          # "agriculture / farming": no verb's sense
    ("牠沒有眼睛。", "没有", {"verb"}),                                  # "to not have / … / haven't": no noun
    ("湯山溫泉是南京著名的溫泉。", "温泉", {"noun"}),                    # no jieba tag; "hot spring", no verb's sense
    ("一種比始祖鳥更為古老的鳥類。", "古老", {""}),                      # no jieba tag; "ancient": English makes it an adjective
    ("店主寫上中英文全名的招牌。", "招牌", {"noun"}),                    # jieba: v; "shop sign", no verb's sense
    ("他抵禦了奧斯曼帝國蘇丹蘇里曼一世的進攻。", "苏丹", {""}),          # "Sudan / sultan": jieba's ns cannot tell
    ("他抵禦了奧斯曼帝國蘇丹蘇里曼一世的進攻。", "一世", {""}),          # jieba: t "generation"; a ruler's "the First"
    ("國立中央大學遷回南京。", "南京", {"place name"}),                  # its other senses describe the city
    ("他的哥哥是一名足球員。", "哥哥", {"noun"}),                        # "older brother": an adjective and its noun
    ("要擴大優質消費品進口。", "优质", {""}),                            # "excellent quality", but 優質|消費品 modifies
    ("近中心最大風速每秒51公尺，相當於16級風。", "相当于", {"verb", ""}),  # jieba: v; "equivalent to" is no noun
    ("政府要及時回應市民關切。", "及时", {"adjective", "adverb", ""}),  # jieba: c, "conjunction"
    ("人上了年紀，肌肉會萎縮。", "年纪", {"noun", ""}),                  # jieba: t; "age" is a person's
    ("牆上的時鐘發出滴答聲。", "滴答声", {""}),                          # jieba: i, on a sound's name
    ("他以身作則，帶頭落實。", "以身作则", {"idiom"}),
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
    ("n", "产生", "to arise; to come into being", ""),  # jieba and the sense disagree: the occurrence decides
    ("vn", "竞争", "competition", "noun"),
    ("vn", "建设", "to build; to construct", ""),       # vn and a verb's sense: the occurrence says which
    ("v", "派对", "party (loanword)", ""),               # CC-CEDICT writes a verb "to …": "party" is a noun's
    ("v", "需求", "requirement; demand", ""),
    ("n", "需求", "requirement; demand", "noun"),
    ("n", "全面", "all-around; comprehensive", ""),      # an adjective's sense: no noun
    ("n", "基本", "basic; fundamental", ""),
    ("n", "地区", "local", ""),
    ("n", "国家", "country; nation; state", "noun"),
    ("t", "青年", "youth; young person", "noun"),        # jieba's t: a time word only if the sense is of time
    ("t", "目前", "at the present time; currently", "time word"),
    ("t", "明朝", "Ming Dynasty (1368-1644)", "proper noun"),
    ("s", "窗口", "window", "noun"),                     # jieba's s: a learner's noun
    ("f", "期间", "period of time; time", "noun"),       # jieba's f: a direction only if the sense is a place's
    ("f", "之后", "after; behind", "direction"),
    ("r", "我国", "our country", ""),                    # a pronoun's sense is a pronoun's alone
    ("r", "各方", "all parties (to a dispute etc)", ""),
    ("r", "这样", "this kind of; so; like this", "pronoun"),
    ("ad", "正式", "formal; official", ""),              # jieba's ad: an adverb as often
    ("p", "到", "to reach; to arrive", ""),              # a function word's tag the sense does not fit
    ("t", "今晚", "tonight", "time word"),
    ("n", "电商", "e-commerce", "noun"),                 # a hyphen makes no adjective of a noun
    ("n", "前瞻", "forward-looking", ""),
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


def test_a_word_both_verb_and_noun_takes_its_occurrences_label():
    # 变化 "to change; change": verb after an adverb or before 了, noun after 的; none if they split
    s = senses("to change; to vary")
    every = senses("to change; to vary", "change; variation")
    assert pos.shown("vn", False, "变化", s, [("不断", "，", "d", "x")], every) == "verb"
    assert pos.shown("vn", False, "变化", s, [("，", "了", "x", "ul")], every) == "verb"
    assert pos.shown("vn", False, "变化", s, [("，", "。", "x", "x")], every) == ""
    assert pos.shown("vn", False, "变化", s, [("不断", "，", "d", "x"), ("的", "。", "uj", "x")], every) == ""
    noun = senses("change; variation")
    assert pos.shown("n", False, "变化", noun, [("的", "。", "uj", "x")], every) == "noun"


def test_noun_tag_on_a_verbs_sense_needs_a_verbs_occurrence():
    s = senses("to arise; to come into being")
    assert pos.shown("n", False, "产生", s, [("，", "。", "x", "x")]) == ""
    assert pos.shown("n", False, "产生", s, [("会", "新", "v", "a")]) == "verb"   # 会|产生
    assert pos.shown("n", False, "产生", s, [("，", "了", "x", "ul")]) == "verb"  # 产生|了


def test_senses_that_make_a_word_two_kinds():
    # the card shows a noun's and an adjective's sense (综合): no noun; a bare preposition's sense makes
    # a verb a coverb (跟 "with"), an adverb's phrase in English does not (提前 "in advance")
    assert pos.shown("vn", False, "综合", senses("composite", "comprehensive")) == ""
    assert pos.shown("v", False, "跟", senses("to follow closely"), (), senses("to follow closely", "with")) == ""
    ahead = senses("to shift to an earlier date", "in advance")
    assert pos.shown("v", False, "提前", ahead[:1], [("旅客", "返回", "n", "v")], ahead) == "verb"


def test_a_person_before_a_word_that_is_both_says_verb():
    every = senses("to explain", "explanation")
    assert pos.shown("v", False, "解释", every[:1], [("他", "，", "r", "x")], every) == "verb"
    assert pos.shown("v", False, "解释", every[:1], [("这种", "，", "r", "x")], every) == ""


def test_adjective_before_a_verb_is_no_adjective():
    s = senses("complete; whole")
    assert pos.shown("a", False, "完全", s, [("，", "禁止", "x", "v")]) == ""
    assert pos.shown("a", False, "完全", s, [("很", "的", "d", "uj")]) == "adjective"


def test_occurrence_contradicting_the_label():
    s = senses("graduation")
    assert pos.shown("n", False, "毕业", s, [("，", "。")]) == "noun"
    assert pos.shown("n", False, "毕业", s, [("年", "于")]) == ""  # 畢業|於: a verb here


def test_teachers_label_and_names_as_given():
    assert pos.shown("verb", False) == "verb"
    assert pos.shown("nr", True, "王文涛", senses("(name)")) == "name"


@pytest.mark.parametrize("tag, word, sense, label", [
    ("nz", "天皇", "emperor of Japan", "noun"),              # jieba's nz, CC-CEDICT's lower case: no name
    ("nz", "中国式", "Chinese style", ""),                    # a name's words are capitalised, "style" is not
    ("nz", "九龙", "Kowloon district of Hong Kong", "proper noun"),
    ("ns", "乌鲁木齐", "Ürümqi or Urumqi, prefecture-level city and capital of Xinjiang", "place name"),
    ("t", "明代", "the Ming dynasty (1368-1644)", "proper noun"),  # as 明朝 "Ming Dynasty"
    ("t", "向前", "forward", ""),                             # an English adjective and adverb, no time's noun
    ("t", "正在", "right in the middle of (doing sth)", ""),   # an adverb's phrase ("right in …"), no noun
    ("n", "日益", "more and more with each passing day", ""),  # an adverb's phrase: no noun whatever the tag
    ("v", "加纳", "Ghana", "proper noun"),                   # jieba's v on a country: a name's sense, a proper noun
    ("f", "南下", "to go down south", ""),                    # a verb's sense: only an occurrence says verb
    ("c", "可以", "can; may", "verb"),                        # a modal verb, whatever jieba's tag
])
def test_label_from_the_senses_form(tag, word, sense, label):
    assert pos.shown(tag, False, word, senses(sense)) == label


def test_function_word_whose_first_sense_is_another_kind():
    # 还是 c "still / or": the card leads with the adverb, so no conjunction; "or / still" is one
    assert pos.shown("c", False, "还是", senses("still (as before)", "or")) == ""
    assert pos.shown("c", False, "还是", senses("or", "still (as before)")) == "conjunction"


def test_a_word_whose_senses_are_verb_and_noun_by_their_form():
    # "finger" and "influence" are English verbs too, but CC-CEDICT writes them as nouns beside "to …"
    every = senses("finger", "to point at or to", "to indicate or refer to")
    assert pos.shown("n", False, "指", every[:1], [("年", "这些", "m", "r")], every) == ""  # 指|这些
    every = senses("influence", "effect", "to influence")
    assert pos.shown("vn", False, "影响", every[:2], [("是", "流行", "v", "v")], every) == ""
    assert pos.shown("vn", False, "影响", every[:2], [("的", "。", "uj", "x")], every) == "noun"
    assert words("我感覺很累。")["感觉"].part_of_speech == ""  # 我|感覺: "feeling" is no label here


def test_a_noun_whose_word_modifies_too():
    # 私人 "private; personal" before a noun, 高度 "height; highly" before a verb: no noun; 经济
    # "economy; economic" stays one (CC-CEDICT glosses many a noun that modifies as an adjective)
    every = senses("private", "personal")
    assert pos.shown("n", False, "私人", every[:1], [("唯一", "屋苑", "b", "x")], every) == ""
    every = senses("height", "altitude", "highly")
    assert pos.shown("n", False, "高度", every[:1], [("具有", "适应", "v", "v")], every) == ""
    assert pos.shown("n", False, "高度", every[:1], [("的", "，", "uj", "x")], every) == "noun"
    every = senses("great amount", "bulk", "numerous")  # 大量|捕杀, 设有|大量|休憩: a modifier
    around = [("人", "捕杀", "n", "v"), ("设有", "休憩", "v", "v")]
    assert pos.shown("n", False, "大量", every[:1], around, every) == ""
    every = senses("tooth", "dental")                   # 及|牙齿|撕开: a subject, no modifier
    assert pos.shown("n", False, "牙齿", every[:1], [("及", "撕开", "c", "v")], every) == "noun"
    every = senses("economy", "economic")
    assert pos.shown("n", False, "经济", every[:1], [("奥地利", "学派", "ns", "n")], every) == "noun"


def test_a_pronoun_that_is_an_adverb_too():
    every = senses("some", "somewhat")
    assert pos.shown("r", False, "有些", every[:1], [("他", "累", "r", "a")], every) == ""      # 有些|累
    assert pos.shown("r", False, "有些", every[:1], [("文件", "问题", "n", "n")], every) == "pronoun"


def test_preposition_with_no_object_is_a_noun_there():
    every = senses("according to", "basis")
    assert pos.shown("p", False, "依据", every[:1], [("为", "，", "p", "x")], every) == ""  # 以…为|依据|，
    assert pos.shown("p", False, "依据", every[:1], [("\n", "有关", "x", "vn")], every) == "preposition"


@pytest.mark.parametrize("tag, word, sense, around, label", [
    ("v", "明确", "to clarify", ("就", "地", "d", "uv"), ""),          # 明确|地|说: a modifier before 地
    ("d", "深刻", "deep", ("「", "地", "x", "uv"), ""),
    ("d", "逐步", "progressively; step by step", ("，", "地", "x", "uv"), "adverb"),  # an adverb alone
    ("a", "早", "early", ("毛泽东", "在", "nr", "p"), ""),              # 毛泽东|早|在: an adverb there
    ("a", "严重", "grave; serious", ("的", "虐待", "uj", "v"), "adjective"),  # 的|严重|虐待 modifies a noun
    ("d", "缓慢", "slow", ("增长", "，", "v", "x"), ""),                 # 增长|缓慢|，: a predicate
])
def test_the_words_around_an_occurrence(tag, word, sense, around, label):
    assert pos.shown(tag, False, word, senses(sense), [around]) == label
