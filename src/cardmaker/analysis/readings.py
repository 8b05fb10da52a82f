"""The in-context reading of a word: pypinyin + a polyphone model + CC-CEDICT + the article's glosses.

pypinyin reads the word as segmented (its phrase table knows most polyphones
in words); single characters, names and words without a dictionary entry are
read by a polyphone model over the whole sentence instead (``polyphone``,
g2pM), which may only choose among the readings CC-CEDICT lists for the
character.  The reading is then tied to one dictionary entry so that pinyin and
meaning always come from the same entry.  Glosses are evidence, not truth:
they verify a reading, pick one of a word's dictionary readings, or are
reported as a conflict when they contradict its only one.
"""

from __future__ import annotations

import re

from cardmaker.chinese.script import HAN_RE as _HAN_RE, to_traditional
from cardmaker.chinese.syllables import agrees, char_readings
from cardmaker.chinese.syllables import normalise as _norm
from cardmaker.records import (CONFLICT, CORRECTED, NAME, TERM, UNGLOSSED, VERIFIED, Entry, Reading, ReadingChoice,
                               first_sense)

# jieba's tag for an intransitive verb: constructions gives it to 待 "to stay" (待在家, 待了三天)
STAYING = "vi"

# Single characters whose reading depends on their part of speech (jieba tags),
# where pypinyin, seeing one character, can only give the commonest reading.
_POS_READINGS = {
    ("为", "p"): "wei4", ("为", "v"): "wei2",
    ("得", "ud"): "de5", ("得", "v"): "de2",
    ("地", "uv"): "de5", ("地", "n"): "di4",
    ("着", "uz"): "zhe5", ("了", "ul"): "le5", ("了", "v"): "liao3",
    ("还", "d"): "hai2", ("还", "v"): "huan2",
    ("长", "a"): "chang2", ("长", "n"): "zhang3", ("长", "v"): "zhang3",
    ("行", "v"): "xing2", ("行", "n"): "hang2", ("行", "q"): "hang2",
    ("都", "d"): "dou1", ("都", "n"): "du1", ("都", "ns"): "du1",
    ("只", "d"): "zhi3", ("只", "q"): "zhi1", ("只", "m"): "zhi1",
    ("种", "q"): "zhong3", ("种", "n"): "zhong3", ("种", "v"): "zhong4",
    ("好", "a"): "hao3", ("好", "v"): "hao4",
    ("和", "c"): "he2", ("和", "p"): "he2",
    ("处", "n"): "chu4", ("处", "v"): "chu3",
    ("要", "v"): "yao4", ("要", "n"): "yao4",
    ("便", "d"): "bian4", ("便", "c"): "bian4",
    ("少", "a"): "shao3", ("少", "m"): "shao3",
    ("数", "v"): "shu3", ("数", "n"): "shu4", ("数", "m"): "shu4",
    ("更", "d"): "geng4", ("差", "a"): "cha4", ("累", "a"): "lei4", ("应", "v"): "ying1",
    ("大", "a"): "da4", ("看", "v"): "kan4", ("重", "a"): "zhong4", ("重", "d"): "chong2",
    ("当", "p"): "dang1", ("当", "v"): "dang1", ("号", "n"): "hao4", ("号", "m"): "hao4",
    ("没", "d"): "mei2", ("没", "v"): "mei2", ("传", "v"): "chuan2", ("传", "n"): "zhuan4",
    ("教", "v"): "jiao1", ("教", "n"): "jiao4", ("假", "n"): "jia4", ("假", "a"): "jia3",
    ("空", "a"): "kong1", ("空", "n"): "kong4", ("干", "v"): "gan4", ("干", "a"): "gan1",
    ("钉", "v"): "ding4", ("钉", "n"): "ding1",
    ("率", "n"): "lu:4", ("率", "v"): "shuai4", ("什", "r"): "shen2", ("曾", "d"): "ceng2",
    ("难", "a"): "nan2", ("难", "ad"): "nan2",  # 相当|难 "hard": nàn "disaster" is a noun (遇难, 难民)
    ("铺", "v"): "pu1", ("铺", "n"): "pu4",     # 铺|摊子 pū "to spread out"; a 铺 "shop, bed" is pù
    ("待", STAYING): "dai1",  # 待在家 dāi "to stay"; elsewhere (待人, 待解决 dài) the model reads it
    ("弄", "v"): "nong4",  # 弄出 "to make": the lane lòng is Shanghai's noun, never a verb
    # 藉 alone is 借 jiè "by means of" (藉配套 "by way of the package"); jí only in 狼藉, a word of its own
    ("藉", "zg"): "jie4", ("藉", "p"): "jie4", ("藉", "v"): "jie4",
}


# Words whose two dictionary readings are two parts of speech: 人家 the pronoun "others" is rénjia, the
# noun "household" rénjiā (constructions.py tags the pronoun: 讓|人家|知道)
_WORD_POS_READINGS = {("人家", "r"): ("ren2", "jia5"), ("人家", "n"): ("ren2", "jia1"),
                      ("端详", "v"): ("duan1", "xiang5")}  # 端詳許久 "to look over carefully", not "full details"


ATTRIBUTE = "b"  # jieba's tag for a word used only as an attribute: constructions gives it to 地方 in 地方政府


def guess(word: str, pos: str, lexicon) -> tuple[str, ...]:
    """pypinyin's reading of a segmented word, numbered with 5 for the neutral tone.

    A few common words take their reading from ``data/readings.tsv`` instead,
    where pypinyin's missing neutral tone would pick a rare dictionary entry
    (and, tagged ``ATTRIBUTE`` before a noun, the one the table gives there).
    """
    memo = lexicon.memo("guess")
    got = memo.get((word, pos))
    if got is None:
        got = memo.put((word, pos), _guess(word, pos, lexicon))
    return got


def _guess(word: str, pos: str, lexicon) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    if word in lexicon.default_readings:
        if pos == ATTRIBUTE and word in lexicon.attribute_readings:
            return lexicon.attribute_readings[word]
        return lexicon.default_readings[word]
    if (word, pos[:1]) in _WORD_POS_READINGS:
        return _WORD_POS_READINGS[word, pos[:1]]
    if len(word) == 1 and (word, pos[:2]) in _POS_READINGS:
        return (_POS_READINGS[word, pos[:2]],)
    if len(word) == 1 and (word, pos[:1]) in _POS_READINGS:
        return (_POS_READINGS[word, pos[:1]],)
    out = lazy_pinyin([word], style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: ["?"] * len(s))
    if len(out) != len(word):
        return tuple(["?"] * len(word))
    for i, reading in _inside(word, lexicon):
        out[i] = reading
    return tuple(out)


def _inside(word: str, lexicon) -> list[tuple[int, str]]:
    """Readings a word CC-CEDICT lacks (an article term, a fragment) takes from its parts, which
    pypinyin's phrase guess and the model miss: an adjective before a noun of its own (长|时间
    cháng, 肌|少|症 shǎo, 空|房 kōng, not zhǎng shíjiān, jī shào zhèng), a verb after 所 (所|处
    suǒchǔ "where it is", not suǒchù), and a first character that governs the rest (``_BEFORE_VERB``,
    ``_beneficiary``), and a suffix after a word (毛利|率 lǜ)."""
    if len(word) < 2 or lexicon.entries(word):
        return []
    out = _pieces(word, lexicon)
    out += [(i, _POS_READINGS[word[i], "a"]) for i in range(len(word) - 1)
           if (word[i], "a") in _POS_READINGS and _noun_after(word[i + 1:], lexicon)]
    out += [(i, _POS_READINGS[word[i], "v"]) for i in range(1, len(word))
            if word[i - 1] == "所" and (word[i], "v") in _POS_READINGS]
    if word[0] == "为" and _beneficiary(word[1:], lexicon):
        out.append((0, "wei4"))
    if word[0] in _BEFORE_VERB and _verb_after(word[1:], lexicon):
        out.append((0, _BEFORE_VERB[word[0]]))
    if len(word) > 2 and word[-1] in _SUFFIX_READINGS and lexicon.is_word(word[:-1]):
        out.append((len(word) - 1, _SUFFIX_READINGS[word[-1]]))  # 毛利|率 máolìlǜ "gross margin", 年增|率
    if word[0] == "率" and len(word) == 2:
        out.append((0, "shuai4"))  # 率|团, 率|队: 率 before whom it leads is shuài "to lead" (市长率团访问)
    if word[-1] == "倒":
        out.append((len(word) - 1, "dao3"))  # 吹|倒 chuīdǎo "to blow over", 树|倒: 倒 after its verb or subject falls
    if word[-1] == "长" and _organisation(word[:-1], lexicon):
        out.append((len(word) - 1, "zhang3"))  # 馆|长 guǎnzhǎng "curator", 支队|长: the head of it
    return out


# what a body's head is the head of: 长 after it is zhǎng "chief", not cháng "long" (体长 tǐcháng "body
# length" is a measure of a thing)
_ORGANISATIONS = frozenset("office bureau team squad army brigade association society company establishment "
                           "establishments station department corps division committee council club school "
                           "factory institute museum library agency ministry detachment battalion regiment "
                           "platoon squadron fleet union league federation court parliament assembly foundation "
                           "branch".split())


def _organisation(before: str, lexicon) -> bool:
    """``before`` names a body of people (a museum, a detachment, a bureau): by its own senses, or,
    with none, by its last character's."""
    entries = lexicon.entries(before) or (lexicon.entries(before[-1]) if len(before) > 1 else ())
    return any(w in _ORGANISATIONS for e in entries if not (e.proper or e.variant_only or e.surname_only)
               for sense in e.senses for w in re.findall(r"[a-z]+", sense.lower()))


def _pieces(word: str, lexicon) -> list[tuple[int, str]]:
    """The readings of the dictionary words of two or more characters inside ``word``, longest
    first from the left, where the word has one reading only: 露宿|者 lùsùzhě (露宿 lu4 su4), not
    pypinyin's lùxiùzhě."""
    out, at = [], 0
    while at < len(word) - 1:
        for end in range(len(word), at + 1, -1):
            readings = {e.pinyin.lower() for e in lexicon.entries(word[at:end]) if not e.variant_only}
            if len(readings) == 1:
                out += [(at + k, syl) for k, syl in enumerate(next(iter(readings)).split())]
                at = end
                break
            if readings:
                at = end  # a word of several readings: the guess decides
                break
        else:
            at += 1
    return out


# a suffix after a word of its own reads as the suffix: 率 lǜ "rate", not shuài "to lead"
_SUFFIX_READINGS = {"率": "lu:4"}


# a first character whose reading says how it takes the rest: 倒 before a verb is "in reverse"
# (倒|排 dào pái "to schedule backwards"); 为 before those it serves is "for" (``_beneficiary``)
_BEFORE_VERB = {"倒": "dao4", "难": "nan2"}  # 难|逢 nán "hard to meet", not nàn "disaster"
_SERVED = frozenset("people nation country state public masses citizens citizen person persons populace".split())


def _beneficiary(rest: str, lexicon) -> bool:
    """``rest`` names people or a country, whom 为 wèi "for" serves (为|民, 为|国); not a deed, which
    为 wéi achieves (久久|为|功 "persistence succeeds")."""
    from cardmaker.analysis import english

    first = next((x for e in lexicon.entries(rest) if not (e.variant_only or e.surname_only or e.proper)
                  for x in e.senses), "")
    return bool(_SERVED & set(english.WORD_RE.findall(first.lower())))


def _verb_after(rest: str, lexicon) -> bool:
    """``rest`` is a verb by jieba's dictionary (排, 推, 挂), or a bound character (zg) whose first
    CC-CEDICT sense is a verb's (逢 "to meet by chance")."""
    _, tag = lexicon.jieba_entries(rest).get(rest, (0, ""))
    return tag.startswith("v") or tag == "zg" and len(rest) == 1 and first_sense(lexicon.entries(rest)).startswith("to ")


def _noun_after(rest: str, lexicon) -> bool:
    """``rest`` is a noun: jieba's dictionary tags it one (时间, 房, 距离; not 高, 跑: 长高 is zhǎng
    gāo), or a bound noun whose first sense CC-CEDICT gives as a noun alone (症 "disease")."""
    from cardmaker.analysis import english

    _, tag = lexicon.jieba_entries(rest).get(rest, (0, ""))
    if tag.startswith("n"):
        return True
    first = next((s for e in lexicon.entries(rest) if not (e.variant_only or e.surname_only or e.proper)
                  for s in e.senses), None)
    classes = english.parse(first, lexicon.english).classes if first and tag.startswith(("zg", "k")) else set()
    return english.N in classes and classes <= {english.N, english.UNIT}


_CLAUSE_END = frozenset("，,。；;：:！!？?、（）()「」“”\n")


# nouns of jieba's dictionary that are verbs before 为 (命名为 "named as")
_NAMING = frozenset("命名 更名 改名 定名 取名 正名 冠名 署名".split())
# verbs whose object is a clause or a verb phrase: a 为 after them begins it (认为|为民服务, 坚持|为人民)
_CLAUSE_VERBS = frozenset("表示 认为 觉得 希望 指出 强调 要求 决定 愿意 提出 号召 呼吁 主张 坚持 努力 致力 继续 开始 "
                          "准备 打算 应该 想要 需要 值得 能够 可以 必须 应当 得以 旨在".split())


# adverbs after which 为 is the copula wéi "to be" (人口均为, 分别为, 原为, 实为); 也, 多, 仍 are left
# out, as 也为我们提供 and 多为群众办实事 are wèi "for"
_COPULA_ADVERBS = frozenset("均 皆 即 乃 实 原 分别 大多 大都".split())


# a direction word after a verb (叠加|起来, 拿|出来): its tag here, read as the complement (``_rank``)
COMPLEMENT = "vcomplement"
_DIRECTIONALS = frozenset("起来 出来 下来 上来 过来 回来 进来 下去 出去 过去 上去 回去 进去 开来".split())
_COMPLEMENT_SENSES = ("(after a verb", "(after verb", "(verb complement", "(directional complement",
                      "(as a resultative verb suffix")


def context_pos(tokens, index: int, text: str) -> str:
    """A token's part of speech where its neighbours tell more than jieba's tag: 为 after a verb
    (转化为, 命名为), after an adverb of scope (均为, 分别为) or in 以…为… is the verb wéi "to be, as",
    not the preposition wèi "for"; 地 after 等 (北京、上海等地) is the noun dì "place", not the
    adverbial particle de."""
    t = tokens[index]
    if t.text == "率":
        return _rate_or_lead(tokens, index)
    prev = tokens[index - 1] if index else None
    # (after an adjective too: 聪明|起来 "to begin to grow wise", 冷|下来 "to cool down")
    if t.text in _DIRECTIONALS and prev is not None and prev.end == t.start and prev.pos.startswith(("v", "a")):
        return COMPLEMENT  # 叠加|起来 qǐlai: the complement's entry, not 起来 qǐlái "to stand up"
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if t.text == "曾" and nxt is not None and nxt.start == t.end and nxt.pos[:1] in ("v", "d", "p"):
        return "d"  # 過去|曾|在…, 是否|曾|到過: the adverb céng "once", not the surname Zēng
    if (t.text == "为" and t.pos.startswith("p") and nxt is not None and nxt.pos == "r" and index + 2 < len(tokens)
            and tokens[index + 2].pos.startswith("v")):
        return t.pos  # 安排|为|他们|注射: wèi "for" the ones the act serves, though a verb is before it
    if t.text == "什" and prev is not None and prev.end == t.start and prev.text in ("没", "没有"):
        return "r"  # 沒什|感覺 (沒什麼 without its 麼, as Hong Kong speech writes it): shén "what", not shí "ten"
    if t.text == "不了" and prev is not None and prev.end == t.start and _HAN_RE.search(prev.text):
        return COMPLEMENT  # 收|不了, 下|不了|地 bù liǎo "unable to"; only alone is it bù le "no thanks"
    if t.text == "地" and t.pos.startswith("u") and prev is not None and prev.text in ("等", "等等"):
        return "n"
    if t.text == "地" and t.pos.startswith("u") and (index + 1 == len(tokens)
                                                    or not _HAN_RE.search(tokens[index + 1].text)):
        return "n"  # 下不了|地。: the particle de comes before the verb it modifies, never before a stop
    if t.text != "为" or not t.pos.startswith("p"):
        return t.pos
    if (prev is not None and prev.end == t.start and (prev.pos.startswith("v") or prev.text in _NAMING)
            and len(prev.text) > 1 and prev.text[-1] != "为" and prev.text not in _CLAUSE_VERBS):
        return "v"
    if prev is not None and prev.end == t.start and prev.text in _COPULA_ADVERBS:
        return "v"
    if nxt is not None and nxt.pos.startswith("m") and not _verb_follows(tokens, index + 1, text):
        return "v"  # 总值|为|8.9万亿元，, 周期|为|3000余年: wéi "to be, amount to" a quantity
    for j in range(index - 1, max(-1, index - 12), -1):
        u = tokens[j]
        if any(c in _CLAUSE_END for c in text[u.start:u.end]):
            break
        if u.text == "以":
            return "v"
    return t.pos


def _verb_follows(tokens, index: int, text: str) -> bool:
    """A verb comes after ``index`` in the same clause (为|2000家企业|提供: wèi "for" them)."""
    for u in tokens[index:index + 12]:
        if any(c in _CLAUSE_END for c in text[u.start:u.end]):
            return False
        if u.pos.startswith("v"):
            return True
    return False


def _rate_or_lead(tokens, index: int) -> str:
    """率 glued to the word before it and not taking an object is the suffix lǜ "rate" (毛利|率|下滑,
    年增|率, 通货膨胀|率, a set phrase's rate); before a noun it is the verb shuài "to lead" (市长|率|团)."""
    t = tokens[index]
    prev = tokens[index - 1] if index else None
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    glued = prev is not None and prev.end == t.start and len(prev.text) >= 2 and prev.pos[:1] in ("n", "v", "a", "l", "j")
    if glued and not (nxt is not None and nxt.start == t.end and nxt.pos.startswith(("n", "r"))):
        return "n"
    return "v"


def ruled(word: str, pos: str, lexicon) -> bool:
    """A rule of ours, not pypinyin's default, gives ``word``'s reading (``data/readings.tsv``, a
    single character's reading by its part of speech, or an article term's parts: ``_inside``)."""
    return word in lexicon.default_readings or len(word) == 1 and (
        (word, pos[:2]) in _POS_READINGS or (word, pos[:1]) in _POS_READINGS) or bool(_inside(word, lexicon))


def wants_model(token, entries) -> bool:
    """The polyphone model reads this token: a single character, a name, an article term or a word
    without a dictionary entry of its length.  A word CC-CEDICT has keeps its entry's reading (the
    model is weaker inside words: 觉得 de2, 睡觉 jue2)."""
    if len(token.text) == 1 or token.kind in (NAME, TERM):
        return True
    readings = {e.pinyin.lower() for e in entries if len(e.syllables) == len(token.text)}
    return len(readings) != 1


def allowed_readings(char: str, written: str, lexicon, lone: bool = False) -> tuple[str, ...]:
    """The readings CC-CEDICT lists for the character ``char`` (simplified), lower-case ("lu:4"):
    those of the article's own character ``written`` when it is one of several traditional forms
    (乾 gān or qián, never 幹 gàn).  Surname, proper-noun and variant readings count (佛 Fó "Buddha",
    翟 Zhái in a name the segmenter missed, 仔 zǎi); a ``lone`` character (a one-character word)
    is not given a reading it has only inside other words (卜 bo5 "see 萝卜")."""
    memo = lexicon.memo("allowed")
    key = (char, written, lone)
    got = memo.get(key)
    if got is not None:
        return got
    entries = [e for e in lexicon.entries(char) if len(e.syllables) == 1 and e.simplified == char]
    if written != char:
        entries = [e for e in entries if e.traditional == written] or entries
    if lone:
        entries = [e for e in entries if not e.bound_only] or entries
    return memo.put(key, tuple(dict.fromkeys(e.pinyin.lower() for e in entries)))


def model_readings(simplified: str, text: str, tokens, sentences, entries_of, lexicon) -> dict[int, str]:
    """Offset → the polyphone model's reading of each character whose token ``wants_model`` and
    that CC-CEDICT reads more than one way, read in its sentence (``sentences``: (start, end)
    pairs of the text; characters outside them are not read).  ``entries_of(token)`` gives the
    token's dictionary entries."""
    from cardmaker.analysis import polyphone

    wanted: dict[int, tuple[str, ...]] = {}
    for t in tokens:
        if not wants_model(t, entries_of(t)):
            continue
        for i in range(t.start, t.end):
            known = polyphone.readings(simplified[i])
            if not known:
                continue
            allowed = tuple(r for r in allowed_readings(simplified[i], text[i], lexicon, len(t.text) == 1)
                            if r in known)
            if len(allowed) > 1:
                wanted[i] = allowed
    if not wanted:
        return {}
    places = sorted(wanted)
    spans, asks, k = [], [], 0
    for a, b in sentences:
        while k < len(places) and places[k] < a:
            k += 1
        ask = []
        while k < len(places) and places[k] < b:
            ask.append((places[k] - a, wanted[places[k]]))
            k += 1
        if ask:
            spans.append((a, b))
            asks.append(ask)
    answers = polyphone.read([simplified[a:b] for a, b in spans], asks)
    return {a + i: r for (a, _), got in zip(spans, answers) for i, r in got.items()}


def _surname(char: str, default: str, lexicon) -> tuple[str]:
    """The reading of ``char`` as a surname (翟 zhai2, 单 shan4), if the dictionary has one."""
    for e in lexicon.entries(char):
        if e.proper and any(s.lower().startswith("surname") for s in e.senses) and len(e.syllables) == 1:
            return (e.pinyin.lower(),)
    return (default,)


def _free_reading(char: str, guessed: str, lexicon) -> str:
    """A character's reading in a word the dictionary lacks.

    pypinyin's guess stands unless the dictionary says that reading occurs only in
    other words (琢 zuo2 "used in 琢磨") or does not list it at all (掺 can4);
    then the character's first free-standing reading is taken.
    """
    entries = [e for e in lexicon.entries(char) if len(e.syllables) == 1 and not e.variant_only]
    if not entries:
        return guessed
    g = _norm(guessed)
    for e in entries:
        r = _norm(e.pinyin)
        if agrees(char, g, r) and (g.tone == r.tone or 5 in (g.tone, r.tone)):
            return guessed
    free = [e for e in entries if not (e.proper or e.surname_only)] or entries
    return free[0].pinyin.lower()


def _matches(word: str, syllables, readings) -> tuple[int, int]:
    """(syllables agreeing in full, syllables agreeing in base) between two readings."""
    if len(syllables) != len(readings):
        return (-1, -1)
    full = base = 0
    for ch, a, b in zip(word, syllables, readings):
        ra, rb = _norm(a), _norm(b)
        full += ra == rb or agrees(ch, ra, rb) and ra.tone == rb.tone
        base += ra.base == rb.base
    return full, base


def _rank(entry: Entry, word: str, span: str, guessed, pos: str = "") -> tuple:
    full, base = _matches(word, entry.syllables, guessed)
    single = len(word) == 1
    return (
        # the article's own traditional character decides between the words a simplified form stands
        # for (乾 "dry" or 幹 "to do" for 干, 後 or 后, 髮 or 發)
        span == word or entry.traditional == span,
        # a direction after a verb is its complement: the entry that says so (起来 qi5 lai5 "(after a
        # verb) indicating the beginning …"), where the word has one
        pos != COMPLEMENT or any(x.startswith(_COMPLEMENT_SENSES) for x in entry.senses),
        # a lone character is not read as it is only inside other words (卜 bo5 "see 萝卜")
        not single or not entry.bound_only,
        not single or not pos.startswith("q") or any("classifier" in s for s in entry.senses),
        base == len(word),
        full,
        base,
        entry.traditional == span,
    )


def _tie_break(entry: Entry, form: str | None) -> tuple:
    return (
        # the form the context calls for (OpenCC's reading of a simplified article: 审核后 → 後), or the
        # usual one, when the article leaked a simplified character (并 → 並)
        form is None or entry.traditional == form,
        # a word is no surname: a variant's reading (邨 cūn "village", variant of 村) before Cūn "surname Cun"
        not entry.surname_only,
        not entry.variant_only,
        not entry.proper,
        len(entry.senses),
    )


def _best(entries, word: str, span: str, guessed, pos: str, hint: str | None = None) -> Entry:
    """The entry ranked first; among tied ones, the one written ``hint`` (the traditional form
    the context calls for), else the usual traditional form of the word."""
    ranked = [(_rank(e, word, span, guessed, pos), e) for e in entries]
    top = max(r for r, _ in ranked)
    tied = [e for r, e in ranked if r == top]
    if len(tied) == 1:
        return tied[0]
    if len({e.traditional for e in tied}) == 1:
        return max(tied, key=lambda e: _tie_break(e, None))  # one written form: nothing to convert
    return max(tied, key=lambda e: _tie_break(e, hint or to_traditional(word)))


def choose(word: str, span: str, pos: str, entries, glosses, lexicon, hint: str | None = None,
           model=None) -> ReadingChoice:
    """Reading of ``word`` (simplified) at one place whose text is ``span`` (the article's own).

    ``entries`` are the word's dictionary entries; ``glosses`` holds, for each
    character, the tuple of gloss readings written after it there (or empty),
    or is empty itself when no character of the word is glossed.  In a
    simplified article, ``hint`` is the traditional form OpenCC reads the
    place as (审核后 → 後): evidence for choosing between entries that tie.
    ``model`` holds the polyphone model's reading of each character there (or
    None where it did not read one): it replaces pypinyin's guess, and where
    one of our rules said otherwise the choice is ``disputed``.
    """
    model = tuple(model) if model and any(model) else None
    if any(glosses):
        return _choose(word, span, pos, entries, glosses, lexicon, hint, model)
    # The common case, the same everywhere the word is unglossed: remembered per
    # (word, span, pos, hint, model) for these very entries (the dictionary hands out one tuple per word).
    memo = lexicon.memo("unglossed")
    key = (word, span, pos, hint, model)
    got = memo.get(key)
    if got is not None and got[0] is entries:
        return got[1]
    choice = _choose(word, span, pos, entries, [()] * len(word), lexicon, hint, model)
    memo.put(key, (entries, choice))
    return choice


def own_characters(word: str, span: str, syllables: tuple, lexicon) -> tuple:
    """``syllables`` of ``word`` with each of the article's own traditional characters read as that
    character reads: 豬隻 zhūzhī, 隻 being only zhī, though pypinyin reads its simplified 只 zhǐ."""
    if span == word:
        return syllables
    memo = lexicon.memo("own_characters")  # asked of every token of a traditional article
    key = (word, span, syllables)
    got = memo.get(key)
    if got is None:
        got = memo.put(key, _own_characters(word, span, syllables, lexicon))
    return got


def _own_characters(word: str, span: str, syllables: tuple, lexicon) -> tuple:
    out = None
    for i, (s, t) in enumerate(zip(word, span)):
        if s == t or i >= len(syllables):
            continue
        own = {e.pinyin.lower() for e in lexicon.entries(s) if e.traditional == t and len(e.syllables) == 1
               and not e.variant_only}
        if len(own) == 1 and _norm(syllables[i]) not in {_norm(r) for r in own} and not _neutral_of(syllables[i], own):
            out = out or list(syllables)
            out[i] = next(iter(own))
    return syllables if out is None else tuple(out)


def _erhua(word: str, lexicon) -> bool:
    """板儿 (看板兒 "poster child"): 儿 after a word, in a word no dictionary has, is the suffix r of
    erhua (bǎnr, as CC-CEDICT reads 一点儿 yi1 dian3 r5), not er2 "child": unless the dictionary has
    the two last characters as a word of 儿 "child" (女儿, 婴儿)."""
    if len(word) < 2 or word[-1] != "儿" or not lexicon.is_word(word[:-1]):
        return False
    return not any(e.syllables[-1][:-1].lower() == "er" for e in lexicon.entries(word[-2:]) if len(e.syllables) == 2)


def _neutral_of(syllable: str, readings) -> bool:
    """A neutral tone of one of ``readings`` (這個 zhè ge: 個 alone is gè, in the word it is light)."""
    return syllable[-1:] == "5" and any(syllable[:-1].lower() == r[:-1].lower() for r in readings)


def _choose(word: str, span: str, pos: str, entries, glosses, lexicon, hint=None, model=None) -> ReadingChoice:
    guessed = guess(word, pos, lexicon)
    if not any(len(e.syllables) == len(word) for e in entries):
        guessed = own_characters(word, span, guessed, lexicon)
    disputed = False
    read = (None,) * len(word)                   # the model's readings that stand
    if model is not None:
        # Our rules (a character's reading by its part of speech, data/readings.tsv) win where they
        # apply: on everyday text the model, trained on encyclopaedia sentences, reads 跑得快 dé,
        # 被动地 dì, 长时间 zhǎng; where it disagrees with them the choice is only flagged.
        if ruled(word, pos, lexicon):
            # a word of data/readings.tsv is settled there; a reading by part of speech is worth a look
            disputed = word not in lexicon.default_readings and any(
                m is not None and _norm(m) != _norm(g) for m, g in zip(model, guessed))
        else:
            read = model
            model_guess = tuple(m or g for m, g in zip(model, guessed))
            # a word without an entry (an article term: 调涨, 肌少症) that pypinyin's phrase table
            # reads otherwise has no third witness: the model's reading stands, flagged
            disputed = (not pos.startswith("nr") and not any(len(e.syllables) == len(word) for e in entries)
                        and any(_norm(m) != _norm(g) for m, g in zip(model_guess, guessed)))
            guessed = model_guess
    if pos.startswith("nr") and not any(e.proper for e in entries) and not (model and model[0]):
        # a surname's reading (单 Shàn), unless the model read the character in its sentence
        guessed = _surname(word[0], guessed[0], lexicon) + guessed[1:]
    entries = [e for e in entries if len(e.syllables) == len(word)]
    if entries:
        best = _best(entries, word, span, guessed, pos, hint)
        syllables = best.syllables
    else:
        # the model's reading is already one of the character's own (莎 suo1 in 莎草科)
        best, syllables = None, tuple(m or _free_reading(c, g, lexicon) for c, g, m in zip(word, guessed, read))
        if _erhua(word, lexicon):
            syllables = syllables[:-1] + ("r5",)
    glossed = [(i, g) for i, g in enumerate(glosses) if g]
    if not glossed:
        return ReadingChoice(syllables, best, UNGLOSSED, disputed)

    def fits(sylls) -> bool:
        return all(any(agrees(word[i], r, _norm(sylls[i])) for r in g) for i, g in glossed)

    if fits(syllables):
        return ReadingChoice(syllables, best, VERIFIED)
    if entries:
        fitting = [e for e in entries if fits(e.syllables)]
        if fitting:
            pick = _best(fitting, word, span, guessed, pos, hint)
            return ReadingChoice(pick.syllables, pick, CORRECTED)
        return ReadingChoice(syllables, best, CONFLICT, disputed)
    # No entry: the characters' own readings are the dictionary readings.
    fixed = list(syllables)
    for i, g in glossed:
        own = char_readings(span[i]) or char_readings(word[i])
        pick = next((o for r in g for o in own if agrees(word[i], r, o) and r.tone in (None, o.tone)), None)
        if pick is None:
            return ReadingChoice(syllables, None, CONFLICT)
        if not agrees(word[i], pick, _norm(fixed[i])):
            fixed[i] = str(Reading(pick.base, pick.tone or 5))
    status = CORRECTED if tuple(fixed) != tuple(syllables) else VERIFIED
    return ReadingChoice(tuple(fixed), None, status)
