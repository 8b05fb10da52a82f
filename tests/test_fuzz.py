"""Fuzzing the reader and the whole pipeline up to the note fields.

Quick by default; ``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py`` runs
10,000 examples per test.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

from cardmaker.text.article import parse_article
from cardmaker.output.fields import note_fields
from cardmaker.errors import CardmakerError
from cardmaker.analysis.examples import choose_examples
from cardmaker.text.glosses import strip_glosses
from cardmaker.analysis.vocabulary import Options, analyse
from cardmaker.lexicon import Lexicon

LEXICON = Lexicon()

PIECES = st.sampled_from(
    list("經濟發展強勁市場政府改革開放的了是在和重點協調行長樂，。！？；、：“”「」（）()\n 0123456789ABCxyz")
    + ["(shen)", "(xi)(xi)", "（xué）", "(lv4)", "(dang)(dan", "(xuéxí)", "(xue2 xi2)", "(xi'an)", "e\u0301", "<script>", "</script>", "<img src=x onerror=alert(1)>",
       "&amp;", "&", "<", ">", '"', "'", "(WTO)", "(完)", "(圖片來源:某 攝)", "\u3000", "\r\n", "……", "\ufeff",
       "2024-01-01", "(", ")", "（", "）", "ǚ", "u:", "::", "{{c1::x}}", "{{Simplified}}", "[sound:x.mp3]"]
)
TEXTS = st.lists(PIECES, max_size=80).map("".join)
ANY_TEXT = st.one_of(TEXTS, st.text(max_size=200))


@given(st.binary(max_size=400))
def test_reader_on_arbitrary_bytes(data):
    try:
        article = parse_article(data, "fuzz.txt")
    except CardmakerError as e:
        assert "fuzz.txt" in str(e)
        return
    assert article.text.strip()
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text


def _kept(text):
    """What stripping glosses must never touch: all but parentheses and pinyin letters."""
    return [c for c in text if not (c in "()（）:" or c.isascii() and c.isalnum() or c in "ǖǘǚǜüāáǎàēéěèīíǐìōóǒòūúǔùńňǹḿê'’ " or "\u0300" <= c <= "\u036f")]


@given(ANY_TEXT)
def test_glosses_stripped_without_touching_other_text(text):
    clean = strip_glosses(text).text
    assert _kept(clean) == _kept(text)
    it = iter(text)
    assert all(c in it for c in clean)  # clean is the original with pieces removed, order kept


ALLOWED_TAG = re.compile(r'</?span(?: class="[a-z0-9 -]+")?>|<br>|</?details(?: class="more")?>|</?summary>')
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x27|#91|#123);")


def html_safe(value: str) -> bool:
    rest = ALLOWED_TAG.sub("", value)
    rest = ENTITY.sub("", rest)
    return not set("<>&[{") & set(rest)


@given(TEXTS, st.sampled_from(["traditional", "simplified", "both"]), st.booleans())
def test_pipeline_fields_are_html_safe(text, script, names):
    try:
        article = parse_article(text.encode("utf-8"), "fuzz.txt")
    except CardmakerError:
        return
    analysis = analyse(article, LEXICON, Options(names=names))
    examples = choose_examples(analysis, analysis.words, LEXICON)
    for word in analysis.words:
        ex = [examples[word.key]] if word.key in examples else []
        for value in note_fields(word, ex, script, [article.title]).values():
            assert html_safe(value), value
