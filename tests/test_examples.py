"""Examples a learner can read, checked on the real articles of the repo with the real pipeline."""

import re
from pathlib import Path

import pytest

from cardmaker.analysis.examples import ELLIPSIS, LONG_MAX, MAX_SHARED, _Context, candidates, choose_examples
from cardmaker.analysis.vocabulary import Options, analyse
from cardmaker.text.article import parse_article, read_article

DATA = Path(__file__).parent / "data"
ARTICLES = sorted(Path(__file__).parents[1].glob("seeds/*.txt")) + sorted((DATA / "articles").glob("*.txt")) \
    + sorted((DATA / "pages").glob("*.html"))


def _examples(article, lexicon):
    analysis = analyse(article, lexicon, Options())
    return analysis, choose_examples(analysis, analysis.words, lexicon)


def _place(text: str, example) -> tuple[int, int]:
    plain = example.text.strip(ELLIPSIS)
    start = text.find(plain)
    assert start >= 0, example.text
    return start, start + len(plain)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_examples_hold_their_word_and_never_end_inside_a_list(path, lexicon):
    """An example that starts after 、 or stops before one is part of a list: it says so with "…"."""
    article = read_article(path)
    analysis, chosen = _examples(article, lexicon)
    assert chosen
    text = article.text
    for w in analysis.words:
        e = chosen.get(w.key)
        if e is None:
            continue
        a, b = e.word
        assert e.simplified[a:b] == w.simplified
        assert len(e.text) <= LONG_MAX + 2
        start, end = _place(text, e)
        before = text[:start].rstrip(" \u3000\t")[-1:]
        after = text[end:].lstrip(" \u3000\t")[:1]
        numbered = re.fullmatch(r"[一二三四五六七八九十]{1,3}、", text[text.rfind("\n", 0, start) + 1:start].strip())
        assert before != "、" or e.text.startswith(ELLIPSIS) or numbered, (w.simplified, e.text)  # 三、|a heading
        assert after != "、" or e.text.endswith(ELLIPSIS), (w.simplified, e.text)


def _example_of(text: str, word: str, lexicon) -> str:
    article = parse_article(text.encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    (w,) = [w for w in analysis.words if w.traditional == word or w.simplified == word]
    return chosen[w.key].text


def test_the_speaker_comes_with_what_was_said(lexicon):
    """他表示，|…: the clause after a speech verb is best with its speaker when both fit; the speaker
    alone (國際貿易署副署長在記者會上表示) says nothing, and is an example of no word while the
    sentence has a whole clause with room (here its 17 words fill both whole clauses)."""
    sentence = "國際貿易署副署長在記者會上表示，今年前三季工具機與精密零組件的出口持續衰退。"
    grades = _grades(sentence, "出口", lexicon)
    assert list(grades)[0] == sentence and grades[sentence] == 0, grades
    assert _grades(sentence, "署長", lexicon)["國際貿易署副署長在記者會上表示"] == 2
    article = parse_article(f"記者會上的說明\n{sentence}\n".encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    serves: dict[str, int] = {}
    for e in chosen.values():
        serves[e.text] = serves.get(e.text, 0) + 1
    if serves.get("國際貿易署副署長在記者會上表示"):
        assert serves[sentence] >= 2 * MAX_SHARED and serves["今年前三季工具機與精密零組件的出口持續衰退。"] >= 3, serves


def test_a_word_in_a_long_list_gets_a_marked_cut(lexicon):
    text = ("展區介紹\n"
            "本屆展會設有食品及農產品、汽車、技術裝備、消費品、醫療器械及醫藥保健、服務貿易、創新孵化、人工智慧與數位經濟等展區。\n")
    example = _example_of(text, "醫療器械", lexicon)
    assert "醫療器械" in example
    assert example.startswith(ELLIPSIS) or example.startswith("本屆展會")
    assert example.endswith(ELLIPSIS) or example.rstrip("。").endswith("展區")


@pytest.mark.parametrize("text, word, reads", [
    ("他每天早上練習長跑，現在跑得快多了，也不容易受傷。", "练习", ["pǎo", "de", "kuài"]),
    ("老年人骨質疏鬆，釘子不容易「咬」得牢，術後恢復也更慢。", "骨质疏松", ["de", "láo"]),
    ("這次碰得不巧，兩輛公車在路口擦撞，所幸無人受傷。", "公车", ["pèng", "de"]),
    ("烘乾後的玉米賣得出好價錢，農民很高興。", "价钱", ["mài", "de", "chū"]),
])
def test_a_verb_and_its_de_complement_read_apart(text, word, reads, lexicon):
    """跑得快 is pǎo de kuài in the example's pinyin, never one word pǎodékuài."""
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    (w,) = [w for w in analysis.words if w.simplified == word]
    pinyin = [p for p, _ in chosen[w.key].pinyin]
    assert any(pinyin[i:i + len(reads)] == reads for i in range(len(pinyin))), pinyin
    assert not any("dé" in p for p in pinyin), pinyin


@pytest.mark.parametrize("text, word, reads", [
    # 不了 after a verb is bù liǎo "unable to"; 地 before a stop is dì "the fields", no particle
    ("前些天雨下得沒完沒了，地裡的玉米一直收不了，農民下不了地。", "农民", ["xià", "bùliǎo", "dì"]),
    ("鼓勵農民種糧的積極性，保障種糧農民收益。", "收益", ["zhòngliáng"]),   # 種 + a crop: zhòng "to grow"
    ("陳姓老師說，學生最常搞混的是便宜與方便。", "方便", ["Chén", "xìng", "lǎoshī"]),  # surnamed Chen
    # zhuyin the article writes stays one run, as written
    ("很多孩子會直覺唸成「ㄅㄧㄢˋ宜」，老師說。", "老师", ["ㄅㄧㄢˋ", "yí"]),
    ("其亮度特別大，長長的彗尾雄偉壯觀，令觀者激動不已。", "壮观", ["cháng", "cháng", "de"]),
    ("彗星將於本月２３日至２４日到達地球附近。", "附近", ["２３", "rì", "zhì", "２４", "rì"]),
])
def test_example_pinyin_reads_complements_and_crops_in_context(text, word, reads, lexicon):
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    (w,) = [w for w in analysis.words if w.simplified == word]
    from cardmaker.chinese.pinyin import spaced
    line = "".join(sep + text for sep, text, _ in spaced(chosen[w.key].pinyin))
    assert " ".join(reads) in line, line


@pytest.mark.parametrize("text, noun", [
    ("業者認為，政府應洽簽經濟合作協定降低關稅障礙，才能從根本提升產業體質。", False),   # 才|能 + a preposition
    ("他很有才能，大家都知道。", True),                                            # the noun "talent"
])
def test_cai_neng_before_a_verb_is_an_adverb_and_a_modal(text, noun, lexicon):
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis, _ = _examples(article, lexicon)
    words = {w.simplified for w in analysis.all_words}
    assert ("才能" in words) is noun and (("才" in words and "能" in words) is not noun), words


def test_a_long_word_of_two_words_is_written_as_two(lexicon):
    """GB/T 16159: 知識產權 zhīshi chǎnquán, 競爭對手 jìngzhēng duìshǒu in another word's example; an
    idiom or a doubling stays whole (一成不變, 氣喘吁吁)."""
    text = "企業重視知識產權保護，面對競爭對手，走得氣喘吁吁也一成不變。"
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    spelled = {p for e in chosen.values() for p, mark, *_ in e.pinyin if not mark}
    assert "zhīshi chǎnquán" in spelled and "jìngzhēng duìshǒu" in spelled, spelled
    assert "qìchuǎnxūxū" in spelled and "yīchéngbùbiàn" in spelled, spelled


def test_an_institution_the_dictionary_lacks_is_capitalised_everywhere(lexicon):
    """經濟部 (the Ministry of Economic Affairs) is a name: Jīngjìbù on its card and in every example."""
    text = "經濟部將與銀行合作，協助企業。經濟部也提醒，近期有人假冒政府名義。"
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis, chosen = _examples(article, lexicon)
    (w,) = [w for w in analysis.words if w.simplified == "经济部"]
    assert w.pinyin == "Jīngjìbù"
    spelled = " ".join(p for e in chosen.values() for p, *_ in e.pinyin)
    assert "Jīngjìbù" in spelled and "jīngjìbù" not in spelled


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_a_cloze_shows_its_word_nowhere(path, lexicon):
    """Every place the word's characters stand in the example is blanked (越辦［＿］好 showed 越)."""
    from cardmaker.output.fields import PLAIN, note_fields

    article = read_article(path)
    analysis, chosen = _examples(article, lexicon)
    script = analysis.script
    for w in analysis.words:
        e = chosen.get(w.key)
        if e is None:
            continue
        front = e.simplified if script == "simplified" else e.traditional
        form = front[e.word[0]:e.word[1]]
        cloze = note_fields(w, [e], script, style=PLAIN).cloze
        assert form not in cloze and "［" in cloze, (w.simplified, cloze)


def test_a_simplified_articles_examples_in_traditional_follow_the_dictionary(lexicon):
    """OpenCC alone writes 乾細胞 and 指明瞭; the words are 幹細胞 and 指明 + the particle 了."""
    article = parse_article("肌肉研究\n研究人员发现，肌肉干细胞的数量随年龄减少，这为治疗指明了方向。\n".encode(), "t.txt")
    analysis, chosen = _examples(article, lexicon)
    examples = {w.simplified: chosen[w.key] for w in analysis.words if w.key in chosen}
    traditional = "|".join(e.traditional for e in examples.values())
    assert "幹細胞" in traditional and "乾" not in traditional
    assert "指明了" in traditional and "瞭" not in traditional


def test_a_traditional_articles_own_regional_forms_are_kept(lexicon):
    """月台 (not 月臺), 隨着 (Hong Kong), 公布 and 面向 (Taiwan's standard) are how the article writes
    them, in the card's traditional field and in the example; a leaked simplified 并 is still fixed."""
    text = ("車站公告\n隨着人流增加，港鐵公布新措施，月台會加派人手，面向乘客的服務時間并且會延長。"
            "受影響商戶可在區內物色新舖位。\n")
    article = parse_article(text.encode(), "t.txt")
    analysis, chosen = _examples(article, lexicon)
    forms = {w.simplified: w.traditional for w in analysis.words}
    assert forms["随着"] == "隨着" and forms["公布"] == "公布" and forms["月台"] == "月台"
    assert forms["面向"] == "面向" and forms["铺位"] == "舖位"  # Hong Kong's 舖, not CC-CEDICT's 鋪
    examples = "|".join(e.traditional for e in chosen.values())
    assert "隨着" in examples and "月台" in examples and "並且" in examples


def test_a_character_the_article_also_writes_in_its_other_form_is_no_leak(lexicon):
    """美制 "the US system" beside 製造 in the same article: the article writes 製 where it means it, so
    its 制 is its own word (德制、美制), not a machine conversion's leak of 美製 "American made"."""
    text = "修法爭議\n他指出，第一六一條是德制、第一六三條是美制，與國內製造業無關。\n"
    article = parse_article(text.encode(), "t.txt")
    analysis, chosen = _examples(article, lexicon)
    examples = "|".join(e.traditional for e in chosen.values())
    assert "美制" in examples and "美製" not in examples


def test_names_in_example_pinyin_are_spelled_as_names(lexicon):
    """A place CC-CEDICT knows keeps its spelling (Huālián, not Huā lián); a person's surname stands apart."""
    article = parse_article("颱風消息\n颱風逼近，花蓮、臺東今天停班停課，市委書記陳吉寧也到場督導。\n".encode(), "t.txt")
    analysis, chosen = _examples(article, lexicon)
    pinyin = " | ".join(" ".join(p for p, *_ in e.pinyin) for e in chosen.values())
    assert "Huālián" in pinyin and "Huā lián" not in pinyin
    assert "Chén Jíníng" in pinyin


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_an_example_serves_at_most_three_words_while_others_have_room(path, lexicon):
    """An example serving more than three words is one none of them could leave: each of its words has
    no other example as good (a whole clause rather than a cut one), or every other one serves three."""
    article = read_article(path)
    analysis, chosen = _examples(article, lexicon)
    serves: dict[str, int] = {}
    for e in chosen.values():
        serves[e.text] = serves.get(e.text, 0) + 1
    context = _Context(analysis, lexicon, analysis.words)
    for w in analysis.words:
        e = chosen.get(w.key)
        if e is None or serves[e.text] <= MAX_SHARED:
            continue
        options = {ELLIPSIS * c[4][0] + article.text[c[1]:c[2]] + ELLIPSIS * c[4][1]: c[6]
                   for c in candidates(analysis, w, context)}
        for other, flaw in options.items():
            assert other == e.text or serves.get(other, 0) >= MAX_SHARED or flaw > options[e.text], \
                (w.simplified, e.text, other)


def _pinyin_of(analysis, chosen, word):
    from cardmaker.chinese.pinyin import spaced

    (w,) = [w for w in analysis.words if w.simplified == word]
    return "".join(sep + text for sep, text, _ in spaced(chosen[w.key].pinyin))


def test_example_pinyin_reads_every_word_of_the_udn_typhoon_article(lexicon):
    """Words cut where the sentence cuts them and spelled as words: a unit apart from its number's
    noun, a direction whole, a storm's name one capitalised word, an office's suffix on its word."""
    from cardmaker.chinese.pinyin import spaced

    analysis, chosen = _examples(read_article(DATA / "articles" / "udn-typhoon.txt"), lexicon)
    every = " | ".join("".join(sep + text for sep, text, _ in spaced(e.pinyin)) for e in chosen.values())
    for good in ("16 jí fēng", "qī jí fēng", "tái 9 xiàn Nánhuí Gōnglù", "tái 11 xiàn Huādōng hǎi'àn gōnglù",
                 "Éluánbí dōngnán fāng", "Huàjiāshā", "Bóluóyī", "Qìxiàngshǔ", "yùjǐngxìng",
                 "Huālián Xiàn Fēngbīn Xiāng"):  # a place's unit or road is part of its name (Táidōng Xiàn)
        assert good in every, good
    for bad in ("jífēng", "xiànnánhuí", "dōng nánfāng", "Huà Jiāshā", "Bó Luóyī", "qìxiàng shǔ", "Huālián xiàn",
                "Sū Huālù"):
        assert bad not in every, bad
    assert "Qìxiàngshǔ" in _pinyin_of(analysis, chosen, "气象署")  # the word itself, one institution's name


def test_example_pinyin_of_a_reduplication_and_a_name_of_the_article(lexicon):
    analysis, chosen = _examples(read_article(DATA / "articles" / "people-daily-simplified.txt"), lexicon)
    (w,) = [w for w in analysis.all_words if w.simplified == "干干净净"]
    assert w.pinyin == "gāngānjìngjìng"  # its base 干净 gānjìng, each syllable doubled
    from cardmaker.analysis.spelling import spelled

    analysis = analyse(read_article(Path(__file__).parents[1] / "seeds" / "jinbohui-2023-08-08.txt"), lexicon,
                       Options())
    at = analysis.article.text.index("龔正在主持")
    i = next(k for k, t in enumerate(analysis.tokens) if t.start >= at)
    reads = " ".join(p for p, *_ in spelled(analysis, lexicon, i, i + 4))  # as any example of it spells it
    assert reads.startswith("Gōng Zhèng zài") and "Gōng zhèngzài" not in reads, reads


def _grades(text: str, word: str, lexicon) -> dict[str, int]:
    """Every window of ``word`` in a one-paragraph article → its flaw grade (0 none, 1 cut, 2 grave)."""
    article = parse_article(f"標題\n{text}\n".encode(), "test.txt")
    analysis = analyse(article, lexicon, Options())
    context = _Context(analysis, lexicon, analysis.words)
    (w,) = [w for w in analysis.words if w.traditional == word or w.simplified == word]
    return {ELLIPSIS * c[4][0] + article.text[c[1]:c[2]] + ELLIPSIS * c[4][1]: c[6]
            for c in candidates(analysis, w, context)}


@pytest.mark.parametrize("text, word, alone, whole", [
    # 在…中: a frame for the clause after it
    ("在各种干预手段中，运动是目前证据最充分、成本最低的一种。", "手段", "在各种干预手段中",
     "在各种干预手段中，运动是目前证据最充分、成本最低的一种。"),
    # …時: the time of what the next clause says
    ("在融資方面，出口業者向銀行申請營運週轉金時，信保基金的保證成數最高可提高至9成。", "週轉金",
     "出口業者向銀行申請營運週轉金時", "出口業者向銀行申請營運週轉金時，信保基金的保證成數最高可提高至9成。"),
    # 對於…: a fronted topic; with its speaker it still says nothing
    ("對於外界關心新台幣後續走勢，陳立言表示，匯率政策屬於中央銀行職權。", "走勢",
     "對於外界關心新台幣後續走勢，陳立言表示", "對於外界關心新台幣後續走勢，陳立言表示，匯率政策屬於中央銀行職權。"),
    # 根據…調查: the source of a finding, without the finding
    ("根據經濟部近期針對2000家製造業者所做的調查，約6成傳產業者表示匯率波動已侵蝕獲利。", "調查",
     "根據經濟部近期針對2000家製造業者所做的調查", None),
    # subject + 如: a condition without its consequence
    ("業者如接獲可疑電話，應向警方或經濟部查證，以免受騙上當。", "可疑", "業者如接獲可疑電話",
     "業者如接獲可疑電話，應向警方或經濟部查證，以免受騙上當。"),
    # 要按照…: a modal before the fronted phrase, the clause that acts on it still to come
    ("龔正在主持會議時指出，要按照中央要求和市委部署，紮實做好各項籌備工作。", "部署", "要按照中央要求和市委部署",
     "要按照中央要求和市委部署，紮實做好各項籌備工作。"),
    # 在…的 + a noun: the subject of the clause after it, described by its relative clause
    ("在北河街經營時鐘維修舖超過四十年的鍾先生，今日一早如常開舖。", "維修", "在北河街經營時鐘維修舖超過四十年的鍾先生",
     "在北河街經營時鐘維修舖超過四十年的鍾先生，今日一早如常開舖。"),
    # 以…的 + a noun: the manner of the act in the clause after it
    ("要牢固樹立“一盤棋”思想，以“時時放心不下”的責任感，緊密結合當前正在開展的主題教育。", "責任感",
     "要牢固樹立“一盤棋”思想，以“時時放心不下”的責任感", None),
    # 每逢…: "whenever …", what happens then still to come
    ("縣府同時提醒，近年每逢颱風來襲，網路上常流傳不實訊息。", "來襲", "縣府同時提醒，近年每逢颱風來襲", None),
    # 既…: the first half of a pair (既…，又…) without the second
    ("把心思和精力用在干事创业上，既要敢于担当、勇于负责，又要善作善成、久久为功。", "担当",
     "把心思和精力用在干事创业上，既要敢于担当、勇于负责", None),
    # 若…: a condition at the end of a run, its consequence in the clause after it
    ("他強調，政府不會讓傳統產業孤軍奮戰，若國際情勢進一步惡化，不排除再加碼推出協助措施。", "情勢",
     "他強調，政府不會讓傳統產業孤軍奮戰，若國際情勢進一步惡化", "若國際情勢進一步惡化，不排除再加碼推出協助措施。"),
    # a time and nothing else (上午七時左右，): what happens then still to come
    ("他回憶說，上午七時左右，他正好外出，當時颳起一陣狂風。", "左右", "他回憶說，上午七時左右",
     "上午七時左右，他正好外出，當時颳起一陣狂風。"),
    # 在 + an act and nothing else: upon it, what follows still to come
    ("老人廖先生說，在聽到一聲巨響，屋頂被掀起，他立即往屋外衝。", "巨響", "老人廖先生說，在聽到一聲巨響",
     "在聽到一聲巨響，屋頂被掀起，他立即往屋外衝。"),
    # X之外: "besides X", what is added still to come
    ("村民葉先生被砸傷之外，廿戶人家更是無家可歸。", "砸傷", "村民葉先生被砸傷之外", None),
    # 認識到，: what was realised is the next clause
    ("經過學習和教育，大家普遍認識到，敢於突破難點，是前進者的勇氣。", "教育", "經過學習和教育，大家普遍認識到", None),
    # 而 before a fronted phrase: 而|作為…的部門
    ("而作為配備人才資源的組織人事部門，必須有敢於突破難點的創新精神。", "配備", "而作為配備人才資源的組織人事部門",
     "而作為配備人才資源的組織人事部門，必須有敢於突破難點的創新精神。"),
    # a noun its relative clause describes (V的N), the subject of a clause that opens with its predicate
    ("氣象站專家說，外界宣稱的龍捲風，其實是下沖氣流。", "宣稱", "氣象站專家說，外界宣稱的龍捲風",
     "氣象站專家說，外界宣稱的龍捲風，其實是下沖氣流。"),
    # a verb before a colon (包括：, 說﹕): its object is what the colon opens
    ("昨天，紅豆製作公司正式成立，圈內好友包括：范曉萱、周俊偉、柯叔元。", "好友", "昨天，紅豆製作公司正式成立，圈內好友包括", None),
    # a time or place 在 sets before the act (工人|在數小時內，): the act still to come
    ("政府要求清潔工人在數小時內，清理街上所有的海報。", "工人", "政府要求清潔工人在數小時內",
     "政府要求清潔工人在數小時內，清理街上所有的海報。"),
    # 加上…: a second cause, what it causes still to come
    ("新台幣近期走強，加上美國關稅措施持續發酵，傳統產業出口接單明顯承壓。", "發酵", "新台幣近期走強，加上美國關稅措施持續發酵",
     "新台幣近期走強，加上美國關稅措施持續發酵，傳統產業出口接單明顯承壓。"),
])
def test_a_fronted_phrase_alone_is_a_grave_flaw(text, word, alone, whole, lexicon):
    grades = _grades(text, word, lexicon)
    assert grades[alone] == 2, grades
    if whole is not None:
        assert grades[whole] == 0, grades


@pytest.mark.parametrize("text, word, alone, whole", [
    # 但…: goes on from the clause before it, whose subject it shares
    ("經濟部尊重央行的判斷，但會持續與央行保持密切聯繫。", "聯繫", "但會持續與央行保持密切聯繫。",
     "經濟部尊重央行的判斷，但會持續與央行保持密切聯繫。"),
    # 並…, 才能…: the steps and the result of one condition
    ("業者應加快轉型，並透過協定降低關稅障礙，才能從根本提升產業體質。", "體質", "並透過協定降低關稅障礙，才能從根本提升產業體質。",
     "業者應加快轉型，並透過協定降低關稅障礙，才能從根本提升產業體質。"),
    # subject + 除了: a fronted phrase without what it adds to
    ("學者建議，政府除了提供融資等短期紓困措施，更應協助傳統產業導入自動化設備。", "紓困", "政府除了提供融資等短期紓困措施",
     "學者建議，政府除了提供融資等短期紓困措施，更應協助傳統產業導入自動化設備。"),
])
def test_a_clause_going_on_from_the_one_before_is_a_grave_flaw_alone(text, word, alone, whole, lexicon):
    grades = _grades(text, word, lexicon)
    assert grades[alone] == 2, grades
    assert grades[whole] < 2, grades


@pytest.mark.parametrize("path, word, subjectless", [
    # …，以代辦貸款為由向企業收取高額手續費; …，應向警方或經濟部查證: no subject of their own
    ("cna-economy.txt", "貸款", "以代辦貸款"),
    ("cna-economy.txt", "查證", "應向警方"),
])
def test_a_clause_without_its_subject_gives_way_to_a_run_that_has_one(path, word, subjectless, lexicon):
    analysis, chosen = _examples(read_article(DATA / "articles" / path), lexicon)
    (w,) = [w for w in analysis.words if w.traditional == word]
    assert not chosen[w.key].text.lstrip("…").startswith(subjectless), chosen[w.key].text


def test_a_clause_with_its_own_predicate_is_no_fronted_phrase(lexicon):
    """經濟部將與公股銀行合作 is a whole statement before its comma; 協助… only adds the purpose."""
    grades = _grades("經濟部將與公股銀行合作，協助中小企業承作遠期外匯等避險工具。", "公股", lexicon)
    assert grades["經濟部將與公股銀行合作"] == 0, grades


def test_the_last_clause_of_a_long_quotation_gives_an_example(lexicon):
    """…，“天一放晴，…，既不怕發霉，也能賣個好價錢”。: the quotation opened long before; its last
    clauses are an example without its closing quote and stop, not none at all."""
    text = ("合作社理事長告訴記者，“天一放晴，我們就趕緊組織機手搶收，收回來的玉米當天就送進烘乾塔，"
            "烘乾後水分能降到14%以下，既不怕發霉，也能賣個好價錢”。")
    grades = _grades(text, "價錢", lexicon)
    assert "既不怕發霉，也能賣個好價錢" in grades, grades


def test_a_long_clause_is_never_cut_after_an_adverb_or_a_preposition(lexicon):
    """也|能賣個好價錢, 租客則|可申請: a cut between an adverb and a modal leaves the adverb hanging;
    a cut comes after a content word."""
    text = ("烘乾後的玉米水分能降到百分之十四以下所以農民既不怕發霉也能賣個好價錢而租客則可申請安置或現金補償"
            "並且還能避免糧食在田間地頭因天氣反覆而受損霉變。")
    for word in ("發霉", "價錢", "租客"):
        for example in _grades(text, word, lexicon):
            if example.endswith(ELLIPSIS):
                assert not example.strip(ELLIPSIS).endswith(("也", "則", "還", "就", "在", "因", "而", "既")), example


@pytest.mark.parametrize("text, word, whole", [
    # 建議 here is the offer the owners get (…的收購建議), not a speaker's "suggested, …"
    ("合資格的住宅業主可獲按同區樓齡單位呎價計算的收購建議，租客則可申請安置或現金補償。", "業主",
     "合資格的住宅業主可獲按同區樓齡單位呎價計算的收購建議"),
])
def test_a_speech_verb_used_as_a_noun_ends_a_clause_of_its_own(text, word, whole, lexicon):
    assert _grades(text, word, lexicon)[whole] == 0


def test_a_section_heading_is_a_grave_flaw(lexicon):
    text = "三、衰老如何影响肌肉干细胞\n过去人们普遍认为，肌肉衰老是一种无法逆转的自然过程，只能被动地接受。"
    grades = _grades(text, "衰老", lexicon)
    assert grades["衰老如何影响肌肉干细胞"] == 2, grades
    assert grades["过去人们普遍认为，肌肉衰老是一种无法逆转的自然过程，只能被动地接受。"] == 0, grades


@pytest.mark.parametrize("path, word, example", [
    # every word of these sentences has a whole clause, even where its sentence serves other words
    ("science-simplified.txt", "衰老", "过去人们普遍认为，肌肉衰老是一种无法逆转的自然过程，只能被动地接受。"),
    ("science-simplified.txt", "手段", "在各种干预手段中，运动是目前证据最充分、成本最低的一种。"),
    ("science-simplified.txt", "除了", "除了干细胞自身的变化，它们所处的微环境同样重要。"),
    ("cna-economy.txt", "週轉金", "在融資方面，出口業者向銀行申請營運週轉金時，信保基金的保證成數最高可提高至9成"),
    ("cna-economy.txt", "製品", "其中工具機、紡織、扣件及塑膠製品等產業受影響最深"),  # not …扣件及塑膠製品等
    ("hk-news.txt", "熟客", "鍾先生說，不少熟客專程由新界甚至內地來找他修理古董鐘"),
])
def test_a_crowded_sentence_still_gives_whole_clauses(path, word, example, lexicon):
    analysis, chosen = _examples(read_article(DATA / "articles" / path), lexicon)
    (w,) = [w for w in analysis.words if w.traditional == word or w.simplified == word]
    assert chosen[w.key].text == example


@pytest.mark.parametrize("text, good, bad", [
    # GB/T 16159: a numeral or a determiner and its measure word apart (jieba merges 一則, 多組, 這種 …)
    ("公眾人物擁有大量追蹤者，一則貼文就可能造成民眾混淆，更應以身作則、謹慎發言。", "yī zé tiēwén", "yīzé"),
    ("民宿業者也表示，已有多組旅客來電取消訂房，損失在所難免。", "duō zǔ lǚkè", "duōzǔ"),
    ("他解釋，颱風與颶風其實是同一種天氣系統，只是生成於不同海域。", "tóng yī zhǒng tiānqì", "yīzhǒng"),
    ("陳立言指出，本屆展會共有來自152個國家的來賓參會。", "běn jiè zhǎnhuì", "běnjiè"),
    ("近年來，健身行業發展迅速，各類課程層出不窮，但選擇時應當量力而行。", "gè lèi kèchéng", "gèlèi"),
    # … but a word of its own stays whole (HSK lists it, or its 儿 form: 一点儿)
    ("他們一起去超市買了一些水果，還多買了一點。", "yīqǐ", "yī qǐ"),
    ("他們一起去超市買了一些水果，還多買了一點。", "yīxiē", "yī xiē"),
    # a long word written by its two parts, a bound first part included (中小 is no entry of its own)
    ("經濟部將與公股銀行合作，協助中小企業承作遠期外匯等避險工具。", "zhōngxiǎo qǐyè", "zhōngxiǎoqǐyè"),
    ("老年人骨質疏鬆，釘子不容易「咬」得牢，術後恢復也更慢。", "gǔzhì shūsōng", "gǔzhìshūsōng"),
    # a suffix on to its noun, though jieba cuts it off and tags 率 a verb
    ("經濟部次長表示，新台幣升值對以美元報價、毛利率偏低的出口廠商衝擊最大。", "máolìlǜ", "máolì lǜ"),
    # a numeral character that begins a noun jieba knows whole, though it cut the numeral off
    ("成長動能高度集中在電子零組件，基本金屬、塑化及機械等傳產貨品出口多數仍呈衰退。", "língzǔjiàn", "líng zǔjiàn"),
    ("位於高雄岡山的一家螺絲廠負責人也坦言，報價一旦調漲就可能丟單。", "luósīchǎng", "luósī chǎng"),
    # a piece of jieba's holding a function word: 之 + 道 "way", never zhīdào "to know"
    ("他認為政府的融資協助可以紓解資金壓力，但根本之道仍是提高產品附加價值。", "gēnběn zhī dào", "zhīdào"),
    # a unit that is a word (千瓦 "kilowatt") is no numeral and measure word
    ("這座電廠新增的發電機組每台可發電五百千瓦，明年投入運轉。", "qiānwǎ", "qiān wǎ"),
    # a state company's abbreviation is one capitalised word (中储粮: 中 and a piece that is no word)
    ("据中储粮介绍，今年秋粮收购量有望增加。", "Zhōngchǔliáng", "zhōng chǔliáng"),
    # a district councillor after a place's name: the place apart, 区议员 one word (as 区议会, 市议员)
    ("深水埗區議員認為，重建方向正確，但當局不應只着眼於增加住宅供應。", "Shēnshuǐbù qūyìyuán", "Shēnshuǐbùqū"),
    # a parallel phrase whose half jieba's HMM glued is spelled apart (善|作善成) …
    ("既要敢于担当、勇于负责，又要善作善成、久久为功。", "shàn zuò shàn chéng", "zuòshànchéng"),
    # … but a term the HMM found stays one word (拓銷團 "trade mission")
    ("在市場拓展方面，將由外貿協會擴大辦理海外拓銷團。", "tuòxiāotuán", "tuò xiāo tuán"),
    # numbers jieba cut apart are one number: the 15th Five-Year Plan
    ("努力完成全年目标任务，为实现“十五五”良好开局打牢基础。", "shíwǔwǔ", "shíwǔ wǔ"),
    # a determiner, a numeral and a measure word jieba keeps as one set phrase
    ("肌肉質量平均每十年減少3%至8%，力量下降得更快。", "měi shí nián", "měishínián"),
    # 多 "more (often)" before the verb of a piece
    ("各级干部要多到群众中去，多到困难多的地方去。", "duō dào", "duōdào"),
    # 干事 after a modal or before 创业 is 干 "to do" and its object, not gànshi "an administrator"
    ("广大党员干部要把心思和精力用在干事创业上。", "gàn shì chuàngyè", "gànshi"),
    # an idiom jieba leaves as a piece stays whole
    ("進博會一年一度，從無到有、從有到優，越辦越好。", "cóngwúdàoyǒu", "cóng wúdào"),
])
def test_example_pinyin_is_spaced_by_words(text, good, bad, lexicon):
    from cardmaker.chinese.pinyin import spaced

    article = parse_article(f"標題\n{text}\n".encode(), "t.txt")
    _, chosen = _examples(article, lexicon)
    every = " | ".join("".join(sep + t for sep, t, _ in spaced(e.pinyin)) for e in chosen.values())
    assert good in every and bad not in every, every


def test_a_section_number_is_no_part_of_an_example(lexicon):
    text = "三、衰老如何影响肌肉干细胞\n过去人们普遍认为，肌肉衰老是一种无法逆转的自然过程。"
    grades = _grades(text, "影响", lexicon)
    assert "衰老如何影响肌肉干细胞" in grades and not any(g.startswith("三、") for g in grades), grades


def test_a_fronted_phrase_whose_clause_is_too_long_is_shown_with_its_start(lexicon):
    text = ("根據經濟部近期針對2000家製造業者所做的調查，約6成傳產業者表示匯率波動已侵蝕獲利，"
            "其中工具機、紡織、扣件及塑膠製品等產業受影響最深。")
    grades = _grades(text, "調查", lexicon)
    completed = [e for e, g in grades.items() if e.startswith("根據") and "，約6成" in e and e.endswith(ELLIPSIS)]
    assert completed and all(grades[e] == 1 for e in completed), grades   # a marked cut, not a frame alone


def test_a_speaker_before_a_comma_keeps_what_is_said_though_a_little_long(lexicon):
    """然而，…陳先生表示，| alone says nothing: with the clause it introduces the example is 44
    characters, a little past 40, which reads better than a speaker with nothing said."""
    text = "公園消息\n然而，每天清晨都到這個公園晨運多年的退休中學教師陳先生表示，情況已經明顯改善了許多。\n"
    from cardmaker.analysis.examples import _Context, candidates
    analysis = analyse(parse_article(text.encode(), "t.txt"), lexicon, Options())
    (w,) = [w for w in analysis.words if w.simplified == "然而"]
    context = _Context(analysis, lexicon, analysis.words)
    best = candidates(analysis, w, context)[0]   # before the spread over words of one sentence
    assert context.text[best[1]:best[2]].endswith("改善了許多。"), context.text[best[1]:best[2]]


@pytest.mark.parametrize("text, word, part, whole", [
    # 越…越: the second half alone (…也越大) says "the more" of nothing
    ("城市規模越大，交通管理的難度也越大。", "難度", "交通管理的難度也越大。", "城市規模越大，交通管理的難度也越大。"),
    # 一方面…另一方面: the first aim without the second
    ("當局一方面要控制通膨，另一方面要保障就業。", "當局", "當局一方面要控制通膨", "當局一方面要控制通膨，另一方面要保障就業。"),
    # 先有…後有: what came first without what came after
    ("這座港城先有鐵路貫通，後有碼頭擴建，工業才逐步發展。", "鐵路", "這座港城先有鐵路貫通", None),
])
def test_a_paired_construction_broken_by_the_window_is_a_flaw(text, word, part, whole, lexicon):
    grades = _grades(text, word, lexicon)
    assert grades[part] >= 1, grades
    if whole is not None:
        assert grades[whole] == 0, grades


def test_a_paired_construction_is_held_whole_though_a_little_long(lexicon):
    """骨骼肌…，不僅負責…，還參與…: the two halves in one example of 43 characters, not the first
    half alone (the pair needs its 還)."""
    text = "標題\n骨骼肌約佔成年人體重的四成左右，不僅負責行走、站立等日常動作，還參與醣類代謝和能量平衡。\n"
    analysis = analyse(parse_article(text.encode(), "t.txt"), lexicon, Options())
    (w,) = [w for w in analysis.words if w.simplified == "日常"]
    context = _Context(analysis, lexicon, analysis.words)
    best = candidates(analysis, w, context)[0]
    assert context.text[best[1]:best[2]].endswith("能量平衡。"), context.text[best[1]:best[2]]


def test_a_clause_opening_with_a_copula_takes_its_subject(lexicon):
    """…，是指…: 是 has its subject in the clause before; the run with it is preferred though a little
    past 40 characters, and the copula alone is no flawless example."""
    text = "標題\n碳足跡，是指一件產品從原料開採到運輸銷售的整個過程之中排放到大氣裡的溫室氣體總量。\n"
    analysis = analyse(parse_article(text.encode(), "t.txt"), lexicon, Options())
    (w,) = [w for w in analysis.words if w.simplified == "排放"]
    context = _Context(analysis, lexicon, analysis.words)
    options = candidates(analysis, w, context)
    assert context.text[options[0][1]:options[0][2]].startswith("碳足跡"), options[0]
    assert all(c[6] >= 1 for c in options if context.text[c[1]:c[2]].startswith("是")), options


def test_a_word_in_a_list_gets_the_list_whole_cut_before_it(lexicon):
    """擴建國民運動中心 is the middle item of a list: the example holds the whole list, cut where a
    phrase ends before its first item, rather than starting or stopping between two items."""
    text = ("標題\n市政府今年將在北區與南區分別興建兩座大型社會住宅、擴建國民運動中心、改善老舊社區排水系統，"
            "並增設公共托育中心。\n")
    analysis = analyse(parse_article(text.encode(), "t.txt"), lexicon, Options())
    (w,) = [w for w in analysis.words if w.simplified == "扩建"]
    context = _Context(analysis, lexicon, analysis.words)
    best = candidates(analysis, w, context)[0]
    start, end = best[1], best[2]
    assert context.text[start - 1] != "、" and context.text[end] != "、", context.text[start:end]


def test_a_laws_article_number_is_no_part_of_an_example(lexicon):
    # a law's text: each article opens with its number, glued to its first sentence
    text = ("军官法\n第二十九条在艰苦地区工作的军官向其他地区交流，按照有关规定执行。\n"
            "第三十条军官之间有夫妻关系的，不得在同一单位任职。\n"
            "第三十一条军官不得在其原籍所在地担任主官职务，但是本法第三十条规定的除外。\n")
    analysis = analyse(parse_article(text.encode(), "law.txt"), lexicon)
    chosen = choose_examples(analysis, analysis.words, lexicon)
    shown = {w.simplified: chosen[w.key].text for w in analysis.words if w.key in chosen}
    assert shown["艰苦"].startswith("在艰苦地区") and shown["夫妻"].startswith("军官之间")
    # only 条 itself, inside the number, may show it
    assert not any(re.match("第[二三]十[一]?条", e) for w, e in shown.items() if w != "条"), shown


def test_a_subject_is_not_an_example_without_its_predicate(lexicon):
    # the first clause is a noun phrase (…的…公司) and the verb comes after the comma
    text = "電力新聞\n絳縣城區的志信化工公司，利用炭黑尾氣發了電，多餘的電全部供給當地鄉村。\n"
    analysis, chosen = _examples(parse_article(text.encode(), "t.txt"), lexicon)
    shown = {w.simplified: chosen[w.key].text for w in analysis.words if w.key in chosen}
    assert shown["化工"].startswith("絳縣城區的志信化工公司，利用"), shown["化工"]


@pytest.mark.parametrize("text, good", [
    ("受監管（以下稱本辦法）", True),
    ("下同）的境外公司（以下稱中資公司", False),     # as many of each, in the wrong order
    ("他說：「好）。", False),
    ("「甲方」與『乙方』簽訂合約", True),
])
def test_brackets_and_quotes_close_in_order(text, good):
    from cardmaker.analysis.examples import banned

    assert (banned(text, 1) is None) == good


def test_no_example_starts_inside_a_bracket_and_ends_inside_the_next(lexicon):
    """在境外注冊、中資控股（包括中資為最大股東，下同）的境外上市公司（以下稱境外中資控股上市公司），…:
    the clause after the comma inside the first bracket is no example."""
    text = ("一、在境外注冊、中資控股（包括中資為最大股東，下同）的境外上市公司（以下稱境外中資控股上市公司），"
            "進行分拆上市、增發股份等活動，受當地證券監管機構監管。")
    analysis, chosen = _examples(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    from cardmaker.analysis.examples import _nested

    shown = [e.text for e in chosen.values()]
    assert shown and all(_nested(e) for e in shown), shown


def test_no_example_ends_on_a_modal_verb(lexicon):
    """A long clause is cut where a phrase ends, never between a modal and its verb (…單位應當…)."""
    text = ("境內企業或者中資控股股東的境內股權持有單位應當按照隸屬關係事先徵得省級人民政府或者國務院有關主管部門同意。"
            "各地區有關部門及其所屬事業單位的負責同志和具體經辦人員應當按照國務院的有關規定認真做好統計數據上報工作。")
    analysis, chosen = _examples(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    ends = [e.text for e in chosen.values() if re.search("(應當|應該|必須|可以)…$", e.text)]
    assert chosen and not ends, ends


def test_a_word_written_two_ways_takes_its_example_where_it_is_written_as_on_its_card(lexicon):
    """沖 "to dash against" and 衝 "to rush" are both 冲 chōng: the card writes the commoner here, and its
    example holds that form, not the other word."""
    text = ("低氣壓帶的積雨雲區就會形成雷雨區，雷雨區內容易出現下沖氣流，下沖氣流強度超過颱風。"
            "專家認為是「下沖氣流」作怪。他立即以棉被保護頭部往屋外衝，不知發生什麼事。")
    analysis, chosen = _examples(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    (word,) = [w for w in analysis.words if w.simplified == "冲"]
    assert word.traditional in chosen[word.key].text, (word.traditional, chosen[word.key].text)
    # the occurrences its example may come from are those written as on the card; all count
    assert {analysis.article.text[a:b] for a, b in word.spans} == {word.traditional} and word.count == 4


def test_a_clause_too_short_alone_after_a_long_one_takes_the_long_ones_end(lexicon):
    """…按照《…條例》等有關規定，給以處罰。: 給以處罰 alone is too short, the clause before too long to add
    whole; the example is the long clause from where a phrase of it begins, and the short one."""
    text = ("對當事單位和有關中介機構及責任人員由中國證監會按照《股票發行與交易管理暫行條例》等有關規定，給以處罰。")
    analysis, chosen = _examples(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    (word,) = [w for w in analysis.words if w.simplified == "处罚"]
    shown = chosen[word.key].text
    assert shown.startswith(ELLIPSIS) and shown.endswith("給以處罰。") and len(shown) <= LONG_MAX, shown


def test_a_sentence_too_short_alone_is_shown_with_its_neighbour(lexicon):
    """「你看！他出來了。」: 你看！ alone has too little besides 看; with the next sentence on its line it reads."""
    text = "樂迷的歡叫聲沸騰起來。身旁的霍金叫道︰「你看！他出來了。」"
    analysis, chosen = _examples(parse_article(f"標題\n{text}\n".encode(), "t.txt"), lexicon)
    (word,) = [w for w in analysis.words if w.simplified == "看"]
    assert "你看！他出來了" in chosen[word.key].text, chosen[word.key].text
