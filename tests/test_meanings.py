"""The sense a card shows is the one the article uses: ranked by part of speech, slots and context.

Each case is a sentence from a real article (the seed, or the kind of news text it stands for) and
the sense a teacher reading it expects first on the card.
"""

import re

import pytest

from cardmaker.analysis import english
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
        ("組織更加靈活化", "化", "-ization"),
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


# ── how the occurrence is used: frames of function words, verbs and nouns in context ──────────

TRAD, SIMP = "新聞標題", "新闻标题"


@pytest.mark.parametrize(
    "text, simplified, expected, title",
    [
        # an adverb before the verb it modifies: 正 "just (at that time)", not "straight"
        ("暴風圈正逐漸接近呂宋島北部。", "正", "just (at that time)", TRAD),
        # 先 before a verb is "first", not "early"; 刚 "just", not "hard"
        ("用路人出發前應先查詢即時路況。", "先", "first", TRAD),
        ("刚走上工作岗位的年轻干部扎根基层、埋头苦干。", "刚", "just", SIMP),
        # a modal before a verb: 要 "need to; should", 應 "should" (not "to agree")
        ("留給防災準備的時間被壓縮了，民眾更要提早因應。", "要", "should", TRAD),
        ("當局不應只着眼於增加住宅供應。", "应", "should", TRAD),
        # 從…到…: "until", not "to arrive"
        ("過去一個颱風從生成到增強為強颱，往往需要三到四天。", "到", "until", TRAD),
        # a clause-opening connective; 明 before a day is "next", not "bright"
        ("加上與東北季風產生共伴效應，明、後兩天東半部地區將出現明顯降雨。", "加上", "in addition", TRAD),
        ("加上與東北季風產生共伴效應，明、後兩天東半部地區將出現明顯降雨。", "明", "next", TRAD),
        # 與…相當: "equivalent to", not "quite"
        ("樺加沙已與大西洋上的四級颶風相當。", "相当", "equivalent to", TRAD),
        # 哪裡…，哪裡…: "wherever"
        ("哪里的干部作风实、办法多，哪里的群众获得感就强。", "哪里", "wherever", SIMP),
        # 一定 before a noun is "a certain", 以下 before what it lists "the following"
        ("在一定条件下，这种变化并非完全不可逆转。", "一定", "a certain", SIMP),
        ("我们提出以下几点建议。", "以下", "the following", SIMP),
        ("深圳着重突破了以下难点：一是用人。", "以下", "the following", SIMP),   # jieba tags 难点 an adverb
        # 並 before a negative is "(not) at all"; 多 after a count "odd"; 左右 after one "approximately";
        # 點 of a time of day "o'clock"
        ("如今練習的人其實並不少。", "并", "(not) at all", TRAD),
        ("這種儒家文化禁錮人們的思想。", "禁锢", "to confine", TRAD),  # 人們 after it: its object, no compound
        ("就是要把更合適的人才運作到合適的崗位上。", "运作", "to operate", TRAD),  # 把 X V到: the verb
        ("因為事實證明有些人可以一直保持出色表現。", "证明", "to prove", TRAD),  # a subject, then a pronoun object
        ("省內留用的只有900多萬千瓦。", "多", "odd", TRAD),
        ("上午七時左右，他正好外出。", "左右", "approximately", TRAD),
        ("他凌晨三點多到附近商店聊天。", "点", "o'clock", TRAD),
        # a verb: an adverb before it, an aspect particle after it (not the nouns listed first)
        ("但兩個颱風接連發展，彼此之間可能互相牽引。", "发展", "to develop", TRAD),
        ("年輕店主投資了近百萬元裝修。", "投资", "to invest", TRAD),
        # an adjective before a verb ending its clause modifies it: 謹慎|發言 "to speak", not "statement"
        ("更應以身作則、謹慎發言。", "发言", "to make a speech", TRAD),
        # 先生 after a surname is "Mr.", 後 after an event "after", 號 after a number an ordinal
        ("成功鎮的漁民陳先生說，這幾天風浪很大。", "先生", "mister", TRAD),
        ("經主辦方審核後確定展位。", "后", "after", TRAD),
        ("今年第18號颱風樺加沙持續增強。", "号", "ordinal number", TRAD),
        # what a demonstrative and measure word count is a noun: "change", not "to change"
        ("这种变化并不只是缺乏锻炼那么简单。", "变化", "change; variation", SIMP),
        # a verb ending its clause after a prepositional phrase: 朝…方向|移動 "to move", not "movement"
        ("樺加沙朝呂宋島方向移動。", "移动", "to move", TRAD),
        # a causative before its object and the verb it is made to do: "to cause", not "to order"
        ("重建令舊區的人情味逐漸流失。", "令", "to cause", TRAD),
        # a noun before the noun it modifies: CC-CEDICT's "(attributive) administrative", not "administration"
        ("对于涉及企业的行政许可事项，审核后一律限时办结。", "行政", "(attributive) administrative", SIMP),
        # a noun glued into a compound takes its bound-form sense: 拉麵|店 "shop", not "inn"
        ("對面一間去年才開業的日式拉麵店。", "店", "shop", TRAD),
        # a traditional article writes 台 for 臺: "Taiwan (abbr.)", never "(classical) you (in letters)"
        ("交通部公路局表示，台9線南迴公路將實施預警性封閉。", "台", "Taiwan", TRAD),
        # a body's or an area's character after what it is of, or next to another: 豐濱|鄉 "township",
        # 玉里|鎮 "small town" (not "to press down"; 成功鎮 is one word, CC-CEDICT's town), 各部|會
        # "ministry" and "association" (not the measure word after 各, nor the modal: nothing but 也
        # follows); before its people, 市|領導 "city"
        ("花蓮縣豐濱鄉一名民宿業者也表示，已有旅客取消訂房。", "乡", "township", TRAD),
        ("住在花蓮縣玉里鎮的漁民說，這幾天風浪很大。", "镇", "small town", TRAD),
        ("各部會也陸續啟動防颱整備。", "部", "ministry", TRAD),
        ("各部會也陸續啟動防颱整備。", "会", "association", TRAD),
        ("市領導李政、張為出席會議。", "市", "city", TRAD),
        # … while 會 after a noun and before a verb stays the modal
        ("地面會預留空間作公共用途。", "会", "likely to", TRAD),
        # before a verb, a word that modifies verbs is no noun (持續 "to continue", not "preservation"),
        # an adjective is its adverb (一般 "generally", not "same"), and a sense "… (doing sth)" fits
        ("今年第18號颱風樺加沙持續增強，已成為強烈颱風。", "持续", "to continue", TRAD),
        ("專家一般認為，颱風接連生成已有常態化的趨勢。", "一般", "generally", TRAD),
        ("政府正在研究新的方案。", "正在", "(doing sth)", TRAD),
        # a noun between a modal and a verb is the verb's adverb: 不必|盲目|追求 "blindly", not "blind"
        ("运动应当量力而行，不必盲目追求强度。", "盲目", "blindly", SIMP),
        # an adverb before a negated predicate: 並非|完全|不可逆轉 "totally", not "complete"
        ("干细胞的衰老并非完全不可逆转。", "完全", "totally", SIMP),
        # a passive marker before a verb: 受|影響 "to be affected", not the noun "influence"
        ("市建局會盡快與受影響商戶見面。", "影响", "to ", TRAD),
        # a noun-tagged word between its subject and a place's name is the verb: 目前|距離|台灣 "to be
        # apart from", not "distance"
        ("雖然目前距離台灣還很遠，但兩個颱風可能互相牽引。", "距离", "to be apart from", TRAD),
        # an adverb before a set phrase that is its clause's predicate: 還是|放心不下 "still", not "or"
        ("看到新聞報導後還是放心不下，今天一早就趕回來。", "还是", "still (as before)", TRAD),
        # before a verb, CC-CEDICT's "to do sth ahead of time" is the use (提前|返回), not "to shift to an
        # earlier date"
        ("颱風來襲前，業者已通知旅客提前返回本島。", "提前", "to do sth ahead of time", TRAD),
        # 哪 before a number or a measure word is "which"; 什麼 asks "what?" unless a negation before it
        # or 都/也 after it makes it "anything"
        ("哪一件都关系到千家万户的切身利益。", "哪", "which", SIMP),
        ("他们用行动诠释了什么是实干担当。", "什么", "what?", SIMP),
        ("他们什么都不怕。", "什么", "anything", SIMP),
        # an adjective ending its clause after its subject is the predicate, not a compound's head:
        # 範圍|廣大 "(of an area) vast or extensive", not the attributive "large-scale"
        ("對台灣本島雖沒有直接登陸的威脅，但外圍環流範圍廣大，加上與東北季風產生共伴效應。", "广大", "(of an area) vast", TRAD),
        # a character a number counts that is no measure word is the noun counted: 一|報 "report",
        # not "to announce"
        ("氣象署最新一報颱風預報指出，颱風持續增強。", "报", "report", TRAD),
        # a Taiwan or Hong Kong usage is the usual one in a traditional article, before the mainland's:
        # 塑膠 "(Tw) plastic", not "synthetic resin" (a simplified article keeps CC-CEDICT's order)
        ("工具機、紡織、扣件及塑膠製品等產業受影響較大。", "塑胶", "(Tw) plastic", TRAD),
        ("工具机、纺织、扣件及塑胶制品等产业受影响较大。", "塑胶", "synthetic resin", SIMP),
        # what a label says a sense is of, met by the field the words around speak of: 貸款|額度 (a
        # loan's: finance) "(credit) limit", not "quota"; 深耕|中國市場 (economy) "thorough development
        # (of a market segment etc)", not "deep plowing"
        ("企業可向銀行申請提高貸款額度。", "额度", "(credit) limit", TRAD),
        ("跨國企業將持續深耕中國市場。", "深耕", "thorough development", TRAD),
        # a single character jieba tags a verb, glued after a noun and ending the phrase, heads the
        # compound jieba split, in the sense CC-CEDICT's compounds ending in it give (畫展, 書展;
        # 世界觀, 價值觀): 企業|展 "exhibition", not "to spread out"; 政績|觀 "view", not "to look at"
        ("第八屆進博會企業展，按一年計。", "展", "exhibition", TRAD),
        ("树立和践行正确政绩观，把心思和精力放在干事创业上。", "观", "point of view|outlook|concept", SIMP),
        # … but with its object after it, it is the noun's verb: 木匠|釘|釘子 "to nail"
        ("木匠釘釘子。", "钉", "to nail", TRAD),
        # a single-character verb before its coverb is the verb, not a compound's head: 市民|站|在 "to stand"
        ("許多市民站在路邊等候。", "站", "to stand", TRAD),
        # 愈來愈, like 越來越, is a degree: an adjective follows ("conservative", not "to guard")
        ("客戶下單愈來愈保守，訂單能見度很低。", "保守", "conservative", TRAD),
        # a place word after whose it is: 民眾|心中 "in one's thoughts / heart", not "central point"
        ("許多民眾心中仍有疑慮。", "心中", "in one's", TRAD),
        # a coverb before a phrase and then its clause's verb is the preposition: 透過|提高…|協助
        # "by means of", not "to pass through" (the means here is an act, raising a guarantee ratio)
        ("經濟部並透過提高信保基金保證成數，協助業者取得融資。", "透过", "by means of", TRAD),
        ("政府将通过减税降费减轻企业负担。", "通过", "by means of", SIMP),
        # 地 marks an adverbial: 人為|地|抑制 "artificial(ly)", not "having human cause"
        ("如果人为地抑制相关信号通路，这些细胞的功能还可以恢复。", "人为", "artificial", SIMP),
        # a closing quotation mark is no clause start: “十四五”|規劃 is the noun "a plan"
        ("明年是“十四五”规划收官之年。", "规划", "a plan", SIMP),
        # CC-CEDICT's "(of muscle, social custom etc) to atrophy" is said of what the sentence names
        ("長期臥床的肌肉在短短幾周內就明顯萎縮。", "萎缩", "to atrophy", TRAD),
        # … and less likely where nothing names it: a bell rings, 警鐘長鳴 "to make a sound", not
        # "to cry (of birds, animals and insects)"
        ("我们要警钟长鸣，绝不能掉以轻心。", "鸣", "to make a sound", SIMP),
        # a character glued after a word heads the compound jieba split: its sense is the one it has at
        # the end of CC-CEDICT's compounds (供應商, 經銷商): 通路|商 "dealer / merchant", not "commerce"
        ("扣件業的客戶多半是歐美通路商，出口商只能自行吸收匯損。", "商", "merchant|dealer", TRAD),
        # … and a noun glued after a noun (政府|機關): as in 政府機關, 司法機關 "office; agency", not "mechanism"
        ("近期有不肖人士假冒政府機關名義，向企業收取高額手續費。", "机关", "agency", TRAD),
        # a verb whose subject or object is abstract (an act, a situation) takes its figurative sense:
        # 工作…|啟動 "(fig.) to set in motion", not "to start (a machine)"; 掌握…|狀況 "to grasp (often fig.)"
        ("第八屆進博會企業展招展工作已經啟動，有意參展的企業可通過官方網站提交申請。", "启动", "(fig.)", TRAD),
        ("政府將持續掌握產業實際狀況。", "掌握", "to grasp", TRAD),
    ],
)
def test_sense_from_how_the_occurrence_is_used(text, simplified, expected, title):
    w = word(text, simplified, title)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # a word and the suffix jieba cut off it, one term where jieba knows it or the article repeats it:
    # the suffix in its sense as a suffix ("-ness", 10th of 11 for 性, not "nature"; "rate", not
    # shuài "frank"), or as at the end of CC-CEDICT's compounds (供應商: "dealer", not "commerce")
    ("出口廠商的毛利率偏低。", "毛利率", "rate"),
    ("提升參展參會便捷性。各方都重視便捷性。", "便捷性", "-ness"),
    ("扣件業的客戶多半是歐美通路商。通路商壓價。", "通路商", "dealer|merchant"),
])
def test_a_word_and_its_suffix_are_one_term_whose_meaning_says_both(text, simplified, expected):
    w = word(text, simplified)
    assert w.composed and any(e in w.sense[0] for e in expected.split("|")), (w.sense, w.senses)


# function words read by their slot: the construction around them, true of any text
@pytest.mark.parametrize(
    "text, simplified, expected, title",
    [
        # 因 alone before a phrase is "because" (its noun "cause" is bound: 原因), mid-clause too
        ("他昨天因身體不適缺席會議。", "因", "because", TRAD),
        ("這次停工是因工人受傷。", "因", "because", TRAD),
        # after an ordinal, 條 is an article of a law, not a classifier of long thin things
        ("依照民法第一八四條規定，他須負賠償責任。", "条", "clause (of law", TRAD),
        # … but after a plain number it stays the classifier
        ("村外有一條小河。", "条", "classifier", TRAD),
        # a number after a verb of ranking: 位 is a "place", not the classifier for people
        ("這支球隊在聯賽中排在第十位。", "位", "place", TRAD),
        ("會議邀請了五位專家。", "位", "classifier for people", TRAD),
        # 餘 after a number is "or more", not "surplus"
        ("這座古城已有兩千餘年歷史。", "余", "or more", TRAD),
        # 稱 after its speaker is what they say, not "to weigh"
        ("一名店主稱，今年生意比去年差。", "称", "to state", TRAD),
        # 分別 before its verb is "respectively"
        ("兩隊的得分分別為八十分和七十分。", "分别", "respectively", TRAD),
        # 越…越 with the second 越 past a comma: "the more… the more"
        ("城市的規模越大，管理的難度也就越大。", "越", "the more", TRAD),
        # 起來 glued after an adjective: a state coming about ("the beginning and continuation"), not
        # "to stand up" nor "an upward movement"
        ("吃過苦頭，我們也逐漸聰明起來。", "起来", "beginning", TRAD),
        # … after any verb but one of lifting or perceiving, the act begun ("to talk" is no upward movement)
        ("這件事做起來並不難。", "起来", "beginning", TRAD),
        ("他把箱子抬起來放到車上。", "起来", "upward", TRAD),
        # 過去 after its subject, with 了: the verb "to pass by", not "(in the) past"
        ("三個月很快就過去了。", "过去", "to pass by", TRAD),
        ("過去人們以為這種病無法治好。", "过去", "(in the) past", TRAD),
        # 同 before a phrase and then its verb is the preposition "with" (同|一 is "same")
        ("我們要同各種困難作鬥爭。", "同", "with", TRAD),
        ("兩人住在同一條街上。", "同", "same", TRAD),
        # 度 after an adjective: how much of that quality there is
        ("這道題的困難度很高。", "度", "degree of intensity", TRAD),
        # 不能: "cannot", and "must not" where the sentence says what must be done (not 要 of what is
        # about to happen)
        ("門鎖已經壞了，不能再用。", "不能", "cannot", TRAD),
        ("他好像要走了，但門鎖壞了不能打開。", "不能", "cannot", TRAD),
        ("要保護環境，不能亂丟垃圾。", "不能", "must not", TRAD),
        # 連…都/也 "even"; 前 before a title "former"; 像…一樣 "just like"
        ("他連早飯都沒吃就出門了。", "连", "even", TRAD),
        ("前總統昨天出席了會議。", "前", "former", TRAD),
        ("他跑得像兔子一樣快。", "一样", "just like", TRAD),
        # verbs of feeling and taking: 覺得 before an adjective ending its clause a bodily feeling; 佔 with
        # a share "to take up"
        ("走了一整天，我一點也不覺得累。", "觉得", "to feel (", TRAD),
        ("服務業約佔經濟總量的60%。", "占", "to take up", TRAD),
        # a dateline's 電 after its date is the dispatch
        ("記者引述新華社北京3月5日電說，全國人大會議今天開幕。", "电", "telegram", TRAD),  # (opening its paragraph it is a dateline, no prose)
    ],
)
def test_function_words_by_their_slot(text, simplified, expected, title):
    w = word(text, simplified, title)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


def test_the_word_again_nearby_is_no_context_for_its_own_senses():
    # 組織 twice in a row: the second's English ("(biology) tissue") must not vote for the first's,
    # in an article that speaks of health (蚊患, 衛生)
    w = word("社區組織協會社區組織幹事指出，區內蚊患嚴重，衛生情況欠佳，居民擔心染病。", "组织")
    assert "organization" in w.sense[0], w.senses


def test_a_pronoun_after_a_word_after_its_subject_is_its_object():
    # 他們|證明|自己: the verb "to prove" is shown (beside CC-CEDICT's first, "proof", that its order keeps
    # first); with no verb's cue it was not
    w = word("他們證明自己是最好的球隊。", "证明", TRAD)
    assert any("to prove" in s for s in w.sense), w.senses


@pytest.mark.parametrize("text, simplified, expected, title", [
    # Taiwan's politics: 朝野 "the government and the opposition", 兩院 the Executive and Legislative Yuan
    ("法案送交立法院，朝野立委仍有歧見。", "朝野", "the government and the opposition", TRAD),
    ("行政院長希望立法院尊重兩院協調的共識。", "两院", "Yuan", TRAD),
])
def test_senses_of_today_s_news_that_cc_cedict_lacks(text, simplified, expected, title):
    w = word(text, simplified, title)
    assert expected in w.sense[0], w.senses


# the part of speech of the occurrence, from the words around it, against jieba's dictionary tag
@pytest.mark.parametrize(
    "text, simplified, expected, title",
    [
        # a word jieba tags a preposition that ends its clause governs nothing: 提供|依據 "basis"
        ("為制定個體化的干預方案提供依據。", "依据", "basis", TRAD),
        # a potential complement follows a verb only: 感覺|不到 "to feel", not "feeling" (tagged n)
        ("完全感覺不到颱風要來。", "感觉", "to feel", TRAD),
        # a pronoun before it and a noun after it: subject, verb, object, no modifier ("representative")
        ("他代表市委、市政府向全體參與服務保障的同志表示衷心感謝。", "代表", "to represent", TRAD),
        # an adverbial adjective (jieba ad) before the verb it modifies, a verb jieba tags a noun:
        # 認真|總結|經驗 "conscientious(ly)", not "to take seriously" with 總結 its object
        ("相關部門要認真總結經驗，鞏固拓展成果。", "认真", "conscientious", TRAD),
        # a verb between a modal and the verb it modifies is its adverb, where it can be an adjective
        ("陳吉寧強調，要深入學習貫徹總書記重要講話精神。", "深入", "thorough", TRAD),
        # a noun and a verb before 後 or 時 are a clause of time, subject and verb, no compound noun
        ("比賽開始後，觀眾都很興奮。", "开始", "to begin", TRAD),
        # what a degree adverb and an adjective ending the clause are said of is a noun: the subject
        ("取消訂房，損失在所難免，但安全最重要。", "安全", "safety", TRAD),
        # 以…為: what 以 takes is a noun, and 為 no verb's complement
        ("運動方案的制定必須以安全為前提。", "安全", "safety", TRAD),
        # between a subject and an adverb, an adverb: 我們|本來|就… "originally", not "original"
        ("我們本來就已經很吃力，新台幣又升值。", "本来", "originally", TRAD),
        # 覺得 takes a predicate, not an object: "to entail strenuous effort", not "strain"
        ("不少老人提一袋米都覺得吃力。", "吃力", "strenuous", TRAD),
        # the last of the nominal words after a verb heads its object: 發揮|好|科技|賦能|作用 "function"
        ("要完善服務細節，發揮好科技賦能作用，提升參展便捷性。", "作用", "function|role|effect", TRAD),
        # 的 before a word that 性 makes an adjective of modifies the whole: 的|熱帶|性 "tropical"
        ("位於關島附近海面的熱帶性低氣壓今天清晨增強。", "热带", "tropical", TRAD),
        # an adjective before a word jieba tags a verb makes it the noun it modifies, even where CC-CEDICT
        # lists the noun's sense after all its verbs: 重要|指示 "instructions", not "to point out"
        ("會議傳達了上級的重要指示內容。", "指示", "instructions|directives", TRAD),
        # an adverb, then the place or direction the act is done in (對外, a place word), then the verb:
        # 隨即|對外|澄清 "to clarify", no compound noun headed by it ("clear (of liquid)")
        ("公司隨即對外澄清，否認裁員傳聞。", "澄清", "to clarify|to make sth clear", TRAD),
        # what a demonstrative counts is no preposition before its object: 這|類|骨折 "kind", not "like"
        ("骨科醫生處理這類骨折，常常需要用鋼釘固定。", "类", "kind|type|category", TRAD),
        # a pronoun, the word, then a verb: the word is a verb taking a clause (我們|主張|加強…), not "view"
        ("我們主張加強兩國之間的合作。", "主张", "to advocate", TRAD),
        # after 被 a word is the verb whatever its tag: 被|指 "to indicate or refer to", no finger
        ("這名官員被指收受賄賂。", "指", "to point at|to indicate", TRAD),
        # a word CC-CEDICT first glosses as a verb: before 後 closing a clause of time, and between 是 and
        # its object closed by 的, it is that verb (jieba's dictionary tags both nouns)
        ("他和同事商議後決定延期。", "商议", "to negotiate", TRAD),
        ("人才不足是制約經濟發展的主要因素。", "制约", "to restrict", TRAD),
        # a preferred sense (sense_priorities.tsv) is weighed as if listed first: 落實 "to implement", not
        # CC-CEDICT's first "practical" that jieba's adjective tag would pick
        ("各地要落實安全責任。", "落实", "to implement", TRAD),
    ],
)
def test_sense_by_the_part_of_speech_of_the_occurrence(text, simplified, expected, title):
    w = word(text, simplified, title)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    ("智庫學者分析，這波新台幣升值主要反映外資匯入。", "分析", "to analyze"),  # a speaker, the verb, what is reported
    ("專家的數據分析很重要。", "分析", "analysis"),                            # the head of a noun phrase
    ("確保各項工作零失誤。", "失误", "lapse"),                                 # what a number counts: a noun
])
def test_a_speaker_verb_or_a_counted_word_takes_its_kind_of_sense(text, simplified, expected):
    assert word(text, simplified).sense[0] == expected


def test_an_old_variant_entry_is_not_the_word_where_the_article_does_not_write_it():
    from pathlib import Path
    from cardmaker.text.article import read_article

    article = read_article(Path(__file__).parent / "data" / "articles" / "people-daily-simplified.txt")
    (w,) = [w for w in analyse(article, LEX).all_words if w.simplified == "才"]
    assert w.traditional == "才" and not w.sense[0].startswith("(variant"), (w.traditional, w.sense)


def test_one_to_many_characters_take_the_article_own_word():
    assert word("衣服很快就乾了。", "干").traditional == "乾"
    assert word("文件审核后发布。", "后", "新闻标题").traditional == "後"
    noodles = word("這家店的麵很好吃。", "面")
    assert noodles.traditional == "麵" and "noodles" in " ".join(noodles.sense)


@pytest.mark.parametrize("sense, short", [
    ('(orthographic borrowing from Japanese "minshuku") property rented via Airbnb; guesthouse', "property rented via Airbnb; guesthouse"),
    ("(of markets, industries, infectious diseases etc) rising", "(of markets etc) rising"),
    ("(typically preceded by 就…[jiu4 xx5] or 對…|对…[dui4 xx5] etc) as far as ... is concerned; speaking in terms of ...",
     "as far as ... is concerned"),
    ("(of the parts of a machine) to move together", "(of the parts of a machine) to move together"),  # fits: kept
    # an abbreviation: what it stands for in English, never "abbr. for" with the Chinese left out
    ("abbr. for 國家發展和改革委員會|国家发展和改革委员会, PRC National Development and Reform Commission (NDRC), "
     "formed in 2003", "PRC National Development and Reform Commission"),
    # an aside inside goes before anything is cut; a cut never leaves "to" alone, a phrase ending on
    # "indicating", or a list after "namely"
    ("to meet (or pick up) sb arriving by plane", "to meet sb arriving by plane"),
    ("to (legitimately) take funds set aside for one purpose in order to use them for another",
     "to (legitimately) take funds set aside for one purpose in order to use them for another"),
    ("a modal particle indicating (that's all, only, nothing much)", "a modal particle indicating (that's all, only, nothing much)"),
    ("municipality, namely: Beijing 北京, Tianjin 天津, Shanghai 上海 and Chongqing 重慶|重庆, the first level "
     "administrative subdivision", "municipality"),
])
def test_a_long_sense_loses_its_asides_first(sense, short):
    from cardmaker.analysis.meanings import shorten

    assert shorten(sense) == short


@pytest.mark.parametrize("text, simplified, traditional, pinyin, sense", [
    # the article's form is only a pointer in CC-CEDICT (盡快 jin4 kuai4 "see 儘快|尽快[jin3 kuai4]")
    ("政府會盡快處理。", "尽快", "盡快", "jìnkuài", "as quickly as possible"),
    # "abbr. to 環衛|环卫[huan2 wei4]" names a short form; it says nothing of the meaning
    ("加強環境衞生工作。", "环境卫生", "環境衞生", "huánjìngwèishēng", "environmental sanitation"),
])
def test_a_pointer_gives_the_meaning_of_the_word_it_points_at(text, simplified, traditional, pinyin, sense):
    w = word(text, simplified)
    assert (w.traditional, w.pinyin, w.sense[0]) == (traditional, pinyin, sense)


def test_sense_is_short_and_english_only():
    for w in analyse(parse_article(open("seeds/jinbohui-2023-08-08.txt", "rb").read(), "seed.txt"), LEX).words:
        shown = " / ".join(w.sense)
        assert w.sense and len(shown) <= 60, w  # one or two senses, ~40 characters where CC-CEDICT allows


@pytest.mark.parametrize("sense, shown", [
    # a place's Chinese name after its English one says nothing more on an English-only front
    ("Nankang District of Taipei City 臺北市|台北市[Tai2 bei3 Shi4], Taiwan", "Nankang District of Taipei City, Taiwan"),
    ("Lutao township in Taitung County 台東縣|台东县[Tai2 dong1 Xian4]", "Lutao township in Taitung County"),
    # a word to look up keeps its pinyin: nothing else names it
    ("variant of 記錄|记录[ji4 lu4]", "variant of jìlù"),
    ("used in 蘿蔔|萝卜[luo2 bo5]", "used in luóbo"),
])
def test_a_front_shows_a_reference_by_its_pinyin_unless_its_english_name_is_there(sense, shown):
    from cardmaker.lexicon.cedict import english_only, readable
    for script in ("traditional", "simplified"):
        assert english_only(readable(sense, script)) == shown


def test_an_abbreviation_whose_full_form_has_a_word_no_dictionary_has_is_named_by_its_pieces():
    """市建局 … 市區重建局: 重建局 has no entry; its pieces name it (重建|局 "Rebuild Office", 局 in the
    article's own character, not 侷 "narrow"), never the Chinese left in the English."""
    w = word("市區重建局今日宣布啟動重建項目。市建局表示，調查會繼續進行。市建局會與業主聯絡。", "市建局")
    assert w.sense == ("Urban District Rebuild Office",) and not w.composed


@pytest.mark.parametrize("text, simplified, expected", [
    # an article about a comet speaks of astronomy: "celestial body", "orbit", not "nude body", "track"
    ("彗星是太陽系中的一種天體，沿著自己的軌道繞太陽公轉，彗星靠近太陽時亮度增加。", "天体", "celestial body"),
    ("彗星是太陽系中的一種天體，沿著自己的軌道繞太陽公轉，彗星靠近太陽時亮度增加。", "轨道", "orbit"),
    # one about the autumn grain harvest speaks of farming: 收穫 "to harvest", not "profit"
    ("秋收時節，農民搶收玉米，各地已收穫稻穀三成，農機收割作業有序推進，糧食入庫順利。", "收获", "to harvest"),
])
def test_the_field_of_the_article_picks_the_sense(text, simplified, expected):
    assert word(text, simplified).sense[0].startswith(expected)


def test_abbreviation_spelled_out_by_the_article():
    w = word("中國國際進口博覽會今天開幕。第六屆進博會將在上海舉行，進博會吸引了很多參展商。", "进博会")
    assert w.sense == ("China International Import Exposition",) and not w.composed
    assert "中國國際進口博覽會" in w.meaning
    # a term no full form explains keeps a meaning composed from its characters, marked as such
    composed = word("進博會今天開幕。進博會吸引了很多參展商。", "进博会")
    assert composed.composed
    # its characters in the deck's script, as CC-CEDICT's cross-references are
    from cardmaker.lexicon.cedict import readable
    assert readable(composed.meaning, "traditional").startswith("進 jìn:")
    assert readable(composed.meaning, "simplified").startswith("进 jìn:")
    assert not re.search("[\u4e00-\u9fff]", composed.sense[0])  # the front shows English only


# ── the article's field ─────────────────────────────────────────────────────

@pytest.mark.parametrize(
    "text, simplified, expected",
    [
        # CC-CEDICT lists "an exit" first: an article about trade means exports, a station the way out
        ("受美国关税影响，台湾传统产业出口订单减少，出口商利润下降。经济部表示，将协助厂商开拓新市场，稳定外贸。",
         "出口", "to export"),
        ("地铁站的出口在商场旁边，乘客从二号出口出站后步行五分钟即到。", "出口", "exit"),
        # "bean vermicelli" first in CC-CEDICT, "fan" 5th: a singer has fans, a pot has noodles
        ("这位歌手在网上有上百万粉丝，演唱会门票很快售罄，不少歌迷通宵排队。", "粉丝", "fan"),
        ("把粉丝放进锅里煮五分钟，再加入白菜和猪肉，这道菜就做好了。", "粉丝", "vermicelli"),
        # "to move" first: an article about muscles and health means exercise, a history a movement
        ("研究发现，规律运动可以减缓肌肉衰老，每周三次有氧运动有益健康。", "运动", "exercise"),
        ("五四运动是一场反帝反封建的爱国运动，推动了新文化的传播和政治觉醒。", "运动", "movement"),
    ],
)
def test_the_article_field_decides_between_senses_of_different_fields(text, simplified, expected):
    w = word(text, simplified, "新闻标题")
    assert expected in w.sense[0], w.senses


# ── register and field: the same grammar, a different sense by what the text is about ───────

HEDGING = ("新台幣兌美元今年以來升值超過8%，出口業者接單與獲利受到衝擊。經濟部宣布推出協助方案，由銀行提供低利貸款與信用保證，並協"
           "助廠商做好匯率避險與融資。中小企業避險工具有限。不少廠商表示避險成本太高。外匯、債券與存款利率同步變動。出口訂單、製造業"
           "產值、消費與零售銷售仍面臨關稅壓力，貿易、投資與工業生產前景不明朗，商品價格與企業營收下滑，進口商與批發商也受影響。"
           "")


@pytest.mark.parametrize(
    "text, simplified, expected, title",
    [
        # a specialist's sense in an article about trade that speaks of finance a third as much, where
        # the words around it (融資 "financing") share its English: "(finance) hedge", not "to flee"
        (HEDGING, "避险", "(finance) hedge", TRAD),
        # 匯價 in an article about trade fluctuates: economy's "to fluctuate", not physics' "to vibrate"
        ("受美國關稅影響，出口訂單減少，廠商營收下滑，匯價短期內仍可能大幅震盪，出口商應留意匯率與價格變化。",
         "震荡", "to fluctuate", TRAD),
        # muscles regenerate in an article about health (a lone field-marked sense against unmarked ones)
        ("随着年龄增长，肌肉再生能力下降，骨骼肌细胞逐渐萎缩，患者容易跌倒。", "再生", "regenerat", SIMP),
        # … but not where the words around it speak of something else: teachers are organised, not tissue,
        # in an article about health
        ("研究发现，肌肉、骨骼与血液的健康和营养有关，医生建议患者注意饮食。教协昨午组织百多名教师绝食。",
         "组织", "to organize", SIMP),
        # "(fire) alarm" names one kind of alarm: a typhoon's warning is the "alert signal"
        ("氣象署今天上午發布海上颱風警報，提醒民眾注意強風豪雨。", "警报", "alert", TRAD),
        # the senses today's news uses (sense_priorities.tsv): a Facebook fan page, the Mainland
        ("縣府在臉書粉絲專頁發布最新消息。", "粉丝", "fan", TRAD),
        ("不少旅客由內地來港消費。", "内地", "mainland China", TRAD),
        # 近期 is "recent" in the news, but "in the near future" before a modal of the future
        ("近期，多地出现强降雨。", "近期", "recent", SIMP),
        ("有关部门近期将出台新政策。", "近期", "in the near future", SIMP),
    ],
)
def test_the_field_and_register_of_the_text_decide_between_senses(text, simplified, expected, title):
    w = word(text, simplified, title)
    assert expected in w.sense[0], w.senses


def test_what_a_label_names_counts_towards_the_field_and_kind_of_a_sense():
    from cardmaker.analysis import meanings
    # "chronic (disease)" is health's sense of 慢性 (against "slow and patient")
    assert "health" in meanings.parsed("chronic (disease)", LEX).fields
    # a bare noun before a sense is the one kind of thing it is; a register's or field's label is not
    assert meanings._kind_of(meanings.parsed("(fire) alarm", LEX)) == {"fire"}
    for sense in ("(coll.) to chat", "(physics) mass", "(of a storm etc) to strike", "(bound form) shop"):
        assert not meanings._kind_of(meanings.parsed(sense, LEX)), sense


def article_words(path):
    return {w.simplified: w for w in analyse(parse_article(open(path, "rb").read(), path), LEX).all_words}


def test_a_labelled_sense_comes_first_where_the_article_is_about_its_field():
    economy = article_words("tests/data/articles/cna-economy.txt")
    assert economy["需求"].sense[0] == "(economics) demand"  # 伺服器需求強勁: demand, not "requirement"
    assert economy["出口"].sense[0] == "to export"  # 傳產出口: exports
    assert "physics" not in economy["电子"].sense[0]  # 電子零組件: electronic, not "electron"


SPECIALIST = re.compile(r"\((zoology|botany|physics|particle physics|chemistry|math\.?|computing|geology|astronomy)\)")


@pytest.mark.parametrize("path", ["seeds/jinbohui-2023-08-08.txt", "tests/data/articles/people-daily-simplified.txt",
                                  "tests/data/articles/science-simplified.txt", "tests/data/articles/xinhua-trad.txt"])
def test_a_specialist_sense_never_comes_first_in_news_that_never_speaks_of_its_field(path):
    # 环节 "(zoology) segment (of the body of a worm)" was first in the seed; 'link, sector' is meant
    for w in article_words(path).values():
        if not w.composed:
            assert not SPECIALIST.search(w.sense[0]), (w.simplified, w.senses)


def test_the_seed_link_is_not_a_worm_segment():
    assert "aspect" in article_words("seeds/jinbohui-2023-08-08.txt")["环节"].sense[0]


def test_an_idiom_is_meant_figuratively_and_a_label_is_never_a_sense_alone():
    w = word("改變飲食習慣並非一朝一夕之功。", "一朝一夕")
    assert not w.sense[0].startswith("lit."), w.senses
    economy = article_words("tests/data/articles/cna-economy.txt")
    for w in economy.values():
        assert all(s.strip() not in ("(fig.)", "fig.", "lit.") for s in w.sense), w.senses  # 發酵 was "(fig.)"


@pytest.mark.parametrize("word, syllables, shown", [
    ("几分钟", ("ji3", "fen1", "zhong1"), "+ minute"),        # 几|分钟, not 几分 "somewhat" | 钟 "cup"
    ("黄先生", ("huang2", "xian1", "sheng1"), "Mr. Huáng"),   # surname + title, whatever 先生's tones
    ("陈先生", ("chen2", "xian1", "sheng5"), "Mr. Chén"),
    ("任何人", ("ren4", "he2", "ren2"), "any + person"),
])
def test_composed_meanings_take_the_commonest_pieces(word, syllables, shown, lexicon):
    from cardmaker.analysis.composed import composed_senses, english_only

    assert english_only(composed_senses(word, syllables, lexicon)).endswith(shown)


@pytest.mark.parametrize("word, syllables, written, shown", [
    ("强台", ("qiang2", "tai2"), "強颱", "strong + typhoon"),     # the article's 颱 picks the entry, not 臺 "platform"
    ("市建局", ("shi4", "jian4", "ju2"), "市建局", "+ office"),    # 局's main entry, not 侷 "narrow"
    # not 保 "(old) unit of the baojia system"; 擔保 "to guarantee", 保證 … make it "to guarantee"
    ("信保", ("xin4", "bao3"), "信保", "+ to guarantee"),
])
def test_composed_meanings_take_each_character_s_own_main_sense(word, syllables, written, shown, lexicon):
    from cardmaker.analysis.composed import composed_senses, english_only

    assert english_only(composed_senses(word, syllables, lexicon, nominal=True, written=written)).endswith(shown)


@pytest.mark.parametrize("word, syllables, shown", [
    # a character inside a word means what CC-CEDICT's compounds with it at that end mean:
    ("区委", ("qu1", "wei3"), "area + committee member"),   # 市委, 省委, 党委: not "roundabout"
    ("展会", ("zhan3", "hui4"), "to exhibit + meeting"),    # 展览, 展品, 展馆: not "to spread out"
    ("投资商", ("tou2", "zi1", "shang1"), "investment + merchant|investment + dealer"),  # 批发商, 经销商, 供应商:
    ("客商", ("ke4", "shang1"), "customer + merchant|customer + dealer|visitor + merchant"),  # who trades, not "commerce"
    ("出口商", ("chu1", "kou3", "shang1"), "to export + "),  # a word piece too: 出口额, 出口货; not "an exit"
    ("多渠道", ("duo1", "qu2", "dao4"), "multi- + channel"),  # 尾水渠道 "outflow channel": not "irrigation ditch"
    ("各省", ("ge4", "sheng3"), "each + province"),       # 全省, 外省: not "to save" nor "provincial capital"
    ("数分钟", ("shu4", "fen1", "zhong1"), "several + minute"),  # 数百, 数万, 数次: not "number"
    ("数十", ("shu4", "shi2"), "several + ten"),
    # CC-CEDICT labels the sense of a position: "(noun suffix) on" after a noun, "(directional
    # complement) up" after a verb; never "first (of multiple parts)"
    ("墙上", ("qiang2", "shang4"), "wall + on"),
    ("床上", ("chuang2", "shang4"), "bed + on"),       # a noun that is also a measure word is a noun here
    ("世界上", ("shi4", "jie4", "shang4"), "world + on"),
    ("走上", ("zou3", "shang4"), "to walk + up|to go + up"),  # (走低 "to go down": 走 before its result)
    # all the character's entries with the reading compete: 週 "week", 腿 "leg" (not 骽 "hip bone")
    ("几周", ("ji3", "zhou1"), "several + week"),  # 几天, 几年: "several", not "how much"
    ("抬腿", ("tai2", "tui3"), "to lift + leg"),
    ("为民", ("wei4", "min2"), "for + the people"),          # "(bound form) the people"
    ("来源不明", ("lai2", "yuan2", "bu4", "ming2"), "+ not + clear"),  # 不 "(bound form) not", 明 "clear"
    # a word before 部 makes it a ministry (外交部, 商务部), as it does in 经济部
    ("经济部", ("jing1", "ji4", "bu4"), "economy + ministry"),
])
def test_composed_meanings_take_the_sense_the_character_has_in_compounds(word, syllables, shown, lexicon):
    from cardmaker.analysis.composed import composed_senses, english_only

    got = english_only(composed_senses(word, syllables, lexicon, nominal=True))
    assert any(got.endswith(s) or got.startswith(s) for s in shown.split("|")), got


def test_composed_meanings_expand_a_piece_that_is_an_abbreviation():
    # 立委 is "abbr. for 立法委員會|立法委员会[…]" in CC-CEDICT: the piece means what that full form means
    from cardmaker.analysis.composed import composed_senses, english_only

    shown = english_only(composed_senses("立委会", ("li4", "wei3", "hui4"), LEX, nominal=True))
    assert shown.startswith("legislative committee + "), shown


def test_composed_meanings_stay_short():
    # a piece's long sense is cut at its first boundary: the pieces share the front's ~40 characters
    from cardmaker.analysis.composed import composed_senses, english_only

    shown = english_only(composed_senses("参展商", ("can1", "zhan3", "shang1"), LEX, nominal=True))
    assert shown.startswith("to exhibit at + ") and len(shown) <= 40


@pytest.mark.parametrize(
    "sense, kinds",
    [
        # a participle and its preposition modifies; CC-CEDICT's 面向 "geared towards" is no noun
        ("geared towards", {english.A}),
        ("catering for", {english.A}),
        # … but a passive's "subjected to" stays what the English lexicon says (受 is a verb there)
        ("to face", {english.V}),
        ("subjected to", {english.V}),
        # a word the English lexicon lacks is an adjective by its ending (使得 "feasible" is no noun)
        ("feasible", {english.A}),
        # a degree word or a negation and its adjective are an adjective's sense (不錯)
        ("not bad", {english.A}),
        ("pretty good", {english.A}),
        # a clause that "as" opens is an adverbial (臨時 "as the time draws near"), no unit of time
        ("as the time draws near", {english.D}),
        # a past participle alone modifies as an adjective does (定點 "designated"); "speed" is none
        ("designated", {english.A}),
        # "to" before a possessive or an article opens a prepositional phrase, no infinitive (滿意)
        ("to one's satisfaction", {english.D}),
        ("speed", {english.N, english.V}),
        # "cannot" alone is a modal's sense (不能), no noun; "cannot be more (after adjectival)" (不過) none
        ("cannot", {english.AUX, english.V}),
        ("cannot be more (after adjectival)", {english.N}),
    ],
)
def test_kind_of_a_sense(sense, kinds):
    assert english.parse(sense, LEX.english).classes == kinds


def test_lesk_counts_content_words_only():
    # "to point out" (指示) and "to carry out" (貫徹) share no content word: "out" is a particle
    assert english.content_words("to point out") == {"point"}
    assert english.content_words("to pass through") == {"pass"}


def test_placeholder_syllables_of_a_reference_read_as_an_ellipsis():
    # CC-CEDICT writes "any word" as xx5: 而言 "(typically preceded by 就…[jiu4 xx5] or 對…|对…[dui4 xx5] etc)"
    from cardmaker.lexicon.cedict import english_only, readable

    w = word("以強度而言，颱風已與四級颶風相當。", "而言")
    back, front = readable(w.meaning, "traditional"), english_only(w.meaning)
    assert "就… jiù… or 對… duì…" in back and "jiù… or duì…" in front and "xx" not in back + front


def test_an_abbreviations_sense_says_what_its_full_form_means():
    """立委 "abbr. for 立法委員…": the Sense says what a 立法委員 is, not only its pinyin (lìfǎwěiyuán,
    the answer's own syllables on a Recall front)."""
    article = parse_article("立院消息\n多名立委今天在立法院質詢部長。\n".encode(), "t.txt")
    (w,) = [w for w in analyse(article, Lexicon()).all_words if w.simplified == "立委"]
    assert "Legislative Yuan" in w.sense[0] and "li4" not in w.sense[0], w.sense


def test_an_instance_in_chinese_leaves_no_pinyin_on_a_front():
    from cardmaker.lexicon.cedict import english_only
    assert english_only("away (in compound verbs, such as 撤走 chèzǒu)") == "away (in compound verbs)"
    assert english_only("like a fool") == "like a fool"


@pytest.mark.parametrize("text, simplified, expected", [
    # 不|排除 is the stock phrase "does not rule out", not "to eliminate" (1st of 4)
    ("美國聯準會主席表示，不排除年內再次降息。", "排除", "to rule out"),
    # 度過|難關 "to get through a difficult time", not "to pass" or "to spend (time)"
    ("政府將推出紓困方案，協助中小企業度過難關。", "度过", "to get through"),
    # 主持|會議 "to preside over (chair) a meeting", not "to take charge of"
    ("國務院總理李強主持召開國務院常務會議。", "主持", "to preside over"),
])
def test_a_set_phrase_of_the_news_fixes_the_sense(text, simplified, expected):
    w = word(text, simplified)
    assert expected in w.sense[0], w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # a collocation's partner right after the word only ("+"): 積極|因素 "positive", not "active"
    ("報告指出，經濟中的積極因素正在增多。", "积极", "positive"),
    # … or right before it: 能力|差 "not up to standard", not "different"
    ("這些老人的平衡能力差，容易跌倒。", "差", "not up to standard"),
    # 騎|機車 is a scooter (Taiwan), no locomotive
    ("他每天騎機車上班。", "机车", "scooter"),
    # 廣大 before the people it counts: "(of people) numerous", no vast area
    ("這項政策受到廣大群眾的歡迎。", "广大", "(of people)"),
    # 成長|動能 "growth momentum": the noun, not "to mature"
    ("今年的成長動能主要來自出口。", "成长", "growth"),
])
def test_a_collocation_partner_on_its_side_fixes_the_sense(text, simplified, expected):
    w = word(text, simplified, TRAD)
    assert expected in w.sense[0], w.senses


def test_a_traditional_form_that_is_only_a_variant_takes_the_word_it_points_at():
    # 佔 is CC-CEDICT's "variant of 占[zhan4]", whose entry 占 is a candidate already: its senses, not the pointer
    w = word("這家公司佔了市場的一半。", "占", TRAD)
    assert w.traditional == "佔" and not w.sense[0].startswith("variant"), w.senses


def test_a_neighbour_that_is_no_set_phrase_leaves_the_sense_to_context():
    # 排除 without 不 before it: "to remove" a fault, no "rule out"
    w = word("工程人員已排除電力故障，列車恢復行駛。", "排除")
    assert "rule out" not in w.sense[0], w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # a light verb whose object is an act does that act: 進行|評估 "to conduct", not "to advance"
    ("專家小組正進行評估。", "进行", "to conduct|to carry out"),
    # 作出|決定 "to make (a decision …)", not "to put out"
    ("委員會將在下月作出最終決定。", "作出", "to make"),
    # 做|檢查 "to do", not "to make; to produce"
    ("醫生建議他先到醫院做檢查。", "做", "to do"),
])
def test_a_light_verb_whose_object_is_an_act_takes_its_light_sense(text, simplified, expected):
    w = word(text, simplified)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # after 對/就 and its object the verb is the clause's own (對|事件|進行|調查), not the head of a
    # compound noun with the noun before it (服務|升級): "to conduct", not "underway"
    ("警方已對事件進行調查，暫未有人被捕。", "进行", "to conduct|to carry out"),
    ("兩國將就貿易問題進行磋商。", "进行", "to conduct|to carry out"),
])
def test_a_verb_after_a_coverb_and_its_object_is_the_clause_verb(text, simplified, expected):
    w = word(text, simplified)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, expected", [
    # between its subject and the verb a noun with an adverb's sense is that adverb: "highly" (5th of 5)
    ("中央政府高度重視粵港澳大灣區建設。", "highly"),
    # … a noun where 的 makes it one, or after a number and its unit
    ("這座大樓的高度超過三百米。", "height"),
    ("飛機在一萬米高度飛行。", "height|altitude"),
])
def test_a_noun_between_its_subject_and_the_verb_takes_its_adverb_sense(text, expected):
    w = word(text, "高度")
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, simplified, expected, among", [
    # a verb of motion, its place, then what is done there: 到|社區|調研 "to investigate and research"
    # (1st of CC-CEDICT's, which jieba's verbal-noun tag and the compound-noun cue pushed below "research")
    ("市長今天到社區調研，聽取居民意見。", "调研", "to investigate", 1),
    # … but 從…到 is "up to", and what follows a list of nouns: 青年|就業 keeps its noun "employment"
    # among the first two
    ("從孩子上學、老人看病到青年就業，都是民生大事。", "就业", "employment", 2),
])
def test_a_verb_after_a_verb_of_motion_and_its_place_is_a_verb(text, simplified, expected, among):
    w = word(text, simplified)
    assert any(expected in s for s in w.senses[:among]), w.senses


@pytest.mark.parametrize("text", ["政府推動社區微電網建設。", "這款微短劇在網上熱播。"])
def test_a_character_glued_before_a_new_word_is_its_prefix(text):
    # 微 glued before a word jieba knows, in a word it does not: "micro-" (7th of 8), not "tiny"
    assert word(text, "微").sense[0] == "micro-"


def test_yi_before_a_verb_and_jiu_after_it_is_as_soon_as_and_counts_nothing():
    # 一|出爐|就…: "as soon as it comes out of the oven", no number counting 出爐 as a measure word
    from cardmaker.analysis import meanings
    from cardmaker.analysis.segment import segment

    tokens = segment("菠萝包一出炉就被抢购一空。", LEX)
    i = next(k for k, t in enumerate(tokens) if t.text == "出炉")
    assert meanings.UNIT not in meanings.uses(tokens, [i], LEX)[0].want


def test_a_bakery_makes_fresh_out_of_the_oven_a_food_sense():
    # a bakery's buns speak of food ("oven", "bakery" in sense_fields.tsv): the literal sense among the
    # first two, not "fig. newly announced" first
    w = word("麵包店每天清晨六點，第一批麵包出爐。", "出炉")
    assert any("oven" in s for s in w.senses[:2]) and not w.senses[0].startswith("fig."), w.senses


def test_a_verb_jieba_tags_a_noun_is_still_the_verb_a_doing_sense_is_followed_by():
    # 抓緊|謀劃: jieba tags 謀劃 a noun, CC-CEDICT's first sense "to plan" is a verb's, so 抓緊 is
    # "to lose no time in (doing sth)", not "to keep a firm grip on"
    w = word("各地要抓緊謀劃明年的重點工作。", "抓紧")
    assert "lose no time" in w.senses[0], w.senses


# Issue #15: senses audits found wrong on real articles, each for a class of reason (sentences written
# for the test in the style of the news the audits read)
@pytest.mark.parametrize("text, simplified, expected", [
    # a pronoun after a noun and a verb is the verb's object, no compound noun (政策|使得 is no "feasible")
    ("物價持續上漲，使得許多家庭的生活更加困難。", "使得", "to make|to cause"),
    # … a time after it too: 把…|作為|今年的重點 "as", not "one's conduct"; after 不 it is the noun
    ("學校把閱讀推廣作為今年的工作重點。", "作为", "as (in the capacity of)|to act as"),
    ("對不作為的官員要嚴肅問責。", "作为", "one's conduct|deed"),
    # the senses of today's prose that CC-CEDICT lists late (sense_priorities.tsv)
    ("國家機關工作人員應當依法履行職責。", "机关", "office; agency"),
    ("用人單位不得以性別為由拒絕錄用求職者。", "单位", "group of people"),
    ("村裡終於通了電，家家戶戶用上了電燈。", "电", "electricity"),
    ("政府在災區設立了多個臨時安置點。", "临时", "temporar"),
    # an adverb is no subject of the degree word after it (一直|很|清楚): "continuously"
    ("他的立場一直很清楚。", "一直", "continuously"),
    # a degree adverb before its adjective: "too (much)", not "highest"
    ("這套房子太大了，我們住不了。", "太", "too (much)"),
    # a quotation names what the noun after it is: “…”|活動 "activity", not "to exercise"
    ("學校舉辦“愛護地球”活動，吸引數百名學生參加。", "活动", "activity"),
    # 靠 before a phrase and then a verb is what that verb relies on
    ("這個小鎮靠旅遊業維持經濟，居民收入穩定。", "靠", "to depend on"),
    ("他靠在牆上睡著了。", "靠", "to lean against"),
    # a verb's object fixes its sense as a set phrase does (sense_collocations.tsv)
    ("今年上半年出口額創歷史新高。", "创", "to create"),
    ("他在國際期刊上發表了多篇論文。", "发表", "to publish"),
    ("總理在開幕式上發表講話。", "发表", "to deliver"),
    ("電廠新建的兩台機組已經併網發電。", "机组", "unit (apparatus)"),
    # an adjective between 的 and a noun modifies that noun: "mainstream", no "essential point" that the
    # English of 觀點 "point of view" would vote for
    ("這種看法已成為社會的主流觀點。", "主流", "mainstream"),
    # a light verb with a pronoun for its object is "to do" (what one does), not "to make"; what a verb
    # of knowing takes is a question, "what" though a negation stands before it
    ("他們不知道畢業以後要做什麼。", "做", "to do"),
    ("他們不知道畢業以後要做什麼。", "什么", "what?"),
    ("他什麼也沒說就走了。", "什么", "anything"),
    # "not bad" is an adjective's sense, and today's
    ("這是一份很不錯的工作。", "不错", "not bad|pretty good"),
    # the passive before a verb: "subjected to"
    ("颱風過後，受影響的居民已陸續返家。", "受", "subjected to"),
])
def test_the_sense_audits_found_wrong_on_real_articles(text, simplified, expected):
    w = word(text, simplified)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # a number and 個 count a unit of time: "month", not "moon"
    ("他們不打算在這裡待超過幾個月。", "月", "month"),
    # a number counts 台: 臺's "classifier for vehicles or machines" (台 is its variant), not "Taiwan"; a
    # measure word of jieba's that nothing counts is none (台9線: "Taiwan"; 到|家|後 "home")
    ("電廠兩台60萬千瓦機組已投產。", "台", "classifier for vehicles or machines"),
    ("交通部公路局表示，台9線南迴公路將實施預警性封閉。", "台", "Taiwan"),
    ("他到家後發現屋頂被掀開了。", "家", "home"),
    # an ordinal 條 is a law's article where a law numbers it, a line a verb's ordinal object counts
    ("第三十條軍官之間有夫妻關係的，不得擔任直接上下級職務。", "条", "clause (of law"),
    ("為打通第二條500千伏環網，工人日夜施工。", "条", "classifier"),
])
def test_what_a_number_counts_and_what_nothing_counts(text, simplified, expected):
    w = word(text, simplified)
    assert expected in w.sense[0], w.senses


@pytest.mark.parametrize("text, simplified, expected", [
    # function words by the construction around them: 本|通知 "this" (a verb that names a document), 凡
    # opening its clause "every", 依|…|來看 "according to", 受|當地|證券|監管 a passive with its agent
    ("本通知自發布之日起施行。", "本", "this"),
    ("凡將境內企業資產在境外上市的，須事先報批。", "凡", "every"),
    ("依災後受損跡象來看，這是下沖氣流造成的。", "依", "according to"),
    ("境外上市公司受當地證券監管機構監管。", "受", "subjected to"),
    # a label that is one phrase is met by all its words: 人民政府 is no "(of the Japanese government)"
    ("各省、自治區、直轄市人民政府要加強管理。", "省", "province"),
    # the wind blows in a weather report; "a wind instrument" is no weather's (nor "to blow up")
    ("颶風吹進校園後，圍籬也被吹倒。", "吹", "to blow"),
    # 相當 before a noun is "equivalent to" (及|相當|領導職務), before an adjective "quite"
    ("擔任局長、部長及相當領導職務的，五年。", "相当", "equivalent to"),
    ("這個問題相當難。", "相当", "considerably|quite"),
    # an adjective's character before a verb says how it is done: 亂|作為 "arbitrary", not "in confusion"
    ("對那些亂作為的官員要嚴肅問責。", "乱", "arbitrary"),
    # a verb of one character between a noun and another verb is the noun's verb, no compound's head:
    # 警方|派|來 "to send", not "school (of thought)"
    ("警方派來維持秩序的人員已經到場。", "派", "to send"),
    # a verb's object fixes its sense: 爬…樓 "to climb", not "to crawl"
    ("他每天爬十層樓上班。", "爬", "to climb"),
    # 做 with no object is "to do" (做|起來|卻…)
    ("說起來容易，做起來卻相當難。", "做", "to do"),
    # an adjective's participle before the noun it modifies: 定點|醫院 "designated", not "to determine a
    # location"; an adjective after a measure word modifies the noun after it (各類|配套|活動)
    ("患者可到周邊定點醫院就診。", "定点", "designated"),
    # 上市 in an article about shares is "to float (a company on the stock market)"
    ("多家企業申請在境外上市，發行股票募集資金，股東權益須受保護。", "上市", "to float"),
])
def test_constructions_and_qualifiers_found_on_real_articles(text, simplified, expected):
    w = word(text, simplified)
    assert any(e in w.sense[0] for e in expected.split("|")), w.senses


def test_power_supply_is_no_physics():
    # an article about electricity speaks of energy, not physics: 供電質量 is "quality", not "(physics)
    # mass" (muscle's mass is another matter)
    w = word("受高溫影響，多地出現電荒，電廠滿負荷運行，電網供電緊張，供電質量明顯下降。", "质量")
    assert w.sense[0] == "quality", w.senses
