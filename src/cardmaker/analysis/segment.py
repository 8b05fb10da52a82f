"""Segmentation: jieba on the simplified copy, then article terms, compositions and names.

jieba cuts traditional text badly, so it runs on the character-aligned
simplified copy and every token keeps its offsets into the clean text.  Its
output is then repaired with the dictionary: a recurring abbreviation it cut
into a non-word (进|博会) becomes one article term; a phrase it keeps whole but
that is only a composition of dictionary words (出席会议) is split; a piece
that is no word at all (博会, 养民) is marked as a fragment and never becomes a
card.  Person names (jieba's ``nr`` tags) are marked, with a surname and the
given name it was cut from joined again.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import cache

from cardmaker.analysis.brands import abbreviation_lists, brand_names
from cardmaker.analysis.constructions import serves_next
from cardmaker.analysis.foreign import TRANSLITERATION, bracketed_names
from cardmaker.analysis.places import (INSTITUTIONS, ORGANISATION, PLACE, PLACE_UNITS, is_place, place_terms,
                                       places_not_people, road_names, village_names)
from cardmaker.chinese.script import HAN
from cardmaker.lexicon.cedict import reduplicated
from cardmaker.records import FRAGMENT, NAME, NUMBER, OTHER, TERM, WORD, Token

_HAN_ONLY_RE = re.compile(f"^[{HAN}]+$")
_NUMERAL = "零〇一二三四五六七八九十百千万亿两"
_NUMBER_RE = re.compile(f"^(?=.*[{_NUMERAL}0-9０-９])[{_NUMERAL}0-9０-９.．,%％]+$")
_NUMERAL_PREFIX_RE = re.compile(f"^第?[{_NUMERAL}0-9]+")
_CHINESE_NUMBER_RE = re.compile(f"^[{_NUMERAL}]+$")
_ORDINAL_RE = re.compile(f"^第[{_NUMERAL}]+$")
_NUMBER_END_RE = re.compile(f"[{_NUMERAL}0-9０-９]$")  # a number without its unit (9, not 四十多间)
_NOMINAL = ("n", "nz", "nt", "ns", "j", "vn")

# The commonest surnames: a word jieba found by its HMM (not in its dictionary)
# that starts with one of these is taken for a person's name.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤习温蔺栗赖葛柯翁"
)
_LATIN_RE = re.compile(r"^[A-Za-z]+$")
_DIGITS_RE = re.compile(r"^[0-9０-９.．%％]+$")

@cache
def _quiet_jieba():
    import sys

    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        # jieba imports setuptools' pkg_resources (a sixth of a second) only to open its own
        # data files, and opens them by path when it cannot; we never use those files anyway.
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


class Lexical:
    """jieba's dictionary entries found in one text: frequencies and tags."""

    def __init__(self, text: str, lexicon):
        self.entries = lexicon.jieba_entries(text)
        self.total = lexicon.jieba_total
        self.user_words = {w: "n" for w in lexicon.user_words if w in text}

    def count(self, word: str) -> int:
        """How often jieba's dictionary has seen ``word`` (0 for a word it lacks)."""
        return self.entries.get(word, (0, ""))[0]

    def known(self, word: str) -> bool:
        return self.count(word) > 0

    def tag(self, word: str, default: str) -> str:
        return self.entries.get(word, (0, ""))[1] or self.user_words.get(word) or default


def jieba_tokens(simplified: str, lexical: Lexical) -> list[Token]:
    """jieba's words with their tags and offsets; together they cover the text exactly.

    A private ``jieba.Tokenizer`` gets only the dictionary entries that occur in
    the text (its cut depends on nothing else), instead of loading all of them.
    """
    jieba = _quiet_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {w: f for w, (f, _) in lexical.entries.items()}
    tokenizer.total = lexical.total
    tokenizer.initialized = True
    for word, tag in lexical.user_words.items():
        tokenizer.add_word(word, tag=tag)
        lexical.entries[word] = (tokenizer.FREQ[word], lexical.entries.get(word, (0, tag))[1] or tag)
    out = []
    pos = 0
    for word in (w for piece in _pieces(simplified, tokenizer, jieba) for w in tokenizer.cut(piece)):
        start = pos if simplified.startswith(word, pos) else simplified.find(word, pos)
        if start < 0:
            continue
        out.append(Token(word, start, start + len(word), _tag(word, lexical)))
        pos = start + len(word)
    return _digit_runs(out)


def _digit_runs(tokens: list[Token]) -> list[Token]:
    """Digits jieba cut one by one (full-width ２３, ９.３) are one number, as ASCII digits are."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == t.start and _DIGITS_RE.match(prev.text) and _DIGITS_RE.match(t.text)
                and (t.text[0].isdigit() or prev.text[-1].isdigit())):
            out[-1] = Token(prev.text + t.text, prev.start, t.end, "m")
            continue
        out.append(t)
    # a point that ends the run is the end of its sentence, not a decimal one
    return [u for t in out for u in ((Token(t.text[:-1], t.start, t.end - 1, "m"), Token(t.text[-1], t.end - 1, t.end, "x"))
                                     if len(t.text) > 1 and t.text[-1] in ".．" and _DIGITS_RE.match(t.text) else (t,))]


MAX_RUN = 100  # characters of one piece of a long unbroken run of text given to jieba at a time


def _pieces(text: str, tokenizer, jieba):
    """``text`` in pieces for jieba's cut, so that its work stays linear in the text's length.

    jieba cuts each run of characters between punctuation on its own, and reads a
    stretch of characters it found no word in with an HMM whose cost grows with
    the square of the stretch (600,000 repeats of one character: minutes).  A run
    longer than ``MAX_RUN`` is cut into pieces, each ending where jieba's own best
    path ends a dictionary word (so jieba cuts each piece exactly as it would have
    cut the run); only a stretch with no such place is cut at ``MAX_RUN`` itself.
    Normal text is given to jieba as it is.
    """
    start = 0
    for m in jieba.re_han_default.finditer(text):
        if m.end() - m.start() <= MAX_RUN:
            continue
        a = m.start()
        while m.end() - a > MAX_RUN:
            cut = _cut_point(text[a:a + MAX_RUN + _LOOKAHEAD], tokenizer)
            yield text[start:a + cut]
            start = a = a + cut
    yield text[start:]


_LOOKAHEAD = 30  # characters past a piece's end that its best path is computed with


def _cut_point(window: str, tokenizer) -> int:
    """Where to end a piece in ``window``: the last end of a dictionary word on jieba's best path
    within ``MAX_RUN`` characters, if it is past half of them; else ``MAX_RUN``."""
    route: dict = {}
    tokenizer.calc(window, tokenizer.get_DAG(window), route)
    x, best = 0, 0
    while x < len(window):
        y = route[x][1] + 1
        if y > MAX_RUN:
            break
        if y - x > 1:
            best = y
        x = y
    return best if best > MAX_RUN // 2 else MAX_RUN


def _tag(word: str, lexical: Lexical) -> str:
    if lexical.known(word):
        return lexical.tag(word, "n")
    if _DIGITS_RE.match(word):
        return "m"
    if _LATIN_RE.match(word):
        return "eng"
    if not _HAN_ONLY_RE.match(word):
        return "x"
    if 2 <= len(word) <= 3 and word[0] in _SURNAMES:
        return "nr"
    return "x"  # a new word of jieba's HMM: its part of speech is unknown


def segment(simplified: str, lexicon) -> list[Token]:
    """Tokens of the article, each with its kind (word, term, name, fragment, number, other).

    ``lexicon`` (a ``cardmaker.lexicon.Lexicon``) gives the dictionaries; its user's
    words are always cut as words.
    """
    lexical = Lexical(simplified, lexicon)
    lex = lexicon
    tokens = [c for t in jieba_tokens(simplified, lexical) for c in _classify(t, lex, lexical)]
    tokens = _magnitude_units(_split_date_units(tokens, lex, lexical), lex)
    tokens = _join_names(tokens)
    tokens = _trim_names(tokens, lex, lexical)
    tokens = _merge_terms(tokens, lex, lexical)
    tokens = _shift_boundaries(tokens, lex, lexical)
    recurring = Counter(t.text for t in tokens if t.kind == FRAGMENT)
    out = []
    for t in tokens:
        office = _office(t, out[-1] if out else None, lex, lexical) if t.kind == FRAGMENT else None
        if office is not None:
            if office.start < t.start:
                out.pop()
            out.append(office)
        elif t.kind == FRAGMENT and not t.pos.startswith("nr"):
            out.extend(_degree_pair(t.text, lexical) and _loose_pair(t, lex, lexical)
                       or _split_prefix(t, lex, lexical) or _split_phrase(t, out[-1:], lex, lexical)
                       or _gathering(t, out[-1] if out else None, lex, lexical)
                       or _jieba_term(t, lex, lexical) or _idiom_pieces(t, lex, lexical)
                       or _split(t, lex, lexical) or _split_glue(t, out[-2:], lex, lexical)
                       or _article_term(t, recurring, lex, lexical, out[-1] if out else None)
                       or _loose_pair(t, lex, lexical) or [t])
        else:
            out.append(t)
    out = _no_person(out, lex, lexical)
    out = _reduplications(_adverbial_de(_adjective_de(_caucuses(out, lex), lex, lexical), lex, lexical), simplified, lex, lexical)
    out = _parallels(out, lex, lexical)
    out = _potential_complements(out, lex, lexical)
    out = _potential_negatives(out, lex, lexical)
    out = _time_words(out, lex, lexical)
    out = _one_measure(_numeral_runs(out, lex, lexical), lex, lexical)
    out = _doing_things(out, lex, lexical)
    out = _compass(out, lex, lexical)
    out = _article_words_late(_bound_characters(_join_entries(out, lex, lexical), lex, lexical), lex, lexical)
    out = _bound_to_one_word(out, lex, lexical)
    out = _longer_entries(out, lex, lexical)
    out = _two_and_two(out, lex, lexical)
    out = _regroup_terms(out, lex, lexical)
    out = _china_abbreviations(out)
    out = _compass_points(out, lex, lexical)
    out = _locatives(out, lex, lexical)
    out = _suffixed(out, lex, lexical)
    out = _ranks(_known_heads(out, lex, lexical), lex)
    out = _split_titles(out, lex)
    out = _abbreviations_after_places(places_not_people(out, lex), lex, lexical)
    out = _transit_names(out, simplified, lex, lexical)
    out = _bracketed_names(_context_names(out, simplified, lex, lexical), simplified, lex, lexical)
    out = _transliterations(out, lex)
    out = brand_names(out, lex)  # after the names of people (a list of them may hold a brand's characters)
    out = _reclaim_names(out, lex, lexical)
    out = village_names(road_names(place_terms(out, lex, lambda w: lexical.tag(w, "")), lex, lambda w: lexical.tag(w, "")), lex)
    out = abbreviation_lists(_lone_surnames(out, lex), lex)
    out = _city_abbreviations(out, lex)
    out = _paired_points(out, lex, lexical)
    out = _dotted_names(out, lex)
    out = _rare_given_names(out, lex)
    out = _glued_pieces(out, lex, lexical)
    out = _correlatives(_one_battle(_unit_lists(out), lex), simplified)
    return _damaged(_document_numbers(out, simplified), simplified)


_RARE_CHARACTER = 3.0  # wordfreq's Zipf frequency: below it, a character alone is no everyday word


def _rare_given_names(tokens: list[Token], lex) -> list[Token]:
    """李豐|楙 → 李豐楙: a rare character just after a two-character name (surname and one more) is the
    name's last character, not a word of its own (楙 "Chinese quince"); the name is one wherever it occurs."""
    names = set()
    for t, nxt in zip(tokens, tokens[1:]):
        if (t.kind == NAME and len(t.text) == 2 and _surname(t.text[0], lex) and nxt.start == t.end
                and len(nxt.text) == 1 and nxt.kind in (WORD, FRAGMENT) and _HAN_ONLY_RE.match(nxt.text)
                and nxt.text not in _FUNCTION_CHARS and lex.frequency(nxt.text) < _RARE_CHARACTER):
            names.add(t.text + nxt.text)
    return _mark_names(tokens, names) if names else tokens


_DAYS = frozenset("日天")


def _no_person(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """周休|二|日 → 周休二日 "two-day weekend", 周休|日 → 周休日: a name jieba's model guessed (a
    surname and a character no dictionary has together) that with the tokens after it spells a
    CC-CEDICT word is that word; before 日 or 天 alone, a day, it is a term of days (周休日 "weekly
    day off"), for a person is not followed by "day"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == NAME and len(t.text) == 2 and not lexical.known(t.text) and not lex.entries(t.text):
            for n in (3, 2):
                run = tokens[i:i + n]
                text = "".join(u.text for u in run)
                if len(run) == n and all(a.end == b.start for a, b in zip(run, run[1:])) and _common_entry(text, lex):
                    out.append(Token(text, t.start, run[-1].end, lexical.tag(text, "n"), WORD))
                    i += n
                    break
            else:
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                after = tokens[i + 2] if i + 2 < len(tokens) else None
                if (nxt is not None and nxt.start == t.end and nxt.text in _DAYS
                        and not (after is not None and after.start == nxt.end and after.text in _AFTER_UNIT)):
                    out.append(Token(t.text + nxt.text, t.start, nxt.end, "n", TERM))
                    i += 2
                else:
                    out.append(t)
                    i += 1
            continue
        out.append(t)
        i += 1
    return out


_ONE_BATTLE = "一战"
_NAMED_TAGS = ("t", "ns", "nz", "nsa")  # a year's name (甲午), a place's (赤壁)


def _one_battle(tokens: list[Token], lex) -> list[Token]:
    """甲午|一战 → 甲午|一|战 "the one battle of the jiawu year" (1894): 一战 right after the name of a year
    or a place is that battle, a numeral and a verb, not CC-CEDICT's 一战 "World War I"."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (t.text == _ONE_BATTLE and t.kind == WORD and prev is not None and prev.end == t.start
                and (prev.pos.startswith(_NAMED_TAGS) or is_place(prev.text, lex)) and len(prev.text) >= 2):
            out.append(Token("一", t.start, t.start + 1, "m", NUMBER))
            out.append(Token("战", t.start + 1, t.end, "v", WORD))
            continue
        out.append(t)
    return out


_MANY = frozenset("许多 很多 不少 多少 一些 这些 那些 其他 众多 少数 多数 好多 越来越多".split())


_MODAL_CHARS = frozenset("能可要将会应须")
_AFTER_SUBJECT = frozenset("已曾也都又还将就才便却仍均皆并亦")  # adverbs that follow a subject, no name's end


def _glued_pieces(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """Pieces jieba glued across words, in their words: 人为 after a count of people (许多|人|为|他们, not
    人为 "artificial"; 人为的灾害 stays), a modal and 为 "for" (能为|其它国家 → 能|为), 相对|应 → 相|对应
    "to correspond", a name and the adverb after it (碧咸已|表示 → 碧咸|已), a day's 日 and 出生
    (1月1|日出|生于 → 日|出生|于)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        before = out[-1] if out else None
        if (t.text == "人为" and t.kind == WORD and before is not None and before.end == t.start
                and (before.text in _MANY or before.pos.startswith("m"))):
            out += [Token("人", t.start, t.start + 1, "n", WORD), Token("为", t.start + 1, t.end, "p", WORD)]
        elif t.kind == FRAGMENT and len(t.text) == 2 and t.text[0] in _MODAL_CHARS and t.text[1] == "为":
            out += [Token(t.text[0], t.start, t.start + 1, "v", WORD), Token("为", t.start + 1, t.end, "p", WORD)]
        elif (t.text == "相对" and nxt is not None and nxt.text == "应" and nxt.start == t.end
              and lex.is_word("对应")):
            out += [Token("相", t.start, t.start + 1, "d", WORD), Token("对应", t.start + 1, nxt.end, "v", WORD)]
            i += 1
        elif (t.kind == NAME and len(t.text) == 3 and t.text[2] in _AFTER_SUBJECT and nxt is not None
              and nxt.start == t.end and nxt.pos[:1] in ("v", "d", "p")):
            out += [Token(t.text[:2], t.start, t.end - 1, t.pos, NAME),
                    Token(t.text[2], t.end - 1, t.end, "d", WORD)]
        elif (t.text == "日出" and before is not None and before.kind == NUMBER and before.end == t.start
              and nxt is not None and nxt.start == t.end and nxt.text[:1] == "生" and lex.is_word("出生")):
            out += [Token("日", t.start, t.start + 1, "m", WORD), Token("出生", t.start + 1, nxt.start + 1, "v", WORD)]
            if len(nxt.text) > 1:
                rest = nxt.text[1:]
                out.append(_kind(Token(rest, nxt.start + 1, nxt.end, lexical.tag(rest, "x")), lex, lexical))
            i += 1
        else:
            out.append(t)
        i += 1
    return out


def _unit_lists(tokens: list[Token]) -> list[Token]:
    """军分区和县、市 → 和|县、市 "and the county and city": a place CC-CEDICT has that is a link and a
    unit (和县 He county) is the two where a list of units goes on after it (县、市), not a county of
    Anhui in a law on officers' posts."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        after = [x.text for x in tokens[i + 1:i + 3]]
        if (len(t.text) == 2 and t.text[0] in _LINKS and t.text[1] in PLACE_UNITS and t.kind == WORD
                and len(after) == 2 and after[0] == "、" and after[1] in PLACE_UNITS):
            out.append(Token(t.text[0], t.start, t.start + 1, "c", WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, "n", WORD))
        else:
            out.append(t)
    return out


_SENTENCE_ENDS = frozenset("。！？；!?;\n")
_RATHER = ("不如", "宁可", "宁愿", "毋宁", "倒不如")   # what 与其 "rather than A" waits for: 与其 A 不如 B
_AFTER_FIRST = ("后有", "再有", "才有", "然后有", "后来有")  # 先有 A 后有 B: first there was A, then B


def _correlatives(tokens: list[Token], text: str) -> list[Token]:
    """Words CC-CEDICT has whose sense needs a partner later in the sentence, or a construction the
    sentence lacks, are two words without it: 与其 "rather than" with no 不如 after it is 与 "with" and
    其 "its" (与其周围的星); 先有 "prior" before a 后有 is 先 "first" and 有 (先有A，后有B); 还给
    huángěi "to give back", when no 把 puts a thing first and the one it goes to is followed by a verb,
    is 还 hái "also" and 给 "for" (还给人们带来希望)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        if t.kind != WORD or t.text not in ("与其", "先有", "还给"):
            out.append(t)
            continue
        end = next((k for k in range(t.end, len(text)) if text[k] in _SENTENCE_ENDS), len(text))
        rest = text[t.end:end]
        if t.text == "与其":
            split = not any(w in rest for w in _RATHER)
            tags = ("p", "r")
        elif t.text == "先有":
            split = any(w in rest for w in _AFTER_FIRST)
            tags = ("d", "v")
        else:
            split = serves_next(tokens, i + 1, i - 1)
            tags = ("d", "p")
        if split:
            out.append(Token(t.text[0], t.start, t.start + 1, tags[0], WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, tags[1], WORD))
        else:
            out.append(t)
    return out


def _lone_surnames(tokens: list[Token], lex) -> list[Token]:
    """A character jieba tags as a surname (its nr: 钟, 纳) standing alone with no title or speech
    after it and no role before it is the word it is (古董|钟 "clock", 纳|重建 "to include"), not a
    name: jieba's tag is its dictionary's, the same everywhere."""
    out: list[Token] = []
    surnames = {t.text[0] for t in tokens if t.kind == NAME and 2 <= len(t.text) <= 3}
    skip = False
    for i, t in enumerate(tokens):
        if skip:
            skip = False
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = out[-1] if out else None
        if (len(t.text) == 1 and t.text in surnames and t.kind in (WORD, NAME) and nxt is not None and nxt.start == t.end
                and nxt.text in _PERSON_SUFFIXES and _surname(t.text, lex)):
            # 璩美鳳 … 璩女: the surname of a person the article names and 女/男/嫌 is that person
            # (Ms Qu), as jieba itself reads 郭女, 陳男 for common surnames: no 女 "female" card
            out.append(Token(t.text + nxt.text, t.start, nxt.end, "nr", NAME))
            skip = True
            continue
        if (len(t.text) == 1 and t.kind == WORD and nxt is not None and nxt.start == t.end and nxt.text in _TITLES
                and _surname(t.text, lex) and not (prev is not None and prev.end == t.start
                                                   and (prev.kind == NUMBER or prev.pos.startswith(("m", "r"))))):
            out.append(Token(t.text, t.start, t.end, "nr", NAME))  # 張|先生 "Mr Zhang", not the measure word 張
            continue
        if t.kind == NAME and len(t.text) == 3 and t.text[-1] in "说称" and _surname(t.text[0], lex):
            # 李伯說，: a name and its speech verb the HMM glued (Lǐ Bó shuō)
            out.append(Token(t.text[:-1], t.start, t.end - 1, t.pos, NAME))
            out.append(Token(t.text[-1], t.end - 1, t.end, "v", WORD))
            continue
        if t.kind == NAME and len(t.text) == 2 and t.text[1] == "姓" and _surname(t.text[0], lex):
            # 陳姓|老師 "a teacher surnamed Chen": the surname, a name, and 姓 "surnamed" (Chén xìng)
            out.append(Token(t.text[0], t.start, t.start + 1, "nr", NAME))
            out.append(Token("姓", t.start + 1, t.end, "v", WORD))
            continue
        if t.kind == NAME and len(t.text) == 1:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            prev = out[-1] if out else None
            named = (nxt is not None and nxt.start == t.end and (nxt.text in _TITLES or nxt.text in _SPEECH)) or (
                prev is not None and prev.end == t.start and prev.text in _ROLES)
            if not named and _common_entry(t.text, lex):
                out.append(Token(t.text, t.start, t.end, "x", WORD))
                continue
        out.append(t)
    return out


def _caucuses(tokens: list[Token], lex) -> list[Token]:
    """民进党|团 → 民进党团, 国民党|团总召 → 国民党团|总召: a party's name and the 团 after it are its
    caucus in a legislature (党团 "party caucus"), one term, not 团 "round; group" as a card; 团结, 团体
    after a party stay the words they are."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == t.start and len(prev.text) >= 3 and prev.text[-1] == "党"
                and prev.kind in (WORD, TERM, NAME) and t.text[0] == "团"
                and (t.text == "团" or t.kind == FRAGMENT and not lex.is_word(t.text))):
            out[-1] = Token(prev.text + "团", prev.start, t.start + 1, ORGANISATION, TERM)
            if len(t.text) > 1:  # 团|总召: the rest stays the piece it was (总召 "convener", no word of CC-CEDICT)
                out.append(Token(t.text[1:], t.start + 1, t.end, t.pos, t.kind))
            continue
        out.append(t)
    return out


# Taiwan's cities by their first character before 市 (北市 Taipei, 高市 Kaohsiung, 中市 Taichung …)
_CITY_INITIALS = frozenset("北中南高桃竹嘉基")
_CITY_BODIES = frozenset("市 市府 市长 市议员 市议会 市政府 市民 市警局 市立".split())


def _city_abbreviations(tokens: list[Token], lex) -> list[Token]:
    """北|市長, 高|市府: a city's initial jieba cut off its 市 is that city (Běi shìzhǎng "Taipei's
    mayor"), a place piece with no card, never 北 "north" or 高 "high"; 台|中|市民: two characters
    jieba cut before a city's office or people, that with 市 are a city CC-CEDICT has (台中市), are
    that city (台中 Taichung), never 台 a measure word and 中 "middle"."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or nxt.start != t.end or nxt.text not in _CITY_BODIES or t.kind != WORD:
            out.append(t)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.end == t.start and len(prev.text) == 1 == len(t.text) and prev.kind == WORD \
                and any(e.place for e in lex.entries(prev.text + t.text + "市")):
            out[-1] = Token(prev.text + t.text, prev.start, t.end, PLACE, WORD)
        elif t.text in _CITY_INITIALS and not (prev is not None and prev.end == t.start and prev.text[-1] in "台臺新"):
            out.append(Token(t.text, t.start, t.end, PLACE, FRAGMENT))
        else:
            out.append(t)
    return out


def _paired_points(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """东升|西|落: two compass points in parallel (东升西落 "rising in the east, setting in the west",
    东张西望) are no name jieba's HMM made of the first pair (东升): each character is itself."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.kind == NAME and len(t.text) == 2 and t.text[0] in _POINTS and nxt is not None
                and nxt.start == t.end and nxt.text[0] in _POINTS and nxt.text[0] != t.text[0]):
            out.extend(c for k, ch in enumerate(t.text)
                       for c in _classify(Token(ch, t.start + k, t.start + k + 1, lexical.tag(ch, "x")), lex, lexical))
            continue
        out.append(t)
    return out


def _reclaim_names(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """龔|正在主持 → 龔正|在主持: a surname cut off alone whose next token starts with the rest of a
    name the article has elsewhere (龔正) gives that name back its characters, when what is left of
    the token is a word: a name found in the article is the same name everywhere in it."""
    names = {t.text for t in tokens if t.kind == NAME and 2 <= len(t.text) <= 3}
    if not names:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == NAME and len(t.text) == 1 and nxt is not None and nxt.start == t.end and nxt.kind == WORD:
            name = next((n for n in names if n[0] == t.text and nxt.text.startswith(n[1:])
                         and len(nxt.text) > len(n) - 1 and lex.is_word(nxt.text[len(n) - 1:])), None)
            if name:
                cut = nxt.start + len(name) - 1
                out.append(Token(name, t.start, cut, t.pos, NAME))
                rest = nxt.text[len(name) - 1:]
                out.extend(_classify(Token(rest, cut, nxt.end, lexical.tag(rest, "x")), lex, lexical))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


_SUFFIXES = frozenset("性化者式型率度家员界方区")
# a verb's result, aspect or preposition after it: 做好, 落到, 握着, 放在, 热衷于 are a verb and more,
# not a word to learn
_COMPLEMENTS = frozenset("好到完住着了过细成掉起在于给满")
# prefixes the meanings stage reads as slots of their own (副|书记)
_PREFIX_SLOTS = frozenset("副总前非")


_JIEBA_TERM_FREQ = 30  # jieba's count from which a word of its own dictionary is a term


_PERSONS = frozenset("家者员")  # suffixes of a person, after a discipline or an office's (学家, 论者, 科员)
_MEETING = "会"  # a gathering's last character: a noun jieba has that ends in it may be one (演奏会)
_HOLDING = frozenset("举行 召开 举办 参加 出席 开 办 有 没有".split())  # what is done with a gathering


def _gathering(t: Token, before: Token | None, lex, lexical: Lexical) -> list[Token] | None:
    """一個|演奏會 "a concert", 舉辦|說明會: a noun of jieba's of three characters ending in 會, a verb
    or noun and 會, after a measure word, a number, 的 or a verb of holding, is a gathering, one term
    however rarely jieba has seen it; not the word and the modal verb huì "will" (jieba's dictionary
    also lists 假装会, 势必会 as nouns: they follow no measure word)."""
    freq, tag = lexical.entries.get(t.text, (0, ""))
    if (len(t.text) != 3 or t.text[-1] != _MEETING or tag != "n" or before is None or before.end != t.start
            or not _common_entry(t.text[:2], lex) or not lexical.tag(t.text[:2], "").startswith(("n", "v"))):
        return None
    if before.pos.startswith(("q", "m", "uj")) or before.kind == NUMBER or before.text in _HOLDING:
        return [Token(t.text, t.start, t.end, tag, TERM)]
    return None
_COMMON_FOUR = 100  # jieba's count from which a four-character word of its dictionary is a term


def _two_words(text: str, lex, lexical: Lexical) -> bool:
    """``text`` (four characters) is two words of two characters each, CC-CEDICT's or jieba's common
    ones (今年|以来, 对外|开放, 系统|工程)."""
    return all(lex.is_word(half) or lexical.count(half) >= _JIEBA_TERM_FREQ
               for half in (text[:2], text[2:]))


def _jieba_term(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """A word of jieba's dictionary that CC-CEDICT lacks (全党, 收治, 频发, 参展商, 任何人) is kept
    whole as an article term (its meaning composed), not cut into dictionary words (任|何人 would
    make 何人 a card): two or three characters, or four when jieba has seen it often (four-character
    entries it has seen a few times are mostly phrases: 出席会议, 圆满成功)."""
    freq, tag = lexical.entries.get(t.text, (0, ""))
    n = len(t.text)
    if not _HAN_ONLY_RE.match(t.text) or _NUMERAL_PREFIX_RE.match(t.text) or t.text[-1] in _DATE_UNITS:
        return None
    if tag.startswith(("u", "c")):
        return None  # a particle or conjunction phrase (对…来说, 还要): function words, not a term
    if n == 3 and t.text[-1] in _SUFFIXES and lexical.known(t.text[:-1]):
        return None  # 便捷|性, 扁平|化: a word and a suffix, joined again by ``_suffixed``
    if 2 <= n <= 3 and freq >= _JIEBA_TERM_FREQ and t.text[-1] not in _COMPLEMENTS:
        return [Token(t.text, t.start, t.end, t.pos, TERM)]
    if n == 4 and freq >= _COMMON_FOUR and not _two_words(t.text, lex, lexical):
        # a four-character word jieba knows well that is no two words (不确定性 "uncertainty", not
        # 不|确定性 "determinacy"); 对外|开放, 系统|工程 are two words, each with its card
        return [Token(t.text, t.start, t.end, t.pos, TERM)]
    if (n == 4 and freq and _two_words(t.text, lex, lexical) and not lex.is_word(t.text[2:])
            and t.text[-1] in _SUFFIXES - _PERSONS and not lex.is_word(t.text[:3]) and not lex.is_word(t.text[1:])):
        # a word and a suffixed word jieba knows well that CC-CEDICT lacks (全盘|西化 "wholesale
        # westernisation", 中央|苏区): that half is a term, not cut into characters (西|化); not where a
        # CC-CEDICT word crosses the middle (社会学|家), nor a person's suffix after a discipline's (神话|学|家)
        return [c for k in (0, 2) for c in _half(Token(t.text[k:k + 2], t.start + k, t.start + k + 2, ""), lex, lexical)]
    if n == 4 and freq and t.text[2] in "不得" and t.text[:2] not in ("不得",):
        # a verb and its complement (放心不下), not 放心|不下; other four-character entries of jieba
        # are mostly phrases of words (出席会议, 对外开放), cut below
        return [Token(t.text, t.start, t.end, t.pos, TERM)]
    return None


def _half(t: Token, lex, lexical: Lexical) -> list[Token]:
    """One half of a four-character word of jieba's: a CC-CEDICT word as any, else jieba's word as a term
    (a -化 word a verb, as ``_suffixed`` makes it)."""
    if lex.is_word(t.text):
        return _classify(Token(t.text, t.start, t.end, lexical.tag(t.text, "n")), lex, lexical)
    return [Token(t.text, t.start, t.end, "v" if t.text[-1] == "化" else lexical.tag(t.text, "n"), TERM)]


_IDIOM_FREQ = 5  # jieba's count from which its idiom or set phrase is one (rarer ones are scraps)


def _idiom_pieces(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """An idiom or set phrase of jieba's (等闲视之, 世纪之交, 难以为继) that CC-CEDICT lacks, cut into
    dictionary words: its words of two or more characters are words (等闲, 世纪, 难以), its single
    characters pieces of the phrase, no cards (视 "to look at", 交 "to hand over", 继 "to continue")."""
    freq, tag = lexical.entries.get(t.text, (0, ""))
    if len(t.text) < 4 or freq < _IDIOM_FREQ or tag[:1] not in ("i", "l"):
        return None
    pieces = _split(t, lex, lexical)
    if pieces is None:
        return None
    out: list[Token] = []
    for p in pieces:
        prev = out[-1] if out else None
        pair = prev.text + p.text if prev is not None and len(prev.text) == 1 and len(p.text) == 1 else ""
        if (pair and lexical.count(pair) >= _JIEBA_TERM_FREQ and not lexical.tag(pair, "").startswith(_FUNCTION_TAGS)
                and pair[0] not in _NUMERAL):  # 聚集|一|堂: a number and its measure word
            # two characters of it that jieba knows well as a word (不可|限量 "to set a limit"): that word
            out[-1] = Token(pair, prev.start, p.end, lexical.tag(pair, "n"), TERM)
            continue
        # an adverb stays a word: 真|抓|实干 "really grab and solidly do" says 真 "really"
        out.append(p.as_kind(FRAGMENT) if len(p.text) == 1 and p.kind == WORD and p.text not in lex.stopwords
                   and not p.pos.startswith("d") else p)
    return out


def _office(t: Token, before: Token | None, lex, lexical: Lexical) -> Token | None:
    """國發會, 原民會, 客|委會: three characters ending in an office or an assembly (``INSTITUTIONS``)
    that no dictionary has are an institution's abbreviation, an article term (Guófāhuì) even when
    seen once: its pieces (發會, 委會) are no words, and 會 is no modal verb there. A one-character
    noun jieba cut off before the two (國|發會) is its first character."""
    text, start = t.text, t.start
    if len(text) == 2 and before is not None and before.kind == WORD and before.end == t.start \
            and len(before.text) == 1 and lexical.tag(before.text, "x").startswith(("n", "j")) \
            and not lexical.tag(before.text, "x").startswith("nr") and before.text not in "东西南北中上下前后内外" \
            and text[0] not in _NUMERAL + "半":  # 东|半部 "the eastern half": a direction and a part
        text, start = before.text + text, before.start
    elif t.pos.startswith("n"):
        return None  # jieba's dictionary has it as a noun (金管会): a name in examples, as ``places.named_piece`` says
    if (len(text) != 3 or text[-1] not in INSTITUTIONS or not _HAN_ONLY_RE.match(text) or lex.entries(text)
            or _NUMERAL_PREFIX_RE.match(text) or text[0] in _FUNCTION_CHARS or text[1] in _FUNCTION_CHARS
            or text[0] in lex.stopwords or lexical.tag(text[0], "x").startswith(_PHRASE_OPENERS + ("m", "q"))
            or not all(lex.entries(c) for c in text)):
        return None
    return Token(text, start, t.end, "j", TERM)


# the first character of a phrase, not of a word: an adverb, preposition, conjunction, particle or
# pronoun (越办|越好, 更应, 将于)
_PHRASE_OPENERS = ("d", "p", "c", "u", "r")
# a verb's direction after it: 办出 (成绩), 走进, 拿回 are a verb and its complement
_DIRECTION_ENDS = frozenset("出入进回来去上下开")


# general frequency (wordfreq's Zipf scale) from which a piece seen once is a word of the language:
# 贴文 2.8, 转传 1.4, 调涨 2.6, 办结 2.2; two words the HMM glued are rarely one (成传, 气暖, 肌少: 0)
_KNOWN_PIECE = 1.0
_LINKS = frozenset("及与和或并")
# a conjunction or preposition that links two nouns (司法院和法务部, 跟美国, 同政府): the first word of
# no institution or term, however often the pair recurs
_JOINERS = _LINKS | frozenset("跟同")


def _article_term(t: Token, recurring: Counter, lex, lexical: Lexical, before: Token | None = None
                  ) -> list[Token] | None:
    """A word that neither dictionary has but the article uses again and again (停班 six times in
    a typhoon report, 市建局, 抗阻, 肌少症), or once when the language uses it as a word (贴文
    "post", 转传 "to forward", 调涨 "to raise (a price)"), is one of its terms: kept whole, its
    meaning composed from its characters.  A fragment seen once and unknown is as often two words
    glued by the HMM (线花 in 台11线|花东).  Two or three characters, each with an entry of its
    own, not a verb and its complement, not a phrase opened by an adverb or preposition."""
    text = t.text
    if not 2 <= len(text) <= 3 or not _HAN_ONLY_RE.match(text):
        return None
    once = recurring[text] < 2
    if once and lex.frequency(text) < _KNOWN_PIECE:
        return None
    if once and t.pos == "nz" and not lexical.count(text) >= _JIEBA_TERM_FREQ:
        return None  # a rare brand or name of jieba's (農達, a weedkiller) said once: its characters are the words there
    if _NUMERAL_PREFIX_RE.match(text) or text[-1] in _DATE_UNITS or text[-1] in _COMPLEMENTS | _DIRECTION_ENDS:
        return None
    if len(text) == 2 and text[1] in _LOCATIVES and lexical.tag(text[0], "x") == "n":
        return None  # 詞|裡: a noun and its locative (``_loose_pair``); 種下, 朝上 are a verb and its complement
    first = lexical.tag(text[0], "x")
    if first.startswith(_PHRASE_OPENERS) or first.startswith("m") and _counting(text[0], before) \
            or text[0] in lex.stopwords:
        return None  # 越办, 多组: an adverb or a number opens a phrase (种粮: 种 counts nothing here)
    if t.pos.startswith(_PHRASE_OPENERS + ("m",)) or "得" in text or text[-1] in _FUNCTION_CHARS | _LINKS:
        return None  # 来说, 跑得快, 街|及: a particle's phrase, a complement, a conjunction after a word
    if once and (text[0] in _FUNCTION_CHARS or lexical.tag(text[-1], "x").startswith(_PHRASE_OPENERS + ("q",))):
        return None  # seen once: 可|获, 开|越, 总|比, 双|台 (a modal, or an adverb, preposition or measure word after)
    if once and before is not None and before.end == t.start and (
            _common_entry(before.text + text[0], lex) or lexical.known(before.text + text[0])
            or (len(before.text) == 1 and before.pos.endswith("g"))):
        return None  # 全|力抓, 众|力抓: after a bound character or one its first completes, the cut is jieba's guess
    if not all(lex.entries(c) for c in text):
        return None
    return [Token(text, t.start, t.end, t.pos, TERM)]


def _counting(char: str, before: Token | None) -> bool:
    """Whether ``char``, which jieba tags a numeral, counts here: a number itself (多, 几), or a measure
    word after a number or a demonstrative (一|种, 这|种); 种 before 粮 with neither is the verb."""
    return char in _NUMERAL + "多几数每半" or before is not None and (
        before.kind == NUMBER or before.text[-1:] in _NUMERAL + "这那哪每各某该此几")


# degree adverbs: before an adjective each is its own word (太|大, not jieba's "place" 太大 Tàidà)
_DEGREE = frozenset("太很挺更较蛮极")


def _degree_pair(text: str, lexical: Lexical) -> bool:
    return len(text) == 2 and text[0] in _DEGREE and lexical.tag(text[1], "x").startswith("a")


def _loose_pair(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """应先 (应|先陪孩子), 词里, 太大: a modal and an adverb, a noun and its locative, or a degree
    adverb and an adjective, that the HMM or jieba's dictionary glued are two words, each read
    alone (yīng xiān, cí lǐ, tài dà), not one unknown word (yìngxiān) or a name (Tàidà)."""
    text = t.text
    if len(text) == 2 and (text[0] in _MODALS | _FUNCTION_CHARS and text[1] in _ADVERB_CHARS | {"先"}
                           or text[1] in _LOCATIVES and lex.is_word(text[0]) and lexical.tag(text[0], "x") == "n"
                           or _degree_pair(text, lexical)):
        return [_kind(Token(c, t.start + k, t.start + k + 1, lexical.tag(c, "x")), lex, lexical)
                for k, c in enumerate(text)]
    return None


def _regroup_terms(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """经济|部将 → 经济部|将: a two-character word of jieba's that CC-CEDICT lacks, made across a
    boundary, when its first character completes its neighbour into a word of either dictionary and
    its second is a function word (部将 "subordinate general" is not in a report on the ministry's
    plans; 青浦|区委, 东|半部 stay: 委 and 部 are no function words)."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (t.kind == TERM and len(t.text) == 2 and prev is not None and prev.kind == WORD
                and prev.end == t.start and (_common_entry(prev.text + t.text[0], lex) or lexical.known(prev.text + t.text[0]))
                and lexical.tag(t.text[1], "x").startswith(_PHRASE_OPENERS) and not lex.entries(t.text)):
            head, tail = prev.text + t.text[0], t.text[1]
            out[-1] = Token(head, prev.start, t.start + 1, lexical.tag(head, "n"), WORD if lex.entries(head) else TERM)
            out.append(Token(tail, t.start + 1, t.end, lexical.tag(tail, "x"), WORD))
            continue
        out.append(t)
    return out


def _china_abbreviations(tokens: list[Token]) -> list[Token]:
    """中|储粮 → 中储粮: 中 "China" and a piece of two characters that is no word (储粮 of 中国储备粮管理集团)
    are the abbreviation of a state company's name, one term; not after a noun, where 中 is the locative
    "in" (实验|中|储粮 "in the experiment, stored grain")."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        before = out[-1] if out else None
        prev = out[-2] if len(out) >= 2 else None
        if (before is not None and before.text == "中" and before.kind == WORD and before.end == t.start
                and t.kind == FRAGMENT and len(t.text) == 2 and _HAN_ONLY_RE.match(t.text)
                and (prev is None or prev.end != before.start or not _HAN_ONLY_RE.match(prev.text)
                     or prev.pos.startswith(("p", "c", "v")) and prev.pos != "vn")):
            out[-1] = Token(before.text + t.text, before.start, t.end, ORGANISATION, TERM)
            continue
        out.append(t)
    return out


_LOCATIVES = frozenset("上下里中内外")


def _locatives(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """中华|大|地上 → 大地|上, 在|月|台上 → 月台|上 (月 is no month after no number): a character, then a word of a noun and a locative, when the character
    and the noun make a dictionary word; the locative is the place word of the phrase (on the
    land of China), not part of a word 地上 "on the ground"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # 西|文中 → 西文|中 "in Western languages": a term of jieba's that no dictionary has is its guess,
        # and 西 jieba calls a locative starts the word all the same
        guessed = nxt is not None and nxt.kind == TERM and not lex.entries(nxt.text)
        if (nxt is not None and len(t.text) == 1 and t.kind == WORD and len(nxt.text) == 2
                and (nxt.kind == WORD or guessed)
                and t.end == nxt.start and nxt.text[1] in _LOCATIVES
                and (not _function(t) or _no_number(t, out[-1] if out else None) or guessed and t.pos.startswith("f"))
                and not t.pos.startswith(("v", "q") if guessed else ("v", "q", "f")) and t.text not in lex.stopwords
                and (_common_entry(t.text + nxt.text[0], lex) or guessed and lex.is_word(t.text + nxt.text[0]))):
            head = t.text + nxt.text[0]
            out.append(Token(head, t.start, t.end + 1, lexical.tag(head, "n"), WORD))
            out.append(Token(nxt.text[1], nxt.start + 1, nxt.end, "f", WORD))
            i += 2
            continue
        if (nxt is not None and len(t.text) == 2 and len(nxt.text) == 2 and t.end == nxt.start
                and t.text[0] in _PLACE_PREPOSITIONS and nxt.text[1] in _LOCATIVES and nxt.kind in (WORD, TERM)
                and _common_entry(t.text[1] + nxt.text[0], lex)
                and lexical.tag(t.text[1] + nxt.text[0], "").startswith("n")):
            # 在场|馆内 → 在|场馆|内 "in the venue": a preposition, a noun and its locative, not 在场
            # "to be present" and a term 馆内
            noun = t.text[1] + nxt.text[0]
            out.append(Token(t.text[0], t.start, t.start + 1, "p", WORD))
            out.append(Token(noun, t.start + 1, nxt.start + 1, lexical.tag(noun, "n"), WORD))
            out.append(Token(nxt.text[1], nxt.start + 1, nxt.end, "f", WORD))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


_PLACE_PREPOSITIONS = frozenset("在于从到向往")


def _no_number(t: Token, before: Token | None) -> bool:
    """A character jieba tags a numeral that counts nothing here: 月 with no number before it."""
    return (t.pos.startswith("m") and t.text not in _NUMERAL and t.text not in _FUNCTION_CHARS
            and not (before is not None and before.end == t.start and before.text[-1] in _NUMERAL + "0123456789"))


_INTERCARDINALS = frozenset("东北 东南 西北 西南".split())


def _compass_points(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """西北|西方|向 → 西北西|方向, 东北|东风 → 东北东|风: a weather report's sixteen-point compass
    (west-northwest) is one word; jieba reads its last character into the next word, making 西方
    "the West" or 东风 "east wind" of a direction.  Only before 方, 风 or 向, or a character alone
    (西南|西|移动), so that 西北|西安 stays a city."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.text in _INTERCARDINALS and nxt is not None and nxt.start == t.end and nxt.text[0] == t.text[0]
                and (len(nxt.text) == 1 or nxt.text[1] in "方风向")):
            out.append(Token(t.text + nxt.text[0], t.start, t.end + 1, "f", TERM))
            rest, end = nxt.text[1:], nxt.end
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if rest and after is not None and after.start == end and _common_entry(rest + after.text, lex):
                rest, end = rest + after.text, after.end  # 西方|向 → 方向
                i += 1
            if rest:
                out.append(Token(rest, nxt.start + 1, end, lexical.tag(rest, "x"), WORD))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _join_entries(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """Words CC-CEDICT has that jieba cut because its own dictionary lacks them: two or three
    tokens that together are an entry (获得|感 → 获得感, 常态|化, 通用|拼音), and a boundary jieba
    put one character late (对|标高|水平 → 对标|高水平: 标高 was made across it).

    Only content words join: an entry made with a particle, a preposition, an adverb or a pronoun
    is a phrase CC-CEDICT happens to list (中|的 "to hit the target", 都|会 "city", 小|的, 在|台),
    and two free words of the general vocabulary make a phrase, not a word (经济|发展, 国家|公园):
    each keeps its own card."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        done = False
        if t.kind == WORD and t.text not in _PREFIX_SLOTS:
            for n in (3, 2):
                run = tokens[i:i + n]
                if len(run) < n or any(u.kind != WORD for u in run) or any(
                        a.end != b.start for a, b in zip(run, run[1:])):
                    continue
                text = "".join(u.text for u in run)
                if (len(text) <= 6 and not lexical.known(text) and (_common_entry(text, lex)
                        and _lexical_run(run, text, lex) or _named_thing(run, text, lex))):
                    out.append(Token(text, t.start, run[-1].end, "n" if run[-1].pos.startswith("n") else run[-1].pos,
                                     WORD))
                    i += n
                    done = True
                    break
            shifted = None if done else _shifted(tokens, i, lex, lexical)
            if shifted:
                out.extend(shifted)
                i += 3
                done = True
            early = None if done else _early(tokens, i, lex, lexical)
            if early:
                out.extend(early)
                i += 2
                done = True
        if not done:
            out.append(t)
            i += 1
    return out


def _longer_entries(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """以|正视|听 → 以正视听 "to set the record straight", 牛郎|星 → 牛郎星 "Altair": words of jieba's own
    dictionary that its best path cut because they are rare in its counts, an idiom of four characters
    over two or three words, or a name and the one character after it that together are a name (a
    star, a place) it lists; not 牛郎 "cowherd boy" and 星, or 正视 "to face squarely"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        for n in (3, 2):
            run = tokens[i:i + n]
            if len(run) < n or any(u.kind not in (WORD, NAME) and not (u.kind == FRAGMENT and len(u.text) == 1)
                                   for u in run) or any(
                    a.end != b.start for a, b in zip(run, run[1:])):
                continue
            text = "".join(u.text for u in run)
            tag = lexical.tag(text, "") if lexical.known(text) else ""
            # three pieces, one a stranded character: 以|正视|听; two words (蓬勃|发展) jieba lists as one stay
            # (a pronoun, a particle, an adverb or a locative among them is a phrase jieba lists: 在|我|心中,
            # 新|形势|下, 不|太|可能)
            idiom = (len(text) == 4 and tag.startswith("i") and n == 3
                     and not any(u.pos.startswith(("r", "u", "f", "d")) or u.text in _LOCATIVES for u in run))
            named = (n == 2 and len(run[1].text) == 1 and run[0].pos.startswith("nr") and run[1].pos.startswith("n")
                     and tag.startswith(("nr", "ns", "nz")) and run[1].text not in _LOCATIVES | {"时"})
            if idiom or named:
                out.append(Token(text, t.start, run[-1].end, "i" if idiom else "nz",
                                 WORD if lex.entries(text) or idiom else TERM))
                i += n
                break
        else:
            out.append(t)
            i += 1
    return out


# jieba's tags of function words, and verbs that mostly serve as function words: never part of a join
_FUNCTION_TAGS = ("u", "p", "d", "c", "r", "m", "q", "f", "y", "e", "o")
_DIRECTIONS = frozenset("起来 过来 出来 下来 上来 上去 下去 过去 出去 进来 进去 回来 回去 起 出 进 回".split())
_FUNCTION_CHARS = frozenset("是有在会要能可没不到给让把被对和与跟从向将就也都才又还再")


def _function(t: Token) -> bool:
    return t.pos.startswith(_FUNCTION_TAGS) or t.text in _FUNCTION_CHARS or t.text[0] in "不没"


def _lexical_run(run: list[Token], text: str, lex) -> bool:
    """Whether tokens that together spell a CC-CEDICT entry are that word, not a phrase."""
    if any(_function(u) or u.pos.startswith(("nr", "ns", "nt")) for u in run):
        return False  # 驻|北京: a place is not part of a word
    last = run[-1].text
    if last in _COMPLEMENTS or last in _DIRECTIONS or last == "们":
        return False  # 写|完, 站|起来, 孩子|们: a verb and its complement, a plural
    if all(len(u.text) >= 2 for u in run):  # two free words: a word only when not both common
        return lex.frequency(text) > 0 or min(lex.frequency(u.text) for u in run) < 4.0
    return True


_BOUND_PAIRS = 3  # how often a character must come with one word, and only with it, to make a term with it


def _bound_to_one_word(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """緩|起訴 three times, 緩 nowhere else: a one-character verb or adjective that the article uses only
    before one word, again and again, makes a term with it (緩起訴 "deferred prosecution", a term of
    Taiwan's law no dictionary has), not a card 缓 "slow" and one 起诉."""
    alone = Counter(t.text for t in tokens if len(t.text) == 1 and t.kind == WORD)
    pairs = Counter((a.text, b.text) for a, b in zip(tokens, tokens[1:])
                    if a.end == b.start and len(a.text) == 1 and a.kind == WORD and b.kind == WORD
                    and len(b.text) >= 2)
    bound = {pair for pair, n in pairs.items() if n >= _BOUND_PAIRS and alone[pair[0]] == n}
    bound = {(a, b) for a, b in bound if a not in _FUNCTION_CHARS and a not in lex.stopwords
             and lexical.tag(a, "x").startswith(("v", "a")) and not lexical.known(a + b) and not lex.entries(a + b)
             and lexical.tag(b, "x").startswith(("v", "n"))}
    if not bound:
        return tokens
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if prev is not None and (prev.text, t.text) in bound and prev.end == t.start:
            out[-1] = Token(prev.text + t.text, prev.start, t.end, "n" if t.pos.startswith("n") else "vn", TERM)
        else:
            out.append(t)
    return out


def _named_thing(run: list[Token], text: str, lex) -> bool:
    """A place and a noun that CC-CEDICT has together as the name of a thing, neither a place, a person
    nor an institution (日本|脑炎 "Japanese encephalitis", 北京|烤鸭 "Peking duck"): one word, which a
    place before a word is not otherwise (驻|北京, 日本|政府)."""
    if len(run) != 2 or not run[0].pos.startswith("ns") or not run[1].pos.startswith("n") \
            or run[1].pos.startswith(("nr", "ns", "nt")) or len(run[1].text) < 2:
        return False
    entries = [e for e in lex.entries(text) if not e.variant_only]
    # a title-case sense names an institution, which the rules for names see in its parts (台北|捷运 "Taipei
    # Metro" before a line's name)
    return bool(entries) and not any(e.place or e.person or _title_case(e.senses[0] if e.senses else "")
                                     for e in entries)


def _title_case(sense: str) -> bool:
    words = [w for w in re.split(r"[ ,/()]+", sense) if w and w[0].isalpha() and w not in ("of", "the", "and")]
    return bool(words) and all(w[0].isupper() for w in words)


_BOUND_ENDS = frozenset("子儿头")
_TOWARDS = frozenset("来去")  # the second half of a directional complement (回来, 起来, 下去)
_BETTER_KNOWN = 10  # how many times more often jieba has seen a word than the one it cut it from


def _early(tokens: list[Token], i: int, lex, lexical: Lexical) -> list[Token] | None:
    """A word, then a character that with the word's last character makes an entry: jieba ended the
    word one character late, when the character cannot stand alone after a rare word (以|钉钉|子|精神
    → 钉|钉子: 钉钉 "DingTalk" is not here); when it completes a directional complement after a
    one-character verb (收回|来 → 收|回来 "to take back", 拿出|来 → 拿|出来); or when jieba knows the
    new word far better than the one it made and what is left is a word (当地|农业部|门 → 农业|部门
    "agricultural departments": 部门 16543, 农业部 968)."""
    if i + 1 >= len(tokens):
        return None
    t, nxt = tokens[i], tokens[i + 1]
    if not (len(t.text) >= 2 and len(nxt.text) == 1 and nxt.kind == WORD and t.end == nxt.start
            and _HAN_ONLY_RE.match(t.text)):
        return None
    head, word = t.text[:-1], t.text[-1] + nxt.text
    cut = t.end - 1
    if (len(t.text) == 2 and nxt.text in _BOUND_ENDS and lex.frequency(t.text) < 3.0
            and _common_entry(word, lex) and lex.is_word(head)):  # not 今年|头, 抬起|头
        return [Token(head, t.start, cut, "v", WORD), Token(word, cut, nxt.end, "n", WORD)]
    if (len(t.text) == 2 and nxt.text in _TOWARDS and word in _DIRECTIONS and t.pos.startswith("v")
            and lexical.tag(head, "").startswith("v") and _common_entry(head, lex)):
        return [Token(head, t.start, cut, "v", WORD), Token(word, cut, nxt.end, "v", WORD)]
    if (len(head) >= 2 and not _function(nxt) and nxt.text not in lex.stopwords
            and lexical.count(word) >= _BETTER_KNOWN * max(lexical.count(t.text), 1)
            and _common_entry(word, lex) and _common_entry(head, lex)):
        return [_kind(Token(head, t.start, cut, lexical.tag(head, "n")), lex, lexical),
                Token(word, cut, nxt.end, lexical.tag(word, "n"), WORD)]
    return None


def _bound_characters(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """發電機|組 → 發電|機組 "generating set", 車|窗玻璃 → 車窗|玻璃 "car window glass": a bound character
    (jieba's tags ending in g: 组, 车) left alone beside a word of three or more characters whose end
    (or start) makes a CC-CEDICT word with it is that word's other half, when what is left is a
    CC-CEDICT word too and jieba knows both new words at least as well as the one it cut.  A free
    character stays (共产党|人, 周期性|地, 中|南美洲: 人, 地, 中 are words alone)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        pair = tokens[i:i + 2]
        if len(pair) == 2 and all(u.kind == WORD for u in pair) and pair[0].end == pair[1].start:
            a, b = pair
            long, char = (a, b) if len(b.text) == 1 else (b, a)
            if (len(char.text) == 1 and len(long.text) >= 3 and _HAN_ONLY_RE.match(long.text)
                    and char.pos.endswith("g") and lexical.tag(char.text, "").endswith("g")):
                if char is b:
                    left, right = long.text[:-1], long.text[-1] + char.text
                else:
                    left, right = char.text + long.text[0], long.text[1:]
                floor = max(lexical.count(long.text), 1)
                if all(_common_entry(w, lex) and lexical.count(w) >= floor for w in (left, right)):
                    cut = a.start + len(left)
                    out.append(Token(left, a.start, cut, lexical.tag(left, "n"), WORD))
                    out.append(Token(right, cut, b.end, lexical.tag(right, "n"), WORD))
                    i += 2
                    continue
        out.append(tokens[i])
        i += 1
    return out


def _article_words_late(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """其中|資 → 其|中資: a function word of two characters (a pronoun, adverb, conjunction or
    preposition: 其中 "among them") and a character after it that with its second character is a
    CC-CEDICT word the article uses elsewhere (中資 "Chinese capital") are its first character and that
    word: jieba ended the function word one character late (其 "its" 中資控股股東)."""
    words = Counter(t.text for t in tokens if t.kind == WORD and len(t.text) == 2)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (nxt is not None and len(t.text) == 2 and len(nxt.text) == 1 and t.kind == WORD and nxt.kind == WORD
                and t.end == nxt.start and t.pos.startswith(_PHRASE_OPENERS) and not _function(nxt)
                and nxt.text not in lex.stopwords and lex.is_word(t.text[0])):
            word = t.text[1] + nxt.text
            if words[word] >= 1 and _common_entry(word, lex):
                out.append(Token(t.text[0], t.start, t.start + 1, lexical.tag(t.text[0], "r"), WORD))
                out.append(Token(word, t.start + 1, nxt.end, lexical.tag(word, "n"), WORD))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def _abbreviations_after_places(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """新港|國|小 → 新港|國小 "elementary school": after a place's name, two characters jieba cut apart
    that CC-CEDICT has together and jieba's dictionary as an abbreviation (its j: 國小, 國中, 市府) are
    that abbreviation, the place's school or office, not 國 "country" and 小 "small"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        run = tokens[i:i + 2]
        prev = out[-1] if out else None
        if (prev is not None and len(run) == 2 and (prev.pos.startswith("ns") or is_place(prev.text, lex))
                and prev.end == run[0].start and run[0].end == run[1].start
                and all(len(u.text) == 1 and u.kind == WORD for u in run)):
            pair = run[0].text + run[1].text
            if lexical.tag(pair, "") == "j" and _common_entry(pair, lex):
                out.append(Token(pair, run[0].start, run[1].end, "j", WORD))
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


def _shifted(tokens: list[Token], i: int, lex, lexical: Lexical) -> list[Token] | None:
    """对|标高|水平 → 对标|高水平: a character, a rare word made across a boundary, and a word; when
    the character with the rare word's first makes an entry and the rest with the next token one
    too, jieba cut one character late."""
    if i + 2 >= len(tokens):
        return None
    t, nxt, after = tokens[i], tokens[i + 1], tokens[i + 2]
    if not (len(t.text) == 1 and len(nxt.text) == 2 and all(u.kind == WORD for u in (t, nxt, after))
            and t.end == nxt.start and nxt.end == after.start):
        return None
    head, tail = t.text + nxt.text[0], nxt.text[1] + after.text
    if (lex.frequency(nxt.text) < 3.0 and not lexical.known(head) and _common_entry(head, lex)
            and (_common_entry(tail, lex) or lexical.known(tail)) and not _function(after)):
        rest = [r for c in _classify(Token(tail, nxt.start + 1, after.end, lexical.tag(tail, "x")), lex, lexical)
                for r in ((_jieba_term(c, lex, lexical) or [c]) if c.kind == FRAGMENT else [c])]
        return [Token(head, t.start, t.end + 1, "v" if t.pos.startswith("v") else "n", WORD), *rest]
    return None


def _common_entry(text: str, lex) -> bool:
    return any(not (e.proper or e.variant_only or e.surname_only) for e in lex.entries(text))


# Words after which a person's name follows: titles, roles, bylines (市委书记陈吉宁, 部长王文涛, 记者…)
_ROLES = frozenset(
    "书记 总书记 部长 副部长 总理 副总理 首相 主席 副主席 委员 常委 市长 副市长 省长 县长 镇长 局长 处长 署长 院长 校长 "
    "主任 董事长 总裁 经理 教授 老师 医生 总统 议员 发言人 记者 作者 编辑 专家 研究员 理事长 厂长 店主 主持人 "
    "次长 秘书长 司长 厅长 区长 会长 社长 队长 组长 摄影 摄".split()
)
# jieba's tag of a transliterated name (桦加沙 Huàjiāshā): one word, capitalised once, unlike a
# Chinese name's surname and given name (Chén Jíníng)
FOREIGN_NAME = "nrt"
# the words a storm's name comes before (桦加沙台风)
_STORM_WORDS = frozenset("台风 飓风".split())
# Words after which the name of a storm follows (台风桦加沙, 命名为博罗依)
_STORMS = frozenset("台风 飓风 强台 强台风 热带风暴 强烈台风 超强台风 轻度台风 中度台风 命名".split())


_NAME_TAIL = frozenset("于及和与的在是也亦将已曾对为则就都又还并")
_NAME_HEAD_BAN = frozenset("由在从对为向把被将让给与和及于是也都而但")  # words jieba glues before one (由|杰明…)  # words jieba glues after a name it does not know


def _transliterations(tokens: list[Token], lex) -> list[Token]:
    """列夏格, 史高拉利: a piece of three or more characters no dictionary has, jieba's unknown, two
    thirds of them the characters transliterations are spelled with, is a foreign name (one word,
    no card), not a term "row + summer + grid"; a function character glued after it (史高拉利|及) is
    its own word.  A name found so is a name wherever the article writes it."""
    names: set[str] = set()
    for t in tokens:
        text = t.text
        if t.kind in (FRAGMENT, TERM) and len(text) >= 3 and text[-1] in _NAME_TAIL:
            text = text[:-1]
        if (t.kind in (FRAGMENT, TERM) and t.pos in ("x", "") and len(text) >= 3 and _HAN_ONLY_RE.match(text)
                and not lex.entries(text) and 3 * sum(c in TRANSLITERATION for c in text) >= 2 * len(text)
                and not any(c in _FUNCTION_CHARS for c in text) and text[0] not in _NAME_HEAD_BAN):
            names.add(text)
    if not names:
        return tokens
    out: list[Token] = []
    for t in tokens:
        if t.text[:-1] in names and t.kind in (FRAGMENT, TERM) and t.text[-1] in _NAME_TAIL:
            out.append(Token(t.text[:-1], t.start, t.end - 1, FOREIGN_NAME, NAME))
            out.append(Token(t.text[-1], t.end - 1, t.end, "p" if t.text[-1] in "于对为在" else "c", WORD))
        else:
            out.append(t)
    return _mark_names(out, names, dict.fromkeys(names, FOREIGN_NAME))


def _bracketed_names(tokens: list[Token], text: str, lex, lexical: Lexical) -> list[Token]:
    """理查赛内特（Richard Sennett）: a transliteration a Latin name in brackets follows is one foreign
    name, here and wherever the article writes it (``foreign.bracketed_names``)."""
    if "(" not in text and "（" not in text:
        return tokens
    starts = {t.start for t in tokens}
    names = bracketed_names(text, starts)
    if not names:
        return tokens
    # the surname alone elsewhere (赛内特 for Sennett): the name's longest ending of two or more
    # characters that the article writes on its own, where no dictionary word is
    for name in list(names):
        for k in range(1, len(name) - 1):
            tail = name[k:]
            if not lex.is_word(tail) and any(m.start() in starts and not text.startswith(name, m.start() - k)
                                             for m in re.finditer(re.escape(tail), text)):
                names.add(tail)
                break
    slips = _homophone_spellings(names, text, starts, lex)
    names |= slips
    return _mark_names(_cut_after(tokens, slips, text, lex, lexical), names, dict.fromkeys(names, FOREIGN_NAME))


def _cut_after(tokens: list[Token], names: set[str], text: str, lex, lexical: Lexical) -> list[Token]:
    """A token that runs on past the end of one of ``names`` (塞内|特是 for the name 塞内特) cut where
    the name ends, when what is left is a word (是)."""
    ends = {m.end() for name in names for m in re.finditer(re.escape(name), text)}
    out: list[Token] = []
    for t in tokens:
        cut = next((e for e in ends if t.start < e < t.end), None)
        if cut is not None and lex.is_word(text[cut:t.end]):
            head, rest = text[t.start:cut], text[cut:t.end]
            out.append(Token(head, t.start, cut, lexical.tag(head, "x"), FRAGMENT))
            out.extend(_classify(Token(rest, cut, t.end, lexical.tag(rest, "x")), lex, lexical))
            continue
        out.append(t)
    return out


def _homophone_spellings(names: set[str], text: str, starts: set[int], lex) -> set[str]:
    """The name or its ending spelled again with one character a homophone (塞内特 for 赛内特, both sài nèi tè): a
    transliteration is chosen for its sound, and an article that writes it twice may slip on a
    character; one of three characters or more, itself a transliteration character, read as the
    name's there (toneless)."""
    def sounds(c: str) -> set[str]:
        return {e.pinyin.lower().rstrip("012345") for e in lex.entries(c) if len(e.syllables) == 1}

    found = set()
    # the name or its ending (the surname, 赛内特 of 理查赛内特), of three characters or more
    for name in {name[k:] for name in names for k in range(len(name) - 2)}:
        n = len(name)
        for at in starts:
            piece = text[at:at + n]
            if len(piece) != n or piece == name:
                continue
            odd = [i for i in range(n) if piece[i] != name[i]]
            if len(odd) == 1 and piece[odd[0]] in TRANSLITERATION and sounds(piece[odd[0]]) & sounds(name[odd[0]]):
                found.add(piece)
    return found


def _context_names(tokens: list[Token], text: str, lex, lexical: Lexical) -> list[Token]:
    """Names known by their place: after a title or role (部长王文涛) a surname and one or two more
    characters; after 台风 or 命名为 a storm's name of up to four characters (桦加沙: not 桦 "birch"
    and 加沙 "Gaza"); in a list of names separated by 、 (栗战书、汪洋、王沪宁) the items that start
    with a surname.  A name found so is a name wherever else it occurs in the article."""
    found: set[str] = set()
    storms: set[str] = set()  # a storm's name is a word of its own language, spelled as one word
    for i, t in enumerate(tokens):
        j = i + 1
        while j < len(tokens) and text[tokens[j].start:tokens[j].end] in ("：", ":", "为", "為"):
            j += 1
        if t.text in _ROLES and j < len(tokens) and _surname(tokens[j].text[0], lex):
            name = _name_after(tokens, j, text, 3, lex, stop_at_name=True)
            if name and 2 <= len(name) <= 3 and not _common_entry(name, lex):
                found.add(name)
        elif t.text in _STORMS and j < len(tokens) and not _verb_like(tokens[j], lexical):
            name = _name_after(tokens, j, text, 4, lex)
            if name and 2 <= len(name) <= 4 and not _common_entry(name, lex):
                storms.add(name)
        if t.text in _STORM_WORDS and i and tokens[i - 1].end == t.start:
            name = _name_before(tokens, i, lex)
            if name and 2 <= len(name) <= 4 and not _common_entry(name, lex):
                storms.add(name)
    # 、-lists: an item between 、 (or at a list's ends) that starts with a surname, when a
    # neighbouring item is a name
    if found or storms:
        tokens = _mark_names(tokens, found | storms, {n: FOREIGN_NAME for n in storms})
    for _ in range(4):  # a name found in a list makes its neighbour's item a name too
        items, lists = _list_items(tokens, text)
        more = set()
        for k, item in enumerate(items):
            word = "".join(tokens[x].text for x in item)
            neighbours = [items[m] for m in (k - 1, k + 1) if 0 <= m < len(items) and lists[m] == lists[k]]
            if (2 <= len(word) <= 3 and _surname(word[0], lex) and len(item) <= 2
                    and not (len(item) == 1 and tokens[item[0]].kind == NAME)
                    and any(len(n) <= 2 and tokens[n[0]].kind == NAME for n in neighbours)):
                more.add(word)
        if not more:
            break
        tokens = _mark_names(tokens, more)
    return tokens


# words a rail line's name follows (捷运板南线, 北捷板南线, 台铁…线) or comes before (文湖线列车)
_RAIL = frozenset("捷运 北捷 台铁 高铁 地铁 轻轨 港铁 铁路".split())
_AFTER_LINES = frozenset("列车 站 沿线 车站".split())
_STATION = "站"
_STANDING = frozenset("在着起成了出满好住立")  # 站 the verb "to stand": 学生|站|在, 站|起来


def _transit_names(tokens: list[Token], text: str, lex, lexical: Lexical) -> list[Token]:
    """Names of rail lines and stations, which neither dictionary has, are one place term each: a line
    is what ends in 线 after a rail word or before 列车 or 站 (捷运|板|南线 → 板南线 "Bannan line"), a
    station the tokens right before 站 or before another station in a list (忠孝|复兴|站 and
    忠孝|复兴、台北车站 → 忠孝复兴), when at least one of them is no common word and none a function
    word (男生|女生|站|成 stays: two words and the verb "to stand").
    A name found so is one wherever else the article has it (忠孝复兴、台北车站), and takes its first
    character back from a piece jieba glued it to (北捷板|南线 → 北捷|板南线)."""
    found: set[str] = set()
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].start == t.end else None
        if t.text.endswith("线"):
            run = _name_run(tokens, i + 1, lex)
            first = i + 1 - len(run)
            cue = tokens[first - 1] if run and first and tokens[first - 1].end == run[0].start else None
            if not (nxt is not None and nxt.text in _AFTER_LINES or cue is not None and cue.text in _RAIL):
                continue
        elif (t.text == _STATION and not (nxt is not None and nxt.text[0] in _STANDING)
              or text[t.start:t.end] == "、" and _station_after(tokens, i + 1)):
            run = _name_run(tokens, i, lex)  # before 站, or before 、 and a station (忠孝复兴、台北车站)
            if len(run) < 2:
                continue
        else:
            continue
        name = "".join(u.text for u in run)
        if 3 <= len(name) <= 5 and not _common_entry(name, lex) and "线" not in name[:-1]:
            found.add(name)  # not 大兴|线新宫|站: a line's name and a station's
    if not found:
        return tokens
    tokens = _regive(tokens, found, lex, lexical)
    return [Token(t.text, t.start, t.end, "nsa", TERM) if t.kind == NAME and t.text in found else t
            for t in _mark_names(tokens, found)]


def _station_after(tokens: list[Token], i: int) -> bool:
    """Whether the tokens from ``i`` name a station: up to three of them, run together, end in 站 (台北|车站)."""
    name = ""
    for k in range(i, min(i + 3, len(tokens))):
        if k > i and tokens[k - 1].end != tokens[k].start:
            break
        name += tokens[k].text
        if name.endswith(_STATION) and len(name) >= 3:
            return True
    return False


def _name_run(tokens: list[Token], end: int, lex) -> list[Token]:
    """The tokens that end before ``tokens[end]`` and may name a line or station: up to three, at most
    five characters, no function or number word (a compass point is part of a name: 民权|西|路|站),
    and at least one a single character or no common word (忠孝, 板, 文湖线)."""
    run: list[Token] = []
    for k in range(end - 1, max(-1, end - 4), -1):
        u = tokens[k]
        if (run and u.end != run[0].start or u.kind not in (WORD, TERM, FRAGMENT, NAME)
                or not _HAN_ONLY_RE.match(u.text) or u.text in _RAIL or u.text in lex.stopwords
                or _function(u) and u.kind == WORD and u.text not in _POINTS
                or sum(len(r.text) for r in run) + len(u.text) > 5):
            break
        run.insert(0, u)
    while run and run[0].kind == WORD and run[0].pos.startswith(("v", "a")) and len(run) > 1 and \
            _common_entry(run[0].text, lex) and lex.frequency(run[0].text) >= 4.5:
        run.pop(0)  # 搭|板南线: the verb before the name
    if not any(u.kind != WORD or not _common_entry(u.text, lex) or len(u.text) == 1 for u in run):
        return []
    return run


def _regive(tokens: list[Token], names: set[str], lex, lexical: Lexical) -> list[Token]:
    """北捷板|南线 → 北捷|板南线: a piece ending in a name's first characters, followed by the rest of
    the name, gives those characters to the name when what is left of it is a word or a piece the
    article has on its own (北捷)."""
    pieces = {t.text for t in tokens}
    terms = {t.text for t in tokens if t.kind == TERM}
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        cut = None
        if t.kind == FRAGMENT and nxt is not None and nxt.start == t.end:
            for n in names:
                for k in range(1, len(t.text)):
                    head, tail = t.text[:k], t.text[k:]
                    if n.startswith(tail) and nxt.text == n[len(tail):] and (head in pieces or lex.is_word(head)):
                        cut = k
        if cut:
            head = t.text[:cut]
            if head in terms:
                out.append(Token(head, t.start, t.start + cut, lexical.tag(head, "x"), TERM))  # 北捷, a term elsewhere
            else:
                out.extend(_classify(Token(head, t.start, t.start + cut, lexical.tag(head, "x")), lex, lexical))
            out.append(Token(t.text[cut:], t.start + cut, t.end, "x", FRAGMENT))
            continue
        out.append(t)
    return out


# what follows a surname to name a person by it: 陳先生, 王老師 are a name and a word to learn
_TITLES = frozenset("先生 小姐 女士 太太 老师 医生 教授 师傅 阿姨 伯伯 老伯 婆婆 同学 律师 主任 经理 老板".split())
# what a person does right after a surname said alone (钟|表示): a name there (``_lone_surnames``)
# what Taiwan news writes after a surname for a person it has named (郭女 Ms Guo, 林嫌 suspect Lin)
_PERSON_SUFFIXES = frozenset("女 男 嫌 婦 妇 童 翁 嬤 嬷".split())
_SPEECH = frozenset("表示 说 指出 认为 强调 透露 坦言 提到 回应 说明 称 说道".split())


def _split_titles(tokens: list[Token], lex) -> list[Token]:
    """陳先生 (a term of jieba's dictionary, or a name it guessed) → 陳 the surname and 先生 the word."""
    out: list[Token] = []
    for t in tokens:
        if (t.kind in (TERM, FRAGMENT, NAME) and len(t.text) == 3 and t.text[1:] in _TITLES
                and _surname(t.text[0], lex)):
            out.append(Token(t.text[0], t.start, t.start + 1, "nr", NAME))
            out.append(Token(t.text[1:], t.start + 1, t.end, "n", WORD))
        else:
            out.append(t)
    return out


def _verb_like(t: Token, lexical: Lexical) -> bool:
    """颱風|要來, 颱風|將, 台风|很强: what follows a storm's word is its verb, not its name, when it
    starts with a modal, an adverb (of degree: 很, 最, 更), a negation or a preposition (颱風|朝西北西方向),
    or jieba's dictionary has it as a verb, or it is a verb and a place's one-character name (颱風|襲港)."""
    if (len(t.text) == 2 and lexical.tag(t.text[0], "").startswith("v")
            and lexical.tag(t.text[1], "") in ("j", "ns")):
        return True
    return t.text[0] in _FUNCTION_CHARS or t.text[0] in "已来又正即仍恐朝往向" or t.text[0] in _PREFIXES or (
        t.kind == WORD and t.pos.startswith(("v", "d", "p", "c")))


def _surname(char: str, lex) -> bool:
    """CC-CEDICT lists ``char`` as a surname (甘, 常, 栗)."""
    return char in _SURNAMES or any(s.startswith("surname ") for e in lex.entries(char) for s in e.senses)


_NOT_IN_NAMES = frozenset("及把是的和与被在也都就对从给让了着过吗呢吧")


def _name_after(tokens, j: int, text: str, limit: int, lex, stop_at_name: bool = False) -> str:
    """The characters of the tokens from ``j`` that may make a name of at most ``limit`` characters:
    names, fragments and single characters, or a word that joins them; never a pronoun, a particle
    or a conjunction (老师|教他把, 台风|警报及), nor a common word of the dictionary (台风|警报)."""
    name = ""
    for t in tokens[j:j + 3]:
        if t.kind not in (NAME, FRAGMENT, WORD, TERM) or not _HAN_ONLY_RE.match(t.text):
            break
        if len(name) + len(t.text) > limit:
            break
        if t.text in _NOT_IN_NAMES or (t.kind == WORD and t.pos.startswith("r")) or t.pos == "f":
            break  # a pronoun, or a direction (西北西)
        if t.kind == WORD and len(t.text) >= 2 and _common_entry(t.text, lex) and lex.frequency(t.text) >= 3.5:
            break
        if name and t.kind == WORD and len(t.text) >= 2 and t.pos.startswith(("v", "d", "p")):
            break  # 桦加沙|增强: the verb after the name
        name += t.text
        if stop_at_name and t.kind == NAME and len(name) >= 2:
            break
    return name


def _name_before(tokens, i: int, lex) -> str:
    """The characters of the tokens just before ``tokens[i]`` (a storm's word: 桦加沙|台风) that may
    make a name of at most four characters: names, fragments, or words no common dictionary word
    and no function, number, measure, time, place or describing word (强烈|台风, 第18号|台风, 海上|台风)."""
    name = ""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = tokens[k]
        if t.kind not in (NAME, FRAGMENT, WORD, TERM) or not _HAN_ONLY_RE.match(t.text):
            break
        if len(name) + len(t.text) > 4 or t.text in _NOT_IN_NAMES or t.text in _FUNCTION_CHARS:
            break
        if t.kind == WORD and (t.pos.startswith(("r", "m", "q", "a", "d", "f", "p", "c", "u", "t", "s", "b", "z", "v"))
                               or len(t.text) >= 2 and _common_entry(t.text, lex) and lex.frequency(t.text) >= 3.5):
            break
        if k + 1 < i and tokens[k].end != tokens[k + 1].start:
            break
        name = t.text + name
    return name


def _list_items(tokens, text: str) -> tuple[list[list[int]], list[int]]:
    """Token indices of each item of the 、-separated lists in the text, and the list each is of:
    the last tokens before a 、 (…書記王滬寧|、), and after the last 、 the first token or two, where
    the clause goes on after the item (、|汪洋|等領導同志…, 、|解冬|出席會議)."""
    items: list[list[int]] = []
    lists: list[int] = []  # per item: which list (a list ends where no 、 follows its item)
    current: list[int] = []
    in_list = False
    number = 0

    def last_item():
        head = current[:1]  # a surname cut off its given name (、|陳|杰|出席) takes the next token too
        if len(current) > 1 and len(tokens[current[0]].text) == 1 and len(tokens[current[1]].text) <= 2:
            head = current[:2]
        return head

    for i, t in enumerate(tokens):
        written = text[t.start:t.end]
        if written == "、":
            if current:
                items.append(current)
                lists.append(number)
            current, in_list = [], True
        elif not _HAN_ONLY_RE.match(t.text):
            if in_list and current:
                items.append(last_item())
                lists.append(number)
            current, in_list = [], False
            number += 1
        else:
            current.append(i)
            if len(current) > 3 and not in_list:  # before a list's first 、: its last tokens
                current = current[-3:]
    if in_list and current:
        items.append(last_item())
        lists.append(number)
    return items, lists


def _mark_names(tokens: list[Token], names: set[str], tags: dict | None = None) -> list[Token]:
    """Every run of whole tokens that spells one of ``names`` becomes one name token (tagged ``nr``, or
    as ``tags`` has the name)."""
    out: list[Token] = []
    i = 0
    longest = max(map(len, names))
    while i < len(tokens):
        t = tokens[i]
        text, j, hit = "", i, 0
        while j < len(tokens) and len(text) < longest and (j == i or tokens[j - 1].end == tokens[j].start):
            text += tokens[j].text
            j += 1
            if text in names:
                hit = j
        if hit:
            name = "".join(u.text for u in tokens[i:hit])
            out.append(Token(name, t.start, tokens[hit - 1].end, (tags or {}).get(name, "nr"), NAME))
            i = hit
        else:
            out.append(t)
            i += 1
    return out


# a document's number: its issuer's abbreviation, the year in brackets, the serial and 号 (国发〔2023〕5号)
_DOCUMENT_RE = re.compile(r"[〔〈\[［【(（]\s*[0-9０-９]{4}\s*[〕〉\]］】)）]\s*[0-9０-９]+\s*[号號]")
_ISSUER = 3  # characters of an issuer's abbreviation before the year: 国发, 国办发, 证监发


def _document_numbers(tokens: list[Token], text: str) -> list[Token]:
    """国|发|〈1993〉69号: the characters that open a document's number are its issuer's abbreviation (the
    State Council's 国发), a label, no words: not 国 "country" and 发 "to send"."""
    starts = {m.start() for m in _DOCUMENT_RE.finditer(text)}
    if not starts:
        return tokens
    out = list(tokens)
    for i, t in enumerate(tokens):
        if t.end not in starts or not _HAN_ONLY_RE.match(t.text):
            continue
        k, length = i, 0
        while k >= 0 and _HAN_ONLY_RE.match(out[k].text) and length + len(out[k].text) <= _ISSUER and (
                k == i or out[k].end == out[k + 1].start):
            length += len(out[k].text)
            k -= 1
        for j in range(k + 1, i + 1):
            out[j] = Token(out[j].text, out[j].start, out[j].end, "x", FRAGMENT)
    return out


def _damaged(tokens: list[Token], text: str) -> list[Token]:
    """A token touching a replacement character (服\ufffd\ufffd中心) is a piece of a damaged word."""
    if "\ufffd" not in text:
        return tokens
    return [t.as_kind(FRAGMENT) if "\ufffd" in text[max(0, t.start - 1):t.end + 1] and t.kind != OTHER else t
            for t in tokens]


_MAJOR_RE = re.compile(f"^[{_NUMERAL}]+大$")  # 三大, 四大: "three major …" in news, not a dictionary term
_CONGRESS_RE = re.compile("^(?:[一二]十[一二三四五六七八九]?|十[一二三四五六七八九])大$")  # 十五大, 二十大 (but 十大: "top ten")


def _classify(t: Token, lex, lexical: Lexical) -> list[Token]:
    """The token with its kind; a number glued to a measure word (第六届) becomes two tokens."""
    if _CONGRESS_RE.match(t.text):
        return [t.as_kind(NUMBER)]  # 党的二十大: the 20th Party Congress, not 大 "big"
    if (t.pos.startswith("nr") and len(t.text) == 4 and _HAN_ONLY_RE.match(t.text)
            and all(_common_entry(h, lex) for h in (t.text[:2], t.text[2:]))):
        # 爸爸妈妈, 叔叔阿姨: jieba's "name" of two common words is the two, each read as its entry
        # (bàba māma, not CC-CEDICT's bàbàmāmā for the pair)
        return [Token(h, t.start + k, t.start + k + 2, lexical.tag(h, "n"), WORD)
                for k, h in ((0, t.text[:2]), (2, t.text[2:]))]
    m = _NUMERAL_PREFIX_RE.match(t.text)
    if m and 0 < m.end() < len(t.text) and (not lex.is_word(t.text) or _MAJOR_RE.match(t.text)):
        rest = t.text[m.end():]
        if lex.is_word(rest):
            # 第六|届: a measure word after a number; 四|大: an adjective
            tag = "a" if _MAJOR_RE.match(t.text) else "q" if len(rest) == 1 else lexical.tag(rest, "q")
            return [Token(t.text[:m.end()], t.start, t.start + m.end(), "m", NUMBER),
                    _kind(Token(rest, t.start + m.end(), t.end, tag), lex, lexical)]
        if len(rest) >= 2 and _unit(rest[0], lex, lexical) and lex.is_word(rest[1:]):
            # 七级风: a number, its unit and the noun it measures (七|级|风), not one "word" 七级风
            at = t.start + m.end()
            return [Token(t.text[:m.end()], t.start, at, "m", NUMBER), Token(rest[0], at, at + 1, "q", WORD),
                    *_classify(Token(rest[1:], at + 1, t.end, lexical.tag(rest[1:], "n")), lex, lexical)]
    return [_kind(t, lex, lexical)]


def _unit(char: str, lex, lexical: Lexical) -> bool:
    """A measure word: jieba tags it one, or CC-CEDICT gives it a classifier sense (级 "step, level")."""
    return lexical.tag(char, "").startswith("q") or any(
        s.startswith("classifier") for e in lex.entries(char) for s in e.senses)


def _kind(t: Token, lex, lexical: Lexical) -> Token:
    if not _HAN_ONLY_RE.match(t.text):
        return t.as_kind(NUMBER if _NUMBER_RE.match(t.text) else OTHER)
    if _NUMBER_RE.match(t.text):
        return t.as_kind(NUMBER)
    if t.pos.startswith("nr"):
        # jieba tags some common words nr (周全, 扁平化): a dictionary word with a common
        # sense, or a word of jieba's own dictionary that CC-CEDICT composes, is no name.
        if len(t.text) == 1:
            return t.as_kind(NAME)  # a surname cut off its given name
        if any(not (e.proper or e.surname_only or e.variant_only) for e in lex.entries(t.text)):
            return t.as_kind(WORD)
        if not lex.entries(t.text) and lexical.known(t.text) and _split(t, lex, lexical):
            return Token(t.text, t.start, t.end, "n", FRAGMENT)
        return t.as_kind(NAME)
    if lex.is_word(t.text):
        return t
    if t.pos.startswith("m") and _NUMERAL_PREFIX_RE.match(t.text):
        return t.as_kind(NUMBER)
    return t.as_kind(FRAGMENT)


_DATE_UNITS = "年月日号號时時分秒"


# after a number and its unit, a locative is the date's (1日|前后 "around the 1st", 3年|后 "3 years
# later"), not 日前 "the other day" or 年后 "after New Year"
_AFTER_UNIT = frozenset("前 后 内 间".split())


def _split_date_units(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """北京11月28日电: a date's unit that jieba glued to the next word (日电, which CC-CEDICT knows
    only as the company NEC; 5日至10日: 日至 "solstice", which jieba's HMM made) is cut off again,
    unless the whole is a common word both dictionaries have (月份).  So is a unit after a number in
    a piece no dictionary has (16|级风 → 级|风, 9|线南回 → 线|南回): jieba glued the number's unit to
    what follows it."""
    pieces = _recurring_pieces(tokens)
    out: list[Token] = []
    for i, t in enumerate(tokens):
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == NUMBER and prev.end == t.start and len(t.text) > 1
            and (t.text[0] in _DATE_UNITS and (t.text[1:] in _AFTER_UNIT
                                                or not (lexical.known(t.text) and _common_entry(t.text, lex)))
                 or _glued_unit(t, lex) and _NUMBER_END_RE.search(prev.text))
        ):
            out.append(Token(t.text[0], t.start, t.start + 1, "q", WORD))
            out.extend(_rest_of_unit(Token(t.text[1:], t.start + 1, t.end, lexical.tag(t.text[1:], "n")),
                                     tokens[i + 1:i + 3], pieces, lex, lexical))
        else:
            out.append(t)
    return _merge_recut(out)


# a unit of measure that begins with a magnitude: 千瓦 "kilowatt", 千米, 千克, 千瓦时, 百米
_UNIT_SENSE_RE = re.compile(r"^(?:kilo|hecto)|\(unit\b|\bunit of ")
_UNIT_HEAD_RE = re.compile("(?<=[万亿])(?=[千百])")


def _magnitude_units(tokens: list[Token], lex) -> list[Token]:
    """75|万千|瓦 → 75|万|千瓦 "750,000 kilowatts", 3亿千瓦时 → 3亿|千瓦时: after a number jieba reads
    万千 "myriad", or one number, across a magnitude and a unit that begins with 千 or 百; the unit
    is the word (a learner meets 千瓦, not 瓦 "roof tile").  万千 with no number before it stays
    (万千民众 "multitudes")."""
    out: list[Token] = []
    skip = 0
    for i, t in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        prev = out[-1] if out else None
        if t.kind == NUMBER and len(t.text) > 2:
            # one token over the number and the unit (3亿千瓦时, 三万千瓦)
            cut = next((m.start() for m in _UNIT_HEAD_RE.finditer(t.text) if _unit_word(t.text[m.start():], lex)), 0)
            if cut:
                out.append(Token(t.text[:cut], t.start, t.start + cut, "m", NUMBER))
                out.append(Token(t.text[cut:], t.start + cut, t.end, "q", WORD))
                continue
        after = tokens[i + 1:i + 3]
        if (t.kind == NUMBER and len(t.text) == 2 and _UNIT_HEAD_RE.search(t.text) and prev is not None
                and prev.kind == NUMBER and prev.end == t.start and after and after[0].start == t.end):
            # the longest unit over the next tokens: 万千|瓦|时 → 万|千瓦时
            for n in (2, 1):
                run = after[:n]
                if len(run) == n and all(a.end == b.start for a, b in zip([t] + run, run)) \
                        and _unit_word(t.text[1] + "".join(r.text for r in run), lex):
                    out.append(Token(t.text[0], t.start, t.start + 1, "m", NUMBER))
                    out.append(Token(t.text[1] + "".join(r.text for r in run), t.start + 1, run[-1].end, "q", WORD))
                    skip = n
                    break
            else:
                out.append(t)
            continue
        out.append(t)
    return out


def _unit_word(text: str, lex) -> bool:
    return any(_UNIT_SENSE_RE.search(s) for e in lex.entries(text) for s in e.senses[:1])


def _glued_unit(t: Token, lex) -> bool:
    """A token no dictionary word (级风, 线南回, 线花) whose first character is a word: after a number,
    that character is the number's unit (a measure word, or a label like 线 "route", 号 "number")."""
    return _HAN_ONLY_RE.match(t.text) is not None and not lex.is_word(t.text) and lex.is_word(t.text[0]) \
        and t.kind in (FRAGMENT, WORD, TERM)


def _recurring_pieces(tokens: list[Token]) -> set[str]:
    """Non-dictionary pieces the article has as whole tokens (花东 in 花东地区): evidence that the same
    characters are one piece where jieba cut them otherwise."""
    return {t.text for t in tokens if t.kind == FRAGMENT and len(t.text) >= 2 and _HAN_ONLY_RE.match(t.text)}


def _rest_of_unit(rest: Token, following: list[Token], pieces: set[str], lex, lexical: Lexical) -> list[Token]:
    """What followed a unit jieba glued to it (花 of 线花): with the start of the next token when the two
    make a piece the article has elsewhere and the rest of that token is a word (花|东海岸 → 花东|海岸),
    or a word with the token after it (传|产业|者 → 传产|业者); the tokens are then replaced (see
    ``_merge_recut``)."""
    nxt = following[0] if following else None
    if (rest.text in _AFTER_UNIT and nxt is not None and nxt.start == rest.end and nxt.text in _AFTER_UNIT
            and _common_entry(rest.text + nxt.text, lex)):
        return [Token(rest.text + nxt.text, rest.start, nxt.end, lexical.tag(rest.text + nxt.text, "f"), WORD)]  # 1日|前后
    if nxt is not None and nxt.start == rest.end and nxt.kind in (WORD, FRAGMENT, TERM) and len(rest.text) == 1:
        for k in range(1, len(nxt.text)):
            head, tail = rest.text + nxt.text[:k], nxt.text[k:]
            if head not in pieces:
                continue
            after = following[1] if len(following) > 1 else None
            if (len(tail) == 1 and after is not None and after.start == nxt.end and after.kind == WORD
                    and _common_entry(tail + after.text, lex)):
                return [Token(head, rest.start, nxt.start + k, "n", FRAGMENT),
                        Token(tail + after.text, nxt.start + k, after.end, lexical.tag(tail + after.text, "n"), WORD)]
            if lex.is_word(tail):
                return [Token(head, rest.start, nxt.start + k, "n", FRAGMENT),
                        _kind(Token(tail, nxt.start + k, nxt.end, lexical.tag(tail, "n")), lex, lexical)]
    return _classify(rest, lex, lexical)


def _merge_recut(tokens: list[Token]) -> list[Token]:
    """Drop tokens a re-cut made obsolete: a token overlapping the end of the one before it."""
    out: list[Token] = []
    for t in tokens:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


_NAME_DOTS = frozenset("·・‧•")  # between the parts of a foreign name: 阿伦·海尔, 托马斯·波普
_NAME_HYPHENS = frozenset("-－‐")  # between two names: 海尔-波普 (Hale-Bopp)
_AFTER_NAME = frozenset("于和与的在是等")


def _dotted_names(tokens: list[Token], lex) -> list[Token]:
    """The parts of a foreign name on either side of its dot (阿伦·海尔: no "Aalen, town in Germany",
    托马斯·波普|于) or of a hyphen between two names (海尔-波普彗星: no "wave + popular") are names, each
    spelled as one (Ālún·Hǎi'ěr); a preposition the HMM glued to the last part is given back."""
    if not any(t.text in _NAME_DOTS or t.text in _NAME_HYPHENS for t in tokens):
        return tokens  # (no copy of a long article's tokens where there is no dot or hyphen)
    out = list(tokens)
    for i in range(1, len(out) - 1):
        sep, left, right = out[i], out[i - 1], out[i + 1]
        if not (left.end == sep.start and sep.end == right.start and _HAN_ONLY_RE.match(left.text)
                and _HAN_ONLY_RE.match(right.text)):
            continue
        if sep.text in _NAME_HYPHENS and not (NAME in (left.kind, right.kind) and not any(
                _common_entry(u.text, lex) for u in (left, right) if u.kind != NAME)):
            continue
        if sep.text not in _NAME_DOTS | _NAME_HYPHENS:
            continue
        out[i - 1] = Token(left.text, left.start, left.end, FOREIGN_NAME, NAME)
        if len(right.text) >= 3 and right.text[-1] in _AFTER_NAME and right.kind != NAME:
            out[i + 1] = Token(right.text[:-1], right.start, right.end - 1, FOREIGN_NAME, NAME)
            out.insert(i + 2, Token(right.text[-1], right.end - 1, right.end, "p", WORD))
        else:
            out[i + 1] = Token(right.text, right.start, right.end, FOREIGN_NAME, NAME)
    return out


def _join_names(tokens: list[Token]) -> list[Token]:
    """陈|春江 and 李|养民: a one-character surname joined to the given name jieba cut off."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == NAME and len(prev.text) == 1 and prev.end == t.start
            and 1 <= len(t.text) <= 2 and (t.kind in (NAME, FRAGMENT))
        ):
            out[-1] = Token(prev.text + t.text, prev.start, t.end, "nr", NAME)
        else:
            out.append(t)
    return out


def _trim_names(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """龔正作部署: a three-character name whose first two characters are a name elsewhere in the
    article took the next word's character; give it back."""
    names = {t.text for t in tokens if t.kind == NAME}
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.kind == NAME and not lexical.known(t.text) and nxt is not None and nxt.start == t.end
                and len(nxt.text) == 1 and nxt.pos == "ng"):
            # 苏花路|廊: a bound noun (廊 "corridor") ends a place or thing, not a person's name:
            # the surname jieba's guess started with was the place's first character
            out.append(Token(t.text, t.start, t.end, "n", FRAGMENT))
        elif t.kind == NAME and len(t.text) == 3 and t.text[:2] in names and lex.is_word(t.text[2]):
            out.append(Token(t.text[:2], t.start, t.end - 1, t.pos, NAME))
            out.extend(_classify(Token(t.text[2], t.end - 1, t.end, lexical.tag(t.text[2], "x")), lex, lexical))
        else:
            out.append(t)
    return out


def _merge_terms(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """Join a recurring non-word piece with the neighbour it always comes with (进|博会 → 进博会),
    unless together they are only dictionary words in a row (左|手握着 is 左手 握 着)."""
    places: dict[tuple[str, str], set[int]] = {}
    for i, t in enumerate(tokens):
        if t.kind == FRAGMENT and len(t.text) >= 2 and t.pos.startswith(_NOMINAL):
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and tokens[j].kind in (WORD, FRAGMENT) and len(tokens[j].text) <= 3:
                    a, b = sorted((i, j))
                    if tokens[a].text in _JOINERS:
                        continue  # 司法院|和|法务部 twice: 和 links two names, it begins neither
                    if tokens[a].end == tokens[b].start:
                        places.setdefault((tokens[a].text + tokens[b].text, tokens[a].text), set()).add(tokens[a].start)
    terms = {
        key for key, starts in places.items()
        if len(starts) >= 2 and not _split(Token(key[0], 0, len(key[0]), "n", FRAGMENT), lex, lexical)
    }
    if not terms:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens):
            a, b = tokens[i], tokens[i + 1]
            if (a.text + b.text, a.text) in terms and a.end == b.start:
                # a word CC-CEDICT has (深水|埗 → 深水埗 "Sham Shui Po") keeps its entry; others are terms
                whole = a.text + b.text
                out.append(Token(whole, a.start, b.end, "nz", WORD if lex.entries(whole) else TERM))
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


def _shift_boundaries(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """台積|電今 → 台積電|今: a non-word piece and the start (or end) of its neighbour that make a
    dictionary word, when what is left of the neighbour is a word too; or the piece's end and its
    neighbour (有石|屎 → 有|石屎), when the piece's start is a word; or a character of no dictionary
    and the one-character noun after it (劏|房)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.kind == FRAGMENT and len(t.text) == 1 and not lex.entries(t.text) and nxt is not None
                and nxt.kind == WORD and len(nxt.text) == 1 and nxt.pos.startswith("n") and t.end == nxt.start):
            # 劏|房 → 劏房 "subdivided flat": a character no dictionary has (Cantonese 劏 "to cut open")
            # stands for no word alone; with the noun after it, it is the article's term
            out.append(Token(t.text + nxt.text, t.start, nxt.end, "n", TERM))
            i += 2
            continue
        if t.kind == FRAGMENT and nxt is not None and nxt.kind in (WORD, FRAGMENT) and t.end == nxt.start:
            for k in range(len(nxt.text), 0, -1):
                head, rest = t.text + nxt.text[:k], nxt.text[k:]
                if lex.is_word(head) and (not rest or lex.is_word(rest)):
                    out.append(Token(head, t.start, nxt.start + k, lexical.tag(head, "n"), WORD))
                    if rest:
                        out.extend(_classify(Token(rest, nxt.start + k, nxt.end, lexical.tag(rest, "x")), lex, lexical))
                    i += 2
                    break
            else:
                # 有石|屎 → 有|石屎 "concrete": the fragment's end starts a word with its neighbour
                for k in range(1, len(t.text)):
                    keep, tail = t.text[:k], t.text[k:] + nxt.text
                    if nxt.kind == WORD and lex.is_word(keep) and _common_entry(tail, lex):
                        out.extend(_classify(Token(keep, t.start, t.start + k, lexical.tag(keep, "x")), lex, lexical))
                        out.append(Token(tail, t.start + k, nxt.end, lexical.tag(tail, "n"), WORD))
                        i += 2
                        break
                else:
                    out.append(t)
                    i += 1
            continue
        prev = out[-1] if out else None
        if t.kind == FRAGMENT and prev is not None and prev.kind == WORD and prev.end == t.start and len(prev.text) > 1:
            for k in range(1, len(prev.text)):
                keep, tail = prev.text[:k], prev.text[k:] + t.text
                if lex.is_word(tail) and lex.is_word(keep):
                    out[-1] = _classify(Token(keep, prev.start, prev.start + k, lexical.tag(keep, prev.pos)), lex,
                                        lexical)[0]
                    out.append(Token(tail, prev.start + k, t.end, lexical.tag(tail, "n"), WORD))
                    break
            else:
                grown = _grown(prev, t, lex, lexical)
                if grown:
                    out[-1:] = grown
                else:
                    out.append(t)
            i += 1
            continue
        out.append(t)
        i += 1
    return out


def _grown(prev: Token, t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """获得|感就强 → 获得感|就|强: a word and the start of the fragment after it make a dictionary
    word, and the rest of the fragment is words (each character one, at worst)."""
    for k in range(len(t.text) - 1, 0, -1):
        head, rest = prev.text + t.text[:k], t.text[k:]
        if not _common_entry(head, lex):
            continue
        at = t.start + k
        if lex.is_word(rest):
            pieces = [Token(rest, at, t.end, lexical.tag(rest, "x"))]
        elif all(lex.is_word(c) for c in rest):
            pieces = [Token(c, at + n, at + n + 1, lexical.tag(c, "x")) for n, c in enumerate(rest)]
        else:
            continue
        verb = any(x.startswith("to ") for e in lex.entries(head) for x in e.senses)
        return [Token(head, prev.start, at, lexical.tag(head, "v" if verb else "n"), WORD),
                *(c for p in pieces for c in _classify(p, lex, lexical))]
    return None


# a negation or degree adverb before an adjective (不小的数字, 很好的机会, 这么大的雨)
_DEGREE = frozenset("不 很 太 最 更 挺 较 比较 这么 那么 多么 非常 十分 相当 特别 极 极其".split())


def _adjective_de(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """小小的|城市 → 小小|的, 不|小的|数字 → 不|小|的: a word and the 的 that makes it modify a noun
    are two words, not one headword "X + of"; a dictionary's X的 after a degree adverb is that too
    (小的 "I (to a superior)", 好的 "OK" are no words after 不 or 很)."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        head = t.text[:-1]
        if (len(t.text) >= 2 and t.text[-1] == "的" and lex.is_word(head) and _HAN_ONLY_RE.match(t.text)
                and (t.kind in (TERM, FRAGMENT) or t.kind == WORD and before is not None and before.end == t.start
                     and before.text in _DEGREE and lexical.tag(head, "x").startswith("a"))):
            out.append(_kind(Token(head, t.start, t.end - 1, lexical.tag(head, "a")), lex, lexical))
            out.append(Token("的", t.end - 1, t.end, "uj", WORD))
            continue
        if (t.kind == TERM and len(head) >= 2 and t.text[-1] == "的" and _HAN_ONLY_RE.match(t.text)
                and head[0] != head[1]):
            # 房中術的|效果: a term no dictionary has ends before its 的 (fángzhōngshù de); 长长的 is
            # the doubled adjective's (``_reduplications``)
            out.append(Token(head, t.start, t.end - 1, t.pos, TERM))
            out.append(Token("的", t.end - 1, t.end, "uj", WORD))
            continue
        out.append(t)
    return out


def _adverbial_de(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """心有餘悸|地說 → 地|說: after an idiom, an adjective, a state word or a verb of two characters
    (感慨|地說), jieba's piece 地 + verb is the adverbial particle de and the verb (not dì "earth" + shuō)."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        rest = t.text[1:]
        if (t.kind in (FRAGMENT, TERM) and t.text[:1] == "地" and rest and _HAN_ONLY_RE.match(rest)
                and lex.is_word(rest) and lexical.tag(rest, "x").startswith("v") and before is not None
                and before.end == t.start and (before.pos.startswith(("i", "a", "b", "z", "l", "d"))
                                               or before.pos.startswith("v") and len(before.text) >= 2)):
            out.append(Token("地", t.start, t.start + 1, "uv", WORD))
            out.append(_kind(Token(rest, t.start + 1, t.end, lexical.tag(rest, "v")), lex, lexical))
            continue
        out.append(t)
    return out


def _reduplications(tokens: list[Token], text: str, lex, lexical: Lexical) -> list[Token]:
    """清|清|白白 → 清清白白: an AABB reduplication of a dictionary word is one word (jieba's "state
    word", tag z; the dictionary gives it its base's readings and senses), not its pieces."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.kind in (WORD, FRAGMENT, TERM) and len(t.text) in (2, 3) and t.text[0] == t.text[1:2]
                and (t.text[2:] == "的" or t.kind == FRAGMENT) and _adjective(t.text[0], lex)
                and not lex.entries(t.text[:2])):
            # 长长的: a one-character adjective doubled, and its 的: the adjective twice (cháng cháng)
            if len(t.text) == 3 and t.text[2] != "的":
                # 黛黛|在, 丁丁|是: a doubled character no dictionary has, with no 的 after it, is a
                # pet name, and the character after it keeps its own text
                out.append(Token(t.text[:2], t.start, t.start + 2, "nr", NAME))
                out.append(_kind(Token(t.text[2], t.start + 2, t.end, lexical.tag(t.text[2], "x")), lex, lexical))
                i += 1
                continue
            out.append(Token(t.text[0], t.start, t.start + 1, "a", WORD))
            out.append(Token(t.text[0], t.start + 1, t.start + 2, "a", WORD))
            if len(t.text) == 3:
                out.append(Token("的", t.start + 2, t.end, "uj", WORD))
            i += 1
            continue
        word = text[t.start:t.start + 4]
        j = i
        while j < len(tokens) and tokens[j].end < t.start + 4:
            j += 1
        if (reduplicated(word) and j > i and j < len(tokens) and tokens[j].end == t.start + 4
                and all(u.kind in (WORD, FRAGMENT, TERM, NAME) for u in tokens[i:j + 1])
                and _common_entry(word, lex) and not _two_doubled_nouns(word, lex)):
            out.append(Token(word, t.start, t.start + 4, "z", WORD))
            i = j + 1
            continue
        out.append(t)
        i += 1
    return out


def _adjective(char: str, lex) -> bool:
    """A character whose first dictionary sense is an adjective's (长 "long", 高 "tall")."""
    entries = [e for e in lex.entries(char) if not (e.variant_only or e.surname_only or e.proper)]
    return bool(entries) and not entries[0].senses[0].startswith(("to ", "(", "surname", "classifier"))


def _two_doubled_nouns(word: str, lex) -> bool:
    """爸爸妈妈, 哥哥姐姐: AABB made of two nouns that are doubled already (bàba, māma: their second
    syllable neutral), not the reduplication of one word (干干净净 of 干净)."""
    return all(any(e.pinyin.endswith("5") and not e.proper for e in lex.entries(h)) for h in (word[:2], word[2:]))


_POINTS = frozenset("东西南北")


def _compass(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """东|南方 → 东南|方: jieba cut a compound direction (东南 "south-east") after its first point, gluing
    its second point to what follows (南方 "the south"); the direction and the rest are the words
    (东南方 is the south-east side, never "east" and "the south"); see ``_compass_points`` for the
    sixteen-point directions (西北|西方|向 → 西北西|方向)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (nxt is not None and t.text in _POINTS and nxt.text[:1] in _POINTS and len(nxt.text) >= 2
                and t.end == nxt.start and t.kind == WORD and nxt.kind == WORD
                and _common_entry(t.text + nxt.text[0], lex) and lex.is_word(nxt.text[1:])):
            whole = t.text + nxt.text
            if _common_entry(whole, lex):
                out.append(Token(whole, t.start, nxt.end, "f", WORD))
            else:
                out.append(Token(whole[:2], t.start, t.end + 1, "f", WORD))
                out.extend(_classify(Token(whole[2:], t.end + 1, nxt.end, lexical.tag(whole[2:], "n")), lex,
                                     lexical))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


# A degree adverb, negation or demonstrative that jieba glues to the next character (很|快, 最|低,
# 不|敢, 这|项, 各|项): the two are words of their own, unlike the pieces of 博会.
_PREFIXES = frozenset("很最更挺不没未这那每各本此该")  # not 太: 太昊, 太閤 are names


def _split_prefix(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    text = t.text
    if len(text) != 2 or text[0] not in _PREFIXES or not (lex.is_word(text[0]) and lex.is_word(text[1])):
        return None
    return [_kind(Token(text[0], t.start, t.start + 1, lexical.tag(text[0], "lex")), lex, lexical),
            *_classify(Token(text[1], t.start + 1, t.end, lexical.tag(text[1], t.pos)), lex, lexical)]


# Function words jieba's HMM glues to a neighbour into a two-character "word" it does not know
# (出發前|應, 他|會, 在|資, 改|了): before a word, a pronoun, preposition, conjunction or adverb …
_GLUE_BEFORE = frozenset("我你他她它在对以把被给向从和与或但及只再已仍总刚全都也就才又还常可")
# … after one, a modal or adverb beginning the next phrase, an aspect particle ending a verb, or a
# conjunction or numeral beginning the next phrase (桂林街|及, 雞尾包|一|出爐)
_GLUE_AFTER = frozenset("应该要常就也都才又还已仍了着过及和与或并一")
# a place or time word ending the noun phrase before it (危机|中|育先机, 上下班|时|多步行)
_GLUE_LOCATIVE = frozenset("中时上里内后前间")


def _split_glue(t: Token, before: list[Token], lex, lexical: Lexical) -> list[Token] | None:
    """A two-character piece of jieba's HMM that is a function word and a neighbour's character:
    two words (前應 → 前|應, read qián yīng; 他會 → 他|會; 危机|中育 → 中|育).  Not 博會: 会 after a word is the end of
    a name or term as often as "will"; nor a name after a role word (作者：常靜肼)."""
    text = t.text
    after_noun = bool(before) and before[-1].end == t.start and before[-1].kind in (WORD, TERM) \
        and len(before[-1].text) >= 2 and before[-1].pos.startswith(("n", "vn", "j", "t"))
    if len(text) != 2 or t.pos != "x" or not (text[0] in _GLUE_BEFORE or text[1] in _GLUE_AFTER
                                              or text[0] in _GLUE_LOCATIVE and after_noun):
        return None
    if not (lex.is_word(text[0]) and lex.is_word(text[1])):
        return None
    if any(b.text in _ROLES for b in before) and _surname(text[0], lex):
        return None
    return [_kind(Token(c, t.start + k, t.start + k + 1, lexical.tag(c, "x")), lex, lexical)
            for k, c in enumerate(text)]


# adverbs that open a verb phrase: jieba's dictionary has some of the pairs as entries (已有, 再有,
# 亦可, 只求), which CC-CEDICT rightly lacks
_PHRASE_ADVERBS = frozenset("已仍都也就才又还再只亦均皆曾")


def _split_phrase(t: Token, before: list[Token], lex, lexical: Lexical) -> list[Token] | None:
    """A two-character entry of jieba's that is a phrase of two words, each with its own card: an
    adverb and a verb (已有 → 已|有 "already have"), or 时 "when" closing the clause before it and a
    verb opening the next (受访|时说 → 受访|时|说 "said when interviewed")."""
    text = t.text
    if len(text) != 2 or not (lex.is_word(text[0]) and lex.is_word(text[1])):
        return None
    verb = lexical.tag(text[1], "x").startswith("v")
    adverb = text[0] in _PHRASE_ADVERBS and t.pos.startswith("v")
    when = text[0] == "时" and bool(before) and before[-1].end == t.start and before[-1].kind in (WORD, TERM, NAME)
    if not (verb and (adverb or when)):
        return None
    return [_kind(Token(c, t.start + k, t.start + k + 1, lexical.tag(c, "x")), lex, lexical)
            for k, c in enumerate(text)]


# verbs of ability or wish: before 得到 they take it as their object (能得到 "can obtain", 想得到 "want to get")
_MODALS = frozenset("能可会要想应该肯敢愿需须必将得值难易好便")
_CLAUSE_END = frozenset("。！？!?；;，,、：:」』”’）)了吗呢啊吧")
_NOT_VERBS = ("c", "d", "r", "m", "q", "u", "y", "e", "f", "n", "a")  # 并|得到: "and obtain"


def _potential_complements(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """得到 right after a one-character verb is the potential complement 得 + 到, not "to obtain":
    跟得到 "can keep up", 找得到 "can find", 买得到 "can buy" (jieba cuts 找|得到).  The verb is one
    jieba tags a verb, or one CC-CEDICT gives a verb sense when the phrase closes its clause (跟得到」;
    jieba tags 跟 a preposition), and not a conjunction or adverb (并|得到 "and obtain");
    a modal verb keeps 得到 as its object (能得到支持 "can obtain support")."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        before = out[-1] if out else None
        if t.text != "得到" or before is None or before.end != t.start or len(before.text) != 1 \
                or before.kind != WORD or before.text in _MODALS:
            out.append(t)
            continue
        after = tokens[i + 1].text[:1] if i + 1 < len(tokens) and tokens[i + 1].start == t.end else "。"
        verb = before.pos.startswith("v") or after in _CLAUSE_END and not before.pos.startswith(_NOT_VERBS) \
            and any(s.startswith("to ") for e in lex.entries(before.text) for s in e.senses)
        if not verb:
            out.append(t)
            continue
        out[-1] = Token(before.text, before.start, before.end, "v", before.kind)  # 跟 is a verb here
        out.extend(_kind(Token(c, t.start + k, t.start + k + 1, "ud" if c == "得" else "v"), lex, lexical)
                   for k, c in enumerate(t.text))
    return out


# 干事 gànshi is "an administrator"; after a modal or before 创业 it is 干 "to do" and its object 事:
# 干事创业 "to get things done and build", 想干事、能干事 (the text segmented is simplified)
_DOERS = frozenset("想 能 会 敢 要 肯 愿 愿意 善于 真抓 实 去 来 多 少 不".split())


# modal verbs that jieba glues to the verb after them into a noun of the dictionary (会考 "unified exam")
_GLUED_MODALS = frozenset("会能要可想敢肯愿")
_RARE_NOUN = 4.0  # wordfreq's Zipf scale below which such a noun gives way to the modal and its verb


def _doing_things(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """干事 read as a verb and its object (gàn shì) where a modal comes before it or 创业 after it;
    and a rare noun of a modal and a verb (会考 "unified exam") read as the two (huì kǎo) between an
    adverb and an object: 还|会考|爸爸 "will even quiz dad" is no exam (not 可能, 要求: common, or verbs)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        before = out[-1] if out else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (len(t.text) == 2 and t.kind == WORD and t.text[0] in _GLUED_MODALS and before is not None
                and after is not None and before.end == t.start and after.start == t.end
                and before.pos.startswith("d") and after.pos.startswith(("n", "r")) and after.kind in (WORD, NAME, TERM)
                and lexical.tag(t.text[1], "").startswith("v") and lex.frequency(t.text) < _RARE_NOUN
                and not any(s.startswith("to ") for e in lex.entries(t.text) for s in e.senses)):
            out.append(Token(t.text[0], t.start, t.start + 1, "v", WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, "v", WORD))
            continue
        if t.text == "干事" and ((before is not None and before.end == t.start and before.text in _DOERS)
                                or (after is not None and after.start == t.end and after.text in ("创业", "成事"))):
            out.append(Token("干", t.start, t.start + 1, "v", WORD))
            out.append(Token("事", t.start + 1, t.end, "n", WORD))
            continue
        out.append(t)
    return out


# Bound suffixes that make a word of the word before them (GB/T 16159 writes them on to it): 毛利率,
# 一致性, 扁平化, 通路商, 扣件业, 政绩观, 预报员, 追踪者, 气象署, 公路局, 示范区, 开放型, 主办方, 肌少症
# (a piece jieba's HMM made, 肌少, joins its suffix where the article repeats the whole); 通勤族,
# 詢問處, 證明單: a kind of people, an office, a form; 农机具, 餐具: implements; 菠蘿包: a bun;
# 疏離感, 無力感: a feeling (CC-CEDICT has 获得感, 安全感, 幸福感)
SUFFIXES = frozenset("性化率业商观者员署局区型方度界式家症族处单具包感")
# … of which those that name kinds of a thing (菠萝包, 鸡尾包: buns) make a word after any noun where
# the article names two kinds or jieba knows the whole; never before a verb's complement (礼物|包|起来:
# 包 "to wrap")
_KINDS = frozenset("包")
# … which also make words of verbs (追踪者, 扁平化, 调节性); the others make nouns of nouns (气象署)
_AFTER_VERBS = frozenset("性者化型区率处感")
# … and those that make a word of any noun before them, said once or not (通勤族 "commuters", 证明单 "certificate
# form", 交通局 "transport bureau", 司机员 "driver", 疏离感 "sense of alienation")
_PRODUCTIVE = frozenset("族单局署员感")
_FELT = "感"  # … but the verb gǎn "to feel" before what is felt (… 感|兴趣) is no suffix
_NOT_HEADS = ("r", "m", "q", "p", "c", "u", "d", "f", "t", "ns")  # a place: its unit stays apart (台湾|区)


def _suffixed(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """A word and the bound suffix jieba cut off it are one word where the language or the article
    uses the whole as one: jieba's dictionary has it as a common word (毛利|率 → 毛利率 "gross margin",
    示范|区) or the article says it again (气象|署 eleven times in a typhoon report, 博览|局): the
    article's term, its meaning composed from the word and the suffix, not a card for 率 or 署 alone
    (nor for 博览 "to read extensively").  Said once and unknown (制度|型, 热带|性), the word keeps its
    card (制度 "system") and the suffix its own."""
    pairs = Counter(a.text + b.text for a, b in zip(tokens, tokens[1:]) if b.text in SUFFIXES and a.end == b.start)
    # … and the whole where jieba or an earlier repair made it one (肌少症 beside 肌少|症)
    pairs.update(t.text for t in tokens if len(t.text) >= 3 and t.text[-1] in SUFFIXES)
    kinds = Counter(b for _, b in {(a.text, b.text) for a, b in zip(tokens, tokens[1:]) if b.text in _KINDS
                                   and a.end == b.start and a.pos.startswith(("n", "j")) and len(a.text) >= 2})
    out: list[Token] = []
    for i, t in enumerate(tokens):
        before = out[-1] if out else None
        if (t.kind == FRAGMENT and len(t.text) >= 3 and t.text[-1] in SUFFIXES and pairs[t.text] >= 2
                and _HAN_ONLY_RE.match(t.text) and t.pos == "x"):
            out.append(Token(t.text, t.start, t.end, "n", TERM))
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.text == "率" and nxt is not None and nxt.start == t.end and nxt.pos.startswith(("n", "r")):
            out.append(t)  # 市长|率|团: the verb shuài "to lead" and its object (``readings._rate_or_lead``)
            continue
        if (before is not None and t.text in SUFFIXES and t.kind == WORD and before.end == t.start
                and not (t.text == _FELT and nxt is not None and nxt.start == t.end
                         and nxt.pos.startswith(("n", "v", "a")) and _HAN_ONLY_RE.match(nxt.text))
                and (before.kind in (WORD, TERM) or before.kind == FRAGMENT and pairs[before.text + t.text] >= 2)
                and len(before.text) >= 2 and _HAN_ONLY_RE.match(before.text)
                and (not before.pos.startswith(_NOT_HEADS)
                     # a period's name and -化 jieba's dictionary has (近代|化 "modernisation")
                     or before.pos.startswith("t") and lexical.count(before.text + t.text) >= _JIEBA_TERM_FREQ)
                and not t.pos.startswith(("nr", "ns"))
                and (t.text in _AFTER_VERBS or before.pos == "vn" or not before.pos.startswith("v"))):
            whole = before.text + t.text
            # jieba's dictionary has the whole, however rarely, and the suffix makes a word with the
            # word's last character too (农机|具 → 农机具 "farm machinery": jieba has 农机具 and 机具)
            known = before.pos.startswith("n") and lexical.known(whole) and (
                lexical.known(before.text[-1] + t.text) or _common_entry(before.text[-1] + t.text, lex))
            if t.text in _KINDS:
                after = nxt.text if nxt is not None and nxt.start == t.end else ""
                known = (kinds[t.text] >= 2 or lexical.known(whole)) and not (
                    after[:1] in _COMPLEMENTS or after in _DIRECTIONS or after[:1] in _DIRECTION_ENDS)
                if not known:
                    out.append(t)
                    continue
            if (pairs[whole] < 2 and lexical.count(whole) < _JIEBA_TERM_FREQ and t.text not in _PRODUCTIVE
                    and not known):
                out.append(t)
                continue
            kind = WORD if lex.is_word(whole) else TERM
            out[-1] = Token(whole, before.start, t.end, "v" if t.text == "化" else "n", kind)
            continue
        out.append(t)
    return out


_RANK_RE = re.compile("^[一二三四五六七八九特头]等")
_RANK_HEADS = frozenset("功奖座舱兵")  # what is ranked: merit, prizes, seats, cabins, soldiers


def _ranks(tokens: list[Token], lex) -> list[Token]:
    """二等|功 → 二等功 "second-class merit", 三等功, 特等奖: a rank and the one-character thing it ranks
    are one term, as CC-CEDICT's 一等奖 "first prize"; not 二等 "second-rate" and 功 "achievement".
    (jieba's own word 三等功, which a number opens, is the term too.)"""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if (t.kind == FRAGMENT and len(t.text) == 3 and _RANK_RE.match(t.text) and t.text[2] in _RANK_HEADS):
            out.append(Token(t.text, t.start, t.end, "n", WORD if lex.entries(t.text) else TERM))
            continue
        if (before is not None and before.end == t.start and len(before.text) == 2 and _RANK_RE.match(before.text)
                and t.text in _RANK_HEADS and before.kind in (WORD, NUMBER)):
            whole = before.text + t.text
            out[-1] = Token(whole, before.start, t.end, "n", WORD if lex.entries(whole) else TERM)
            continue
        out.append(t)
    return out


_HEAD_FREQ = 10  # jieba's count from which a word and an element after it are its word
_ELEMENT_RE = re.compile(r"\((?:chemistry|metal)\)|\bchemical element\b")


def _element(char: str, lex) -> bool:
    """A chemical element or a metal, as CC-CEDICT glosses it (铝 "aluminum (chemistry)", 铁 "iron (metal)")."""
    return any(_ELEMENT_RE.search(x) for e in lex.entries(char) if not e.proper for x in e.senses[:2])


def _known_heads(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """电解|铝 → 电解铝 "electrolytic aluminium", 氧化|铝: a process or a compound and the element or
    metal after it that jieba's dictionary has together as a noun CC-CEDICT lacks are a material's
    name, an article term with its meaning composed (jieba's best path cut it for the counts of the
    parts).  Other one-character heads (適應|力, 國際|部, 送氣|音) stay apart, as UD GSD cuts them."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if (before is not None and before.end == t.start and len(t.text) == 1 and len(before.text) == 2
                and before.kind == WORD and t.kind == WORD and t.pos.startswith("n")
                and not before.pos.startswith(_NOT_HEADS + ("nr",)) and _HAN_ONLY_RE.match(before.text)
                and _element(t.text, lex)):
            whole = before.text + t.text
            freq, tag = lexical.entries.get(whole, (0, ""))
            if freq >= _HEAD_FREQ and tag == "n" and not lex.entries(whole):
                out[-1] = Token(whole, before.start, t.end, tag, TERM)
                continue
        out.append(t)
    return out


# measure words that make a dictionary word with 一 (一家 "the whole family", 一则 "on the one hand",
# 一道 "together", 一套 "suit", 一身 "whole body") or 几 (几点 "what time?"), which before a noun are
# still the numeral and its measure word
# 一度|电 "one kWh" (一度 "for a time" is an adverb: a verb follows it); 几点 "what time?": 几|点|建议;
# 一声|巨响 "a loud bang" (一声 "first tone"); 三条|大排 "three drainage channels" (三条 "three of a kind"
# in poker), 两家|公司: the other numbers with the measure words that make such words with them
# (not 度 or 角: 三度空间, 三角关系 are words before their noun)
_COUNTED = frozenset("条家声套道")
_SOUNDS = frozenset("声")  # … which counts a sound jieba tags a verbal noun too (一声|巨响, 一声|叹息)
_ONE_MEASURES = {"一": frozenset("家则道套身度声"), "几": frozenset("点"),
                 **{n: _COUNTED for n in "两二三四五六七八九十"}}
_ADVERB_CHARS = frozenset("就才便都也又还再却")
_COUNTS_A_PHRASE = frozenset("家")  # … or before a modifier with 的 and the noun (一家|被…的|咖啡店)
_ONE_STEP = frozenset(("一级", "一声"))  # 一 and a measure word of steps (or a sound) after a verb or a direction
_STEPS = frozenset("上下每逐高低")
_PHRASE_LIMIT = 12  # tokens a modifier with 的 may take before its noun


def _noun_after_de(tokens: list[Token], j: int) -> bool:
    """A 的 comes in the same clause before a noun, within a few tokens from ``j``: the noun a
    modifier phrase qualifies (被ＩＢＭ解雇的|中年|员工)."""
    for k in range(j, min(len(tokens) - 1, j + _PHRASE_LIMIT)):
        u = tokens[k]
        if u.kind == OTHER and not u.text.isalnum() and u.text.strip():  # a clause ends (ＩＢＭ goes on)
            return False
        if u.text == "的":
            nxt = tokens[k + 1]
            return nxt.kind in (WORD, TERM) and nxt.pos.startswith(("n", "t"))
    return False


_COUNTED_UNITS = frozenset("年天月周岁")  # what a number counts that jieba and CC-CEDICT call no measure word
_APPROXIMATE = 100  # jieba's count from which two characters before a number are its word (将近, 约莫)


def _one_measure(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """一家|螺丝厂 → 一|家|螺丝厂 "a screw factory": 一 and a measure word before the noun it counts
    are a number and a measure word, not the dictionary's word 一家 "the whole family"; and 一 before
    an adverb that with its first character makes a word is that word (一|早就 → 一早|就)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        before = out[-1] if out else None
        if (before is not None and before.text == "一" and before.end == t.start and len(t.text) == 2
                and t.kind == WORD and t.text[1] in _ADVERB_CHARS and _common_entry("一" + t.text[0], lex)):
            # 今天一|早就 → 一早|就 "early this morning, then": 一 alone before an adverb is no number
            out[-1] = Token("一" + t.text[0], before.start, t.start + 1, "d", WORD)
            out.append(Token(t.text[1], t.start + 1, t.end, "d", WORD))
            continue
        if (before is not None and len(before.text) == 1 and len(t.text) == 1 and before.end == t.start
                and before.kind == t.kind == WORD and nxt is not None and nxt.start == t.end
                and (nxt.kind == NUMBER or nxt.pos == "m") and lexical.count(before.text + t.text) >= _APPROXIMATE
                and _common_entry(before.text + t.text, lex)):
            # 提高到|将|近|九成 → 将近 "nearly": two characters jieba cut apart that make a word before a number
            out[-1] = Token(before.text + t.text, before.start, t.end, "d", WORD)
            continue
        if (before is not None and before.kind == NUMBER and before.end == t.start and len(t.text) == 2
                and t.text[0] in "余多来" and t.kind in (WORD, TERM)
                and (t.text[1] in _COUNTED_UNITS or _unit(t.text[1], lex, lexical))):
            # 3000|余年 → 余|年 "more than 3000 years", 五十|多年: not 余年 "one's remaining years", 多年 "many years"
            out.append(Token(t.text[0], t.start, t.start + 1, "m", WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        if (before is not None and before.kind == NUMBER and before.end == t.start and len(t.text) == 2
                and t.text[0] == "几" and t.kind in (WORD, TERM) and not before.text.startswith("第")
                and (t.text[1] in _COUNTED_UNITS or _unit(t.text[1], lex, lexical))):
            # 十|几年 → 十几|年 "ten-odd years": 几 after a number is part of it, not 几年 "a few years"
            out[-1] = Token(before.text + "几", before.start, t.start + 1, "m", NUMBER)
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        if (len(t.text) == 2 and t.text[1] in _LEVELS and t.kind == WORD and before is not None
                and before.end == t.start and _list_length(out) == _SMALL_NUMBERS.get(t.text[0])):
            # 村、乡、县|三级: the levels just listed, counted (three levels), not 三级 "grade 3"
            out.append(Token(t.text[0], t.start, t.start + 1, "m", NUMBER))
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        if _count_and_measure(t, lex, lexical) and not (before is not None and before.text in _HALVES):
            # 几颗|恒星, 半个|世纪: a count and the measure word of what it counts, each a word (几 "a few",
            # 颗 "classifier for small spheres"), not one headword "several + classifier"
            out.append(Token(t.text[0], t.start, t.start + 1, "m", WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        if (len(t.text) == 2 and t.text[1] in _ONE_MEASURES.get(t.text[0], ()) and t.kind == WORD
                and nxt is not None and nxt.start == t.end
                and (nxt.kind == TERM or nxt.kind == WORD and nxt.pos.startswith("n") and not nxt.pos.startswith("nr")
                     or t.text[1] in _SOUNDS and nxt.kind == WORD and nxt.pos == "vn"
                     or t.text[1] in _COUNTS_A_PHRASE and _noun_after_de(tokens, i + 1))
                or t.text in _ONE_STEP and before is not None and before.end == t.start
                and (before.text in _STEPS or before.pos.startswith("v")
                     or any(x.startswith("to ") for e in lex.entries(before.text) for x in e.senses))):
            # 一家|被…解雇的…|咖啡店: the measure word of a noun its modifier comes before;
            # 上|一级, 间隔|一级: one step of a ladder, not 一级 "first class"
            out.append(Token(t.text[0], t.start, t.start + 1, "m", NUMBER))
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        out.append(t)
    return out


_LEVELS = frozenset("级")
_SMALL_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def _list_length(tokens: list[Token]) -> int:
    """How many items of a list joined by 、 end ``tokens`` (省、市、县 → 3; 0 when they end in no list):
    each item a word or two of at most three characters."""
    items, k = 0, len(tokens) - 1
    while k >= 0:
        if tokens[k].kind not in (WORD, TERM, NAME) or len(tokens[k].text) > 3:
            break
        items += 1
        if k >= 1 and tokens[k - 1].text == "、":
            k -= 2
            continue
        break
    return items if items >= 2 else 0


_COUNTS = frozenset("几半")
_HALVES = frozenset("东西南北上下前后左右")  # 东|半部 "the eastern half": a half of a region, no count
# how CC-CEDICT glosses a count and a measure word that is no more than the two: 半个 "half of sth",
# 几个 "a few / several", 几次 "several times"; not 几点 "what time?", 半点 "the least bit", 半天 "a long time"
_COUNT_GLOSSES = ("half", "a few", "several")


def _count_and_measure(t: Token, lex, lexical: Lexical) -> bool:
    """几颗, 半个: 几 or 半 and a measure word (one CC-CEDICT calls a classifier), which the dictionary
    lacks together or glosses as just the count."""
    if len(t.text) != 2 or t.text[0] not in _COUNTS or t.kind not in (WORD, TERM):
        return False
    if not any(s.startswith("classifier") or s.startswith("(classifier") or " classifier" in s
               for e in lex.entries(t.text[1]) for s in e.senses):
        return False
    entries = lex.entries(t.text)
    return not entries or all(e.senses and e.senses[0].startswith(_COUNT_GLOSSES) for e in entries)


def _numeral_runs(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """第一|六|一|条 → 第一六一|条 "article 161", 第一八|四条 → 第一八四|条: Chinese digits read one by one
    after an ordinal or a number are one number, not 第一 "first" and more numbers (or 四条 "four items")."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        run = prev is not None and prev.end == t.start and (prev.kind == NUMBER or _ORDINAL_RE.match(prev.text)) \
            and _CHINESE_NUMBER_RE.match(prev.text.lstrip("第"))
        if run and t.kind == NUMBER and _CHINESE_NUMBER_RE.match(t.text):
            out[-1] = Token(prev.text + t.text, prev.start, t.end, "m", NUMBER)
            continue
        if (run and len(prev.text) >= 3 and len(t.text) == 2 and t.text[0] in _NUMERAL and t.kind == WORD
                and _unit(t.text[1], lex, lexical)):
            out[-1] = Token(prev.text + t.text[0], prev.start, t.start + 1, "m", NUMBER)
            out.append(Token(t.text[1], t.start + 1, t.end, "q", WORD))
            continue
        out.append(t)
    return out


_DE_COMPLEMENTS = {"得出": "v", "得很": "d"}  # after a verb: 得 and a complement, each its own word


def _potential_negatives(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """A verb and 不到 or 得出 after it: CC-CEDICT's word where it has one (找|不到 → 找不到 "can't find",
    达不到 "cannot reach"), else the verb and its potential complement 不 + 到 (感觉|不到 "can't
    feel"), never 不到 "not reaching" as a card; 不到一年 after no verb stays."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if t.text in _DE_COMPLEMENTS and before is not None and before.end == t.start and before.pos == "v" \
                and (len(before.text) == 1 or t.text == "得很") and before.kind == WORD and before.text not in _MODALS:
            # 賣|得出 "can sell": a one-character verb, 得 and its complement (mài de chū), not 得出
            # "to arrive at (a conclusion)", which follows a noun or a verbal noun (研究|得出|結論);
            # 背|得很|熟: 得 and the degree of the complement, 得很 "very" only after an adjective
            out.append(Token("得", t.start, t.start + 1, "ud", WORD))
            out.append(Token(t.text[1], t.start + 1, t.end, _DE_COMPLEMENTS[t.text], WORD))
            continue
        if t.text != "不到" or before is None or before.end != t.start or before.kind != WORD \
                or not _HAN_ONLY_RE.match(before.text) or before.text in _MODALS:
            out.append(t)
            continue
        whole = before.text + t.text
        if _common_entry(whole, lex):
            out[-1] = Token(whole, before.start, t.end, "v", WORD)
        elif before.pos.startswith("v") or any(s.startswith("to ") for e in lex.entries(before.text)
                                                for s in e.senses[:2]):
            out.append(Token("不", t.start, t.start + 1, "d", WORD))
            out.append(Token("到", t.start + 1, t.end, "v", WORD))
        else:
            out.append(t)
    return out


def _lone_surname(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is a surname jieba took for a name with no title after it (国小学|童|使用)."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return t.kind == NAME and len(t.text) == 1 and not (nxt is not None and nxt.text in _TITLES | _SPEECH)


def _two_and_two(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """险些|击|中途|人 → 击中|途人 "nearly hit a passer-by": a character, a word and a character that
    are two dictionary words cut one character later, when the first of those is a word jieba knows
    at least as well as the one it cut (击中 646, 中途 587), and neither character is a function word."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        run = tokens[i:i + 3]
        if len(run) == 3 and [len(u.text) for u in run] == [1, 2, 1] and all(u.kind == WORD for u in run[:2]) \
                and (run[2].kind == WORD or _lone_surname(tokens, i + 2)) \
                and run[0].end == run[1].start and run[1].end == run[2].start \
                and not any(_function(u) or u.text in lex.stopwords for u in (run[0], run[2])):
            head, tail = run[0].text + run[1].text[0], run[1].text[1] + run[2].text
            # or the last character is no word alone (国|小学|童 → 国小|学童 "schoolchildren": 童 only a surname)
            if ((lexical.count(head) >= max(lexical.count(run[1].text), 1) or run[2].kind != WORD)
                    and _common_entry(head, lex) and _common_entry(tail, lex)):
                out.append(Token(head, run[0].start, run[1].start + 1, lexical.tag(head, "v"), WORD))
                out.append(Token(tail, run[1].start + 1, run[2].end, lexical.tag(tail, "n"), WORD))
                i += 3
                continue
        out.append(tokens[i])
        i += 1
    return out


def _parallels(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """善|作善成 → 善|作|善|成: a parallel phrase (X A X B: 善作善成, 边走边看) whose second half jieba's
    HMM glued to the first one's verb is characters of its own, spelled apart (shàn zuò shàn chéng);
    they are pieces, no cards."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if (before is not None and t.kind == FRAGMENT and t.pos == "x" and len(t.text) == 3 and len(before.text) == 1
                and before.end == t.start and t.text[1] == before.text):
            out.extend(Token(c, t.start + k, t.start + k + 1, "x", FRAGMENT) for k, c in enumerate(t.text))
            continue
        out.append(t)
    return out


def _time_words(tokens: list[Token], lex, lexical: Lexical) -> list[Token]:
    """明|年初 → 明年|初 "early next year": a character and a time word whose first character makes a
    time word with it (明年, 今年, 上月), the rest a word of its own (初, 底, 中): jieba cut one
    character late, as 去年底 and 今年初, which it knows, show."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if (before is not None and len(before.text) == 1 and before.kind == WORD and len(t.text) == 2
                and t.kind == WORD and t.pos.startswith("t") and before.end == t.start):
            head, tail = before.text + t.text[0], t.text[1]
            if lexical.tag(head, "").startswith("t") and _common_entry(head, lex) and lex.is_word(tail):
                out[-1] = Token(head, before.start, t.start + 1, "t", WORD)
                out.append(_kind(Token(tail, t.start + 1, t.end, lexical.tag(tail, "f")), lex, lexical))
                continue
        out.append(t)
    return out


def _weight(pieces, lexical: Lexical) -> int:
    """jieba's frequency of the commonest piece: among splits into as many words, 任何|人 before 任|何人.
    A character jieba counts as a surname (玉, 毛) weighs nothing: its count is the name's, so 玉米|粒
    "corn kernels" comes before 玉|米粒."""
    return max((lexical.count(p) for p in pieces if not (len(p) == 1 and lexical.tag(p, "").startswith("nr"))),
               default=0)


def _split(t: Token, lex, lexical: Lexical) -> list[Token] | None:
    """Split a non-dictionary token into the fewest dictionary words, if one of them is longer than a character."""
    text = t.text
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 8), end):
            if best[start] is not None and lex.is_word(text[start:end]):
                cand = best[start] + [text[start:end]]
                if best[end] is None or len(cand) < len(best[end]) or (
                        len(cand) == len(best[end]) and _weight(cand, lexical) > _weight(best[end], lexical)):
                    best[end] = cand
    pieces = best[n]
    if not pieces or len(pieces) < 2 or all(len(p) == 1 for p in pieces):
        return None
    out, pos, k = [], t.start, 0
    while k < len(pieces):
        p = pieces[k]
        pair = p + pieces[k + 1] if k + 1 < len(pieces) else ""
        if len(pair) == 2 and _bound_pair(pair, lex, lexical):
            out.append(Token(pair, pos, pos + 2, lexical.tag(pair, "n"), TERM))  # 视|听|产品 → 视听|产品
            pos, k = pos + 2, k + 2
            continue
        out.extend(_classify(Token(p, pos, pos + len(p), lexical.tag(p, t.pos)), lex, lexical))
        pos, k = pos + len(p), k + 1
    return out


def _bound_pair(pair: str, lex, lexical: Lexical) -> bool:
    """Two characters a split would leave alone, one of them a bound form (jieba's vg, ng, ag tags:
    视 in 视听产品), that jieba's dictionary has as a word CC-CEDICT lacks (视听 "audiovisual"): the
    word, kept whole as a term, not a card for a bound character."""
    freq, tag = lexical.entries.get(pair, (0, ""))
    return (freq >= _JIEBA_TERM_FREQ and not tag.startswith(("u", "c", "m", "q", "nr"))
            and any(lexical.tag(c, "").endswith("g") for c in pair) and not any(c in lex.stopwords for c in pair))
