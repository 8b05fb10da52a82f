"""An example's pinyin: its tokens spelled word by word, the way GB/T 16159 writes a sentence.

Each token of the article is spelled in its reading there (readings of the vocabulary stage);
a numeral or determiner apart from its measure word (yī zé, zhè zhǒng), a long word made of two
words as two (zhōngxiǎo qǐyè), a piece of jieba's apart around its function words (zhī dào), a name
the way names are written, a noun's bound suffix on to its word (máolìlǜ) and an administrative
unit after a place's name capitalised (Huālián Xiàn).  Words jieba cuts off from a bound
first character (零|組件, 資|通訊) are not joined: that is the segmenter's to fix.
Made for an example's tokens only, never for all of a long article's.
"""

from __future__ import annotations

import re

from cardmaker.analysis.places import PLACE_UNITS, ROADS

from cardmaker.chinese.pinyin import joined, joined_name
from cardmaker.chinese.script import HAN_RE as _HAN_RE
from cardmaker.records import FRAGMENT, NAME, NUMBER, TERM, WORD, Word


_ZHUYIN_RE = re.compile("^[\u3100-\u312f\u31a0-\u31bfˊˇˋ˙]+$")
_LATIN_RE = re.compile("^[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+$")


def example_pinyin(analysis, lexicon, i: int, j: int, word: Word) -> tuple:
    """(pinyin or other text, is the word) for tokens ``i``..``j``; the word in its own reading."""
    tokens = analysis.tokens
    out = spelled(analysis, lexicon, i, j)
    for k in range(i, j):
        if tokens[k].text == word.simplified:  # the word, wherever it occurs in the example
            # as spelled there when it is the same reading (Huālián Xiàn's unit, zhōngxiǎo qǐyè's parts)
            here = out[k - i][0]
            same = here.replace(" ", "").lower() == word.pinyin.replace(" ", "").lower()
            out[k - i] = (here if same else word.pinyin, True, *out[k - i][2:])
    for k in reversed(range(i, j)):
        t = tokens[k]
        inside = t.kind == NUMBER and next(((a, b) for a, b in word.spans if t.start <= a and b <= t.end
                                            and (a, b) != (t.start, t.end)), None)
        if inside and len(analysis.readings.get(t.start, ())) == len(t.text):
            out[k - i:k - i + 1] = _number_pieces(t, analysis.readings[t.start], *inside, out[k - i])
    return tuple(out)


def _number_pieces(t, syllables, a: int, b: int, spelled: tuple) -> list[tuple]:
    """A number's pinyin in pieces, the word inside it (万 of 两万, 亿 of 一亿五千万) marked: written
    as one run as before, the word's syllables apart only in their highlight."""
    cut = (a - t.start, b - t.start)
    pieces = [(joined(syllables[x:y]), x == cut[0]) for x, y in
              zip((0, *cut), (*cut, len(syllables))) if x < y]
    return [(*pieces[0], *spelled[2:])] + [(text, flag, True) for text, flag in pieces[1:]]


def spelled(analysis, lexicon, i: int, j: int) -> list[tuple]:
    """The pinyin of tokens ``i``..``j`` as they read in the article (their own text when they have
    none); a piece (text, False, True) is written on to the piece before it."""
    readings, text, tokens = analysis.readings, analysis.article.text, analysis.tokens
    out = [
        (_spelled_name(readings[t.start]) if t.kind == NAME else _word(t, readings[t.start], lexicon), False)
        if t.start in readings else (text[t.start:t.end], False)
        for t in tokens[i:j]
    ]
    for k in range(max(i, 1), j):
        if tokens[k - 1].end == tokens[k].start and _ZHUYIN_RE.match(tokens[k - 1].text) and _ZHUYIN_RE.match(tokens[k].text):
            out[k - i] = (*out[k - i], True)  # ㄅㄧㄢˋ: zhuyin the article writes is one run, as written
            continue
        if tokens[k - 1].end == tokens[k].start and _LATIN_RE.match(tokens[k - 1].text) and _LATIN_RE.match(tokens[k].text):
            out[k - i] = (*out[k - i], True)  # Ｒｉｃｈａｒｄ: full-width letters jieba cut one by one, as written
            continue
        if tokens[k - 1].start not in readings:
            continue
        if _place_unit(tokens[k - 1], tokens[k], out[k - i - 1][0] if k > i else ""):
            out[k - i] = (out[k - i][0][:1].upper() + out[k - i][0][1:], False)
        elif (_bound_suffix(tokens[k - 1], tokens[k], readings.get(tokens[k].start, ()))
              or _bound_numeral(tokens[k - 1], tokens[k], lexicon) or _numeral_run(tokens[k - 1], tokens[k])):
            out[k - i] = (*out[k - i], True)
    return out


def _word(t, syllables, lexicon) -> str:
    """A word's pinyin, cut where GB/T 16159 writes its parts apart: a numeral or a determiner and
    its measure word (yī zhǒng, zhè cì), a long word made of two words (zhōngxiǎo qǐyè, réngōng
    zhìhuì), a piece of jieba's holding a function word (根本|之道: zhī dào, not zhīdào)."""
    syllables = tuple(syllables)
    if len(syllables) != len(t.text) or len(t.text) < 2:
        return joined(syllables)
    memo = lexicon.memo("spelled_word")
    key = (t.text, t.kind, t.pos, syllables)
    got = memo.get(key)
    if got is None:
        cuts = _counted(t, lexicon) or _two_words(t, syllables, lexicon) or _function_pieces(t, lexicon)
        got = memo.put(key, " ".join(joined(syllables[a:b]) for a, b in zip((0, *cuts), (*cuts, len(t.text)))))
    return got


# GB/T 16159 6.1.5: a numeral and its measure word are written apart (liǎng gè, yī zhǒng, duō nián);
# so are 这 那 哪 每 各 某 本 该 and the measure word after them (zhè cì, měi nián, gè lèi, běn jiè),
# but for 这些 zhèxiē, 那么 nàme, 这样, 这里, 这边, 这会儿, 这个 zhège
_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几多数")
_DETERMINERS = frozenset("这那哪每各某本该")
_WITH_DETERMINER = frozenset("些么样般里边会儿个")


def _counted(t, lexicon) -> tuple[int, ...]:
    """Where a numeral (or determiner) + measure word token is cut; () for a word of its own: a word
    HSK lists (一些, 一起, 一下, 十分) or lists with 儿 (一点儿), or one jieba tags as no numeral (一定)."""
    text = t.text
    if t.kind == NAME or not t.pos.startswith(("m", "q", "r")) or lexicon.hsk_level(text) \
            or lexicon.hsk_level(text + "儿"):
        return ()
    if text[0] in _DETERMINERS:
        head = 1
        if text[0] in "这那哪" and text[1] in _WITH_DETERMINER:
            return ()
    else:
        head = 1 if text[0] == "第" else 0  # 第一次: dìyī cì
        while head < len(text) and text[head] in _NUMERALS:
            head += 1
        if head == 0 or text[:head] == "第":
            return ()
    tail = text[head:]
    return (head,) if tail and _measure_word(tail, lexicon) and not _unit(text, lexicon) else ()


_METRIC = ("kilo", "mega", "giga", "milli", "centi", "micro")


def _unit(word: str, lexicon) -> bool:
    """A unit of its own, one word (千米 qiānmǐ, 千瓦 qiānwǎ "kilowatt"): jieba tags it a measure word or
    CC-CEDICT says it is a unit."""
    tag = lexicon.jieba_entries(word).get(word)
    return bool(tag and tag[1] == "q") or any(
        s.startswith(_METRIC) or "(unit" in s for e in lexicon.entries(word) for s in e.senses)


def _measure_word(word: str, lexicon) -> bool:
    """A measure word: jieba tags it one (天 q, 年 m) or CC-CEDICT gives it a sense "classifier for …"
    (届, 组); an old use (文 "(old) classifier for coins") does not count: 本文 is one word."""
    if all(c in _NUMERALS for c in word):
        return False
    tag = lexicon.jieba_entries(word).get(word)
    return bool(tag and tag[0] and tag[1] in ("q", "m")) or any(
        s.startswith("classifier") for e in lexicon.entries(word) for s in e.senses)  # not "(old) classifier"


def _two_words(t, syllables, lexicon) -> tuple[int, ...]:
    """Where a word of four or more characters is cut into two of its words (GB/T 16159 writes a long
    name by its words: zhīshi chǎnquán, wúfèng gāngguǎn); () for an idiom (一成不变), a doubling
    (气喘吁吁) or a proper noun read as one (its capitals space it: Shìjiè Màoyì Zǔzhī; 中央银行 read
    zhōngyāng yínháng is a common noun, whatever else CC-CEDICT has under it).  The tail is a dictionary word; the head may be a bound form
    jieba's dictionary has (中小 in 中小企业, 有氧 in 有氧运动) when the whole is a dictionary word."""
    word = t.text
    if (t.kind not in (WORD, TERM) or len(word) < 4 or t.pos.startswith("i")
            or any(a == b for a, b in zip(word, word[1:]))):
        return ()
    entries = lexicon.entries(word)
    if any(s[:1].isupper() for s in syllables) or any(
            "idiom" in s or "saying" in s or "proverb" in s for e in entries for s in e.senses):
        return ()
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if _free_word(tail, lexicon) and (_free_word(head, lexicon) or (entries and _bound_form(head, lexicon))):
            return (cut,)
    return ()


def _free_word(word: str, lexicon) -> bool:
    return any(not (e.proper or e.variant_only or e.surname_only) for e in lexicon.entries(word))


def _bound_form(word: str, lexicon) -> bool:
    tag = lexicon.jieba_entries(word).get(word)
    return bool(tag and tag[0] and not tag[1].startswith(("x", "nr", "ns", "m", "q")))


# adverbs of degree and frequency, function words stopword lists leave out (越办越好, 搬到太远)
_ADVERBS = frozenset("太最更越才再还又多")


def _function_pieces(t, lexicon) -> tuple[int, ...]:
    """Where a piece of jieba's that is no word (a fragment) is cut around its function words:
    根本|之道 is zhī dào, 国之大者 guó zhī dà zhě, 获得感就强 …gǎn jiù qiáng (a parallel phrase the
    HMM glued, 善|作善成, the segmenter cuts: ``segment._parallels``)."""
    if t.kind == FRAGMENT and len(t.text) >= 3 and t.text[0] in "每各" and t.text[1] in _NUMERALS:
        head = 1  # 每十年 měi shí nián: a determiner, a numeral and its measure word (jieba's set phrase)
        while head < len(t.text) and t.text[head] in _NUMERALS:
            head += 1
        return (1, head) if head < len(t.text) else (1,)
    if t.kind != FRAGMENT or t.pos.startswith(("i", "l", "v")) or lexicon.entries(t.text):
        return ()  # an idiom (从无到有), a verb and its complement (欠下 qiànxià) stay whole
    stop = lexicon.stopwords | _ADVERBS
    cuts = {k for k, c in enumerate(t.text) if c in stop} | {k + 1 for k, c in enumerate(t.text) if c in stop}
    return tuple(sorted(k for k in cuts if 0 < k < len(t.text)))


def _place_unit(before, t, before_spelled: str) -> bool:
    """A place's unit or road after its capitalised name is part of it, spelled apart and capitalised
    (GB/T 16159, as CC-CEDICT spells 台东县 Tái dōng Xiàn): Huālián Xiàn, Guìlín Jiē, Nánhuí Gōnglù,
    深水埗区 Shēnshuǐbù Qū whatever jieba tags 深水埗 (``places.PLACE_UNITS``, ``places.ROADS``)."""
    return ((t.text in PLACE_UNITS or t.text in ROADS) and before.end == t.start and before_spelled[:1].isupper()
            and (before.kind in (NAME, WORD, TERM) or before.pos.startswith("ns")))


# Suffixes written on to the word they follow (GB/T 16159: 预警性 yùjǐngxìng, 预报员 yùbàoyuán,
# 毛利率 máolìlǜ, 示范区 shìfànqū, 螺丝厂 luósīchǎng; an office of an organisation, as CC-CEDICT spells 气象局 qìxiàngjú,
# 外交部 Wàijiāobù)
_ATTACHED = frozenset("性者员家化们署局部厅处会院率商值业观型区方厂店")
# suffixes jieba may tag as verbs, in the reading that is the suffix's (毛利|率 lǜ, not shuài "to lead")
_VERBAL = {"率": ("lu:4", "lv4", "lü4"), "观": ("guan1",)}


def _bound_suffix(before, t, syllables=()) -> bool:
    """``t`` is a one-character suffix of ``before``, a word of two or more characters just before it:
    a noun (jieba's n, ng, k, zg tags; 会 "will" and 处 chǔ "to deal with" are verbs, apart)."""
    verbal = t.text in _VERBAL and tuple(s.lower() for s in syllables) in tuple((r,) for r in _VERBAL[t.text])
    return (t.text in _ATTACHED and t.kind == WORD and before.end == t.start and len(before.text) >= 2
            and before.kind in (WORD, TERM) and not _HAN_RE.sub("", before.text)
            and (t.pos.startswith(("n", "k", "zg")) or verbal) and not t.pos.startswith(("nr", "ns"))
            and not before.pos.startswith(("r", "m", "q", "p", "c", "u", "d", "f", "t"))
            # 追踪者, 预警性, 示范区 make words of verbs; 回到|家, 参加|会 are a verb and its object
            and (t.text in _AFTER_VERBS or before.pos == "vn" or not before.pos.startswith("v")))


_AFTER_VERBS = frozenset("性者化型区率")


def _bound_numeral(before, t, lexicon) -> bool:
    """``before`` is a numeral character that begins the noun ``t`` (零|组件 língzǔjiàn "components",
    as in 零件): jieba cut it off as a number, though its dictionary has the whole as a noun and no
    measure word follows the numeral."""
    if not (before.kind == NUMBER and len(before.text) == 1 and before.text in _NUMERALS and t.kind == WORD
            and before.end == t.start and t.pos.startswith("n") and not _measure_word(t.text, lexicon)):
        return False
    whole = before.text + t.text
    tag = lexicon.jieba_entries(whole).get(whole)
    return bool(tag and tag[0] and tag[1].startswith("n"))


def _numeral_run(before, t) -> bool:
    """Two numbers of Chinese numerals jieba cut apart are one (十五|五 "the 15th Five-Year Plan": shíwǔwǔ)."""
    return (before.kind == NUMBER and t.kind == NUMBER and before.end == t.start
            and all(c in _NUMERALS for c in before.text + t.text))


def _spelled_name(syllables) -> str:
    """A name as CC-CEDICT capitalises it where it has it (Huālián, Xí Jìnpíng), else surname apart."""
    return joined(syllables) if any(s[:1].isupper() for s in syllables) else joined_name(syllables)
