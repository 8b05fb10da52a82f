"""Foreign names an article spells out: a transliteration followed by the name in Latin letters.

Taiwan and Hong Kong papers give a foreign person's name in Chinese characters and then, in
brackets, as written in its own language: 理查賽內特（Richard Sennett）.  The characters before the
bracket that transliterations are made of are the name, one word (Lǐchásàinèitè), wherever the
article writes it: not 理查 "Richard" + 賽 "to compete" + 內特.
"""

from __future__ import annotations

import re

# characters Chinese transliterations of foreign names are spelled with (simplified), the common ones
# of the Xinhua naming tables; words a transliteration never holds (不, 过, 的, 是) are not among them
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦鲍贝本比彼毕别宾波伯勃博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法凡范菲"
    "费芬丰佛弗伏福富盖甘冈戈格根贡古瓜圭哈海汉豪赫黑亨洪胡华怀霍基吉加贾杰金卡凯坎康考柯科可克肯"
    "库奎昆拉莱赖兰朗劳勒雷蕾里理利莉丽连林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明摩莫姆穆纳娜奈南"
    "内尼妮宁纽诺欧帕派潘庞佩彭皮珀普奇齐恰乔琼丘萨塞赛桑瑟森沙莎尚什施史斯松苏索塔泰坦汤唐特滕提"
    "汀廷图托瓦万旺威韦维温沃乌伍西希席夏谢辛休许雅亚扬耶伊因英尤于约泽扎詹")
_LATIN = "A-Za-zＡ-Ｚａ-ｚ"
_GLOSSED_RE = re.compile(f"([\u4e00-\u9fff]{{2,16}})[（(]([{_LATIN}][{_LATIN} .．\\-‐·]*)[）)]")
_CAPITAL_RE = re.compile("[A-ZＡ-Ｚ]")
PER_WORD = 3  # characters a transliteration spends on one word of the name, at most (理查 Richard, 赛内特 Sennett)


def bracketed_names(text: str, starts: set[int]) -> set[str]:
    """The transliterated names of ``text`` (simplified) that a Latin name in brackets follows, each
    beginning where a token begins (``starts``): the longest run of transliteration characters
    before the bracket, of at least two and at most ``PER_WORD`` for each word of the Latin name
    (and one more)."""
    found = set()
    for m in _GLOSSED_RE.finditer(text):
        han, latin = m.group(1), m.group(2)
        words = max(len(latin.split()), len(_CAPITAL_RE.findall(latin)), 1)
        k = len(han)
        while k > 0 and han[k - 1] in TRANSLITERATION:
            k -= 1
        k = max(k, len(han) - PER_WORD * words - 1)
        while k <= len(han) - 2 and m.start(1) + k not in starts:
            k += 1  # the name begins where a word does (不过|理查…, not 过理查…)
        if len(han) - k >= 2:
            found.add(han[k:])
    return found
