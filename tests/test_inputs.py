"""Inputs besides .txt: saved web pages, URLs (a real HTTP server on 127.0.0.1), standard input, and
.docx, .pdf and .epub files made by real writers (python-docx, headless Chromium, ebooklib); bad inputs
are one line each, exit 1, the rest of the batch still built, nothing left behind."""

import http.server
import io
import shutil
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardmaker.cli import main
from cardmaker.errors import InputError
from cardmaker.text import sources
from cardmaker.text.article import read_article, read_chapters
from conftest import import_apkg, note_by

PAGES = Path(__file__).parent / "data" / "pages"
UDN = (PAGES / "udn-typhoon.html").read_bytes()
BIG5_TEXT = "颱風逼近 氣象署發布警報\n中央氣象署表示，颱風目前位於鵝鑾鼻東南方的海面上，民眾應注意防範。\n".encode("big5")


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    requests: list = []

    def log_message(self, *args):
        pass

    def _send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if not any(k == "Content-Length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        _Handler.requests.append(path)
        try:
            if path == "/news/story/7266/8891000":
                self._send(200, UDN)
            elif path == "/moved":
                self._send(302, headers=[("Location", "/news/story/7266/8891000")])
            elif path in ("/loop-a", "/loop-b"):
                self._send(302, headers=[("Location", "/loop-b" if path == "/loop-a" else "/loop-a")])
            elif path.startswith("/chain/"):
                self._send(302, headers=[("Location", f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")])
            elif path == "/to-file":
                self._send(302, headers=[("Location", "file:///etc/passwd")])
            elif path == "/gone":
                self._send(404, b"<h1>Not Found</h1>")
            elif path == "/broken":
                self._send(500, b"<h1>Internal Server Error</h1>")
            elif path == "/slow":
                time.sleep(2)
                self._send(200, UDN)
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"<p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif path == "/huge":  # says 10 GB and would send them
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(10 * 1024 ** 3))
                self.end_headers()
                self.wfile.write(b"<html>" + b" " * 65536)
            elif path == "/endless":  # no length: sends until the client hangs up
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                chunk = "中文".encode() * 20000
                for _ in range(200):
                    self.wfile.write(chunk)
            elif path == "/photo.jpg":
                self._send(200, b"\xff\xd8\xff\xe0" + bytes(2000), "image/jpeg")
            elif path == "/big5.txt":
                self._send(200, BIG5_TEXT, "text/plain; charset=big5")
            elif path == "/empty-page":
                self._send(200, b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
            else:
                self._send(404, b"no")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(sources, "CONNECT_TIMEOUT", 0.5)
    monkeypatch.setattr(sources, "TOTAL_TIMEOUT", 1.0)


def test_url_page_redirect_and_source(server):
    _Handler.requests.clear()
    article = read_article(server + "/moved")
    assert article.title == "樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨"
    assert article.url == server + "/news/story/7266/8891000"  # the final URL, after the redirect
    assert article.source == f"{article.title} (2025-09-22) {article.url}"
    # only the user's URL (and the redirect it answered) was fetched: no image, stylesheet or script
    assert _Handler.requests == ["/moved", "/news/story/7266/8891000"]


def test_url_text_with_declared_charset(server):
    article = read_article(server + "/big5.txt")
    assert article.title == "颱風逼近 氣象署發布警報" and article.format == "text"


@pytest.mark.parametrize("path, problem", [
    ("/gone", "HTTP 404"),
    ("/broken", "HTTP 500"),
    ("/loop-a", "redirects in a loop"),
    ("/chain/1", "more than 5 redirects"),
    ("/to-file", "not an http(s) address"),
    ("/slow", "no answer within 0.5 s"),
    ("/drip", "longer than 1 s"),
    ("/huge", "10737.4 MB; the limit is 2 MB"),
    ("/endless", "the limit is 2 MB"),
    ("/photo.jpg", "not an article but image/jpeg"),
    ("/empty-page", "no article text"),
])
def test_bad_urls(server, quick, path, problem):
    with pytest.raises(InputError) as e:
        read_article(server + path)
    assert problem in str(e.value) and str(e.value).startswith(server + path)


def test_unreachable_url():
    with pytest.raises(InputError) as e:
        read_article("http://127.0.0.1:9/article")
    assert "cannot fetch" in str(e.value)


# ── documents made by real writers ──────────────────────────────────────────

BODY = [
    "台北市環保局今天宣布，明年起將全面推動垃圾分類新制度，違規者最高可處新台幣六千元罰鍰。",
    "環保局長表示，新制上路前會有三個月的宣導期，希望市民能夠提早適應，共同維護城市的整潔與環境品質。",
    "根據環保局統計，去年台北市每人每日垃圾量約為零點三公斤，資源回收率已經超過六成。",
]


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory):
    import docx

    d = docx.Document()
    d.add_heading("台北市推動垃圾分類新制", level=0)  # the Title style
    d.add_paragraph("記者王小明／台北報導")
    for line in BODY:
        d.add_paragraph(line)
    d.add_paragraph("環保局人員示範垃圾分類。（圖／記者李大明攝）")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "項目", "罰鍰"
    table.cell(1, 0).text, table.cell(1, 1).text = "未分類", "六千元"
    path = tmp_path_factory.mktemp("docx") / "garbage.docx"
    d.save(path)
    return path


def test_docx(docx_file):
    a = read_article(docx_file)
    assert a.title == "台北市推動垃圾分類新制" and a.format == "docx"
    prose = "".join(s.text for s in a.sentences if s.kind in ("title", "body"))
    assert BODY[1] in prose and "王小明" not in prose and "李大明" not in prose


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        pytest.skip("no Chromium to print a PDF with (see .ci/run)")
    folder = tmp_path_factory.mktemp("pdf")
    html = folder / "page.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY * 3)
    html.write_text(
        "<html><head><meta charset='utf-8'><title>台北市推動垃圾分類新制</title></head>"
        "<body style=\"font-family:'Noto Sans CJK TC','Noto Sans CJK SC',sans-serif\"><h1>台北市推動垃圾分類新制</h1>"
        f"<p>記者王小明／台北報導</p>{paragraphs}</body></html>", encoding="utf-8")
    out = folder / "garbage.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", html.as_uri()], capture_output=True, timeout=60, check=True)
    return out


def test_pdf_text_layer_with_wrapped_lines(pdf_file):
    a = read_article(pdf_file)
    assert a.title == "台北市推動垃圾分類新制" and a.format == "pdf"
    prose = [s.text for s in a.sentences if s.kind == "body"]
    assert BODY[1] in prose  # a paragraph wrapped over two lines is one sentence again, 長 and 小 mended
    assert not any("王小明" in s for s in prose)


@pytest.fixture(scope="module")
def epub_file(tmp_path_factory):
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("cardmaker-test-book")
    book.set_title("城市生活讀本")
    book.set_language("zh-Hant")
    chapters = []
    texts = {
        "垃圾分類": BODY,
        "捷運通勤": ["台北捷運每天載運超過兩百萬人次，是市民最重要的通勤工具。",
                   "尖峰時段列車間隔約兩分鐘，乘客應該排隊上車，先下後上。"],
    }
    for n, (title, lines) in enumerate(texts.items(), 1):
        c = epub.EpubHtml(title=title, file_name=f"chap_{n}.xhtml", lang="zh-Hant")
        c.content = f"<h1>{title}</h1>" + "".join(f"<p>{line}</p>" for line in lines)
        book.add_item(c)
        chapters.append(c)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    path = tmp_path_factory.mktemp("epub") / "city.epub"
    epub.write_epub(str(path), book)
    return path


def test_epub_chapters(epub_file):
    title, chapters = read_chapters(epub_file)
    assert title == "城市生活讀本"
    assert [c.title for c in chapters] == ["垃圾分類", "捷運通勤"]
    assert "先下後上" in chapters[1].text


def test_epub_builds_one_deck_with_a_subdeck_per_chapter(epub_file, tmp_path, collection):
    result = CliRunner().invoke(main, ["build", str(epub_file), "-o", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    import_apkg(collection, tmp_path / "city.apkg")
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {"城市生活讀本", "城市生活讀本::垃圾分類", "城市生活讀本::捷運通勤"} <= names
    note = note_by(collection, "通勤")
    assert "捷運" in note["Example"] or "通勤" in note["Example"]


# ── bad documents ───────────────────────────────────────────────────────────

def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(120):
                f.write(chunk)
    return path


def _encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("secret", algorithm="RC4-128")
    with open(path, "wb") as f:
        w.write(f)
    return path


def _image_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    with open(path, "wb") as f:
        w.write(f)
    return path


def _write(content):
    def make(path: Path) -> Path:
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path
    return make


@pytest.mark.parametrize("name, make, problem", [
    ("notzip.docx", _write(b"this is no zip"), "not a valid .docx file (not a zip archive)"),
    ("notzip.epub", _write(b"PK\x03\x04broken"), "not a valid .epub file"),
    ("bomb.docx", _bomb, "unpacks to 126 MB"),
    ("locked.pdf", _encrypted_pdf, "encrypted PDF"),
    ("scan.pdf", _image_pdf, "no text layer"),
    ("empty.html", _write("<html><body><nav>首頁</nav></body></html>"), "no article text"),
    ("furniture.html", _write("<html><body><p>分享 留言 收藏</p><p>聯合新聞網</p></body></html>"),
     "every line is page furniture"),
])
def test_bad_documents(tmp_path, name, make, problem):
    path = make(tmp_path / name)
    with pytest.raises(InputError) as e:
        read_article(path)
    assert problem in str(e.value) and name in str(e.value)


def test_batch_of_mixed_inputs(tmp_path, server, docx_file, quick):
    """A folder of mixed files and URLs: the good ones built, each bad one a line, exit 1, nothing left behind."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PAGES / "udn-typhoon.html", folder / "udn.html")
    shutil.copy(PAGES / "hk-news.txt", folder / "hk.txt")
    shutil.copy(docx_file, folder / "garbage.docx")
    _bomb(folder / "bomb.docx")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), server + "/gone", server + "/moved", "-o", str(out),
                                       "--jobs", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2 and any("bomb.docx" in e for e in errors) and any("/gone" in e for e in errors)
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["garbage.apkg", "hk.apkg", "moved.apkg", "udn.apkg"]


def test_stdin_and_text_command(server):
    runner = CliRunner()
    result = runner.invoke(main, ["text", "-"], input=(PAGES / "udn-typhoon.txt").read_bytes())
    assert result.exit_code == 0, result.output
    out = result.output
    assert "title: 樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨" in out and "date: 2025-09-22" in out
    assert "- 聯合報／ 記者甘芝萁／台北即時報導   [byline]" in out
    assert "- 快訊   [page label or site name]" in out
    assert "  中央氣象署今天上午表示" in out
    url = runner.invoke(main, ["text", server + "/moved"])
    assert f"url: {server}/news/story/7266/8891000" in url.output
    prose = runner.invoke(main, ["text", "--prose", str(PAGES / "cna-economy.txt")]).output
    assert "（中央社記者" not in prose and prose.startswith("新台幣升值衝擊傳產出口")


def test_words_and_sheet_of_a_web_page(tmp_path):
    page = tmp_path / "udn.html"
    shutil.copy(PAGES / "udn-typhoon.html", page)
    result = CliRunner().invoke(main, ["words", str(page)])
    assert result.exit_code == 0, result.output
    words = {line.split("\t")[0] for line in result.stdout.splitlines()[1:]}
    assert "台风" in words and "萁" not in words
    result = CliRunner().invoke(main, ["sheet", str(page)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "udn.sheet.html").exists() and page.read_bytes() == (PAGES / "udn-typhoon.html").read_bytes()
