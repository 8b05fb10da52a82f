"""Names that look like words: a company's brand and a list of place abbreviations.

A firm is named by two characters, often of good omen, and what it is (宏達鋁廠, 恒大集團):
the two characters are no word of the language, and their meaning composed from the characters
("macro + to reach") teaches nothing.  jieba's dictionary knows many such brands as "other proper
nouns" (nz: 宏达, 伊利), among terms it tags so too (大厨, 耐药): only before what a firm is is a
piece taken for one.  A list of places each written with one character (京津唐 "Beijing,
Tianjin and Tangshan") is one name too, not 京津 "Beijing and Tianjin" and 唐 "in vain".  Both are
names: no card, read as names in examples.
"""

from __future__ import annotations

from cardmaker.records import FRAGMENT, NAME, TERM, WORD, Token

# what a firm's name ends in: the brand before it is a name, whatever it is made of
COMPANY_HEADS = ("公司", "集团", "厂", "企业", "矿业", "实业", "控股", "银行")
BRAND = "nz"  # jieba's tag for another proper noun: a brand, a product
FIRM = "nt"   # … and for an organisation: what the brand names here
ABBREVIATION = "j"  # … and for an abbreviation: 东航 (China Eastern) before 集团 is the firm's


def _company(t: Token | None) -> bool:
    return t is not None and t.kind in (WORD, TERM) and t.text.endswith(COMPANY_HEADS)


# characters of good omen that firms' trade names are made of (宏达, 恒大, 华能, 鑫源): a piece with
# one of them before what a firm is names the firm, where 车企, 房企, 城投 (car makers, developers,
# city investment) before 集团 or 公司 are kinds of firms, terms of their own
TRADE_NAME_CHARS = frozenset("华宏达恒泰丰兴隆昌盛福鑫源通利信康安嘉祥瑞鼎益德佳顺永庆汇联宝荣耀辉腾升旺亨富裕凯豪")


def brand_names(tokens: list[Token], lex) -> list[Token]:
    """A two-character piece CC-CEDICT lacks right before what a firm is (宏达|铝厂, 恒大|集团,
    伊利|公司, 东航|集团) is the firm's name, not an article term: when jieba knows it as a brand (nz)
    or an abbreviation (j), or one of its characters is one trade names are made of."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (len(t.text) == 2 and t.kind in (TERM, FRAGMENT) and not lex.entries(t.text)
                and _company(nxt) and nxt.start == t.end
                and (t.pos in (BRAND, ABBREVIATION) or any(c in TRADE_NAME_CHARS for c in t.text))):
            out.append(Token(t.text, t.start, t.end, FIRM, NAME))
            continue
        out.append(t)
    return out


PLACE = "ns"


def _pair_of_places(t: Token, lex) -> bool:
    """An abbreviation of two places (京津 "Beijing and Tianjin", 沪宁): a place CC-CEDICT glosses
    as two names joined by "and" (jieba tags it a place or an abbreviation)."""
    return t.pos.startswith((PLACE, "j")) and len(t.text) == 2 and any(
        e.proper and " and " in e.senses[0] for e in lex.entries(t.text) if e.senses)


def abbreviation_lists(tokens: list[Token], lex) -> list[Token]:
    """京津|唐 → 京津唐: an abbreviation of two places and a one-character place after it that jieba
    could not place (tagged x, or taken for a surname alone) are a list of places, one name."""
    out: list[Token] = []
    for t in tokens:
        before = out[-1] if out else None
        if (before is not None and before.end == t.start and len(t.text) == 1
                and (t.pos == "x" and t.kind in (WORD, FRAGMENT) or t.kind == NAME) and _pair_of_places(before, lex)
                and any(e.proper for e in lex.entries(t.text))):
            out[-1] = Token(before.text + t.text, before.start, t.end, PLACE, NAME)
            continue
        out.append(t)
    return out
