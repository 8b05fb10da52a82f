"""The fast OpenCC conversion gives exactly OpenCC's answers."""

import random

import pytest
from conftest import ROOT, SEED
from opencc import OpenCC

from cardmaker.chinese.script import _converter, to_simplified_aligned, to_traditional_aligned


def _texts(opencc: OpenCC) -> list[str]:
    """Real articles, and strings made of overlapping dictionary keys and separators
    (where the longest-match-anywhere rule and the groups of tables decide)."""
    texts = [SEED.read_text("utf-8"), (ROOT / "tests" / "data" / "scraped_news.txt").read_text("utf-8")]
    texts.append(opencc.convert(texts[0]))
    keys = sorted(k for group in opencc._dict_chain_data for table in group for k in table[2])
    rnd = random.Random(6)
    for _ in range(1500):
        parts = []
        for _ in range(rnd.randint(1, 12)):
            key = rnd.choice(keys)
            parts.append(key[rnd.randint(0, len(key) - 1):] if rnd.random() < 0.4 else key)
            if rnd.random() < 0.2:
                parts.append(rnd.choice([" ", "，", "。", "a", "-", "「", "\n"]))
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("config", ["t2s", "s2tw", "s2twp", "tw2sp", "s2hk"])
def test_conversion_matches_opencc(config):
    opencc = OpenCC(config)
    fast = _converter(config)
    for text in _texts(opencc):
        assert fast.convert(text) == opencc.convert(text), text


def test_aligned_copies_keep_length():
    text = SEED.read_text("utf-8")
    simplified = to_simplified_aligned(text)
    assert len(simplified) == len(text) and simplified != text
    assert "学习" in simplified and "學習" in text
    back = to_traditional_aligned(simplified)
    assert len(back) == len(text) and "學習" in back


def test_taiwan_zhe_becomes_simplified_zhe_only_in_traditional_text():
    # Taiwan writes 著 for 着 too: 隨著, 看著 must become words; 著名, 顯著 keep 著 (zhù)
    assert to_simplified_aligned("他抬頭看著天空，隨著經濟發展，著名的顯著") == "他抬头看着天空，随着经济发展，著名的显著"
    assert to_simplified_aligned("屋簷下，小兒麻痺") == "屋檐下，小儿麻痹"  # CC-CEDICT's simplified forms
    assert to_simplified_aligned("鯰魚的下顎") == "鲶鱼的下颚"  # not OpenCC's tw2s 鲇, 腭
    assert to_simplified_aligned("土著和论著都很显著") == "土著和论著都很显著"  # simplified text: 著 is zhù


def test_taiwan_forms_kept_are_those_cedict_disagrees_with(lexicon):
    """TAIWAN_FORMS_KEPT is derived from CC-CEDICT: a Taiwan-table character mapping is dropped
    when OpenCC's simplified form of its result is not one of CC-CEDICT's simplified forms of it."""
    from cardmaker.chinese.script import TAIWAN_FORMS_KEPT

    t2s = OpenCC("t2s")
    chars = {form: standard for group in OpenCC("tw2s")._dict_chain_data[:1] for table in group
             if table[0] == 1 for form, standard in table[2].items()}
    derived = set()
    for form, standard in chars.items():
        simplified = {e.simplified for e in lexicon.entries(form) if e.traditional == form}
        if t2s.convert(standard.split(" ")[0]) not in simplified:
            derived.add(form)
    assert derived == set(TAIWAN_FORMS_KEPT)
