import pytest

from cardmaker.analysis.vocabulary import analyse
from cardmaker.lexicon import Lexicon
from cardmaker.text.article import parse_article

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
        ("结实", "a", ("jie1", "shi5")),   # 很结实 "sturdy", not jiēshí "to bear fruit"
    ],
)
def test_guess_uses_part_of_speech(word, pos, expected, lexicon):
    assert guess(word, pos, lexicon) == expected


def test_bound_reading_is_not_used_alone(lexicon):
    # 琢 zuo2 is "used in 琢磨"; in a word CC-CEDICT lacks it reads zhuo2
    assert choose("精雕细琢", "精雕细琢", "i", (), [()] * 4, lexicon).syllables[3] == "zhuo2"


def _read(sentence, lexicon):
    """Each token of ``sentence`` (text → numbered syllables, lower-case) as the pipeline reads it
    in an article: segmentation, constructions, the polyphone model and the dictionary."""
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.text.article import parse_article

    analysis = analyse(parse_article(("標題\n" + sentence + "\n").encode(), "x.txt"), lexicon)
    return analysis, {t.text: " ".join(analysis.readings[t.start]).lower()
                      for t in analysis.tokens if t.start in analysis.readings and t.start >= 3}


@pytest.mark.parametrize(
    "sentence, word, reading",
    [
        # 地方 before a noun is the attribute dìfāng "local"; elsewhere it is dìfang "place"
        ("地方政府要負責償還債務。", "地方", "di4 fang1"),
        ("各級幹部要多到矛盾多的地方去。", "地方", "di4 fang5"),
        # … and set against the centre, or one of 各 "each" in a list of bodies, it is "the localities"
        ("理順中央與地方的財政關係。", "地方", "di4 fang1"),
        ("地方和中央都要承擔責任。", "地方", "di4 fang1"),
        ("各地方、各單位要認真落實。", "地方", "di4 fang1"),
        ("這個地方和那個地方都很美。", "地方", "di4 fang5"),
        # 待 before the place it is at or the time it lasts is dāi "to stay"; before a verb or an
        # object it is dài "to wait, to treat"
        ("他在上海待了兩年。", "待", "dai1"),
        ("孩子們整天待在屋裡。", "待", "dai1"),
        ("請你在這兒待一會兒。", "待", "dai1"),
        ("這些工作還待完成。", "待", "dai4"),
        # 等地 "and other places": 地 is the noun dì, not the adverbial particle de (jieba tags it uv)
        ("颱風影響北京、上海等地的航班。", "地", "di4"),
        # 为 after an adverb of scope is the copula wéi; after 也 it stays the preposition wèi "for"
        ("兩市人口均為120萬。", "为", "wei2"),
        ("企業也為我們提供服務。", "为", "wei4"),
        # 为 X 所 + verb is the passive wéi "by"; 为所有人 stays wèi "for"
        ("這一理念正在為人們所接受。", "为", "wei2"),
        ("這件事早已為大家所知。", "为", "wei2"),
        ("這是為所有人準備的。", "为", "wei4"),
        ("沒有資金，城市建設就難以為繼。", "为", "wei2"),     # 为 + a verb that ends the clause
        ("集藝術與商業為一體。", "为", "wei2"),               # 为一体: "into one whole"
        ("厄爾尼諾意為聖嬰。", "为", "wei2"),                 # 意为 "to mean"
        ("通貨膨脹率居高不下。", "率", "lu:4"),               # a set phrase's rate
        ("市長率團訪問。", "率团", "shuai4 tuan2"),           # 率 before whom it leads
        ("他感慨地說，時間過得真快。", "地", "de5"),
        # 地 after an idiom or adjective, even in jieba's piece 地說, is the particle; counted land is dì
        ("他心有餘悸地說，上午七時左右風就來了。", "地", "de5"),
        ("她高興地說：「好。」", "地", "de5"),
        ("在這塊地說了算。", "地", "di4"),
        ("一塊一塊地搬。", "地", "de5"),
        # 难 the adjective is nán; 铺 the verb pū, the shop pù
        ("但真正做起來卻相當難。", "难", "nan2"),
        ("政府部門側重於鋪攤子、上項目。", "铺", "pu1"),
        # 人家 the pronoun "others" is rénjia; the household rénjiā
        ("只是都不願意讓人家知道罷了。", "人家", "ren2 jia5"),
        ("村裡有二十戶人家。", "人家", "ren2 jia1"),
        ("廿戶人家更是無家可歸。", "人家", "ren2 jia1"),
        ("這件作品讓人端詳許久。", "端详", "duan1 xiang5"),   # the verb "to look over carefully"
        # abbreviations CC-CEDICT lacks (data/readings.tsv): 農行 is a bank, háng
        ("由農行及其營業所組織發放。", "农行", "nong2 hang2"),
        # the model chooses among every CC-CEDICT reading of a character, proper ones included:
        # a lone 佛 is Fó "Buddha" (CC-CEDICT capitalises it), never fú "seemingly"
        ("他在寺裡拜了佛，又去了海邊。", "佛", "fo2"),
        # a "variant of" reading is the character's own: 一仔 "one cub" is zǎi (崽)
        ("獐每胎一仔，幼仔六月出生。", "仔", "zai3"),
        # a name the segmenter does not mark keeps its surname reading: 翟 Zhái, not dí
        ("翟斌起兵反秦。", "翟斌", "zhai2 bin1"),
    ],
)
def test_reading_in_a_sentence(sentence, word, reading, lexicon):
    _, got = _read(sentence, lexicon)
    assert got[word] == reading


def test_a_term_the_model_and_pypinyin_read_apart_is_flagged(lexicon):
    # 肌少症 (sarcopenia) is in no dictionary: the model reads 少 shào, pypinyin's table shǎo; with
    # no entry to settle it the card carries reading::check
    analysis, _ = _read("嚴重時發展為肌少症。由此引起的肌少症已被列為疾病。", lexicon)
    (word,) = [w for w in analysis.all_words if w.simplified == "肌少症"]
    assert word.disputed


@pytest.mark.parametrize("text, simplified, pinyin", [
    ("一些老年人長時間臥床後，肌肉萎縮。", "长时间", "chángshíjiān"),   # 长 "long" before 时间: pypinyin and the model say zhǎng
    ("嚴重時發展為肌少症，增加跌倒的風險。由此引起的肌少症已被列為獨立的疾病。", "肌少症", "jīshǎozhèng"),
    # a dictionary word inside the term reads as it does alone: 露宿 lùsù, not pypinyin's xiù "constellation"
    ("本港約有450名露宿者，露宿者日間多到商場避暑。", "露宿者", "lùsùzhě"),
    ("倒排工期、掛圖作戰，確保工作高效推進。倒排工期，壓茬推進。", "倒排", "dàopái"),
    # 长 after a body of people is its head, zhǎng: 館長 "curator" (no entry), 支隊長; 體長 is a length
    ("館長林淑燊指出，展覽延期。館長也表示歡迎。", "馆长", "guǎnzhǎng"),
    ("支隊長和中隊長都到場了。", "支队长", "zhīduìzhǎng"),
    ("這種魚體長約三十公分。", "体长", "tǐcháng"),
    # 倒 ending a word no dictionary has is dǎo "to fall": what is blown over, the tree that falls
    ("強風把圍籬吹倒，圍籬吹倒後壓到車子。", "吹倒", "chuīdǎo"),  # 倒 "in reverse" before a verb   # 少 "few" before 症 "disease", not shào
])
def test_an_article_term_reads_its_adjective_before_a_noun(text, simplified, pinyin):
    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    words = {w.simplified: w for w in analyse(article, Lexicon()).all_words}
    assert words[simplified].pinyin == pinyin


def test_a_verb_after_suo_reads_as_the_verb():
    # 它们所处的微环境: jieba's fragment 所处 "where they are", which pypinyin reads suǒchù
    assert guess("所处", "n", Lexicon()) == ("suo3", "chu3")


def test_wei_before_those_it_serves_is_for():
    lexicon = Lexicon()
    assert guess("为民", "n", lexicon)[0] == "wei4"        # 为|民 "for the people"
    from cardmaker.analysis.readings import ruled
    assert ruled("为民", "n", lexicon) and not ruled("为功", "n", lexicon)  # 久久为功: the model's wéi stands


def test_shen_after_a_negation_is_what_though_its_me_is_left_off():
    """沒什感覺 (Hong Kong speech for 沒什麼感覺): 什 is shén "what", not shí "ten"."""
    article = parse_article("標題\n但露宿者早已習慣被蚊叮，不管被多少蚊叮也沒什感覺。\n".encode(), "t.txt")
    (w,) = [w for w in analyse(article, Lexicon()).all_words if w.simplified == "什"]
    assert w.pinyin == "shén" and "what" in w.sense[0]


@pytest.mark.parametrize("text, simplified, reads", [
    ("漁護署過去曾在雀鳥樣本中抽驗病毒。", "过去", "guòqù céng"),       # the adverb céng, not the surname Zēng
    ("政府應安排為他們注射疫苗。", "注射", "wèi tāmen"),                 # 為 "for" those it serves, after a verb too
    ("去年全省糧食總產量為1500萬噸，比上年增加。", "粮食", "wéi 1500"),  # 為 before a quantity: wéi "amounts to"
    ("市政府為300家小店提供租金補貼。", "提供", "wèi 300"),          # … unless a verb follows: wèi "for" them
])
def test_example_pinyin_reads_ceng_and_wei_in_context(text, simplified, reads):
    from cardmaker.analysis.examples import choose_examples
    from cardmaker.chinese.pinyin import spaced

    lexicon = Lexicon()
    analysis = analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    chosen = choose_examples(analysis, analysis.words, lexicon)
    (w,) = [w for w in analysis.words if w.simplified == simplified]
    assert reads in "".join(sep + t for sep, t, _ in spaced(chosen[w.key].pinyin))


@pytest.mark.parametrize("text, simplified, pinyin, sense", [
    ("他們想弄出一套新的辦法。", "弄", "nòng", "to do"),            # the verb, not the lane lòng
    ("業者藉活動推銷新產品。", "藉", "jiè", "by means of"),         # 藉 for 借 "by means of", not 藉 "sleeping mat"
])
def test_a_verb_or_preposition_character_takes_its_reading_and_sense_there(text, simplified, pinyin, sense):
    (w,) = [w for w in analyse(parse_article(f"標題\n{text}\n".encode(), "t.txt"), Lexicon()).all_words
            if w.simplified == simplified]
    assert w.pinyin == pinyin and sense in w.sense[0], (w.pinyin, w.sense)


def test_a_word_is_not_read_as_a_surname_where_a_variant_entry_reads_it():
    """邨 "village" (variant of 村) beside 邨 Cūn "surname Cun": the word is cūn, lower case."""
    from cardmaker.analysis.readings import choose
    lexicon = Lexicon()
    assert choose("邨", "邨", "n", lexicon.entries("邨"), (), lexicon).syllables == ("cun1",)


def test_a_word_without_an_entry_reads_the_articles_own_characters():
    """豬隻 "pigs" (no entry): 隻 is only zhī, though pypinyin reads its simplified 只 zhǐ; a character
    whose traditional form reads as the guess stays (幹部 gàn)."""
    from cardmaker.analysis.readings import own_characters
    lexicon = Lexicon()
    assert own_characters("猪只", "豬隻", ("zhu1", "zhi3"), lexicon) == ("zhu1", "zhi1")
    assert own_characters("干部", "幹部", ("gan4", "bu4"), lexicon) == ("gan4", "bu4")
    analysis = analyse(parse_article("標題\n附近沒有豬隻可將病毒傳給蚊子。\n".encode(), "t.txt"), lexicon)
    from cardmaker.analysis.examples import choose_examples
    chosen = choose_examples(analysis, analysis.words, lexicon)
    pinyin = " ".join(p for e in chosen.values() for p, *_ in e.pinyin)
    assert "zhūzhī" in pinyin and "zhǐ" not in pinyin, pinyin


def test_nan_before_a_verb_is_hard_to_though_the_model_reads_disaster():
    """千年難逢 (no entry: 難逢 is an article term): 難 before the verb 逢 is nán "hard to", not nàn."""
    from cardmaker.analysis.readings import choose
    lexicon = Lexicon()
    assert choose("难逢", "難逢", "v", (), [()] * 2, lexicon, None, ("nan4", "feng2")).syllables == ("nan2", "feng2")


def test_a_neutral_tone_stays_where_the_traditional_character_reads_alone_otherwise():
    """這個 zhè ge: 個 alone is only gè, but the word reads it light; the own-character rule keeps
    the word's neutral tone (the example read zhègè)."""
    lexicon = Lexicon()
    analysis = analyse(parse_article("標題\n因為這個問題已經被解決了。\n".encode(), "t.txt"), lexicon)
    at = analysis.article.text.index("這個")
    assert analysis.readings[at] == ("zhe4", "ge5")


@pytest.mark.parametrize("word, span, reading", [
    ("板儿", "板兒", ("ban3", "r5")),        # 看板兒 "poster child": erhua, not 兒 ér "child"
    ("女儿", "女兒", ("nu:3", "er2")),       # a word of the dictionary: as it reads
    ("宠儿", "寵兒", ("chong3", "er2")),     # "favourite (child)": 兒 is the child
])
def test_er_after_a_word_no_dictionary_has_is_erhua(word, span, reading):
    lexicon = Lexicon()
    assert choose(word, span, "n", list(lexicon.entries(word)), (), lexicon, None, None).syllables == reading


_ROWS = [
    ("血親", "血亲", "xue4 qin1", ("blood relation",), ()),
    # a slip as CC-CEDICT makes them: -ng for -n where the word it ends in reads qin1
    ("旁系血親", "旁系血亲", "pang2 xi4 xue4 qing4", ("collateral relative",), ()),
    ("行長", "行长", "hang2 zhang3", ("bank president",), ()),
    ("執行長", "执行长", "zhi2 xing2 zhang3", ("chief executive",), ()),
]


@pytest.mark.parametrize("word, reading", [
    # no character alternates between -n and -ng inside one word: the word it ends in is followed
    ("旁系血亲", "pang2 xi4 xue4 qin1"),
    # a reading that differs otherwise is the long word's own: 执行长 zhang3, though 行长 is hang2 zhang3
    ("执行长", "zhi2 xing2 zhang3"),
])
def test_a_dictionary_slip_of_n_for_ng_is_mended_by_the_word_inside(word, reading):
    from cardmaker.lexicon.cedict import Dictionary

    assert [e.pinyin for e in Dictionary(rows=_ROWS).lookup(word)] == [reading]


def test_the_real_dictionarys_slip_is_mended_in_an_article(lexicon):
    # CC-CEDICT's one such slip: 直系血亲 zhi2 xi4 xue4 qing4, read in an article (the entries primed at once)
    analysis = analyse(parse_article("標題\n軍官之間有直系血親關係的，不得擔任該職務。\n".encode(), "t.txt"), Lexicon())
    (w,) = [w for w in analysis.all_words if w.simplified == "直系血亲"]
    assert w.syllables[-1] == "qin1"
