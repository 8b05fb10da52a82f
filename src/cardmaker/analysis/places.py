"""Proper names CC-CEDICT lacks: places and institutions an article names, and how they are spelled.

CC-CEDICT capitalises the places and offices it lists (花莲 Huālián, 台东县 Táidōng Xiàn, 外交部
Wàijiāobù).  An article also names streets, roads and offices it does not list (北河街, 金管会, 经济部):
their pinyin is capitalised the same way (GB/T 16159: a place's unit spelled apart and capitalised,
Běihé Jiē; an office's abbreviation one word, Jīnguǎnhuì), while the common nouns they are made of
stay lower case wherever they stand alone (街 jiē, 银行 yínháng, 委员会 wěiyuánhuì).
"""

from __future__ import annotations

from cardmaker.records import FRAGMENT, NAME, TERM, WORD, Token

# the last character of an institution's name: 经济部, 市建局, 气象署, 进博会, 金管会
INSTITUTIONS = frozenset("部署局厅院会")  # not 处: mostly a desk (询问处, 服务处), no proper name
# administrative units, streets and roads: after a place's name they are part of it, spelled apart
# and capitalised (GB/T 16159, as CC-CEDICT spells 台东县 Tái dōng Xiàn): Huālián Xiàn, Guìlín Jiē
PLACE_UNITS = frozenset("省市县区乡镇村州街路岛")
ROADS = frozenset(("公路",))  # a road's word after its name: 南回公路 Nánhuí Gōnglù
PLACE = "ns"  # jieba's tag of a place, given to the places jieba took for people (花莲)
# the tag of an article term found here to name a place (北河街, 花东): jieba gives its own ns to terms
# that name none (馆内), so these have a tag of their own, shown as a place name like ns
PLACE_TERM = "nsa"
ORGANISATION = "nt"  # jieba's tag of an organisation's name, given to the abbreviations of companies (中储粮)


def is_place(text: str, lex) -> bool:
    """CC-CEDICT knows ``text`` as a place and as no person (花莲 "Hualien, city and county on the east
    coast of Taiwan", 兰屿 "Lanyu or Orchid Island"), so that a guess of jieba's that it is a person's
    name yields."""
    entries = lex.entries(text)
    return any(e.place for e in entries) and not any(e.person for e in entries)


# what follows a person's name, not a place's: 田中表示 is Tanaka speaking, not Tianzhong town
_PERSON_AFTER = frozenset("表示 说 指出 认为 强调 透露 坦言 提到 回应 说明 先生 女士 小姐 太太 教授".split())


def places_not_people(tokens: list[Token], lex) -> list[Token]:
    """Names jieba guessed (its nr tag) that CC-CEDICT knows as places and as no person are those
    places, words with CC-CEDICT's capitalised reading (花莲 Huālián, 吕宋岛 Lǚsòng Dǎo, 兰屿, 桂林),
    unless what follows one of them is what a person does or is called (田中|表示, 周宁|先生) or a
    street's unit (桂林|街: a piece of the street's name).  A title or role before a name (记者周宁)
    makes it a name again afterwards (``segment._context_names``)."""
    people = {t.text for t, nxt in zip(tokens, tokens[1:])
              if t.kind == NAME and nxt.start == t.end and nxt.text in _PERSON_AFTER}  # one name everywhere
    # 桂林|街: a place that names a street is a piece of the street's name, no card of its own
    people |= {t.text for t, nxt in zip(tokens, tokens[1:]) if nxt.start == t.end and nxt.text in _STREETS}
    return [Token(t.text, t.start, t.end, PLACE, WORD)
            if t.kind == NAME and len(t.text) >= 2 and t.text not in people and is_place(t.text, lex) else t
            for t in tokens]


def institution(term: str) -> bool:
    """An article term of three or more characters ending in an office or assembly is the proper name
    of one (经济部 Jīngjìbù "Ministry of Economic Affairs", 进博会 Jìnbóhuì), capitalised as
    CC-CEDICT writes 外交部 Wàijiāobù; a two-character one is generic (区委, 展会)."""
    return len(term) >= 3 and term[-1] in INSTITUTIONS


def gathering(term: str, lex) -> bool:
    """演奏会 "concert", 协调会: a verb and 会 name a kind of gathering (what is done there), a common
    noun spelled lower case, not an assembly's proper name (进博会 Jìnbóhuì: 进博 is no word)."""
    return len(term) == 3 and term[-1] == "会" and any(
        e.senses and e.senses[0].startswith("to ") for e in lex.entries(term[:2])
        if not (e.proper or e.variant_only or e.surname_only))


def _common(text: str, lex) -> bool:
    """CC-CEDICT has a common word ``text`` (成功 "success", though also a town in Taitung)."""
    return any(not (e.proper or e.variant_only or e.surname_only) for e in lex.entries(text))


def _proper_only(text: str, lex) -> bool:
    """CC-CEDICT has ``text`` as proper nouns only (美洲 "America", 南美洲)."""
    return bool(lex.entries(text)) and not _common(text, lex)


def _known_place(text: str, lex, tag_of) -> bool:
    """A place by CC-CEDICT (桂林) or by jieba's dictionary (北河, 南美洲: tagged ns), and no common word."""
    return not _common(text, lex) and (is_place(text, lex) or tag_of(text).startswith(PLACE))


def named_piece(piece: Token) -> bool:
    """A piece no dictionary word that jieba's dictionary has as a place (南回, ns) or as a noun ending
    in an office (金管会, n: an institution's abbreviation).  It gets no card (its meaning cannot be
    composed from its characters), but it is a name wherever an example shows it."""
    if piece.kind != FRAGMENT:
        return False
    return piece.pos == PLACE or institution(piece.text) and piece.pos.startswith(("n", "j")) \
        and not piece.pos.startswith(("nr", "ns"))


def place_terms(tokens: list[Token], lex, tag_of) -> list[Token]:
    """Article terms that name a place, tagged as one (``PLACE_TERM``): a place and its unit (北河街: 北河
    is a place, 街 a street; not 自贸区, whose 自贸 is none), a place jieba's dictionary has that
    CC-CEDICT lacks and jieba cut (中|南美洲 → 中南美洲), and a two-character abbreviation of two
    places the article names (花东: 花莲 and 台东).  A common word and a unit that CC-CEDICT has as a
    town are that town (成功|镇 → 成功镇, not 成功 "success"); 丰滨|乡 stay two, 丰滨 being the place
    alone.  ``tag_of`` gives jieba's tag of a word."""
    places = {t.text for t in tokens if t.kind == WORD and len(t.text) >= 2 and _proper_only(t.text, lex)
              and is_place(t.text, lex)}  # not 成功, 通道: words that are also a county somewhere
    out: list[Token] = []
    for t in tokens:
        text = t.text
        prev = out[-1] if out else None
        if prev is not None and prev.end == t.start and t.kind == WORD and prev.kind in (WORD, TERM, FRAGMENT):
            whole = prev.text + text
            if text in PLACE_UNITS and _common(prev.text, lex) and _proper_only(whole, lex) and is_place(whole, lex):
                out[-1] = Token(whole, prev.start, t.end, PLACE, WORD)  # 成功|镇: CC-CEDICT's town, not "success"
                continue
            if _joins(prev, t, lex, tag_of):
                out[-1] = Token(whole, prev.start, t.end, PLACE_TERM, TERM)
                continue
            if _council(out[-2] if len(out) >= 2 else None, prev, t, lex):
                out[-1] = Token(whole, prev.start, t.end, "n", TERM)  # 深水埗|区|议员 → 区议员
                continue
        if (t.kind == TERM and len(text) >= 3 and text[-1] in PLACE_UNITS and _known_place(text[:-1], lex, tag_of)
                or t.kind in (TERM, FRAGMENT) and _two_places(text, places, lex)):
            t = Token(text, t.start, t.end, PLACE_TERM, TERM)
        out.append(t)
    return out


COUNCILS = ("议员", "议会")


def _council(place: Token | None, unit: Token, council: Token, lex) -> bool:
    """深水埗|区|议员 → 深水埗|区议员 "district councillor": after a place, its unit and a council word are
    one word of that level's office, as CC-CEDICT has it for a sibling (区议会 "district council",
    市议员 "city councillor"), while the place keeps its name (Shēnshuǐbù qūyìyuán)."""
    if (place is None or place.end != unit.start or not _place_like(place, lex) or unit.text not in PLACE_UNITS
            or council.text not in COUNCILS or unit.kind != WORD):
        return False
    return any(_common(unit.text + c, lex) for c in COUNCILS) or any(
        _common(u + council.text, lex) for u in PLACE_UNITS)


def _place_like(t: Token, lex) -> bool:
    """A token that may name a place: a word CC-CEDICT has as a place, or any name or term of two or more
    characters (深水埗, 油尖旺)."""
    return len(t.text) >= 2 and (is_place(t.text, lex) or t.kind in (TERM, NAME) or t.pos.startswith("ns"))


def _two_places(text: str, places: set[str], lex) -> bool:
    """花东: two characters no dictionary word, the first starting one place the article names (花莲)
    and the second starting or ending another (台东)."""
    return len(text) == 2 and not lex.entries(text) and any(
        a[0] == text[0] and text[1] in (b[0], b[-1]) for a in places for b in places if a != b)


# CC-CEDICT lists streets and roads never, cities and counties with their units: a piece no word alone
# or a place CC-CEDICT has and a street's unit are one term (北河|街, 南昌|街), while a place and an
# administrative unit stay two, as segmentation standards cut them (台湾|区, 深水埗|区: Táiwān Qū)
_STREETS = frozenset("街路")
_POINTS = frozenset("东西南北中")  # 中|南美洲: a compass point before a place is part of a larger one


def _joins(a: Token, b: Token, lex, tag_of) -> bool:
    """Two tokens that are one place the dictionary lacks: a piece and a street's unit (北河|街), or
    a place of jieba's dictionary (中南美洲, 黄淮海) made of a compass point or a character and a place
    (中|南美洲, 黄|淮海; not 英国|牛津 or 和|澳洲, phrases jieba's dictionary has as places too)."""
    whole = a.text + b.text
    if lex.entries(whole):
        return False
    if b.text in _STREETS:
        # a city CC-CEDICT has, and 街 after it, is a street named after it (南昌|街, 通州|街 in Hong
        # Kong's Sham Shui Po): one name, not a card "Nanchang, capital of Jiangxi" and one "street"
        return len(a.text) >= 2 and (a.kind != WORD and _known_place(a.text, lex, tag_of)
                                     or a.kind == WORD and _proper_only(a.text, lex) and is_place(a.text, lex))
    # … or of a one-character name and a place (黄|淮海 → 黄淮海 "the Huang-Huai-Hai plain": 黄 the Yellow
    # River), where jieba tags the character a noun or an adjective, not a preposition or conjunction
    first = a.text in _POINTS or len(a.text) == 1 and tag_of(a.text).startswith(("a", "n")) \
        and not tag_of(a.text).startswith("nr")
    return (a.kind == WORD and first and len(b.text) >= 2 and tag_of(whole).startswith(PLACE)
            and _known_place(b.text, lex, tag_of))


def capitalised(term: Token, syllables: tuple[str, ...], lex) -> tuple[str, ...]:
    """An article term's syllables as its name is spelled: an institution's first capitalised
    (Jīngjìbù), or an organisation's (jieba's tag nt: 中储粮 Zhōngchǔliáng); a place's, with its unit
    apart (Běihé Jiē), a place it ends in apart (Zhōngnán Měizhōu: 中南 and 美洲), or as one
    abbreviation (Huādōng)."""
    text = term.text
    if term.pos != PLACE_TERM:
        named = institution(text) and not gathering(text, lex) or named_piece(term) or term.pos == ORGANISATION
        return (_cap(syllables[0]), *syllables[1:]) if named else syllables
    if len(syllables) != len(text):
        return (_cap(syllables[0]), *syllables[1:])
    cut = len(text) - 1 if text[-1] in PLACE_UNITS and len(text) >= 3 else next(
        (k for k in (*range(2, len(text) - 1), 1) if _proper_only(text[k:], lex)), 0)
    return tuple(_cap(s) if i in (0, cut) else s for i, s in enumerate(syllables))


def unit_apart(word: str, syllables: tuple[str, ...]) -> tuple[str, ...]:
    """A CC-CEDICT place's syllables with its unit capitalised, as GB/T 16159 spells it and CC-CEDICT
    does for some (台东县 Tai2 dong1 Xian4) but not all (成功镇 Cheng2 gong1 zhen4 → Chénggōng Zhèn)."""
    if len(word) >= 3 and word[-1] in PLACE_UNITS and len(syllables) == len(word) and syllables[0][:1].isupper():
        return (*syllables[:-1], _cap(syllables[-1]))
    return syllables


def _cap(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:]


# what a road's name follows: a verb of motion, or a preposition of place (轉入|中正路, 沿|登雲路, 在|中山路)
_TOWARDS_ROADS = frozenset("在 沿 沿着 往 向 到 从 经 经过 进入 转入 驶入 驶进 开往 前往 绕 穿过 抵达 来到 位于 接 进".split())
_ROAD_UNITS = ("路", "街", "大道")
_AT_ROADS = frozenset("路口 路段".split())  # a road's crossing and stretch: 中正|路口 is 中正路's crossing
_NAME_TAGS = ("nz", "ns", "nr")


def road_names(tokens: list[Token], lex, tag_of) -> list[Token]:
    """Roads and streets the article names where jieba cut them into junk: 轉入|中|正路 → 中正路
    (not 正路 "the right way"), 進入|登雲路, and 中正|路口 (中正路's crossing: 中正 no card "fair and
    honest", a name in examples).  A road is recognised after a verb of motion or a preposition of place,
    when its name is jieba's word with the unit or a name without it (中正路, 中正: nz), or a piece no
    dictionary has; once found, it is the road wherever the article spells it so (除|中正路|和新民路)."""
    roads: set[str] = set()
    for i, t in enumerate(tokens[:-1]):
        if t.text not in _TOWARDS_ROADS or t.kind != WORD:
            continue
        for n in (1, 2):
            run = tokens[i + 1:i + 1 + n]
            if len(run) == n and _road(run, lex, tag_of):
                roads.add("".join(u.text for u in run))
        nxt = tokens[i + 2] if i + 2 < len(tokens) else None
        if nxt is not None and nxt.text in _AT_ROADS and _road_name(tokens[i + 1], lex, tag_of):
            roads.add(tokens[i + 1].text + "路")
    if not roads:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        pair = t.text + nxt.text if nxt is not None and nxt.start == t.end else ""
        if pair in roads and t.kind in (WORD, FRAGMENT, TERM) and nxt.kind in (WORD, FRAGMENT, TERM):
            out.append(Token(pair, t.start, nxt.end, PLACE_TERM, TERM))
            i += 2
            continue
        if t.text in roads and t.kind in (WORD, FRAGMENT, TERM):
            out.append(Token(t.text, t.start, t.end, PLACE_TERM, TERM))
        elif (t.text + "路" in roads and nxt is not None and nxt.start == t.end and nxt.text in _AT_ROADS
              and t.kind in (WORD, TERM)):
            out.append(Token(t.text, t.start, t.end, PLACE, FRAGMENT))  # 中正|路口: the road's name, no card
        else:
            out.append(t)
        i += 1
    return out


def _road(run: list[Token], lex, tag_of) -> bool:
    """Tokens that spell a road's name and its unit (中|正路, 登雲路) that no dictionary has as a word."""
    whole = "".join(u.text for u in run)
    unit = next((u for u in _ROAD_UNITS if whole.endswith(u)), None)
    if unit is None or not 3 <= len(whole) <= 2 + len(unit) or _common(whole, lex) or any(
            a.end != b.start for a, b in zip(run, run[1:])) or not all(u.kind in (WORD, FRAGMENT, TERM) for u in run):
        return False
    name = whole[:-len(unit)]
    if len(run) == 1:  # one piece jieba's model made (登雲路), or jieba's own road (中正路)
        return run[0].kind == FRAGMENT or tag_of(whole).startswith(_NAME_TAGS)
    return tag_of(whole).startswith(_NAME_TAGS) or tag_of(name).startswith(_NAME_TAGS)


def _road_name(t: Token, lex, tag_of) -> bool:
    """A two-character name before 路口 or 路段 (中正): a name of jieba's dictionary, or a piece no word."""
    return len(t.text) == 2 and (t.kind == FRAGMENT or tag_of(t.text).startswith(_NAME_TAGS))


_VILLAGES = frozenset("村里乡")  # a village's, a neighbourhood's and a township's unit


def village_names(tokens: list[Token], lex) -> list[Token]:
    """太和|村, 太和|村社 → 太和|村|社: a county or city CC-CEDICT lists (太和 "County in Fuyang") right
    before a village's unit is a village named like it, not that county (a county has no village's unit
    after it): the name no card with the county's gloss, a name in examples (Tàihé Cūn, the unit apart
    as segmentation standards cut it), wherever the article says it (太和|地區).  The unit's character
    jieba glued to the next one (村社) is the unit, the rest a piece."""
    out: list[Token] = []
    names: set[str] = set()
    for t in tokens:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == t.start and t.text[:1] in _VILLAGES and len(t.text) <= 2
                and prev.kind in (WORD, NAME) and len(prev.text) >= 2 and _proper_only(prev.text, lex)
                and is_place(prev.text, lex) and prev.text[-1] not in PLACE_UNITS
                and not _proper_only(prev.text + t.text[0], lex) and not (len(t.text) == 2 and _common(t.text, lex))):
            names.add(prev.text)
            if len(t.text) == 2:
                out.append(Token(t.text[0], t.start, t.start + 1, "n", WORD))
                out.append(Token(t.text[1], t.start + 1, t.end, "x", FRAGMENT))
                continue
        out.append(t)
    return [Token(t.text, t.start, t.end, PLACE, FRAGMENT) if t.text in names and t.kind in (WORD, NAME) else t
            for t in out]
