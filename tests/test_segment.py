import pytest

from cardmaker.analysis.segment import segment
from cardmaker.chinese.script import to_simplified_aligned
from cardmaker.lexicon import Lexicon
from cardmaker.records import NAME, NUMBER, TERM

LEX = Lexicon()


def kinds(text):
    s = to_simplified_aligned(text)
    return [(text[t.start:t.end], t.kind) for t in segment(s, LEX)]


def test_tokens_cover_text_with_offsets():
    text = "第六屆進博會圓滿成功！2023年，市委書記出席會議。"
    tokens = segment(to_simplified_aligned(text), LEX)
    assert "".join(text[t.start:t.end] for t in tokens) == text
    assert all(a.end == b.start for a, b in zip(tokens, tokens[1:]))


def test_recurring_non_word_piece_becomes_a_term():
    text = "進博會開幕。進博會閉幕。"
    assert ("進博會", TERM) in kinds(text)


@pytest.mark.parametrize("text, term", [
    ("各地停班停課的資訊。明天是否停班，由縣府宣布。", "停班"),          # two dictionaries lack it; used twice
    ("抗阻訓練很重要。每週做兩次抗阻訓練。", "抗阻"),
])
def test_a_piece_neither_dictionary_has_is_a_term_when_the_article_repeats_it(text, term):
    assert (term, TERM) in kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("明天是否停班，由縣府宣布。", "停班"),      # once: as often two words glued by the HMM
    ("越辦越好，越辦越強。", "越辦"),             # an adverb opens a phrase, not a word
])
def test_a_piece_seen_once_or_opened_by_an_adverb_is_no_term(text, piece):
    assert (piece, TERM) not in kinds(text)


@pytest.mark.parametrize("text, words, not_words", [
    ("經濟部將與銀行合作", ["經濟部", "將"], ["部將"]),        # jieba: 经济|部将 "subordinate general"
    ("青浦區委作交流發言", [], ["青浦區"]),                    # 委 is no function word: 区委 stays whole
])
def test_a_word_cut_across_a_boundary_gives_its_first_character_back(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


@pytest.mark.parametrize("text, words, not_words", [
    ("颱風朝西北西方向移動", ["西北西", "方向"], ["西方", "朝西北西"]),   # not "the West", not a storm's name
    ("吹東北東風", ["東北東", "風"], ["東風"]),
    ("中國西北西安市", ["西北", "西安市"], ["西北西"]),                  # a city after a region stays a city
])
def test_a_sixteen_point_compass_direction_is_one_word(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


@pytest.mark.parametrize("text, words, not_words", [
    ("在中華大地上", ["大地", "上"], ["地上"]),              # on the land of China, not 大 + "on the ground"
    ("他坐在草地上", ["草地", "上"], ["地上"]),
    ("不能熱衷於搞形式", ["熱衷"], ["熱衷於"]),              # a verb and its preposition: no term of its own
])
def test_a_noun_keeps_its_character_and_gives_the_locative_or_preposition_back(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


def test_a_recurring_piece_joined_into_a_dictionary_word_keeps_its_entry():
    # jieba cuts 深水|埗 and 骨质|疏松; joined again they are CC-CEDICT's words, not composed terms
    k = kinds("在深水埗啟動重建。深水埗區議員認為重建方向正確。")
    assert ("深水埗", "word") in k and ("深水埗", TERM) not in k


@pytest.mark.parametrize("text, phrase", [("對我來說很重要", "來說"), ("還要繼續努力", "還要")])
def test_a_function_word_phrase_of_jiebas_is_no_term(text, phrase):
    assert (phrase, TERM) not in kinds(text)


def test_single_occurrence_is_not_a_term():
    assert ("進博會", TERM) not in kinds("進博會開幕。")


def test_number_with_measure_word():
    k = kinds("第六屆大會")
    assert ("第六", NUMBER) in k and ("屆", "word") in k


def test_surname_joined_to_given_name():
    k = kinds("總經理李養民出席會議")
    assert ("李養民", NAME) in k


@pytest.mark.parametrize("text", ["周全", "扁平化"])
def test_common_words_jieba_tags_as_names_are_words(text):
    assert all(kind != NAME for _, kind in kinds(f"要考慮{text}"))


def test_date_unit_is_cut_from_a_proper_noun():
    # 28日电 is "dispatch of the 28th"; 日电 alone is the company NEC in CC-CEDICT
    k = kinds("新華社北京11月28日電")
    assert ("日", "word") in k and ("電", "word") in k and ("日電", "word") not in k
    # … but a common word made of a date unit stays whole: 3|月份, not 3月|份
    assert ("月份", "word") in kinds("今年3月份的數據")
    # 5日至10日: jieba's HMM makes 日至, which CC-CEDICT has as "solstice"; here it is 日|至
    k = kinds("進博會于11月5日至10日在上海舉行")
    assert ("至", "word") in k and ("日至", "word") not in k


def test_name_gives_back_a_character_it_took():
    # 龔正 is a name elsewhere in the text, so 龔正作部署 is 龔正 | 作 | 部署
    k = kinds("陳吉寧王文濤龔正作部署。龔正主持會議。")
    assert ("龔正", NAME) in k and ("龔正作", NAME) not in k and ("作", "word") in k


def test_numeral_with_da_is_three_major():
    # 四大功能 is "four major functions"; CC-CEDICT's 四大 is the Buddhist four elements
    k = kinds("強化四大功能")
    assert ("四", NUMBER) in k and ("大", "word") in k
