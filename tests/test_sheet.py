"""The printable sheet: compact A4 pages a teacher hands out, printed by a real Chromium and read back."""

import html as htmllib
import re
import shutil
import subprocess
from collections import defaultdict

import pytest
from click.testing import CliRunner

from cardmaker.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_printing = pytest.mark.skipif(not (CHROMIUM and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                    reason="needs Chromium and poppler-utils (.ci/run installs them)")
A4 = (595.3, 841.9)                  # points
MM = 72 / 25.4
LEFT = RIGHT = 12 * MM               # the sheet's @page margins
TOP, BOTTOM = 13 * MM, 14 * MM


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 0, result.output
    return result


def sheet(tmp_path, article, *options, name="sheet.html") -> str:
    out = tmp_path / name
    run("sheet", article, "-o", out, *options)
    return out.read_text(encoding="utf-8")


def section(page: str, name: str) -> str:
    m = re.search(rf'<section class="{name}">(.*?)</section>', page, re.S)
    return m.group(1) if m else ""


def text(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


def table_words(page: str) -> list[str]:
    """The first form shown in each row's word cell."""
    return [text(m) for m in re.findall(r'<td class="word"><span class="w">((?:<span class="tone\d">[^<]*</span>|[^<])*)</span>',
                                        page)]


def print_pdf(tmp_path, page_path):
    pdf = tmp_path / (page_path.stem + ".pdf")
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return pdf


def pdf_pages(pdf):
    """Per page: its size and its words as (x0, y0, x1, y1, text), from poppler's pdftotext -bbox."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        words = [(float(a), float(b), float(c), float(d), htmllib.unescape(t)) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', m.group(3))]
        pages.append(((float(m.group(1)), float(m.group(2))), words))
    return pages


def layout_lines(pdf, page: int) -> list[str]:
    """The text of one page as poppler lays it out, line by line."""
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout.splitlines()


def split_row(pdf, page: int) -> str:
    """The text a page's table goes on with after its repeated header when that is not a new row (the
    rest of a row split by the page break); "" when it is a row.  poppler's raw mode keeps the order
    Chromium drew in, so a row's number comes before the rest of it."""
    raw = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    header = next((i for i, line in enumerate(raw) if line.startswith("# Word Pinyin")), None)
    if header is None or header + 1 >= len(raw):
        return ""
    following = raw[header + 1]
    return "" if re.match(r"\d+ ", following) else following


def lines(words) -> list[str]:
    """A page's text lines: words that share a baseline, left to right, without spaces."""
    rows = defaultdict(list)
    for x0, y0, x1, y1, t in words:
        rows[round(y1)].append((x0, t))
    return ["".join(t for _, t in sorted(row)) for _, row in sorted(rows.items())]


@needs_printing
def test_sixty_words_print_on_three_pages_and_the_key_on_its_own(tmp_path, seed_path):
    page = sheet(tmp_path, seed_path, "--max-words", "60")
    assert "<script" not in page and "http" not in page.split("</style>")[0]  # self-contained
    pdf = print_pdf(tmp_path, tmp_path / "sheet.html")
    pages = pdf_pages(pdf)
    assert len(pages) == 4  # 60 words and the practice on three, the answer key on the fourth
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for (w, h), _ in pages)
    texts = ["\n".join(lines(words)) for _, words in pages]
    assert "Name" in texts[0] and "Class" in texts[0] and "Date" in texts[0]  # the student's line
    assert "全力以赴確保第六屆進博會圓滿成功" in texts[0] and "jinbohui-2023-08-08.txt" in texts[0]  # title, source
    practice = [n for n, t in enumerate(texts) if "Practice" in t]
    assert practice and practice[0] <= 2 and "Filleachblank" in texts[practice[0]]
    assert "Answerkey" in texts[3] and not any("Answerkey" in t for t in texts[:3])
    assert "Practice" not in texts[3]
    for n, (_, words) in enumerate(pages, 1):
        foot = "".join(t for x0, y0, x1, y1, t in words if y0 > A4[1] - BOTTOM)
        assert foot == f"{n}/4"  # page numbers at the foot
        for x0, y0, x1, y1, t in words:  # nothing past the margins
            assert x0 >= LEFT - 1 and x1 <= A4[0] - RIGHT + 1, (n, t, x0, x1)
            # where any printer reaches (poppler's boxes of CJK glyphs are tall: their middle is compared)
            assert 6 * MM <= (y0 + y1) / 2 <= A4[1] - 6 * MM, (n, t, y0, y1)
            in_margin = y1 < TOP or y0 > A4[1] - BOTTOM
            assert not in_margin or re.fullmatch(r"\d+|/", t) or (n > 1 and t in page), (n, t)
    # each row number once, in order: no row is lost or printed twice across the page breaks
    numbers = []
    for _, words in pages[:3]:
        end = min([y0 for x0, y0, x1, y1, t in words if t == "Practice"] or [A4[1] - BOTTOM])
        numbers += [int(t) for x0, y0, x1, y1, t in sorted(words, key=lambda w: (w[1], w[0]))
                    if t.isdigit() and x1 < LEFT + 0.06 * (A4[0] - LEFT - RIGHT) and TOP < y0 < end]
    assert numbers == list(range(1, 61))
    for n in (2, 3):  # a row is never split: each page's table goes on with a new row
        assert not split_row(pdf, n), n
    # a word is never broken across lines: every headword, and every highlighted occurrence of it in an
    # example, is whole on one printed line
    printed = [line for n in (1, 2, 3) for line in layout_lines(pdf, n)]
    vocabulary = section(page, "vocabulary")
    for word in table_words(page):
        highlighted = vocabulary.count(f'<span class="hl">{word}</span>')
        assert sum(line.count(word) for line in printed) >= 1 + highlighted, word

def test_the_sheet_is_in_the_articles_script_unless_told(tmp_path, seed_path):
    own = sheet(tmp_path, seed_path, "--max-words", "10", "--order", "article", name="own.html")
    assert table_words(own)[:4] == ["全力以赴", "確保", "屆", "進博會"]  # traditional article: traditional only
    assert '<span class="w alt">' not in own and "进博会" not in section(own, "vocabulary")
    simplified = sheet(tmp_path, seed_path, "--max-words", "10", "--order", "article", "--script", "simplified",
                       name="simp.html")
    assert table_words(simplified)[:4] == ["全力以赴", "确保", "届", "进博会"]
    assert "進博會" not in text(section(simplified, "vocabulary")) and 'lang="zh-Hans"' in simplified
    both = sheet(tmp_path, seed_path, "--max-words", "10", "--order", "article", "--script", "both",
                 name="both.html")
    assert '<span class="w alt">进博会</span>' in both  # the other form under the article's
    assert '<span class="w alt">全力以赴</span>' not in both  # a word written alike in both scripts: once


def test_practice_blanks_the_word_and_the_key_gives_it(tmp_path, seed_path):
    page = sheet(tmp_path, seed_path, "--max-words", "60")
    practice, key = section(page, "practice"), section(page, "key")
    questions = re.findall(r"<li>(.*?)</li>", practice, re.S)
    answers = re.findall(r'<li><span class="answer">(.*?)</span>', key)
    bank = [text(w) for w in re.findall(r'<span class="bank-word">(.*?)</span>', practice)]
    assert len(questions) == len(answers) == len(bank) == 10
    assert sorted(bank) == sorted(text(a) for a in answers)  # the bank holds exactly the answers
    assert bank != [text(a) for a in answers]  # … not in the order of the blanks (it is by pinyin)
    words = table_words(page)
    assert all(text(a) in words for a in answers)
    positions = [words.index(text(a)) for a in answers]
    assert positions == sorted(positions) and positions[-1] > 30  # spread over the list, in its order
    assert all(len(text(a)) > 1 for a in answers)  # 並, 好 make weak blanks while longer words remain
    levels = dict(zip(words, re.findall(r'<td class="hsk">([^<]*)</td>', page)))
    pinyin = dict(zip(words, (text(p) for p in re.findall(r'<td class="py">(.*?)</td>', page))))
    for a in map(text, answers):  # everyday words (今年) and proper nouns (中國) only when nothing better is left
        assert levels[a] not in ("1", "2") and not pinyin[a][:1].isupper(), a
    for n, (q, a) in enumerate(zip(questions, answers), 1):
        assert '<span class="gap" ' in q and f">{n}</span>" in q
        assert text(a) not in text(q).replace(str(n), "")  # the blank gives nothing away
    sentences = [text(q) for q in questions]
    assert len(set(sentences)) == len(sentences)


def test_no_practice_no_key(tmp_path, seed_path):
    page = sheet(tmp_path, seed_path, "--max-words", "5", "--practice", "0")
    assert 'class="practice"' not in page and 'class="key"' not in page
    assert len(table_words(page)) == 5


def test_sheet_escapes_title_in_the_running_header(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text('標題"}</style><script>alert(1)</script>\n經濟發展強勁，出口增長明顯。\n', encoding="utf-8")
    page = sheet(tmp_path, article)
    assert "<script" not in page and page.count("</style>") == 1
    assert re.search(r'@top-left \{ content: "[^"]*\\22 [^"]*"; \}', page)  # the quote escaped in CSS


@needs_printing
def test_full_article_prints_every_row_within_the_page(tmp_path, seed_path):
    """All the words of the seed: many pages, still A4, nothing clipped, first, middle and last rows printed."""
    sheet(tmp_path, seed_path)
    pdf = print_pdf(tmp_path, tmp_path / "sheet.html")
    pages = pdf_pages(pdf)
    assert len(pages) >= 3
    for n in range(2, len(pages) + 1):  # no row split at any page break
        assert not split_row(pdf, n), n
    words = [w for _, ws in pages for w in ws]
    assert max(x1 for _, _, x1, _, _ in words) <= A4[0] - RIGHT + 1
    printed = "".join(t for *_, t in words)
    for expected in ("強勁", "qiáng", "全力以赴", "海關", "customs"):
        assert expected in printed
