"""A composed meaning: what a word CC-CEDICT lacks means, told by its pieces, each in its slot.

A word of an article with no entry (區委, 打牢, 市建局, 吃光) is cut into the fewest dictionary
words read as the article reads them (``dictionary_pieces``: 几|分钟, not 几分 "somewhat" | 钟 "cup"), and
each piece is shown with the sense it has *in this slot*; the card's front joins them with " + "
(``english_only``: "area + committee member").  It says what the parts mean, not what the word
means, and the card marks it so; only where the word's shape makes its parts one English phrase
(``composed_front``, ``phrase``: 省內 "within the province", 社會學家 "sociologist", 上下級
"superiors and subordinates") is that phrase shown, and an abbreviation CC-CEDICT shows the full
form of means what that form means (``abbreviated``: 刑訴, 東航).

A character's sense in its slot is chosen by analogy with CC-CEDICT's own compounds
(``in_compound``): each compound that holds the character at the same end (委 last: 市委 "municipal
committee", 省委 …) votes for the senses whose English it shares; compounds whose other part is of
the kind of the word's other piece (a verb, a noun, a number or measure word, a word of two
characters: ``piece_kind``) count twice, and where enough of them share a sense they vote alone.
The other piece's own compounds that say one of the piece's senses vote for it too (``_crossed``:
市政府 "city government" for 市 "city" in 市|府; 理发 "to cut (sb's) hair", 美发 for 剪 "to cut" in 剪|发).
CC-CEDICT's order, its "(bound form)" and position labels ("(noun suffix) on" after a noun,
"(directional complement) up" after a verb) and the slot itself (``_slot``) weigh in: a piece after
a one-character verb is its result (打|牢 "firm", not "prison"), one before a measure word points at
it (上|届 "previous"), one after a count is what it counts (几|轮 "round", a measure word's sense),
a head takes no adverb's sense (如|常), a verb's sense loses an object the word does not name (提|質
"to raise", not "to raise (an issue)").  A surname and a title is a
person (陈先生 "Mr. Chén"); a suffix after a word takes its suffix's sense (协同|性 "-ness; -ity").

Limits: the compounds lean to CC-CEDICT's own fields (息 "interest" from 利息, 股息 even in 静息
"rest"), and near-synonyms do not meet ("last" in 上次 is not "previous").
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import islice

from cardmaker.analysis import english, phrase
from cardmaker.analysis.english import A, D, N, V
from cardmaker.analysis.segment import SUFFIXES
from cardmaker.chinese.pinyin import marked, reading_key
from cardmaker.records import is_reference

# The sense ranking in context (meanings) weighs CC-CEDICT's order and its bound forms alike; these
# are this ranking's own weights.
ORDER_WEIGHT = 0.6  # CC-CEDICT lists the commoner senses first, mostly
BOUND = 0.5  # a bound form where the character is glued into a compound
NAME_VOTE = 0.5  # a compound that is a name (中東 "Middle East", 井上 "Inoue") votes for half
# a number's characters (第 with them: 第|届 counts, as a number does) and what a number counts: the
# other piece is then a measure word's slot (数|倍, 上|届)
NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两第")
TIME_UNITS = frozenset("年 月 日 号 时 点 分 秒 周 天 成 代 届 次 倍".split())
# a sense that a noun-like term's last piece (its head noun) does not take: 会 "meeting", not "can"
_VERBAL_RE = re.compile(r"(?:to |can\b|may\b|will\b|\(bound form\)|used in|particle|classifier)")
_LEADING_LABELS_RE = re.compile(r"^(?:\((?!bound form\))[^()]*\)\s*)+")


def _verbal(part: str) -> bool:
    """``_VERBAL_RE`` said of a sense, whatever label leads it: 晒 "(fig.) to expose and share" is a verb."""
    return bool(_VERBAL_RE.match(_LEADING_LABELS_RE.sub("", part)))


_LABEL_WORDS = english.RARE_LABELS | english.DOMAIN_LABELS | frozenset(
    "informal formal polite honorific humble colloquial written spoken figurative loanword onomatopoeia "
    "classifier".split())


_TAIL_LABEL_RE = re.compile(r"\s+\(([^()]*)\)$")
_EXAMPLES_RE = re.compile(r"\betc\b|\be\.g\.")


def english_only(composed: tuple[str, ...]) -> str:
    """A composed meaning (``进 jìn: to go forward; …``) as English alone, for a card's front."""
    parts = []
    for piece in composed:
        gloss = piece.split(": ", 1)[-1].split("; ")[0]
        label = re.match(r"^\(([^()]*)\)\s*", gloss)
        # a label goes ("(bound form) not", "(fig.) channel"); a word in brackets is part of the sense:
        # 久 "(long) time" is "long", not "time"
        if label and not (re.fullmatch(r"[a-z]+", label.group(1)) and label.group(1) not in _LABEL_WORDS):
            gloss = gloss[label.end():]
        # … and so does a label after it ("electric (bound form)", "aluminum (chemistry)", "to change
        # (clothes etc)"): the front is short; a word that tells the sense stays ("iron (metal)")
        while (tail := _TAIL_LABEL_RE.search(gloss)) and (
                tail.group(1) in _LABEL_WORDS or tail.group(1) == "bound form" or _EXAMPLES_RE.search(tail.group(1))):
            gloss = gloss[:tail.start()]
        if gloss and gloss != "?":
            parts.append(gloss)
    return " + ".join(parts)


def composed_senses(word: str, syllables: tuple[str, ...], lexicon, nominal: bool = False,
                    written: str = "") -> tuple[str, ...]:
    """Meaning of a word with no entry, from its characters' entries for their readings.

    Each piece takes the sense it has in CC-CEDICT's compounds that hold it at the same end
    (``in_compound``: 区委 "area + committee member", 展会 "to exhibit + meeting"); the last character
    of a noun-like term (进博会) is the head noun, so its verbal senses go last ("meeting" rather than
    "can" for 会).  ``written``, the article's own traditional form, picks a character's entry (強颱:
    颱 "typhoon", not 臺 "platform").  The pieces are joined with "+" by ``english_only``: a composed
    meaning says what its parts mean, not what the word means.
    """
    return _composition(word, syllables, lexicon, nominal, written)[0]


def composed_front(word: str, syllables: tuple[str, ...], lexicon, nominal: bool = False, written: str = "") -> str:
    """The English a card's front shows for the composed ``word``: a phrase where its last
    character's slot gives it one (``phrase``: 省內 "within the province"), the two words it joins
    where it is two words of one head (上下級 "superiors and subordinates"), else its pieces joined
    with "+" (``english_only``: "to exhibit + meeting")."""
    return _composition(word, syllables, lexicon, nominal, written)[1]


def _composition(word: str, syllables: tuple[str, ...], lexicon, nominal: bool, written: str) -> tuple:
    """(``composed_senses``, ``composed_front``) of the word, remembered together."""
    memo = lexicon.memo("composed")
    key = (word, syllables, nominal, written)
    got = memo.get(key)
    if got is not None:
        return got
    title = _TITLES.get(word[1:])
    if title and any(x.startswith("surname ") for e in lexicon.entries(word[0]) for x in e.senses):
        surname = marked(syllables[0])  # 陈先生: Mr. Chén, not "to lay out + early + life"
        got = (f"{word} {' '.join(marked(x) for x in syllables)}: {title} {surname[:1].upper()}{surname[1:]}",)
        return memo.put(key, (got, english_only(got)))
    rank = _RANKS.get(word[0]) if len(word) == 3 and word[1] == "等" and len(syllables) == 3 else None
    if rank:  # 三等功 "third-class + meritorious deed", not "three + equal to + …"; 二等座 not "second-rate"
        spelled = " ".join(marked(x.lower()) for x in syllables[:2])
        head = composed_senses(word[2], syllables[2:], lexicon, nominal, written[2:] if len(written) == 3 else "")
        own = written[:2] if len(written) == 3 else word[:2]
        label = own if own == word[:2] else f"{own}|{word[:2]}"
        got = (f"{label} {spelled}: {rank}-class; {rank} grade", *head)
        return memo.put(key, (got, english_only(got)))
    erhua = next((e for e in lexicon.entries(word + "儿") if not e.variant_only and e.content
                  and reading_key(e.syllables[:-1]) == reading_key(syllables)), None) if len(word) > 1 else None
    if erhua is not None:
        # a word CC-CEDICT has only with 儿 (鬧著玩兒): the article writes it without (鬧著玩 "to joke around")
        return memo.put(key, ((f"{erhua.traditional}|{erhua.simplified}[{' '.join(erhua.syllables)}]: "
                               f"{'; '.join(erhua.content[:2])}",), _senses_shown(erhua.content)))
    full = abbreviated(word, syllables, lexicon)
    if full is not None:
        # an abbreviation means what the words it shortens mean: their entry's senses (東航), or
        # their pieces' (刑訴: 刑事 "criminal" + 訴訟 "lawsuit")
        simp, trad, syl = full
        reference = f"abbr. for {trad}|{simp}[{' '.join(syl)}]" if trad != simp else f"abbr. for {simp}[{' '.join(syl)}]"
        entry = next((e for e in lexicon.entries(simp) if not e.variant_only and e.content), None)
        if entry is not None:
            return memo.put(key, ((f"{reference}: {'; '.join(entry.content[:2])}",), _senses_shown(entry.content)))
        got, shown = _composition(simp, syl, lexicon, nominal, "")
        return memo.put(key, ((reference,) + got, shown))
    out, counted = [], ""  # (the sense the piece before takes)
    pieces = dictionary_pieces(word, syllables, lexicon, written if len(written) == len(word) else "")
    slot = phrase.slot_of(word, syllables, pieces[-1][0], written) if len(pieces) == 2 else None
    if slot is not None and slot.before in ("noun", "event") and word[:-1] in TIME_UNITS:
        slot = None  # 日前 "a few days ago", 年後: a time's count, not a place
    slotted, ranked = "", []  # (the word's phrase in its slot; each piece's senses, best first)
    for k, (at, size, fit) in enumerate(pieces):
        piece, syl = word[at:at + size], syllables[at:at + size]
        if not fit:
            chosen = []
        elif len(pieces) > 1:
            # its partner: the piece before it, or for the first piece the one after
            o_at, o_size, _ = pieces[k - 1] if k else pieces[1]
            partner = piece_kind(word[o_at:o_at + o_size], lexicon, syllables[o_at:o_at + o_size])
            # every entry of the character with this reading (周 "circle" and 週 "week"), but only
            # the article's own form where it is traditional (颱 "typhoon", not 臺 "platform")
            own = [e for e in fit if e.traditional == fit[0].traditional] if written else fit
            other = word[o_at:o_at + o_size]
            other_sense = _first_sense(word, syllables, pieces, k - 1 if k else 1, nominal, lexicon)
            if k == len(pieces) - 1 > 1 and _part_kind(_first_sense(word, syllables, pieces, k, nominal, lexicon),
                                                        lexicon) == N:
                # the last of three pieces, a thing, heads all before it: 市建|局 "office", as 教育局 is,
                # not 建|局 as 布局 is (a quality stays with the piece before it: 来源|不|明 "clear")
                other, other_sense = word[:at], ""
                partner = piece_kind(other, lexicon)
            if other_sense and partner in ("v", "n", "wv", "wn"):
                # the sense the partner takes here says whether it is a verb (区|委 "committee member",
                # though 委 first means "to entrust")
                verb = _part_kind(other_sense, lexicon) == V
                partner = ("w" if partner.startswith("w") else "") + ("v" if verb else "n")
            if k == len(pieces) - 1 and out and _COUNT_RE.match(counted):
                partner = "q"  # after a piece that counts it (数 "several"), as after a number: 数|倍 as 十倍
            chosen = in_compound(piece, tuple(syl), own, k == 0, k == len(pieces) - 1, nominal, partner,
                                  lexicon, other=other, other_sense=other_sense, pair=len(pieces) == 2,
                                  other_syllables=tuple(syllables[o_at:o_at + o_size]) if other == word[o_at:o_at + o_size]
                                  else ())
            if slot is not None and k == 0:
                head = _before_slot(piece, tuple(syl), chosen, slot, lexicon)
                chosen, head_sense = (head, _brief(head[0])) if head else (chosen, "")
                slotted = phrase.rendered(slot, head_sense, lexicon, syllables[0][:1].isupper()) if head_sense else ""
            chosen = [_brief(_unit(x)) for x in chosen]
            counted = chosen[0] if chosen else ""
            if k == len(pieces) - 1 and piece in _SUFFIX_SENSES and pieces[0][1] > 1:
                chosen = [_SUFFIX_SENSES[piece]] + chosen  # 协同|性 "to cooperate + -ness; -ity", not "nature"
            if slotted and k == 1:  # 省|內 "within", 社會學|家 "-ist; specialist", not "home" (but 朋友|家 "home")
                chosen = [slot.sense] + [x for x in chosen if x not in slot.sense.split("; ") and x != slot.sense]
        else:
            chosen = [x for x in fit[0].senses if not is_reference(x)]
            chosen = [x for x in chosen if not _MARGINAL_RE.search(x)] or chosen
            if nominal and at + size == len(word):
                chosen = [x for x in chosen if not _verbal(x)] or chosen
            chosen = [_brief(x) for x in chosen]
        # a piece of a term is no name: 进 jìn in 进博会, however the whole is capitalised (Jìnbóhuì)
        spelled = " ".join(marked(x.lower() if nominal else x) for x in syl)
        # in CC-CEDICT's own notation (經濟|经济), which every output writes in the deck's script
        own_form = written[at:at + size] if len(written) == len(word) else (fit[0].traditional if fit else piece)
        label = piece if own_form == piece else f"{own_form}|{piece}"
        out.append(f"{label} {spelled}: {'; '.join(chosen[:2]) or '?'}")
        ranked.append(chosen)
    shown = slotted or _determined(word, pieces, ranked, lexicon) or _travelled(word, lexicon) \
        or _paired(word, pieces, lexicon) \
        or phrase.unable(word, pieces, english_only(out[:1])) \
        or (_deferred(pieces, ranked, lexicon) if nominal else "") \
        or phrase.qualified(english_only(tuple(out)), lexicon, ranked[-1] if ranked else ())
    return memo.put(key, (tuple(out), shown))


# a first character that points at or counts the thing after it (本世紀 "this century", 首展 "first
# exhibition", 前教練 "former coach")
_DETERMINERS = {"本": "this", "该": "that", "各": "each", "每": "every", "全": "the whole", "首": "first",
                "前": "former", "副": "deputy", "总": "general"}


def _determined(word: str, pieces, ranked, lexicon) -> str:
    """A determiner's character and a thing after it read as the English phrase: "this century"."""
    if len(pieces) != 2 or pieces[0][1] != 1 or word[0] not in _DETERMINERS or len(ranked) != 2 or not ranked[1]:
        return ""
    thing = re.sub(r"^(?:a|an|the) ", "", re.sub(r"\([^()]*\)\s*", "", ranked[1][0]).strip())
    if _part_kind(thing, lexicon) != N or " " in thing.strip() and len(thing.split()) > 3:
        return ""
    return f"{_DETERMINERS[word[0]]} {thing}"


# a verb of going or staying before a country's abbreviation (駐美 "stationed in the USA", 訪華, 赴港)
_TO_A_COUNTRY = {"驻": "stationed in", "访": "visiting", "赴": "going to", "抵": "arriving in", "来": "coming to",
                 "返": "returning to", "旅": "living in", "留": "studying in", "援": "aid to", "离": "leaving"}
_THE = frozenset(("USA", "United Kingdom", "Netherlands", "Philippines"))


def _travelled(word: str, lexicon) -> str:
    """A verb of going or staying and the country after it: "stationed in the USA", not "+ beautiful"."""
    if len(word) != 2 or word[0] not in _TO_A_COUNTRY:
        return ""
    place = phrase.country(word[1], lexicon)
    return f"{_TO_A_COUNTRY[word[0]]} {'the ' if place in _THE else ''}{place}" if place else ""


def _senses_shown(senses) -> str:
    """The first senses of the entry a word stands for, as a front shows a dictionary word's: two
    where they are short (鬧著玩 "to play games / to joke around"), else the first, cut short."""
    senses = [" ".join(english.HAN_REF_RE.sub(" ", x).split()) for x in senses[:2]]  # (no characters on a front)
    two = " / ".join(senses)
    return two if len(senses) > 1 and len(two) <= 2 * PIECE_MAX else _brief(senses[0])


def _before_slot(piece: str, syllables: tuple[str, ...], chosen: list[str], slot, lexicon) -> list[str]:
    """The senses of the piece before a slot's character (``phrase.Slot``), best first, as that slot
    asks: a thing's before a position word or a rank (省 "province", not "to save", before 內), and
    first the one its own compounds that say the slot's sense bear out (師長 "military division level
    commander" for 師 "army division" before 級); a country's for a make (德 "Germany" before 製)."""
    if slot.before == "country":
        return [phrase.country(piece, lexicon)] if phrase.country(piece, lexicon) else []
    if slot.before == "quality":  # 重要|性 "importance"; a sense of more words stays pieces
        return chosen if chosen and re.fullmatch(r"[a-z]+", chosen[0]) else []
    if slot.before not in ("noun", "event"):
        return chosen
    if slot.before == "event" and not any(
            p.startswith("to ") for e in lexicon.entries(piece)[:1] for x in e.senses[:3] for p in sense_parts(x)):
        return []  # (a thing that is no act: 車後 is behind the car, though 車 is also "to lathe")
    things = [p for p in chosen if _thing(p, lexicon)]
    if not things:
        return []  # (a verb before 前 is no time: 來|前 stays pieces)
    # the English of the slot and of its kind (市內 "inside the city" for 市 "city" before 外); each
    # sense of the compounds alone (師長 is also "teacher")
    marks = frozenset().union(*(_plain_words(x.sense, lexicon) for x in phrase.slots().values()
                                if x.before in ("noun", "event")), *(_plain_words(x, lexicon) for e in
                                lexicon.entries(slot.char) for x in e.senses[:5] if not is_reference(x)))
    saying = [o for e in lexicon.compounds(piece, False, shortest=MAX_COMPOUNDS)
              if tuple(x.lower() for x in e.syllables[:len(syllables)]) == tuple(x.lower() for x in syllables)
              for x in e.senses[:3] if not is_reference(x) and (o := _plain_words(x, lexicon)) & marks]
    borne = [p for p in things if any((_plain_words(p, lexicon) - marks) & o for o in saying)]
    # … then one of the kind CC-CEDICT's own words of this slot have before it (體內 "within the
    # body", 境內 "within the borders"; 局級 "bureau-level", 科級 "section-level")
    kind = _slot_analogues(slot.char, lexicon) - marks
    alike = [p for p in things if p not in borne and _plain_words(p, lexicon) & kind]
    return borne + alike + [p for p in things if p not in borne + alike] + [p for p in chosen if p not in things]


def _slot_analogues(char: str, lexicon) -> frozenset[str]:
    """The English words of CC-CEDICT's two-character words that end in the slot's ``char``: what
    the dictionary puts before it."""
    memo = lexicon.memo("slot_analogues")
    got = memo.get(char)
    if got is None:
        got = memo.put(char, frozenset().union(*(
            _plain_words(x, lexicon) for e in lexicon.compounds(char, True, shortest=MAX_COMPOUNDS)
            if len(e.simplified) == 2 and not (e.proper or e.variant_only)
            for x in e.senses[:2] if not is_reference(x))))
    return got


_NOT_A_THING = english.STOP | english.PREPOSITIONS | english.CONJUNCTIONS | english.ADVERBS


def _thing(part: str, lexicon) -> bool:
    """The sense part names a thing, a place or a unit: a noun phrase, no measure word's, prefix's
    or function word's sense (來 "(between two verbs) in order to", "(prefix) the next ...")."""
    if part.startswith(("to ", "classifier", "abbr.")) or "..." in part:
        return False  # (English lets "party" be an adjective too: a noun's word is enough here)
    if {"prefix", "suffix"} & set(english.parsed(part, lexicon).labels):
        return False
    words = english.WORD_RE.findall(_HAN_OR_LABEL_RE.sub(" ", part.lower()))
    # (a phrase of its own is too long to stand in another: "within the tactical border position")
    # (a word the English lexicon lacks is a noun as likely as not: "county")
    return (0 < len(words) <= 2 and words[0] not in _NOT_A_THING
            and ("noun" in lexicon.english(words[-1]) or not lexicon.english(words[-1])))


def _deferred(pieces, ranked, lexicon) -> str:
    """A term of a character that is first a quality and a verb word after it (緩|起訴) names the
    act done so, as a noun: the character's verb sense as a participle and the act's noun
    ("deferred prosecution", not "slow + to sue"), where English has both words; else ""."""
    if len(pieces) != 2 or pieces[0][1] != 1 or pieces[1][1] < 2 or not ranked[0] or not ranked[1]:
        return ""
    if _part_kind(ranked[0][0], lexicon) != A or not all(x.startswith("to ") for x in ranked[1]):
        return ""
    how = next((p for x in ranked[0] if x.startswith("to ") and (p := phrase.participle(x, lexicon))), "")
    act = next((n for x in ranked[1] if (n := phrase.nominalized(x, lexicon))), "")
    return f"{how} {act}" if how and act else ""


def _paired(word: str, pieces, lexicon) -> str:
    """Two characters and a head, each with it a CC-CEDICT word (上下級: 上級 "superiors", 下級
    "subordinate"), as those two words joined: "superiors and subordinates"; the senses of the two
    that read alike (one English word each, the commoner), or ""."""
    if len(pieces) != 2 or pieces[0][1] != 2 or pieces[1][1] != 1:
        return ""
    words = []
    for c in word[:2]:
        entries = [e for e in lexicon.entries(c + word[2]) if not (e.proper or e.variant_only or e.surname_only)]
        senses = [x for e in entries[:1] for x in e.senses if not is_reference(x) and not _MARGINAL_RE.search(x)]
        if not senses:
            return ""
        words.append(senses)
    single = [[x for x in senses if re.fullmatch(r"[a-z]+", x) and "noun" in lexicon.english(x.rstrip("s") if
              x.endswith("s") and not lexicon.english(x) else x)] for senses in words]
    if all(single):
        a, b = (max(xs, key=lexicon.english_zipf) for xs in single)
        if a.endswith("s") != b.endswith("s"):  # "superiors and subordinates"
            a, b = (x if x.endswith("s") else x + "s" for x in (a, b))
        return f"{a} and {b}"
    return ""


def abbreviated(word: str, syllables: tuple[str, ...], lexicon):
    """The words ``word`` (read ``syllables``) shortens, as CC-CEDICT shows: (simplified,
    traditional, reading) of them, or None.  Either CC-CEDICT has the word and one character more
    as an abbreviation of those words and that character (刑訴法 "abbr. for 刑事訴訟法": 刑訴 is
    刑事訴訟), or, for two characters, a name of two words that begin with them (東航: 東方航空
    "China Eastern Airlines"), read as here."""
    if len(word) < 2:
        return None
    for e in lexicon.compounds(word, False):
        if len(e.simplified) != len(word) + 1 or e.variant_only:
            continue
        for sense in e.senses:
            m = _ABBR_FULL_RE.match(sense)
            if not m:
                continue
            simp = m.group(2)
            trad = m.group(1) or simp
            if not (simp.endswith(e.simplified[-1]) and simp[0] == word[0] and len(simp) > len(e.simplified)):
                continue
            full = [f for f in lexicon.entries(simp) if len(f.syllables) == len(simp)]
            if full:
                return simp[:-1], trad[:-1], tuple(full[0].syllables[:-1])
    if len(word) == 2:
        said = tuple(reading_key((x,)) for x in syllables)
        for e in lexicon.compounds(word[0], False):
            if (len(e.simplified) == 4 and e.proper and e.simplified[2] == word[1] and len(e.syllables) == 4
                    and (reading_key(e.syllables[:1]), reading_key(e.syllables[2:3])) == said
                    and not any("abbr." in x for x in e.senses)
                    and all(any(not (x.proper or x.variant_only) for x in lexicon.entries(half))
                            for half in (e.simplified[:2], e.simplified[2:]))):
                return e.simplified, e.traditional, tuple(e.syllables)  # (two words: 東方 + 航空; not 新都 + 橋鎮)
    return None


_ABBR_FULL_RE = re.compile(r"^abbr\. for (?:([^|\[\s,]+)\|)?([^|\[\s,]+)")


# a suffix's sense as a suffix, which CC-CEDICT words as a description ("suffix forming noun from
# adjective, corresponding to -ness or -ity") or lists among others ("to make into; chemistry")
_SUFFIX_SENSES = {"性": "-ness; -ity", "化": "-ize; -ization", "族": "group (of people)", "处": "office; department",
                  "单": "form; list"}


# the rank 等 "class, grade" gives after a number or 特, 头 (二等座 "second-class seat", 特等奖 "special prize")
_RANKS = {"一": "first", "二": "second", "三": "third", "四": "fourth", "五": "fifth", "六": "sixth",
          "七": "seventh", "八": "eighth", "九": "ninth", "特": "special", "头": "top"}


def _first_sense(word: str, syllables, pieces, k: int, nominal: bool, lexicon) -> str:
    """The sense piece ``k`` of the composed ``word`` takes by its compounds alone (no slot asked),
    as its partner's evidence of what kind of word it is there."""
    at, size, fit = pieces[k]
    if not fit:
        return ""
    o_at, o_size, _ = pieces[k - 1] if k else pieces[1]
    partner = piece_kind(word[o_at:o_at + o_size], lexicon, syllables[o_at:o_at + o_size])
    # the same piece in the same place of many composed words (委 last after a noun: 区委, 县委, 党委 …)
    key = (word[at:at + size], tuple(syllables[at:at + size]), tuple(fit), k == 0, k == len(pieces) - 1, nominal,
           partner)
    memo = lexicon.memo("first_sense")
    got = memo.get(key)
    if got is None:
        senses = in_compound(key[0], key[1], fit, k == 0, k == len(pieces) - 1, nominal, partner, lexicon)
        got = memo.put(key, senses[0] if senses else "")
    return got


DOMAIN = 0.5  # a sense a specialist's label marks ("(computing)", "(file)"), inside a word of general use
SIBLING_WEIGHT = 1.5  # how much the dictionary's compounds with the character say, against its order
_PLAIN_STOP = frozenset("a an the of to and or sth sb etc one one's oneself be used so is it that this which who what".split())
_AGENT = "<agent>"


def in_compound(char: str, syllables: tuple[str, ...], entries: list, first: bool, last: bool, nominal: bool,
                 partner: str, lexicon, only: frozenset | None = None, other: str = "",
                 other_sense: str = "", pair: bool = False, other_syllables: tuple[str, ...] = ()) -> list[str]:
    """The senses of the piece ``char`` (a character or a word, read ``syllables``) as it is used
    inside a word, best first.  Each part of its senses is scored by the dictionary's own compounds
    that have the piece at the same end (the last piece: at their end; any other: at their start),
    each voting for the parts whose English it shares (委 last: 市委 "municipal committee", 省委 …
    make it "committee member", not "roundabout"; 商 last: 供应商 "supplier", 经销商 "dealer" make it
    "dealer; merchant", not "commerce"; 几 first: 几天 "several days" make it "several"), a compound
    whose other part is of the kind of ``partner`` (the word's other piece: a verb, a noun, a
    measure word or number, a word) counting twice; then by CC-CEDICT's order, its bound forms and
    its labels of position ("(noun suffix) on" after a noun, "(directional complement) up" after a
    verb).  ``other``, the composed word's other piece, and ``other_sense``, the sense it takes
    there, give the slot's own evidence (``_slot``): compounds of the word's shape vote alone where
    there are enough of them; ``pair``, the word is the two alone, may make them a verb and its
    result (``_result``).  ``other_syllables``, the other piece's reading, brings its own compounds
    in (``_crossed``): those that say one of the piece's senses vote for it (市政府 "city government"
    for 市 "city" in 市|府).  Limits: CC-CEDICT's compounds lean to its own fields (息 "interest"
    from 利息, 股息 … even in 静息 "rest"), and near-synonyms do not meet ("last" in 上次 is not "previous")."""
    senses = [_expanded(s, lexicon) for e in entries for s in e.senses if not is_reference(s)]
    parts = [(i, k, p) for i, s in enumerate(senses) for k, p in enumerate(sense_parts(s))]
    parts = [x for x in parts if not _MARGINAL_RE.search(x[2])] or parts
    if len(parts) <= 1 or (lexicon.user_entries and lexicon.is_user_word(char)):
        return [p for _, _, p in parts]  # the user's own senses are used as written
    at_end = last and not first
    votes = compound_words(char, syllables, at_end, lexicon)
    if only is not None:  # compounds of one shape only (a word's other part a word: 政府|機關)
        votes = tuple(v for v in votes if v[1] in only)
    # in a composed word the slot is known: compounds of its shape are the analogues that count
    said = frozenset().union(*(_plain_words(p, lexicon) for *_, p in parts))
    if other and sum(kind == partner and bool(o & said) for o, kind, *_ in votes) >= SLOT_COMPOUNDS:
        # enough compounds of the word's own shape: they alone are its analogues (北部, 東部 for 半部
        # "part"; 外交部 and 禮部 "ministry" have a word or a title before 部)
        votes = tuple(v for v in votes if v[1] == partner)
    supports = {}
    for i, k, part in parts:
        words = _plain_words(part, lexicon)
        # a compound whose other character is of the partner's kind is the likelier analogue
        # … and one that shares all of a part's words more than one that shares one of several
        share = 1 / max(len(words), 1)
        supports[part] = sum(weight * (1 + ALIKE_WEIGHT * (kind == partner)) * len(words & o) * share
                             for o, kind, weight, _ in votes if words & o)
    if other_syllables:
        for part, n in _crossed(parts, other, other_syllables, not last, lexicon).items():
            supports[part] += CROSS_WEIGHT * n
    slot = _slot(other, other_sense, partner, first, last, supports, lexicon) if other else None
    result = _result(char, parts, compound_words(char, syllables, at_end, lexicon), other, other_sense, partner,
                     first, last, lexicon) if other and pair else None
    # after a number or a word that counts (几 "several"), the piece is what is counted
    counting = last and not first and bool(other) and (all(c in NUMERAL_CHARS for c in other)
                                                       or (partner == "q" and other[-1] in NUMERAL_CHARS)  # 數千|名
                                                       or bool(_COUNT_RE.match(other_sense)))
    scored = []
    for i, k, part in parts:
        sense = english.parsed(part, lexicon)
        score = -ORDER_WEIGHT * math.log1p(i) - 0.1 * k + SIBLING_WEIGHT * math.log1p(supports[part])
        if slot is not None:
            score += slot(part, sense)
        if result is not None:
            score += result(part)
        if sense.rare:
            score -= 1.5
        if sense.bound or _POSITION_LABELS & set(sense.labels):
            score += BOUND  # CC-CEDICT's own marks of a sense inside words: 不 "(bound form) not", 上 "(noun suffix) on"
        if part.startswith("classifier"):
            # a measure word's use is not its use inside a word, but after a count it is: 几|轮 "round"
            score += COUNTED if counting else -1.0
        if sense.domain:  # a specialist's sense is not its sense in a word of the news: 库 "(file) library"
            score -= DOMAIN
        verb = partner in ("v", "wv")
        if at_end and (("noun suffix" in sense.labels and partner and not verb)
                       or ("directional complement" in sense.labels and verb)):
            score += POSITION_LABEL  # CC-CEDICT's own label of this position: 牆|上 "on", 走|上 "up"
        if last and nominal and _verbal(part) and not sense.bound and not (counting and part.startswith("classifier")):
            score -= 1.0
        scored.append((score, -i, -k, part))
    scored.sort(reverse=True)
    out = [part for *_, part in scored]
    if other and first and not last:
        # the verb's sense without the object it is not given here: 提|質 "to raise", not "to raise (an issue)"
        near = _near(other, lexicon)
        out = [" ".join((p[:m.start()] + p[m.end():]).split()) if (m := _unmet_object(p, near)) else p for p in out]
    return out


CROSS_WEIGHT = 2.0  # a compound of the other piece that says a sense of this one, as much as two of its own
CROSS_MIN = 2  # … where two of them say it at least


def _crossed(parts, other: str, syllables: tuple[str, ...], at_end: bool, lexicon) -> dict:
    """For each part of a piece, how many CC-CEDICT compounds of the word's ``other`` piece (read
    ``syllables``, at the same end as in the word) say it, by its content words: the other piece
    with a word of this sense is the word's nearest analogue (市|府: 市政府 "city hall; city government"
    says 市 "city", not "market"; 剪|发: hair is cut)."""
    votes = compound_words(other, syllables, at_end, lexicon)
    # (not the words the other piece says itself, which its compounds all say: 帮|扶 "to help")
    own = frozenset().union(*(_plain_words(x, lexicon) for e in lexicon.entries(other)
                              if not (e.variant_only or e.surname_only) for x in e.senses if not is_reference(x)))
    out = {}
    for _, _, part in parts:
        # the words of the part as a card shows it (``_brief``: "(Tw) borough", not the units it lies between)
        words = _plain_words(_brief(part), lexicon) - _CROSS_STOP - own
        met = [weight for o, _, weight, _ in votes if words & o]
        out[part] = sum(met) if len(met) >= CROSS_MIN else 0  # (one compound may meet a word by chance: 地邻 "neighbor")
    return out


COUNTED = 5.0  # a measure word's sense after a count: it decides (几|轮 "round", not "wheel")
SLOT_COMPOUNDS = 5  # compounds of a composed word's own shape that share a sense's words, enough to vote alone
COMPLEMENT = 2.0  # a thing's sense of a character that a verb before it makes its result (打|牢 "firm")
DETERMINER = 1.5  # a pointing sense before a measure word (上|届 "previous", 数|倍 "several")
OBJECT = 0.5  # a verb's sense for an object the word does not name, which the card then leaves out
UNMET = 10.0  # a sense said of what the other piece is not (老 "old (of people)" before 店 "shop")
# the English of a character that points at or counts what follows it, as 上届, 本届, 下次, 数倍, 每届 do
_DETERMINER_WORDS = frozenset(english.stem(w) for w in
                              "previous next last this that each every several few current former following".split())
_OBJECT_RE = re.compile(r"^(?:the|an?|one's|sb's|sth's)\s")  # the label of a verb's object: "(the phone)"
_ADVERB_RE = re.compile(r"^(?:\w+ly|often|always|ever|never|seldom|very|quite|rather|too)$")  # how often or how: no head
_PARTICIPLE_RE = re.compile(r"^\w+ed(?: up| out| off| down)?$")


def _slot(other: str, other_sense: str, partner: str, first: bool, last: bool, supports: dict, lexicon):
    """What the slot beside ``other`` (of kind ``partner``) asks of a piece, as a score for each of
    its senses (the parts ``supports`` holds, with their votes): a piece after a one-character verb
    is its result (打|牢 "firm", not "prison"), so a thing's sense gives way to a quality's that the
    compounds support and CC-CEDICT lists first; a piece before a
    measure word points at it (上|届 "previous", 数|倍 "several"); a head takes no adverb's sense
    (如|常 "common", not "frequently"), a modifier before a verb no noun's (频|发 "frequently", not
    "frequency"); a label of the end ("(noun suffix) on") is no sense of the start, and a sense said
    of something ("old (of people)") does not fit another (老|店).  ``other_sense``, the sense the
    other piece takes in the word, says whether it is a verb (委 "committee member" is none in 区委,
    though its first sense is "to entrust")."""
    kinds = {p: _part_kind(p, lexicon) for p in supports}
    has = set(kinds.values())
    # a quality the compounds of this shape give the piece, and CC-CEDICT lists before a thing (牢 "firm"
    # before "prison"), not any the English allows (文 "language" comes before "literary")
    order = list(supports)
    quality = next((k for k, p in enumerate(order) if kinds[p] == A and supports[p] > 0), len(order))
    near = _near(other, lexicon)
    verb = _part_kind(other_sense, lexicon) == V if other_sense else partner in ("v", "wv")
    verb_before = last and not first and verb and len(other) == 1
    measure = partner == "q" or other in TIME_UNITS
    before_measure = first and not last and measure and not all(c in NUMERAL_CHARS for c in other)
    before_verb = first and not last and verb
    after_count = last and not first and partner == "q"
    # a modifier of a thing: a sense said of some other thing does not fit it (老|店, not "old (of people)")
    attributive = bool(other_sense) and first and not last and not verb and _part_kind(other_sense, lexicon) == N

    def score(part: str, sense) -> float:
        kind, out = kinds[part], 0.0
        if first and not last and {"noun suffix", "directional complement"} & set(sense.labels):
            out -= POSITION_LABEL
        said = frozenset().union(*(english.content_words(x) for x in sense.labels if english.SAID_OF_RE.match(x)))
        if attributive and said and not (said & near) and not (_AGENT in near and said & english.GENERIC):
            out -= UNMET
        if first and not last and _unmet_object(part, near):
            out -= OBJECT  # a verb's sense for another object: 掛|滿 "to hang", not "to hang up (the phone)"
        if verb_before and kind == N and order.index(part) > quality:
            out -= COMPLEMENT
        if before_measure and _plain_words(part, lexicon) & _DETERMINER_WORDS:
            out += DETERMINER
        if after_count and _counted(part):
            out += DETERMINER  # what a count counts: 数|倍 "times (multiplier)", not "double"
        if last and not first and kind == D and has - {D}:
            out -= COMPLEMENT
        if before_verb and kind == N and has & {A, D}:
            out -= COMPLEMENT
        if first and not last and not verb and kind == D and has - {D}:
            out -= COMPLEMENT  # a thing is not qualified by an adverb: 老|店 not "very"
        return out
    return score


VERB_RESULT = 1.0  # the votes of compounds of a verb and its result, for the verb's sense in a word of that shape


def _result(char: str, parts, votes, other: str, other_sense: str, partner: str, first: bool, last: bool,
            lexicon):
    """In a one-character verb and its result (吃|光, 走|强), a score for each part of the
    piece ``char`` by ``votes``, CC-CEDICT's compounds with it, those of that shape alone
    (``_verb_and_result``): after the verb, a quality they give the piece wins over a thing (光
    "used up", as in 喝光 "to drink up", not "light", as in 发光 "to emit light"); the verb takes
    the sense they give it (走 "to go", as in 走低 "to go down", not "to walk").  None where the word
    is of another shape.  Limits: a verb's object has no such compounds to tell it from its result
    (发光 and 吃光 alike), so a character with a quality of its own that result compounds give it
    takes it after any verb; and CC-CEDICT says "solid" of 实 in no such compound (抓|实 stays "real")."""
    if len(char) != 1 or len(other) != 1 or first == last:
        return None
    if last:  # after a verb (委 "committee member" in 区委 is none, though its first sense is "to entrust")
        if not (other_sense.startswith("to ") if other_sense else partner == "v"):
            return None
        wanted = A
    elif not (other_sense and _quality(other_sense, lexicon) and parts and parts[0][2].startswith("to ")):
        return None  # before a quality, a verb
    else:
        wanted = V
    results = [o for o, _, _, res in votes if res]
    if not results:
        return None
    kinds = _kinds_among_mates(parts, lexicon)
    support = {}
    for _, _, part in parts:
        # a verb's own word, not its particle (走低 "to go down" is no vote for 挂 "to hang up (the phone)"),
        # nor a preposition (撞烂 "to destroy by smashing" is none for 撞 "to meet by accident")
        words = _plain_words(part, lexicon) - english.PREPOSITIONS - (_PARTICLES if wanted == V else frozenset())
        support[part] = sum(bool(words & o) for o in results)  # (each compound once: 挂 "to hang" and "to hang up" alike)
    best = lambda kind: max((support[p] for _, _, p in parts if kinds[p] == kind), default=0)
    if best(wanted) == 0 or (wanted == A and best(N) >= best(A)):
        return None  # (中毒 "to be poisoned" says "poison" as much as "poisonous")
    # a quality of a sense they bear out, any of its parts (弱 "weak; feeble": 减弱 "to weaken" says neither)
    borne = {i for i, _, p in parts if support[p] > 0 and kinds[p] == A}
    sense_of = {p: i for i, _, p in parts}

    def score(part: str) -> float:
        if wanted == V:
            return VERB_RESULT * math.log1p(support[part]) if kinds[part] == V else 0.0
        if kinds[part] == N:
            return -COMPLEMENT
        return COMPLEMENT if kinds[part] == A and sense_of[part] in borne else 0.0
    return score


def _kinds_among_mates(parts, lexicon) -> dict:
    """``_part_kind`` of each part, but a part that English lets be a quality or a thing is a thing
    where a part of the same sense can only be a thing ("light; ray": light is no quality there)."""
    kinds = {p: _part_kind(p, lexicon) for _, _, p in parts}
    out = dict(kinds)
    for i, _, p in parts:
        if kinds[p] == A and any(j == i and q != p and kinds[q] == N for j, _, q in parts):
            out[p] = N
    return out


_COUNT_RE = re.compile(r"^(?:a )?(?:several|few|many)\b")  # a sense that counts, as a number does (not "each other")


def _counted(part: str) -> bool:
    """The part names what a number counts (``english.UNITS``: "times (multiplier)", "week"; "second"
    only as a unit of time, "second (unit of time)", for it is the ordinal too: 次 "second")."""
    words = english.WORD_RE.findall(_HAN_OR_LABEL_RE.sub(" ", part.lower()))
    return bool(words) and words[0] in english.UNITS and (words[0] != "second" or "unit" in part)


def _near(other: str, lexicon) -> frozenset[str]:
    """The English words of the other piece of a composed word, its first entries' first senses."""
    return frozenset().union(*(_plain_words(x, lexicon) for e in lexicon.entries(other)[:2] for x in e.senses[:4]))


def _unmet_object(part: str, near: frozenset[str]):
    """The label of the object of a verb's sense ("(an issue)" of "to raise (an issue)") when the
    word's other piece is not that object (提|質: the quality is raised, not an issue), else None."""
    if not part.startswith("to "):
        return None
    for label in english.LABEL_RE.finditer(part):
        if _OBJECT_RE.match(label.group(1)):
            return label if not english.content_words(label.group(1)) & near else None
    return None


def _part_kind(part: str, lexicon) -> str:
    """A sense part as a verb (V: "to sign"), an adverb (D: "frequently"), a quality (A: "firm",
    "used up") or a thing (N: "prison", "hair"), by its English; CC-CEDICT's parts are short.  The
    English lexicon's classes are generous ("light" and "corner" may be adjectives), so a quality
    is only a hint the compounds must bear out."""
    bare = _HAN_OR_LABEL_RE.sub(" ", part).strip()
    if bare.startswith("to "):
        return V
    classes = english.parsed(bare, lexicon).classes
    if classes == {D} or _ADVERB_RE.match(bare):
        return D
    return A if _PARTICIPLE_RE.search(bare) or A in classes else N


_POSITION_LABELS = frozenset({"noun suffix", "directional complement", "suffix", "prefix"})
ALIKE_WEIGHT = 1.0  # a compound whose other part is of the partner's kind counts twice
POSITION_LABEL = 1.5  # "(noun suffix)" after a noun, "(directional complement)" after a verb
_NUMERALS = NUMERAL_CHARS - {"第"}


def piece_kind(piece: str, lexicon, syllables=None) -> str:
    """What kind of word ``piece`` is, as a partner in a compound: "q" a number or measure word,
    "v" a verb, "n" anything else (its first entry's first sense decides), and for a word of two
    characters or more "wv" or "wn" (a word before 部 makes it a ministry, a character before it a
    part: 外交部, 北部)."""
    memo = lexicon.memo("piece_kind")  # asked of each compound's other part, for every character's compounds
    key = (piece, None if syllables is None else tuple(syllables))
    got = memo.get(key)
    return got if got is not None else memo.put(key, _piece_kind(piece, lexicon, syllables))


def _piece_kind(piece: str, lexicon, syllables) -> str:
    if piece and (all(c in _NUMERALS for c in piece)
                  or len(piece) > 1 and piece[-1] in _NUMERALS and all(c in _NUMERALS or c in "数几多" for c in piece)):
        return "q"  # (數千, 幾十: a count)
    if len(piece) > 1:
        senses = [s for e in lexicon.entries(piece)[:1] for s in e.senses if not is_reference(s)]
        return "wv" if senses and senses[0].startswith("to ") else "wn"
    entries = [e for e in lexicon.entries(piece) if not (e.variant_only or e.surname_only or e.proper)]
    if syllables is not None:
        entries = [e for e in entries if reading_key(e.syllables) == reading_key(syllables)] or entries
    senses = [s for e in entries for s in e.senses if not is_reference(s)]
    if not senses:
        return ""
    if any(s.startswith("classifier") for s in senses):
        return "q"
    return "v" if senses[0].startswith("to ") else "n"


def _partner_kind(compound: str, char: str, last: bool, lexicon) -> str:
    """The kind (``piece_kind``) of the rest of ``compound`` besides ``char``."""
    return piece_kind(compound[:-len(char)] if last else compound[len(char):], lexicon)


_ABBR_RE = re.compile(r"^abbr\. for (?:[^|\[\s,]+\|)?([^|\[\s,]+)(?:\[[^\]]*\])?$")


def _expanded(sense: str, lexicon) -> str:
    """A sense that only names the word it abbreviates ("abbr. for 立法委員會|立法委员会[…]") as that
    word's first sense ("Legislative Council"): what the abbreviation means."""
    m = _ABBR_RE.match(sense)
    if not m:
        return sense
    memo = lexicon.memo("expanded")
    got = memo.get(sense)
    if got is None:
        full = [x for e in lexicon.entries(m.group(1)) if not (e.variant_only or e.surname_only)
                for x in e.senses if not (is_reference(x) or _ABBR_RE.match(x))]
        got = memo.put(sense, " ".join(english.HAN_REF_RE.sub(" ", full[0]).split()) if full else sense)
    return got


_UNIT_RE = re.compile(r"^classifier for .*:\s*([^:;,()]+?)(?:,[^:;]*)?$")


def _unit(sense: str) -> str:
    """A measure word's sense as the English unit it names, which CC-CEDICT writes after a colon
    ("classifier for big round objects: disk, or recurring events: round, turn" → "(classifier)
    round"); any other sense as it is."""
    m = _UNIT_RE.match(sense) or _COUNTED_RE.match(sense)
    return f"(classifier) {m.group(1).strip()}" if m else sense


_COUNTED_RE = re.compile(r"^classifier for ([a-z]+)(?: or [a-z]+)?$")  # "classifier for people" after 數千: 數千名 "several thousand people"


PIECE_MAX = 24  # characters of one piece's English: the pieces share a card's short sense (meanings.SENSE_MAX)


def _brief(sense: str) -> str:
    """A long sense of a piece cut at its first boundary ("to exhibit at or take part in a trade
    show etc" → "to exhibit at"), so that the pieces together stay short."""
    if len(sense) <= PIECE_MAX:
        return sense
    cuts = [i for sep in ("; ", ", ", " (", " or ", " etc") for i in english.boundaries(sense, sep) if len(english.unlabelled(sense[:i])) >= 6]
    return sense[:min(cuts)] if cuts else sense


def sense_parts(sense: str) -> list[str]:
    """A sense cut at its '; ' (CC-CEDICT writes "(bound form) up; upper; above; previous" as one
    sense), each part keeping the label that heads the whole."""
    label = _HEAD_LABEL_RE.match(sense)
    head = label.group(0) if label else ""
    cut = [p.strip() for p in sense[len(head):].split("; ") if p.strip()]
    return [head + p for p in cut] or [sense]


_HEAD_LABEL_RE = re.compile(r"\([^()]*\)\s*")


def _plain_words(text: str, lexicon) -> frozenset[str]:
    """The English words of a sense, labels and Chinese left out and stemmed, prepositions kept
    (上 "on" is met in 地上 "on the ground"); nouns of agents also count as ``_AGENT``."""
    memo = lexicon.memo("plain_words")
    got = memo.get(text)
    if got is None:
        got = memo.put(text, _english_words(text, lexicon))
    return got


def _english_words(text: str, lexicon) -> frozenset[str]:
    bare = _HAN_OR_LABEL_RE.sub(" ", text.lower())
    every = english.WORD_RE.findall(bare)
    words = [w for w in every if w not in _PLAIN_STOP] or every  # 如 "as" is its own evidence
    out = frozenset(map(_stemmed, words))
    if (words and words[-1].endswith(_AGENT_ENDINGS) and not bare.lstrip().startswith("to ")
            and _agent(words[-1], lexicon)):
        out |= {_AGENT}
    return out


@lru_cache(maxsize=1 << 14)  # English words: a batch's compounds say the same few thousand again and again
def _stemmed(word: str) -> str:
    return english.stem(_uninflected(word))


def _uninflected(word: str) -> str:
    """``word`` without an English inflection, so that "shifts", "working" meet "shift", "work"."""
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            return word[:-len(ending)]
    return word


_AGENT_ENDINGS = ("ist", "ant", "ists", "ants", "er", "or", "ers", "ors")  # all ``_agent`` can say yes to


def _agent(word: str, lexicon) -> bool:
    """``word`` names who does something: a verb and -er/-or (dealer, supplier, manufacturer,
    exporter), or -ist/-ant (scientist, merchant); "upper", "number" are no agents."""
    if word.endswith(("ist", "ant", "ists", "ants")) and len(word) > 5:
        return True
    word = word[:-1] if word.endswith("s") else word
    if not word.endswith(("er", "or")):
        return False
    stems = (word[:-2], word[:-1], word[:-3] + "y", word[:-2] + "e")
    return any(len(x) > 2 and english.V in lexicon.english(x) for x in stems)


_HAN_OR_LABEL_RE = re.compile(r"\([^()]*\)|" + english.HAN_REF_RE.pattern)


MAX_COMPOUNDS = 150


def compound_words(char: str, syllables: tuple[str, ...], last: bool, lexicon) -> tuple[tuple, ...]:
    """Each CC-CEDICT compound with ``char`` (a character or a word) read ``syllables`` at its end
    (``last``) or its start, as one vote: the English words of its first two senses, the kind of
    its other part (``piece_kind``), its weight, and whether it is a verb and its result
    (``_verb_and_result``)."""
    memo = lexicon.memo("compound_words")
    key = (char, syllables, last)
    got = memo.get(key)
    if got is None:
        votes = []
        n = len(syllables)
        # the shortest compounds first, and no more than ``MAX_COMPOUNDS``: 子 ends 1,225 of CC-CEDICT's
        # words, and the commonest short ones (孩子, 房子) say as much of it as all of them
        compounds = lexicon.compounds(char, last, shortest=MAX_COMPOUNDS)
        # their other parts' entries in a few queries, not one each (``_partner_kind`` asks for them)
        lexicon.prime_words(e.simplified[:-len(char)] if last else e.simplified[len(char):] for e in compounds)
        wanted = [(b.lower(), b[:-1].lower()) for b in syllables]  # (once, not once per compound)
        for e in compounds:
            if len(e.syllables) != len(e.simplified):
                continue
            own = e.syllables[-n:] if last else e.syllables[:n]
            # the same reading (a neutral tone in the compound is any tone: 晚上 wan3 shang5)
            if not all(a.lower() == b or a[-1:] == "5" and a[:-1].lower() == base
                       for a, (b, base) in zip(own, wanted)):
                continue
            if e.variant_only:
                continue
            senses = list(islice((_expanded(s, lexicon) for s in e.senses if not is_reference(s)), 2))
            if senses:  # a name (中東 "Middle East", 井上 "Inoue") says less of the character
                kind = _partner_kind(e.simplified, char, last, lexicon)
                votes.append((frozenset().union(*(_plain_words(p, lexicon) for s in senses for p in sense_parts(s))),
                              kind, NAME_VOTE if e.proper else 1.0, _verb_and_result(e, char, last, kind, lexicon)))
        got = memo.put(key, tuple(votes))
    return got


# the English of an act carried to its end: a verb and its particle, "to drink up" (喝光), "smashed
# up" (撞烂), "to go down" (走低), or "to be completely gone" (走光), "exhausted (used up)" (用光)
_COMPLETED_RE = re.compile(r"^(?:to )?(?:[\w-]+ ){0,2}?[\w-]+ (?:up|out|off|away|down)\b|\b(?:completely|entirely|used up)\b")
_PARTICLES = frozenset("up out off away down".split())
# words too general to tell a sense by, in another character's compounds (盘店 "… a shop and all its
# contents" says nothing of 老 "all the time", 上瘾 "to become addicted" nothing of 届 "to become due")
_CROSS_STOP = frozenset(english.stem(_uninflected(w)) for w in english.STOP | english.PREPOSITIONS | english.ADVERBS
                        | english.CONJUNCTIONS | _PARTICLES
                        | frozenset("all some any each much many become get make do have".split())) | english.GENERIC | {_AGENT}


def _verb_and_result(e, char: str, last: bool, kind: str, lexicon) -> bool:
    """The compound ``e`` is a one-character verb and its result: English that says the act is
    carried to its end (``_COMPLETED_RE``: 喝光 "to drink up", not 发光 "to emit light", what it
    acts on), with ``char`` last after a verb, or first before a quality (走低 "to go down"; 走秀
    "to walk the runway" is none).  An adjective's English is no evidence: 有毒 "poisonous" is a
    verb and its object."""
    if len(e.simplified) != 2 or not any(_COMPLETED_RE.search(x) for x in e.senses[:3] if not is_reference(x)):
        return False
    return _quality_char(e.simplified[1], lexicon) if not last else kind == "v"


def _quality_char(char: str, lexicon) -> bool:
    """The first sense of ``char`` is a quality (低 "low", 弱 "weak; feeble"; not 光 "light; ray")."""
    first = next((x for e in lexicon.entries(char) if not (e.variant_only or e.surname_only or e.proper)
                  for x in e.senses if not is_reference(x)), "")
    return bool(first) and _quality(first, lexicon)


def _quality(sense: str, lexicon) -> bool:
    """Every part of ``sense`` can be an English adjective: a quality ("weak; feeble", "strong"),
    not a thing that English also uses as one ("light; ray": a ray is no quality)."""
    parts = [_HAN_OR_LABEL_RE.sub(" ", p).strip() for p in sense.split("; ")]
    return all(p and not p.startswith("to ") and A in english.parsed(p, lexicon).classes for p in parts)


# a character's sense that is not what it means inside a modern word: 保 "(old) unit of the baojia
# system", 老 "prefix used before the surname…", 台 "(classical) you"; nor is a note of its reading
_MARGINAL_RE = re.compile(r"\((?:old|archaic|classical|literary|dialect|slang)\b|^prefix used before|^old variant"
                          r"|^(?:also|Taiwan) pr\.")  # a note of another reading: 一 "also pr. [yao1] for …"

# a surname and one of these (simplified: what ``composed_senses`` is given) is a person: 陈先生 Mr. Chén
_TITLES = {"先生": "Mr.", "小姐": "Ms.", "女士": "Ms.", "太太": "Mrs.", "老师": "teacher", "医生": "Dr.",
           "教授": "Professor", "婆婆": "Granny"}


_AFTER_VERB = ("(used after a verb", "(after a verb")


def dictionary_pieces(word: str, syllables, lexicon, written: str = "") -> list[tuple[int, int, list]]:
    """``word`` as (start, size, entries) of dictionary words read as here, the fewest pieces, and
    among those the one whose rarest piece is commonest (几|分钟, not 几分 "somewhat" | 钟 "cup");
    a piece's reading may differ in its tones only (先生 xiānsheng in 黄先生)."""
    def fitting(at: int, size: int) -> list | None:
        piece, syl = word[at:at + size], syllables[at:at + size]
        entries = [e for e in lexicon.entries(piece) if not e.variant_only and not e.surname_only]
        entries = [e for e in entries if not e.proper] or entries  # 商 "commerce", not the dynasty
        if size == 1:  # a character's main entry is its fullest (局 "office; situation", not 侷 "narrow")
            key = reading_key(syl)
            fit = [e for e in entries if reading_key(e.syllables) == key] or entries
            own = written[at:at + 1]
            # the character's own entry before the forms it also simplifies (腿 "leg", not 骽 "hip bone")
            return sorted(fit, key=lambda e: (own and e.traditional != own, e.traditional != e.simplified,
                                              -len(e.senses)))
        if size == len(word) or piece[0] == "不" and not (
                at + size == len(word) and at >= 2 and any(x.startswith(_AFTER_VERB) for e in entries for x in e.senses)):
            # 放心|不|下: a complement; the word itself has no entry; but 激动|不已, whose 不已 CC-CEDICT
            # gives "(used after a verb) endlessly"
            return None
        key, bare = reading_key(syl), _toneless(syl)
        return [e for e in entries if reading_key(e.syllables) == key] or \
            [e for e in entries if _toneless(e.syllables) == bare] or None

    n = len(word)
    if n > 2 and word[-1] in SUFFIXES:  # a word and its suffix, before any other split: 协同|性, not 协|同性
        head, suffix = fitting(0, n - 1), fitting(n - 1, 1)
        if head and suffix:
            return [(0, n - 1, head), (n - 1, 1, suffix)]
    best: list = [None] * (n + 1)  # position → (pieces, -rarest zipf, path)
    best[0] = (0, float("-inf"), ())
    for at in range(n):
        if best[at] is None:
            continue
        count, rarest, path = best[at]
        for size in range(1, min(4, n - at) + 1):
            fit = fitting(at, size)
            if fit is None:
                continue
            zipf = lexicon.frequency(word[at:at + size]) if size > 1 else 7.0
            option = (count + 1, max(rarest, -zipf), path + ((at, size, fit),))
            if best[at + size] is None or option[:2] < best[at + size][:2]:
                best[at + size] = option
    return list(best[n][2])


def _toneless(syllables) -> str:
    return re.sub(r"[0-5]", "", reading_key(syllables))


