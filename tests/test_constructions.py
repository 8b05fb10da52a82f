"""Paired constructions found in a sentence, with the real segmenter."""

import pytest

from cardmaker.analysis import constructions
from cardmaker.analysis.segment import segment
from cardmaker.chinese.script import to_simplified_aligned


def _pairs(text, lexicon):
    simplified = to_simplified_aligned(text)
    lexicon.prime(simplified)
    tokens = constructions.retag(segment(simplified, lexicon), lexicon)
    return [(simplified[a:b], simplified[c:d]) for (a, b), (c, d) in constructions.pairs(tokens)]


@pytest.mark.parametrize("text, found", [
    ("經濟越發展，環境越重要。", [("越", "越")]),
    ("先有雞後有蛋。", [("先有", "后有")]),                      # 先|有 and 後|有 as the segmenter cuts them
    ("一方面要發展，另一方面要保護。", [("一方面", "另一方面")]),
    ("他不但會說，而且會寫。", [("不但", "而且")]),
    ("雖然下雨，但是他來了。", [("虽然", "但是")]),
    ("因為下雨，所以他沒來。", [("因为", "所以")]),
    ("既要發展又要保護。", [("既", "又")]),
    ("外有強敵，內有叛亂。", [("外有", "内有")]),
    ("以改革為名，行斂財之實。", [("为名", "之实")]),
    ("與其等待，不如行動。", [("与其", "不如")]),
    ("如果下雨，我們就不去。", [("如果", "就")]),
    # 越來越 is one word, 若干 and 越南 begin with a first half and are none
    ("情況越來越好，若干問題仍在。越南很遠。", []),
    # the 也 after 即使 is that one's: 不僅 has no partner in this sentence
    ("不僅老師到場，即使家長也來幫忙。", [("即使", "也")]),
    # a pair does not reach into the next sentence
    ("雖然下雨。但是他來了。", []),
])
def test_pairs_are_found_with_their_nearest_partner(text, found, lexicon):
    assert _pairs(text, lexicon) == found


@pytest.mark.parametrize("text, word, tag", [
    ("我笑道：「你可以找他簽個名。」", "道", "v"),     # 道 "to say" after how it is said
    ("身旁的霍金叫道：「你看！」", "道", "v"),
    ("一道菜。", "道", "q"),                          # the measure word stays
    ("你可以找他簽個名。", "名", "n"),                  # 个 + 名: the noun "name"
    ("但到家後，發現溪水暴漲。", "家", "n"),            # 到 + 家: home
    ("三家公司。", "家", "q"),
])
def test_a_word_is_retagged_by_the_word_before_it(text, word, tag, lexicon):
    simplified = to_simplified_aligned(text)
    lexicon.prime(simplified)
    tokens = constructions.retag(segment(simplified, lexicon), lexicon)
    assert [t.pos for t in tokens if t.text == word][0][:1] == tag
