"""Linear cost whatever the text: jieba gets a long unbroken run in bounded pieces, cut where its own
best path ends a word, so that it cuts them exactly as it would have cut the whole run.

(The time itself is measured in benchmarks/speed.py: a 2 MB repetitive and a 2 MB unpunctuated text.)
"""

import re

import pytest

from cardmaker.analysis.segment import MAX_RUN, Lexical, _pieces, _quiet_jieba, jieba_tokens
from cardmaker.chinese.script import to_simplified_aligned

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def _plain_jieba(text: str, lexical: Lexical) -> list[str]:
    """jieba's cut of the whole text at once, with the same dictionary entries."""
    jieba = _quiet_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {w: f for w, (f, _) in lexical.entries.items()}
    tokenizer.total = lexical.total
    tokenizer.initialized = True
    return list(tokenizer.cut(text))


def _unpunctuated(path, size: int) -> str:
    text = re.sub(r"[^\u4e00-\u9fff]", "", path.read_text(encoding="utf-8"))
    return to_simplified_aligned((text * (size // len(text) + 1))[:size])


@pytest.mark.parametrize("path", [ROOT / "seeds" / "jinbohui-2023-08-08.txt", ROOT / "tests" / "data" / "scraped_news.txt"])
def test_long_runs_are_cut_as_jieba_cuts_them_whole(lexicon, path):
    # 4,000 characters without a single punctuation mark: forty pieces, and not one word differs
    text = _unpunctuated(path, 4000)
    assert [t.text for t in jieba_tokens(text, Lexical(text, lexicon))] == _plain_jieba(text, Lexical(text, lexicon))


@pytest.mark.parametrize("text", ["學" * 5000, "的" * 5000, "ㄅ" * 3000 + "學" * 3000, "嗯啊" * 2500])
def test_no_piece_gives_jieba_a_long_run(lexicon, text):
    """A run jieba finds no word in (the HMM's quadratic case) reaches it in pieces of at most MAX_RUN."""
    jieba = _quiet_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {w: f for w, (f, _) in Lexical(text, lexicon).entries.items()}
    tokenizer.total = lexicon.jieba_total
    tokenizer.initialized = True
    pieces = list(_pieces(text, tokenizer, jieba))
    assert "".join(pieces) == text
    assert max(len(m.group()) for p in pieces for m in jieba.re_han_default.finditer(p)) <= MAX_RUN
    tokens = jieba_tokens(text, Lexical(text, lexicon))
    assert "".join(t.text for t in tokens) == text


def test_normal_text_is_given_whole(lexicon, seed_path):
    text = to_simplified_aligned(seed_path.read_text(encoding="utf-8"))
    jieba = _quiet_jieba()
    assert list(_pieces(text, jieba.Tokenizer(), jieba)) == [text]


def _asked(sentence: str) -> list:
    """Every character of ``sentence`` the model tells readings apart for, with all its readings."""
    from cardmaker.analysis import polyphone

    return [(i, tuple(sorted(polyphone.readings(c)))) for i, c in enumerate(sentence) if polyphone.readings(c)]


def test_the_model_reads_a_long_sentence_in_windows_as_it_reads_it_whole(monkeypatch, seed_path):
    """3,000 characters without punctuation are read in windows of WINDOW characters with CONTEXT
    on either side; the readings are those of one pass over the whole sentence (here: every one)."""
    from cardmaker.analysis import polyphone

    text = _unpunctuated(seed_path, 3000)
    asks = [_asked(text)]
    windows = polyphone.read([text], asks)[0]
    monkeypatch.setattr(polyphone, "WINDOW", 10 ** 9)
    whole = polyphone.read([text], asks)[0]
    assert len(asks[0]) > 500 and windows == whole


def test_only_asked_characters_are_read_and_as_their_scores_say(seed_path):
    # the readings of ``read`` are the best allowed ones by the full score table of each sentence
    from cardmaker.analysis import polyphone

    sentences = [s for s in re.split("[。，]", to_simplified_aligned(seed_path.read_text(encoding="utf-8"))) if s][:40]
    asks = [_asked(s)[::2] for s in sentences]
    got = polyphone.read(sentences, asks)
    scores = polyphone.logits(sentences)
    expected = [{i: polyphone.best(rows[i], allowed)[0] for i, allowed in ask} for rows, ask in zip(scores, asks)]
    assert got == expected and sum(map(len, got)) > 50
