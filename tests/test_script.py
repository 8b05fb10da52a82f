"""Script conversion: OpenCC's official binding, kept character-aligned, with the Taiwan pass."""

from conftest import ROOT, SEED
from opencc import OpenCC

from cardmaker.chinese.script import TAIWAN_FORMS_KEPT, to_simplified, to_simplified_aligned, to_traditional_aligned


def test_aligned_copies_keep_length():
    for path in (SEED, ROOT / "tests" / "data" / "scraped_news.txt", *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))):
        text = path.read_text("utf-8")
        assert len(to_simplified_aligned(text)) == len(text)
        assert len(to_traditional_aligned(text)) == len(text)
    text = SEED.read_text("utf-8")
    simplified = to_simplified_aligned(text)
    assert simplified != text and "学习" in simplified and "學習" in text
    assert "學習" in to_traditional_aligned(simplified)


def test_taiwan_zhe_becomes_simplified_zhe_only_in_traditional_text():
    # Taiwan writes 著 for 着 too: 隨著, 看著 must become words; 著名, 顯著 keep 著 (zhù)
    assert to_simplified_aligned("他抬頭看著天空，隨著經濟發展，著名的顯著") == "他抬头看着天空，随着经济发展，著名的显著"
    assert to_simplified_aligned("屋簷下，小兒麻痺") == "屋檐下，小儿麻痹"  # CC-CEDICT's simplified forms
    assert to_simplified_aligned("鯰魚的下顎") == "鲶鱼的下颚"  # not OpenCC's tw2s 鲇, 齶
    assert to_simplified_aligned("土著和论著都很显著") == "土著和论著都很显著"  # simplified text: 著 is zhù
    assert to_simplified("隨著") == "随着" and to_simplified("著名") == "著名"


def test_hong_kong_forms_are_simplified_too(lexicon):
    """Hong Kong writes 衞 for 衛: neither t2s nor tw2s simplifies it, and 衞生 fell apart into 衞 and
    a card for 生 "to be born"."""
    text = "並與食物環境衞生署等部門合作，改善項目周邊的環境衞生。"
    simplified = to_simplified_aligned(text)
    assert "环境卫生" in simplified and len(simplified) == len(text)
    from cardmaker.analysis.segment import segment
    words = [t.text for t in segment(simplified, lexicon)]
    assert "卫生署" in words and "环境卫生" in words and "生" not in words, words


def test_taiwan_forms_kept_are_those_cedict_disagrees_with(lexicon):
    """TAIWAN_FORMS_KEPT is derived from CC-CEDICT: a character that OpenCC's Taiwan table maps
    to another simplified form than plain t2s does keeps t2s's answer when CC-CEDICT does not list
    the Taiwan table's answer among that character's simplified forms."""
    t2s, tw2s = OpenCC("t2s", include_tofu_risk_dictionaries=False), OpenCC("tw2s", include_tofu_risk_dictionaries=False)
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    plain, taiwan = t2s.convert("\n".join(chars)).split("\n"), tw2s.convert("\n".join(chars)).split("\n")
    derived = set()
    for c, p, t in zip(chars, plain, taiwan):
        if p != t:
            simplified = {e.simplified for e in lexicon.entries(c) if e.traditional == c}
            if t not in simplified:
                derived.add(c)
    assert derived == set(TAIWAN_FORMS_KEPT)
