import pytest
from pathlib import Path

from cardmaker.analysis.segment import segment
from cardmaker.chinese.script import to_simplified_aligned
from cardmaker.lexicon import Lexicon
from cardmaker.records import NAME, NUMBER, TERM

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.mark.parametrize("text, term", [
    ("網路上流傳偽造的貼文。", "貼文"),       # once, but the language uses it as a word (wordfreq)
    ("請勿任意轉傳未經證實的訊息。", "轉傳"),
])
def test_a_piece_seen_once_is_a_term_when_the_language_knows_it(text, term):
    assert (term, TERM) in kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("眾力抓落實", "力抓"),                       # once, and its first character completes the word before it
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
    ("乘客在月台上等候", ["月台", "上"], ["台上"]),          # 月 with no number before it is no month
    ("十二月台上演出", ["十二月"], ["月台"]),
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


def tokens(text):
    s = to_simplified_aligned(text)
    return [(text[t.start:t.end], t.kind, t.pos) for t in segment(s, LEX)]


@pytest.mark.parametrize("text, pieces", [
    # jieba glues a number's unit to the noun it measures: 16|级风, 七级风 (its own dictionary's "word")
    ("相當於16級風，陣風達17級以上", ["16", "級", "風"]),
    ("七級風暴風半徑約320公里", ["七", "級", "風"]),
    # … or to the next name: 台9|线南回; 线花|东海岸 is 线|花东|海岸, 花东 being the article's own piece
    ("台9線南迴公路、台11線花東海岸公路，花東地區豪雨", ["9", "線", "南迴", "公路", "、", "台", "11", "線", "花東", "海岸"]),
])
def test_a_unit_glued_after_a_number_is_cut_off(text, pieces):
    k = [w for w, _ in kinds(text)]
    assert any(k[i:i + len(pieces)] == pieces for i in range(len(k))), k


def test_a_number_with_its_unit_inside_keeps_the_next_word():
    # 四十多間 already holds its unit: 地舖 after it is not cut
    assert ("地舖", TERM) in kinds("有四十多間地舖商戶受影響，地舖租金")


@pytest.mark.parametrize("text, direction", [
    ("位於鵝鑾鼻東南方約720公里的海面上", ["東南", "方"]),
    ("颱風在台灣西北方海面", ["西北方"]),  # a word of CC-CEDICT stays whole
    ("以每小時15公里速度向西北西方向前進", ["西北西", "方向"]),  # west-north-west, not 西北|西方|向
])
def test_a_compound_direction_is_not_cut_after_its_first_point(text, direction):
    # 东南方 is 东南 "south-east" + 方 "side", never 东 "east" + 南方 "the south"
    k = [w for w, _ in kinds(text)]
    assert any(k[i:i + len(direction)] == direction for i in range(len(k))), k


@pytest.mark.parametrize("text, word", [
    ("要干干净净做事、清清白白做人。", "干干净净"),  # jieba's state word, cut by the dictionary into 干|干净|净
    ("要干干净净做事、清清白白做人。", "清清白白"),  # jieba cuts it 清|清|白白 itself
    ("把道理講得清清楚楚、明明白白。", "清清楚楚"),
])
def test_an_aabb_reduplication_is_one_word(text, word):
    assert (word, "word") in kinds(text)


def test_an_aabb_reduplication_has_its_base_words_readings_and_senses():
    (e,) = LEX.entries("乾乾淨淨")  # either script, as any headword
    assert (e.simplified, e.traditional, e.pinyin) == ("干干净净", "乾乾淨淨", "gan1 gan1 jing4 jing4")
    assert e.senses == LEX.entries("干净")[0].senses
    assert not LEX.entries("谢谢谢谢") and not LEX.entries("天天向上")  # no AABB, or no base word


def test_names_of_storms_are_one_foreign_name():
    # after 台风 or 命名为, and before 台风: a transliterated name, tagged as one (nrt), not 桦 "birch" + 加沙 "Gaza"
    t = tokens("颱風樺加沙增強。命名為博羅依。凱米颱風逼近。")
    names = {w: pos for w, kind, pos in t if kind == NAME}
    assert names == {"樺加沙": "nrt", "博羅依": "nrt", "凱米": "nrt"}, t


@pytest.mark.parametrize("text", ["強烈颱風逼近", "今年第18號颱風", "海上颱風警報", "兩個颱風接連發展",
                                  "這個颱風很強。", "颱風很大，",  # 很强: the storm's predicate
                                  "颱風襲港 天文台發八號風球"])  # 袭港: a verb and a place (港 Hong Kong)
def test_words_before_a_storm_word_are_no_name(text):
    assert all(kind != NAME for _, kind in kinds(text))


def test_a_name_of_the_article_is_the_same_name_everywhere():
    # 龔正 is a name where it is whole; 龔正在主持 is 龔正|在|主持, not 龔|正在
    k = kinds("組長龔正主持會議。龔正在主持會議時指出，要抓緊工作。")
    assert k.count(("龔正", NAME)) == 2 and ("在", "word") in k and ("正在", "word") not in k


@pytest.mark.parametrize("text, glued, pieces", [
    ("在危机中育先机、于变局中开新局", "中育", ["危机", "中", "育", "先机"]),  # 中 ends 在危机中, 育 is the verb
    ("桂林街及北河街一帶", "街及", ["街", "及"]),                              # a conjunction starts the next item
    ("雞尾包一出爐便賣光", "包一", ["包", "一"]),                              # a numeral starts the next phrase
])
def test_an_hmm_piece_glued_across_a_phrase_boundary_is_cut(text, glued, pieces):
    k = [w for w, _ in kinds(text)]
    assert glued not in k and any(k[i:i + len(pieces)] == pieces for i in range(len(k))), k


@pytest.mark.parametrize("text, term, not_pieces", [
    # jieba's 视听产品, which CC-CEDICT lacks: split into words, 视 (a bound form) and 听 stay one word
    ("成長動能高度集中在資通訊與視聽產品", "視聽", ["視", "聽"]),
])
def test_a_bound_character_a_split_leaves_alone_keeps_the_word_jieba_knows(text, term, not_pieces):
    cut = kinds(text)
    assert (term, TERM) in cut and not any((p, k) in cut for p in not_pieces for k in ("word", TERM)), cut


@pytest.mark.parametrize("text, pieces", [
    ("把心思和精力用在干事创业上", ["干", "事", "创业"]),   # 干 "to do" and its object before 创业
    ("想干事、能干事、干成事", ["干", "事"]),               # after a modal
])
def test_gan_shi_as_a_verb_and_its_object(text, pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert "干事" not in cut and all(p in cut for p in pieces), cut


def test_gan_shi_the_administrator_stays_a_word():
    assert ("干事", "word") in kinds("团委干事负责联络")


@pytest.mark.parametrize("text, term, pieces", [
    ("出口廠商的毛利率偏低", "毛利率", ["毛利", "率"]),   # jieba's common word: the rate, not a card for 率
    ("推動示範區建設", "示範區", ["示範", "區"]),
    # said again by the article: 氣象署 eleven times in a typhoon report
    ("氣象署今天發布海上颱風警報。氣象署表示，颱風持續增強。", "氣象署", ["氣象", "署"]),
    ("中國國際進口博覽局負責籌備。博覽局表示，招展順利。", "博覽局", ["博覽", "局"]),  # no card 博覽
    # a kind of people and a form: words of any word before them, said once
    ("延誤對通勤族造成不便", "通勤族", ["通勤", "族"]),
    ("旅客可申請「延誤證明單」", "證明單", ["證明", "單"]),
    ("旅客可到詢問處查詢。詢問處表示，已恢復正常。", "詢問處", ["詢問", "處"]),  # an office after a verb, said again
    ("交通部公路局表示，道路已搶通", "公路局", ["公路", "局"]),   # a bureau, an agency, a person: said once
    ("改由司機員以手動駕駛方式降速行駛", "司機員", ["司機", "員"]),
])
def test_a_word_and_the_suffix_jieba_cut_off_it_are_one_term(text, term, pieces):
    cut = kinds(text)
    assert (term, TERM) in cut and not any(p in [c for c, _ in cut] for p in pieces), cut


@pytest.mark.parametrize("text, word", [
    ("穩步擴大制度型開放", "制度"),   # said once, unknown: 制度 "system" keeps its card, 型 its own
    ("各項工作的協同性", "協同"),
])
def test_a_word_and_a_suffix_said_once_stay_two_words(text, word):
    assert (word, "word") in kinds(text)


def test_lv_before_its_object_is_the_verb_to_lead_not_a_suffix():
    assert ("率", "word") in kinds("市長率代表團訪問日本")


@pytest.mark.parametrize("text, pieces", [
    ("位於高雄岡山的一家螺絲廠負責人也坦言", ["一", "家", "螺絲"]),   # a factory, not 一家 "the whole family"
    ("網路上一則貼文宣稱颱風將直撲北部", ["一", "則", "貼文"]),       # a post, not "on the one hand"
])
def test_yi_and_a_measure_word_before_a_noun_are_a_number_and_a_measure_word(text, pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces), cut


def test_yi_jia_alone_is_the_whole_family():
    assert ("一家", "word") in kinds("他們一家去旅行")


def test_yi_before_an_adverb_it_makes_a_word_with_is_that_word():
    cut = [piece for piece, _ in kinds("今天一早就和兒子把膠筏拖上岸")]  # early this morning, then …
    assert "一早" in cut and "就" in cut and "早就" not in cut, cut


@pytest.mark.parametrize("text, pieces, not_pieces", [
    ("完全感覺不到颱風要來", ["感覺", "不", "到"], ["不到"]),   # can't feel: 不到 "not reaching" is no card
    ("他們找不到工作", ["找不到"], ["不到"]),                    # CC-CEDICT's word "can't find"
    ("時間不到一年", ["不到"], []),                              # after no verb: "less than"
])
def test_a_verb_and_bu_dao(text, pieces, not_pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and not any(p in cut for p in not_pieces), cut


def test_a_four_character_word_jieba_knows_well_and_no_two_words_is_one_term():
    assert ("不確定性", TERM) in kinds("颱風路徑仍有高度不確定性")   # "uncertainty", not 不 + 確定性
    assert ("對外", "word") in kinds("擴大高水平對外開放")             # two words, each its card


def test_a_character_word_character_run_that_is_two_words_cut_later_is_those_words():
    cut = [piece for piece, _ in kinds("北河街一幢唐樓外牆有石屎剝落，險些擊中途人")]
    assert "擊中" in cut and "途人" in cut and "中途" not in cut, cut     # a passer-by, not "midway"


@pytest.mark.parametrize("text, pieces, not_pieces", [
    ("我們提出以下幾點建議", ["幾", "點", "建議"], ["幾點"]),      # a few points, not "what time?"
    ("在場館內設立醫療點", ["在", "場館", "內"], ["在場", "館內"]),  # in the venue, not "to be present"
])
def test_numerals_prepositions_and_locatives_around_a_noun(text, pieces, not_pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and not any(p in cut for p in not_pieces), cut


@pytest.mark.parametrize("text, char, kind", [
    ("不少熟客來找他修理古董鐘", "鐘", "word"),        # a clock: jieba tags 钟 a surname everywhere
    ("深水埗兩項目納重建", "納", "word"),
    ("鍾先生說，生意一年不如一年", "鍾", NAME),        # a surname before its title
])
def test_a_character_jieba_tags_a_surname_is_a_name_only_with_a_title_or_a_role(text, char, kind):
    assert (char, kind) in kinds(text), kinds(text)


def test_a_piece_and_its_suffix_join_where_the_article_says_the_whole_again():
    # 肌少症 "sarcopenia": jieba cuts it 肌少|症 once and keeps it whole elsewhere
    text = "严重时发展为肌少症，增加跌倒风险。诊断[1]。肌少症常与骨质疏松相伴出现。"
    assert [k for piece, k in kinds(text) if piece == "肌少症"] == [TERM, TERM], kinds(text)


@pytest.mark.parametrize("text, name", [
    ("王滬寧、栗戰書、汪洋等領導同志先後出席相關活動", "汪洋"),   # the last item of a list of names
    ("張為、華源、陳杰、解冬出席會議", "解冬"),
])
def test_the_last_item_of_a_list_of_names_is_a_name(text, name):
    assert (name, NAME) in kinds(text)


def test_a_list_of_things_next_to_a_list_of_names_gives_no_name():
    text = "推動高水平開放的平臺、全球共享的國際公共產品。王滬寧、栗戰書出席。"
    assert ("全球", "word") in kinds(text)   # 全 is a surname, but this list holds no names


@pytest.mark.parametrize("text, words, not_words", [
    ("國小學童使用線上辭典", ["國小", "學童"], ["小學", "童"]),   # 童 alone is only a surname
    ("提高到將近九成", ["將近"], ["近"]),                        # two characters jieba cut, before a number
    ("玉米賣得出好價錢", ["賣", "得", "出"], ["得出"]),           # a verb, 得 and its complement
    ("研究得出結論", ["得出"], []),                              # 得出 "to arrive at" after a verbal noun
    ("背得很熟", ["背", "得", "很", "熟"], ["得很"]),             # 得很 "very" only after an adjective
])
def test_pieces_jieba_cut_across_a_word_are_regrouped(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


@pytest.mark.parametrize("text, words, not_words", [
    ("家長應先陪孩子記字音", ["應", "先"], ["應先"]),          # a modal and an adverb the HMM glued
    ("同一個字在不同詞裡有不同讀音。這個詞裡", ["詞", "裡"], ["詞裡"]),   # a noun and its locative
    ("樹是他爺爺小時候種下的", [], ["種"]),                   # 種下: a verb and its complement stays
])
def test_two_words_the_hmm_glued_are_two_words(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


@pytest.mark.parametrize("text, words, not_words", [
    ("當地農業部門負責人介紹", ["農業", "部門"], ["農業部", "門"]),   # departments: 部门 far commoner than 农业部
    ("收回來的玉米當天就送進烘乾", ["收", "回來"], ["收回"]),          # a verb and its complement 回来
    ("他把東西帶回去了", ["帶", "回去"], ["帶回"]),
    ("把書拿出來", ["拿", "出來"], []),
    ("教育部長說", ["教育部長"], ["部長"]),                            # jieba's whole word stays
])
def test_a_word_jieba_ended_one_character_late_gives_it_to_the_next(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


def test_a_surname_and_xing_are_a_name_and_the_word_surnamed():
    assert kinds("陳姓老師說")[:2] == [("陳", "name"), ("姓", "word")]


@pytest.mark.parametrize("text, words, not_words", [
    ("金黃的玉米粒從出料口流出", ["玉米", "粒"], ["米粒"]),   # 玉 is jieba's surname: its count says nothing
    ("前景仍不明朗", ["不", "明朗"], ["不明"]),              # 不 is no surname: the commoner piece still decides
])
def test_a_split_prefers_the_commoner_word_to_a_commoner_surname(text, words, not_words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words) and not any(w in cut for w in not_words), cut


@pytest.mark.parametrize("text, term, pieces", [
    ("當地提前組織農機具檢修", "農機具", ["農機", "具"]),   # jieba has 农机具 (rarely) and 机具: implements
    ("公路局表示將搶修", "公路局", ["公路", "局"]),         # jieba has 公路局 and 路局
])
def test_a_word_and_a_suffix_jieba_knows_together_and_by_its_last_character_are_one_term(text, term, pieces):
    cut = kinds(text)
    assert (term, TERM) in cut and not any(p in [c for c, _ in cut] for p in pieces), cut


@pytest.mark.parametrize("text, words", [
    ("總分最高者即是優勝隊", ["最高", "者"]),   # jieba's 最高者, but 最高 is no noun: the suffix stays apart
    ("該產品具國際水平", ["產品", "具"]),       # 具 "to possess" after a noun: 品具 is no word
    ("這台農機具有很多功能", ["農機", "具有"]),
])
def test_ju_the_verb_and_a_suffix_after_no_noun_stay_apart(text, words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words), cut


@pytest.mark.parametrize("text, pieces, whole", [
    ("我回家還會考爸爸媽媽", ["還", "會", "考"], None),   # a modal and its verb between an adverb and an object
    ("今年的會考成績", [], "會考"),                       # the exam, after 的
    ("他也可能他們不來", ["可能"], None),                  # common: stays
])
def test_a_rare_noun_of_a_modal_and_a_verb_is_the_two_before_an_object(text, pieces, whole):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and (whole is None or whole in cut), cut


@pytest.mark.parametrize("text, term", [
    ("今年秋收期間，黃淮海部分地區遭遇持續陰雨", "黃淮海"),        # jieba's place: 黄 (the Yellow River) and 淮海
    ("台北捷運板南線今天上午號誌異常", "板南線"),                  # a line after a rail word
    ("在板南線沿線加開接駁公車。板南線是運量最大的路線", "板南線"),  # … and wherever else the article has it
    ("捷運淡水信義線", "淡水信義線"),
    ("文湖線列車停駛", "文湖線"),                                  # a line before 列车
    ("今天在忠孝復興站整個卡住", "忠孝復興"),                      # a station before 站
    ("民權西路站", "民權西路"),                                    # a compass point inside the name
    ("忠孝復興、台北車站等大站的月台擠滿旅客", "忠孝復興"),        # in a list with a station
    ("據中儲糧介紹，今年收購量有望增加", "中儲糧"),                # 中 and a piece: a company's abbreviation
])
def test_names_of_places_lines_stations_and_companies_are_one_term(text, term):
    assert (term, TERM) in kinds(text), kinds(text)


@pytest.mark.parametrize("text, pieces", [
    ("男生女生站成兩排", ["男生", "女生"]),       # two common words and 站 the verb
    ("這條路線很長", ["路線"]),                   # a common word ending in 线
    ("在實驗中儲糧", ["實驗", "中"]),             # 中 the locative after a noun
    ("前往大興線新宮站", ["大興"]),               # a line's name and a station's are no one station
    ("他和澳洲", ["和", "澳洲"]),
])
def test_common_words_before_zhan_xian_or_after_zhong_stay(text, pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces), cut


@pytest.mark.parametrize("text, words", [
    ("我回家還會考爸爸媽媽", ["爸爸", "媽媽"]),   # jieba's "name": two words, each read as its entry (bàba māma)
    ("哥哥姐姐都來了", ["哥哥", "姐姐"]),
])
def test_two_doubled_nouns_are_two_words(text, words):
    cut = [piece for piece, _ in kinds(text)]
    assert all(w in cut for w in words), cut


def test_an_aabb_reduplication_of_one_word_stays_one():
    assert ("乾乾淨淨", "word") in kinds("房間打掃得乾乾淨淨")


@pytest.mark.parametrize("text, term", [
    ("部分單位更被分間成劏房，居住環境惡劣", "劏房"),   # 劏: no dictionary's word alone, a term with its noun
    ("深水埗區議員認為，重建方向正確", "區議員"),       # a district councillor: CC-CEDICT has 区议会, 市议员
    ("油尖旺區議員表示支持", "區議員"),
    ("菠蘿包、雞尾包一出爐便被搶購一空", "菠蘿包"),     # two kinds of bun: 包 is their suffix
    ("菠蘿包、雞尾包一出爐便被搶購一空", "雞尾包"),
    ("他每天早上買一個菠蘿包", "菠蘿包"),               # jieba knows the bun
])
def test_hong_kong_words_of_a_character_or_a_suffix_are_one_term(text, term):
    assert (term, TERM) in kinds(text), kinds(text)


@pytest.mark.parametrize("text, pieces", [
    ("他把禮物包起來", ["禮物", "包"]),                 # 包 "to wrap" before its complement
    ("台北市議員表示", ["台北市", "議員"]),             # jieba's city keeps its unit
])
def test_bao_the_verb_and_a_city_with_its_unit_stay(text, pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces), cut


@pytest.mark.parametrize("text, term", [
    ("保障種糧農民收益，守住種糧賣得出的底線", "種糧"),   # 種 counts nothing here: the verb "to grow" and grain
])
def test_a_character_jieba_tags_a_numeral_opens_a_term_where_it_counts_nothing(text, term):
    assert (term, TERM) in kinds(text), kinds(text)


@pytest.mark.parametrize("text, absent", [
    ("一種糧食", "種糧"),          # after 一 it is the measure word
    ("院子裡種滿了花，又種滿了樹", "種滿"),   # a verb and its complement 滿
])
def test_a_measure_word_and_a_verb_with_its_complement_are_no_term(text, absent):
    assert absent not in [piece for piece, _ in kinds(text)], kinds(text)


def test_full_width_digits_are_one_number():
    cut = kinds("到本月２３日至２４日到達，約９.３億公里，增長２０％。")
    assert ("２３", "number") in cut and ("９.３", "number") in cut and ("２０％", "number") in cut, cut


def test_a_doubled_adjective_is_the_adjective_twice():
    """長長的彗尾: no term 長長的 "long + to grow + of"; each 長 is the adjective."""
    cut = [piece for piece, _ in kinds("長長的彗尾雄偉壯觀。一條長長的尾巴。")]
    assert "長長的" not in cut and cut[:3] == ["長", "長", "的"], cut


def test_a_doubled_character_before_anything_but_de_is_a_pet_name_and_the_next_keeps_its_text():
    """黛黛在這裡: 黛黛 (no dictionary word) is a name, and 在 stays 在 (it was once rewritten as 的)."""
    cut = kinds("黛黛在這裡就好了。黛黛是他的女兒。")
    assert cut[:2] == [("黛黛", "name"), ("在", "word")] and ("是", "word") in cut, cut


@pytest.mark.parametrize("text, name", [
    ("研究員陳嘉楙說，計畫延後。", "陳嘉楙"),      # jieba: 陳嘉|楙
    ("學者黃俊甡表示，這是問題。", "黃俊甡"),
    ("記者王小媺報導", "王小媺"),
])
def test_a_rare_character_after_a_two_character_name_ends_the_name(text, name):
    cut = kinds(text)
    assert (name, "name") in cut, cut


def test_a_common_character_after_a_name_stays_a_word():
    assert kinds("王明昨表示，會議延期。")[:2] == [("王明", "name"), ("昨", "word")]


@pytest.mark.parametrize("text, piece", [
    ("城市建設就難以為繼。", "繼"),        # jieba's idiom 难以为继: 難以 a word, 繼 no card
    ("不能等閒視之。", "視"),
    ("那個黑暗的世紀之交。", "交"),
])
def test_a_single_character_of_an_idiom_no_dictionary_has_is_a_piece_of_it(text, piece):
    cut = dict(kinds(text))
    assert cut[piece] == "fragment", cut


@pytest.mark.parametrize("text, cut_as", [
    ("讓許多人為他們站台。", ["許多", "人", "為", "他們"]),   # a count of people, then 為 "for"
    ("這是人為的災害。", ["人為"]),                          # 人為 "artificial"
])
def test_people_counted_before_wei_are_people_and_for(text, cut_as):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in cut_as), cut


@pytest.mark.parametrize("text, pieces", [
    ("加納能為其它非洲國家樹立榜樣。", ["能", "為"]),                 # a modal and 為 "for"
    ("與之相對應的是價格。", ["相", "對應"]),                          # 相 + 對應 "to correspond"
    ("碧咸已表示不會離開。", ["碧咸", "已"]),                          # a name and the adverb after it
    ("他於1903年1月1日出生於上海。", ["日", "出生"]),                 # a day's 日, then 出生
])
def test_pieces_jieba_glued_across_words_are_their_words(text, pieces):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces), cut


def test_an_unknown_piece_spelled_with_transliteration_characters_is_a_foreign_name():
    """列夏格 (Rehhagel), 史高拉利 (Scolari): pieces jieba does not know, made of the characters
    transliterations are spelled with, are foreign names, not terms; 由 before one is not its first."""
    cut = kinds("列夏格出名軍紀嚴明。列夏格於2001年接手希臘隊。史高拉利及球員都很高興。由杰明和卡托組成的樂團。")
    assert ("列夏格", "name") in cut and ("史高拉利", "name") in cut, cut
    assert not any(piece.startswith("由") and kind == "name" for piece, kind in cut), cut


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")) + [ROOT / "seeds" / "jinbohui-2023-08-08.txt"],
                         ids=lambda p: p.stem)
def test_every_token_is_the_text_it_spans(path):
    """No repair invents text: each token's text is the simplified text at its offsets."""
    from cardmaker.text.article import read_article

    s = to_simplified_aligned(read_article(path).text)
    bad = [(t.text, s[t.start:t.end]) for t in segment(s, LEX) if t.text != s[t.start:t.end]]
    assert not bad, bad[:10]


@pytest.mark.parametrize("text, names", [
    ("美國天文愛好者阿倫·海爾和托馬斯·波普於1995年同時發現", ["阿倫", "海爾", "托馬斯", "波普"]),
    ("海爾-波普彗星就是這樣一個天體", ["海爾", "波普"]),     # two names a hyphen joins: Hale-Bopp
])
def test_the_parts_of_a_foreign_name_around_its_dot_or_hyphen_are_names(text, names):
    cut = kinds(text)
    assert all((n, "name") in cut for n in names), cut
    if "於" in text:
        assert ("於", "word") in cut, cut   # the preposition the HMM glued to 波普 is given back


def test_a_hyphen_between_words_makes_no_names():
    assert ("關係", "word") in kinds("中-美關係")


@pytest.mark.parametrize("text, pieces, not_word", [
    ("這彗星繞太陽運動的周期為３０００余年", ["余", "年"], "余年"),   # not 余年 "one's remaining years"
    ("街角一間開業五十多年的麵包舖", ["多", "年"], "多年"),
])
def test_more_than_a_number_of_years_is_the_number_and_its_unit(text, pieces, not_word):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and not_word not in cut, cut
    assert "多年" in [piece for piece, _ in kinds("多年來")]   # with no number before it, 多年 "many years"


@pytest.mark.parametrize("text, name, word", [
    ("張先生說，他已習慣被蚊叮", "張", "先生"),          # a surname before a title, not the measure word 張
    ("在市政府站等車的黃小姐說", "黃", "小姐"),          # not 黃 "yellow"
    ("李伯說，蚊很多", "李伯", "說"),                    # a name and the speech verb the HMM glued on
])
def test_a_surname_before_a_title_or_a_speech_verb_is_a_name(text, name, word):
    cut = kinds(text)
    assert (name, "name") in cut and (word, "word") in cut, cut
    assert ("張", "word") in kinds("一張先生的照片")    # after a number it counts


def test_a_named_persons_surname_and_nv_is_that_person():
    """璩美鳳 … 璩女: Taiwan news calls a person it has named by surname + 女/男/嫌 (Ms Qu), as jieba
    itself cuts 郭女 for common surnames: one name, no 女 "female" card."""
    cut = kinds("璩美鳳緊急召開記者會。陪同璩女召開記者會的律師說")
    assert ("璩女", "name") in cut and ("女", "word") not in cut, cut
    assert ("女", "word") in kinds("王先生的女兒是女")[-1:]     # no name of that surname: the word


@pytest.mark.parametrize("text, city, rest", [
    ("北市長蔣萬安今天表示", "北", "市長"),      # Taipei's mayor, not 北 "north"
    ("高市府回應說", "高", "市府"),              # Kaohsiung's city government, not 高 "high"
])
def test_a_taiwan_citys_initial_before_its_city_is_a_place_piece(text, city, rest):
    cut = kinds(text)
    assert (city, "fragment") in cut and any(piece == rest for piece, _ in cut) and (city, "word") not in cut, cut
    assert ("中", "fragment") not in kinds("台中市民與高雄市民")


def test_a_locative_after_a_dates_unit_belongs_to_the_date():
    """4月1日|前後 "around 1 April", 3年|後 "3 years later": not 日前 "the other day" + 後; alone 日前 stays."""
    cut = [piece for piece, _ in kinds("將在4月1日前後飛抵近日點，3年後他回來了。")]
    assert "前後" in cut and "日前" not in cut and cut.count("後") == 1, cut
    assert "日前" in [piece for piece, _ in kinds("日前他說")]


def test_two_compass_points_in_parallel_make_no_name():
    """太陽的東升西落: jieba's HMM reads 東升 as a person; the points in parallel are the words."""
    cut = kinds("星星的出入隱現，太陽的東升西落。")
    assert ("東升", "name") not in cut and ("升", "word") in cut, cut


@pytest.mark.parametrize("text, joiner, name", [
    ("行政院和金管會昨天開會。行政院和金管會都說", "和", "金管會"),
    ("立委與金管會今天見面，立委與金管會都說", "與", "金管會"),
])
def test_a_conjunction_begins_no_recurring_term(text, joiner, name):
    """A conjunction or preposition between two names (和 与 及 跟 同 或 并) links them, however often
    the pair recurs: 和|金管會, not one term 和金管會 "Héjīnguǎnhuì"."""
    cut = [piece for piece, _ in kinds(text)]
    assert joiner in cut and name in cut and joiner + name not in cut, cut


@pytest.mark.parametrize("text, number", [
    ("依民法第一八四條請求賠償", "第一八四"),    # article 184 of a law, not 第一 "first" and two numbers
    ("第三五二號判決", "第三五二"),
])
def test_an_ordinal_in_chinese_digits_is_one_number(text, number):
    cut = kinds(text)
    assert (number, NUMBER) in cut and ("第一", "word") not in cut, cut


@pytest.mark.parametrize("text, pieces, junk", [
    ("他在國外住了二十幾年", ["二十幾", "年"], "幾年"),      # twenty-odd years: 幾 is part of the number
    ("桌上放著幾顆蘋果", ["幾", "顆"], "幾顆"),             # a count and a measure word, not "several + classifier"
    ("我等了半個鐘頭", ["半", "個"], "半個"),
])
def test_a_count_and_its_measure_word_are_no_headword(text, pieces, junk):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and junk not in cut, cut
    assert "幾點" in [p for p, _ in kinds("現在幾點了")]  # 幾點 "what time?" is a word of its own


@pytest.mark.parametrize("text, head, junk", [
    ("這是一筆不小的開支", "小", "小的"),       # 小的 "I (to a superior)" is no word after 不
    ("他們住在一間小小的公寓", "小小", "小小的"),
    ("這是很好的建議", "好", "好的"),
])
def test_a_word_and_its_de_are_two_words(text, head, junk):
    cut = [piece for piece, _ in kinds(text)]
    assert head in cut and "的" in cut and junk not in cut, cut


@pytest.mark.parametrize("text, caucus", [
    ("國民黨團今天提案", "國民黨團"),         # the party's caucus (黨團), not 團 "round" as a word
    ("親民黨團總召表示", "親民黨團"),
])
def test_a_party_and_its_tuan_are_its_caucus(text, caucus):
    cut = kinds(text)
    assert (caucus, TERM) in cut and ("團", "word") not in cut, cut
    assert ("團結", "word") in kinds("共產黨團結一致")  # 團結 "to unite" after a party stays a word


@pytest.mark.parametrize("text, word", [
    ("這個字在日文中也有", "日文"),   # 日|文中 → 日文|中 "in Japanese"
    ("這個詞在西文中沒有對應", "西文"),     # 西 jieba calls a locative still starts 西文 "Western languages"
])
def test_a_word_and_a_locative_beat_jiebas_guessed_term(text, word):
    cut = [piece for piece, _ in kinds(text)]
    assert word in cut and "中" in cut and "文中" not in cut, cut


@pytest.mark.parametrize("text, whole, junk", [
    ("他引以為鑑，不再犯錯", "引以為鑑", "以為"),      # an idiom of jieba's dictionary jieba's path cut in three
    ("天文台觀測牛郎星的亮度", "牛郎星", "牛郎"),        # Altair, not 牛郎 "cowherd boy" and 星
])
def test_a_rare_idiom_or_name_of_jiebas_dictionary_is_one_word(text, whole, junk):
    cut = [piece for piece, _ in kinds(text)]
    assert whole in cut and junk not in cut, cut
    assert "蓬勃" in [p for p, _ in kinds("經濟蓬勃發展")]  # two words jieba lists as one stay two


@pytest.mark.parametrize("text, pieces, kept", [
    # 與其 "rather than" waits for a 不如; without one it is 與 "with" and 其 "its"
    ("這座城市可與其鄰近的港口競爭", ["與", "其"], "與其"),
    ("與其抱怨，不如行動", ["與其"], None),
    # 先有 "prior" before a 後有 is 先 "first" and 有
    ("先有計畫，後有行動", ["先", "有"], "先有"),
    # 還給 "to give back" when a person and a verb follow and no 把 put a thing first: 還 "also" and 給
    ("這項技術還給農民帶來收入", ["還", "給"], "還給"),
    ("請把書還給圖書館", ["還給"], None),
])
def test_a_word_whose_partner_the_sentence_lacks_is_two_words(text, pieces, kept):
    cut = [piece for piece, _ in kinds(text)]
    assert all(p in cut for p in pieces) and (kept is None or kept not in cut), cut


@pytest.mark.parametrize("text, pieces, junk", [
    # a magnitude, then a unit that begins with 千: not 万千 "myriad" and 瓦 "roof tile"
    ("山西投產容量只有75萬千瓦，而新增用戶容量卻高達300萬千瓦", ["75", "萬", "千瓦"], "瓦"),
    ("使6台機組最高日發電量達到2811萬千瓦時，創歷史新高", ["2811", "萬", "千瓦時"], "萬千"),
    ("全年發電三萬千瓦", ["三萬", "千瓦"], "萬千"),
    ("距離地球約3萬千米", ["3", "萬", "千米"], "米"),
])
def test_a_unit_after_a_magnitude_is_the_word(text, pieces, junk):
    k = [w for w, _ in kinds(text)]
    assert any(k[i:i + len(pieces)] == pieces for i in range(len(k))) and junk not in k, k


def test_myriad_without_a_number_stays_one_word():
    assert ("萬千", NUMBER) in kinds("萬千民眾湧上街頭") or ("萬千", "word") in kinds("萬千民眾湧上街頭")


@pytest.mark.parametrize("text, pieces, kept", [
    ("開展「節約一度電」活動", ["一", "度", "電"], None),   # one kWh of electricity
    ("股價一度上漲三成", None, "一度"),                        # "for a time": a verb follows
])
def test_yidu_before_a_noun_is_one_and_its_measure(text, pieces, kept):
    k = [w for w, _ in kinds(text)]
    if pieces:
        assert any(k[i:i + len(pieces)] == pieces for i in range(len(k))), k
    else:
        assert kept in k, k


@pytest.mark.parametrize("text, pieces", [
    ("廠子用電負荷太大了！", ["太", "大"]),   # jieba's dictionary has 太大 as a place (ns)
    ("兩岸差距太小，不足以說明問題", ["太", "小"]),
])
def test_a_degree_adverb_and_an_adjective_are_two_words(text, pieces):
    k = kinds(text)
    words = [w for w, _ in k]
    assert any(words[i:i + 2] == pieces for i in range(len(words))), k
    assert all(kind == "word" for w, kind in k if w in pieces)


@pytest.mark.parametrize("text, pieces, whole", [
    ("軍官不得在其原籍所在地的軍分區和縣、市的人民武裝部任職", ["和", "縣", "、", "市"], None),
    ("安徽和縣位於長江北岸", None, "和縣"),   # He county itself
])
def test_a_link_and_a_unit_before_a_list_of_units_are_two_words(text, pieces, whole):
    k = [w for w, _ in kinds(text)]
    if pieces:
        assert any(k[i:i + len(pieces)] == pieces for i in range(len(k))), k
    else:
        assert whole in k, k


@pytest.mark.parametrize("text, pieces, junk", [
    ("工廠添購了柴油發電機組。", ["發電", "機組"], "組"),      # 組 is bound (jieba's zg): 機組 "generating unit"
    ("共產黨人不怕困難。", ["共產黨", "人"], "黨人"),           # 人 is a free word: the cut stays
    ("周期性地檢查設備。", ["周期性", "地"], "性地"),
])
def test_a_bound_character_beside_a_long_word_is_the_other_half_of_a_word(text, pieces, junk):
    k = [w for w, _ in kinds(text)]
    assert any(k[i:i + len(pieces)] == pieces for i in range(len(k))) and junk not in k, k


@pytest.mark.parametrize("text, word", [
    ("他是知名的恐怖份子。", "恐怖份子"),     # CC-CEDICT's 恐怖分子, with its Taiwan variant 份子
    ("學校表揚積極份子。", "積極份子"),
])
def test_a_word_spelled_with_a_variant_piece_is_the_word(text, word):
    assert (word, "word") in kinds(text)


def test_a_variant_spelling_has_the_entrys_senses():
    entries = LEX.entries("恐怖份子")
    assert entries and entries[0].senses[0] == "terrorist" and entries[0].traditional == "恐怖份子"
    assert not LEX.entries("份子生物學")   # 分子 fēnzǐ "molecule" is not the variant's fènzǐ


@pytest.mark.parametrize("text, term, junk", [
    ("我們開了一個協調會。", "協調會", "會"),   # after a measure word: a gathering
    ("他假裝會開車。", None, "假裝會"),         # jieba lists 假装会 as a noun too: the modal verb here
])
def test_a_word_and_hui_after_a_measure_word_is_a_gathering(text, term, junk):
    k = kinds(text)
    assert (term is None or (term, TERM) in k) and all(w != junk or term is None for w, _ in k), k
    if term is None:
        assert junk not in [w for w, _ in k]


@pytest.mark.parametrize("text, pieces", [
    ("嘉義國小圍牆倒了。", ["嘉義", "國小"]),     # CC-CEDICT's 國小 "elementary school" after its place
])
def test_a_schools_abbreviation_after_its_place_is_one_word(text, pieces):
    k = [w for w, _ in kinds(text)]
    assert any(k[i:i + 2] == pieces for i in range(len(k))), k


@pytest.mark.parametrize("text, road, name", [
    ("車子轉入中山路後，到中山路口停下。", "中山路", "中山"),   # 中山 before 路口: the road's name, no card
    ("從博物館進入光華路。", "光華路", None),                    # a piece jieba's model made
])
def test_a_road_after_a_verb_of_motion_is_its_name(text, road, name):
    k = kinds(text)
    assert (road, TERM) in k, k
    if name:
        assert (name, "fragment") in k, k


def test_a_county_before_a_villages_unit_is_the_village():
    k = kinds("住在永安村的居民說，永安地區停電。")   # 永安 "Yong'an, a city in Fujian" names a village here
    assert ("永安", "fragment") in k and ("村", "word") in k and k.count(("永安", "fragment")) == 2, k


@pytest.mark.parametrize("text, pieces, kept", [
    ("赤壁一戰，曹操大敗。", ["一", "戰"], None),          # the battle of Chibi, not World War I
    ("一戰結束後，歐洲元氣大傷。", None, "一戰"),
])
def test_yizhan_after_a_name_is_one_battle(text, pieces, kept):
    k = [w for w, _ in kinds(text)]
    assert (pieces is None or any(k[i:i + 2] == pieces for i in range(len(k)))) and (kept is None or kept in k), k


def test_a_documents_issuer_before_its_number_is_a_label():
    k = kinds("依據國辦發〔2021〕12號文件辦理。")
    assert ("國辦發", "fragment") in k and ("文件", "word") in k, k


def test_a_function_word_one_character_late_gives_it_to_the_articles_word():
    k = [w for w, _ in kinds("但其中資控股的公司很多。中資企業增加。")]
    assert k.count("中資") == 2 and "其中" not in k, k


@pytest.mark.parametrize("text, term", [
    ("日本迅速實現了近代化。", "近代化"),       # a period and -化 jieba knows: "modernisation"
])
def test_a_period_and_hua_jieba_knows_is_one_term(text, term):
    assert (term, TERM) in kinds(text)


@pytest.mark.parametrize("text, pieces", [
    ("中央蘇區的歷史。", ["中央", "蘇區"]),     # jieba's 中央苏区: 苏区 "soviet area" a term, not 蘇|區
    ("他的成就不可限量。", ["不可", "限量"]),   # an idiom's two characters jieba knows as a word: 限量
])
def test_a_jieba_word_inside_a_longer_one_is_kept_whole(text, pieces):
    k = kinds(text)
    words = [w for w, _ in k]
    assert any(words[i:i + 2] == pieces for i in range(len(words))) and (pieces[1], TERM) in k, k
