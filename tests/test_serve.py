"""The teacher's page (``cardmaker serve``): a real server on 127.0.0.1, real HTTP requests, a real
Chromium driven by Playwright, and every download checked the way its user would use it (the deck
imported with the real ``anki`` package, the word list read back by ``build --words``)."""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from cardmaker.cli import main
from conftest import body, import_apkg, note_by

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _seed_words() -> int:
    """How many words the page lists for the seed: every word of the default selection, before any
    filter (the page's filters are its own, and visible)."""
    from conftest import SEED

    from cardmaker.build import BuildOptions
    from cardmaker.lexicon import Lexicon
    from cardmaker.serve.session import Session
    from cardmaker.text.article import read_article

    session = Session(Lexicon(), BuildOptions())
    session.open(read_article(SEED))
    return len(session.rows)


SEED_WORDS = _seed_words()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
try:
    import playwright.sync_api  # noqa: F401
    HAVE_PLAYWRIGHT = True
except ImportError:
    HAVE_PLAYWRIGHT = False
needs_browser = pytest.mark.skipif(not (CHROMIUM and HAVE_PLAYWRIGHT),
                                   reason="needs Chromium and Playwright's Python package (.ci/run installs them)")


@pytest.fixture
def page(lexicon):
    from cardmaker.build import BuildOptions
    from cardmaker.serve.server import open_page

    served, failed = open_page(BuildOptions(), lexicon=lexicon)
    assert not failed
    served.start()
    yield served
    served.stop()


def call(page, method, path, payload=None, *, token=True, host=None, headers=(), content_type=None):
    """One plain HTTP request to the page: (status, headers, body)."""
    port = page.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host or f"127.0.0.1:{port}")
        if token:
            conn.putheader("X-Cardmaker-Token", page.token if token is True else token)
        data = None
        if payload is not None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
            conn.putheader("Content-Type", content_type or
                           ("application/json" if not isinstance(payload, bytes) else "application/octet-stream"))
            conn.putheader("Content-Length", str(len(data)))
        for k, v in headers:
            conn.putheader(k, v)
        conn.endheaders(data)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def open_seed(page, seed_path):
    status, _, data = call(page, "POST", f"/api/articles/file?name={seed_path.name}", seed_path.read_bytes())
    assert status == 200, data
    return json.loads(data)


# ── guards ──────────────────────────────────────────────────────────────────

def test_listens_on_loopback_only(page):
    assert page.httpd.server_address[0] == "127.0.0.1"
    assert page.url == f"http://127.0.0.1:{page.httpd.server_address[1]}/"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "", "127.0.0.1.nip.io:{port}"])
@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/state"])
def test_refuses_a_host_that_is_not_its_own(page, host, path):
    """A page on another name (DNS re-bound to 127.0.0.1) sends its own Host: refused, even with the token."""
    port = page.httpd.server_address[1]
    status, _, data = call(page, "GET", path, host=host.format(port=port) or " ")
    assert status == 403 and b"unknown host" in data
    assert call(page, "GET", path)[0] == 200
    assert call(page, "GET", path, host=f"localhost:{port}")[0] == 200


def test_state_and_changes_need_the_token(page, seed_path):
    assert call(page, "GET", "/api/state", token=False)[0] == 403
    for token in (False, "wrong", page.token[:-1]):
        status, _, data = call(page, "POST", "/api/settings", {"budget": 5}, token=token)
        assert status == 403 and b"token" in data
        status, _, _ = call(page, "POST", "/api/articles/text", {"text": "標題\n經濟發展強勁。"}, token=token)
        assert status == 403
    assert call(page, "GET", "/download/apkg", token=False)[0] == 403
    assert not page.session.articles and page.session.settings.budget is None  # nothing changed
    status, _, data = call(page, "POST", "/api/settings", {"budget": 5})
    assert status == 200 and json.loads(data)["settings"]["budget"] == 5


def test_page_carries_the_token_and_a_strict_policy(page):
    status, headers, data = call(page, "GET", "/", token=False)
    html = data.decode("utf-8")
    assert status == 200 and f'<meta name="cardmaker-token" content="{page.token}">' in html
    assert "script-src 'self'" in headers["Content-Security-Policy"] and "default-src 'none'" in headers[
        "Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no CDN, nothing from elsewhere
    assert "<script>" not in html  # no inline script (the policy would refuse it)
    for name in ("app.js", "app.css"):
        status, _, data = call(page, "GET", f"/static/{name}", token=False)
        assert status == 200 and b"http://" not in data and b"https://" not in data


def test_refuses_other_origins(page):
    status, _, data = call(page, "POST", "/api/settings", {"budget": 5}, headers=[("Origin", "http://evil.example")])
    assert status == 403 and page.session.settings.budget is None


def test_uploads_are_size_limited(page):
    from cardmaker.text.article import MAX_BYTES

    port = page.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("POST", "/api/articles/file?name=big.txt", skip_host=True)
    conn.putheader("Host", f"127.0.0.1:{port}")
    conn.putheader("X-Cardmaker-Token", page.token)
    conn.putheader("Content-Length", str(MAX_BYTES + 1))
    conn.endheaders()  # the body is never sent: the length alone is refused
    response = conn.getresponse()
    assert response.status == 413 and b"too large" in response.read()
    conn.close()
    status, _, _ = call(page, "POST", "/api/settings", b"{" + b" " * 70_000 + b"}", content_type="application/json")
    assert status == 413
    assert not page.session.articles


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty file"),
    ("latin.txt", b"no Chinese here at all", "no Chinese text"),
    ("page.docx", b"PK\x03\x04", ".docx files cannot be read here yet"),
])
def test_bad_uploads_are_one_line(page, name, data, message):
    status, _, answer = call(page, "POST", f"/api/articles/file?name={name}", data)
    assert status == 400 and json.loads(answer)["error"] == f"{name}: {message}" or message in json.loads(answer)[
        "error"]
    assert "Traceback" not in answer.decode("utf-8")


# ── the library through the page ────────────────────────────────────────────

def test_filters_budget_and_sort_choose_the_deck(page, seed_path):
    state = open_seed(page, seed_path)
    assert state["chosen"] == len(state["rows"]) == SEED_WORDS
    status, _, data = call(page, "POST", "/api/settings", {"level": 3, "min_count": 2})
    state = json.loads(data)
    chosen = [r for r in state["rows"] if r["chosen"]]
    assert chosen and all(r["count"] >= 2 and r["hsk"] not in ("1", "2", "3") for r in chosen)
    assert {r["out"] for r in state["rows"] if not r["chosen"]} == {"level", "count"}
    state = json.loads(call(page, "POST", "/api/settings", {"level": 0, "min_count": 1, "budget": 12,
                                                            "sort": "count", "descending": True})[2])
    counts = [r["count"] for r in state["rows"]]
    assert counts == sorted(counts, reverse=True)
    assert [r["chosen"] for r in state["rows"]] == [True] * 12 + [False] * (SEED_WORDS - 12)  # the 12 most frequent
    status, _, data = call(page, "GET", "/download/list")
    listed = [line.split("\t")[0] for line in data.decode("utf-8").splitlines()[1:]]
    assert listed == [r["simplified"] for r in state["rows"][:12]]  # the deck keeps the table's order


def test_several_articles_make_one_merged_deck(page, tmp_path, collection):
    a = "第一篇\n經濟發展很強勁，出口增長明顯。\n"
    b = "第二篇\n出口增長明顯，市場需求旺盛。\n"
    for text in (a, b):
        assert call(page, "POST", "/api/articles/text", {"text": text})[0] == 200
    state = json.loads(call(page, "POST", "/api/settings", {"deck_name": "Week 12"})[2])
    assert len(state["articles"]) == 2 and state["title"] == "Week 12"
    words = [r["simplified"] for r in state["rows"]]
    assert len(words) == len(set(words)) and "出口" in words  # a shared word is one row
    assert next(r for r in state["rows"] if r["simplified"] == "出口")["count"] == 2
    status, headers, data = call(page, "GET", "/download/apkg")
    assert status == 200 and "Week" in headers["Content-Disposition"]
    deck = tmp_path / "week.apkg"
    deck.write_bytes(data)
    import_apkg(collection, deck)
    assert collection.note_count() == len(words)
    assert {"Week 12", "Week 12::第一篇", "Week 12::第二篇"} <= {d.name for d in collection.decks.all_names_and_ids()}
    chukou = note_by(collection, "出口")
    assert chukou["Example"].count('<span class="hl">') == 2  # examples from both articles


def test_preview_renders_the_cards_as_anki_does(page, seed_path, tmp_path, collection):
    """The preview's fronts and backs are Anki's own rendering of the downloaded note."""
    state = open_seed(page, seed_path)
    rows = {r["simplified"]: r for r in state["rows"]}
    call(page, "POST", f"/api/rows/{rows['届']['id']}/edit", {"column": "sense", "value": "session (of a congress)"})
    status, _, data = call(page, "GET", "/download/apkg")
    (tmp_path / "deck.apkg").write_bytes(data)
    import_apkg(collection, tmp_path / "deck.apkg")
    speaker = re.compile(r'\[anki:play:[aq]:\d+\]|<span class="preview-tts"[^>]*>[^<]*</span>')
    for word in ("届", "进博会", "强劲"):
        cards = json.loads(call(page, "GET", f"/api/rows/{rows[word]['id']}/preview")[2])["cards"]
        note = note_by(collection, word)
        anki_cards = sorted(note.cards(), key=lambda c: c.ord)
        assert [c["name"] for c in cards] == ["Recognition", "Recall", "Cloze in context"]
        assert len(anki_cards) == sum(c["made"] for c in cards) == 3
        for shown, card in zip(cards, anki_cards):
            for ours, theirs in ((shown["front"], card.question()), (shown["back"], card.answer())):
                ours = ours.split('<body class="card">', 1)[1].removesuffix("</body></html>")
                assert HINT_RE.sub(_hint, speaker.sub("", ours)).strip() == \
                    HINT_RE.sub(_hint, speaker.sub("", body(theirs))).strip()
        if word == "届":
            assert "session (of a congress)" in cards[1]["front"]  # the Recall front asks the edited sense


def test_saved_list_loads_back_and_builds_the_same_deck(page, seed_path, tmp_path):
    state = open_seed(page, seed_path)
    rows = {r["simplified"]: r for r in state["rows"]}
    call(page, "POST", "/api/rows/tick", {"ids": [rows[w]["id"] for w in ("确保", "圆满")], "ticked": False})
    call(page, "POST", f"/api/rows/{rows['重点']['id']}/edit", {"column": "pinyin", "value": "chóngdiǎn"})
    call(page, "POST", f"/api/rows/{rows['强劲']['id']}/edit", {"column": "meaning", "value": "strong / robust"})
    call(page, "POST", "/api/words", {"word": "電腦"})
    saved = call(page, "GET", "/download/list")[2]
    before = json.loads(call(page, "GET", "/api/state")[2])
    # a fresh start, then the list: the same words, ticks and cells
    call(page, "POST", "/api/rows/tick", {"ids": [r["id"] for r in before["rows"]], "ticked": True})
    status, _, data = call(page, "POST", "/api/list?name=list.tsv", saved, content_type="text/tab-separated-values")
    after = json.loads(data)
    assert status == 200 and after["chosen"] == before["chosen"] == SEED_WORDS - 2 + 1

    def chosen(state):
        return [(r["simplified"], r["pinyin_numbered"], r["sense"], r["meaning"]) for r in state["rows"] if r["chosen"]]
    assert chosen(after) == chosen(before)
    zhongdian = next(r for r in after["rows"] if r["simplified"] == "重点")
    assert zhongdian["pinyin_numbered"] == "chong2 dian3" and "recount" in zhongdian["meaning"]
    # the command line reads the same list: `build --words` makes the deck the page makes
    (tmp_path / "list.tsv").write_bytes(saved)
    result = CliRunner().invoke(main, ["words", str(seed_path), "-o", str(tmp_path / "all.tsv")])
    assert result.exit_code == 0
    page_sheet = call(page, "GET", "/download/sheet")[2].decode("utf-8")
    result = CliRunner().invoke(main, ["sheet", str(seed_path), "--words", str(tmp_path / "list.tsv"),
                                       "-o", str(tmp_path / "cli.html")])
    assert result.exit_code == 0, result.output
    assert page_sheet == (tmp_path / "cli.html").read_text(encoding="utf-8")  # same sheet from both


def test_serve_command_prints_its_address_and_serves(tmp_path, seed_path):
    """The real command in its own process: address on stdout, the article opened, Ctrl-C stops it."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "cardmaker", "serve", str(seed_path), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line
        conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=30)
        conn.request("GET", "/")
        response = conn.getresponse()
        html = response.read().decode("utf-8")
        token = re.search(r'cardmaker-token" content="([^"]+)"', html).group(1)
        conn.request("GET", "/api/state", headers={"X-Cardmaker-Token": token})
        state = json.loads(conn.getresponse().read())
        assert len(state["articles"]) == 1 and state["chosen"] == SEED_WORDS
        conn.close()
    finally:
        proc.send_signal(2)  # Ctrl-C
        try:
            # both pipes read while waiting: a process blocked writing to a full pipe cannot exit
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            raise AssertionError(f"Ctrl-C did not stop the page within 60 s; its stderr:\n{err[-3000:]}")
    assert proc.returncode == 0 and "Traceback" not in err, err


def test_port_in_use_is_one_line(page):
    result = CliRunner().invoke(main, ["serve", "--no-browser", "--port", str(page.httpd.server_address[1])])
    assert result.exit_code == 1 and "cannot listen on 127.0.0.1" in result.output
    assert "Traceback" not in result.output


# ── a real browser ──────────────────────────────────────────────────────────

@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@needs_browser
def test_teacher_chooses_edits_and_downloads_in_a_browser(page, browser, seed_path, tmp_path, collection):
    from playwright.sync_api import expect

    tab = browser.new_context(accept_downloads=True).new_page()
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(page.url)
    expect(tab.locator("#title")).to_have_text("Open an article to begin.")
    expect(tab.locator("#workspace")).to_be_hidden()  # no empty table before there is an article
    tab.set_input_files("#file", str(seed_path))
    summary = tab.locator("#summary")
    expect(summary).to_have_text(re.compile(r"^[1-9]\d* of \d+ words in the deck$"), timeout=30_000)
    chosen, total = (int(x) for x in re.findall(r"\d+", summary.text_content()))
    assert chosen == total >= SEED_WORDS

    def row(word):
        return tab.locator(f'#words tbody tr[data-simplified="{word}"]')

    for word in ("确保", "圆满", "成功"):
        row(word).locator('input[type="checkbox"]').uncheck()
    expect(summary).to_have_text(f"{chosen - 3} of {total} words in the deck")  # three out
    # the sense, edited in its cell
    row("届").locator("td.sense").click()
    row("届").locator("td.sense input").fill("session (of a congress)")
    row("届").locator("td.sense input").press("Enter")
    expect(row("届").locator("td.sense")).to_have_text("session (of a congress)")
    expect(row("届").locator("td.sense")).to_have_class(re.compile(r"\bedited\b"))
    # the preview renders the deck's Recall front with it
    recall = tab.locator("#cards figure", has_text="Recall").locator("iframe").first
    expect(recall).to_have_attribute("srcdoc", re.compile(r"session \(of a congress\)"))
    # the pinyin, chosen among the word's dictionary readings
    row("重点").locator("td.pinyin").click()
    reading = row("重点").locator("td.pinyin select")
    expect(reading.locator("option")).to_contain_text(["zhòngdiǎn", "chóngdiǎn"], timeout=10_000)
    reading.select_option("chong2 dian3")
    expect(row("重点").locator("td.pinyin")).to_have_text("chóngdiǎn")
    expect(row("重点").locator("td.meaning")).to_contain_text("recount")
    # a word added by hand
    tab.fill("#add-word", "電腦")
    tab.click('#add-form button[type="submit"]')
    expect(row("电脑")).to_contain_text("not in the article")
    expect(summary).to_have_text(f"{chosen - 3 + 1} of {total + 1} words in the deck")
    # sorted by a column: the most frequent first (and the deck in that order)
    tab.click('th[data-sort="count"]')
    expect(tab.locator('th[data-sort="count"]')).to_have_attribute("aria-sort", "descending")
    expect(tab.locator("#words tbody tr").first).to_have_attribute("data-simplified", "服务")  # 22 times
    with tab.expect_download() as download:
        tab.click("#download-apkg")
    deck = tmp_path / download.value.suggested_filename
    download.value.save_as(deck)
    assert deck.name == "jinbohui-2023-08-08.apkg"
    assert not errors, errors

    import_apkg(collection, deck)
    assert collection.note_count() == chosen - 3 + 1
    assert not collection.find_notes('"Simplified:确保" or "Simplified:圆满" or "Simplified:成功"')
    assert note_by(collection, "届")["Sense"] == "session (of a congress)"
    zhongdian = note_by(collection, "重点")
    assert zhongdian["PinyinNumbered"] == "chong2 dian3" and "recount" in zhongdian["Meaning"]
    assert note_by(collection, "电脑")["Traditional"] == "電腦"
    assert collection.card_count() == (chosen - 3) * 3 + 2  # 電腦 has no example, so no cloze card


@needs_browser
def test_article_text_stays_text_in_the_page(page, browser):
    tab = browser.new_page()
    tab.goto(page.url)
    evil = ('標題<script>window.pwned=1</script>\n經濟<img src=x onerror="window.pwned=2">發展強勁，'
            '出口<b>增長</b>明顯。\n')
    tab.locator("#paste-box summary").click()
    tab.fill("#paste", evil)
    tab.click("#paste-open")
    tab.wait_for_selector("#words tbody tr")
    tab.locator("#words tbody tr").first.locator("td.word").click()
    tab.wait_for_selector("#cards iframe")
    time.sleep(0.5)
    assert tab.evaluate("window.pwned") is None
    assert tab.locator("#words img, #words script, #words b, #title img").count() == 0
    assert "<script>" in tab.locator("#title").inner_text()  # shown as the text it is
    for frame in tab.frames[1:]:
        assert frame.evaluate("document.querySelectorAll('img, script, b').length") == 0


def test_web_address_field_reads_through_the_text_readers(page, seed_path):
    """The address field calls ``serve.sources.read_url``: with the web readers of ``text/`` an article
    served by a real local server opens; without them, one clear line (never a traceback)."""
    import functools
    import importlib.util
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(seed_path.parent))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{seed_path.name}"
        status, _, data = call(page, "POST", "/api/articles/url", {"url": url})
        answer = json.loads(data)
        if importlib.util.find_spec("cardmaker.text.sources") is None:
            assert status == 400 and answer["error"].startswith(url) and "cannot fetch web pages yet" in answer["error"]
        else:
            assert status == 200 and answer["chosen"] == SEED_WORDS
        status, _, data = call(page, "POST", "/api/articles/url", {"url": "file:///etc/passwd"})
        assert status == 400 and "not a web address" in json.loads(data)["error"]
    finally:
        server.shutdown()
        server.server_close()


def test_an_emptied_cell_goes_back_to_the_dictionary(page, seed_path):
    state = open_seed(page, seed_path)
    row = next(r for r in state["rows"] if r["simplified"] == "重点")

    def edit(column, value):
        status, _, data = call(page, "POST", f"/api/rows/{row['id']}/edit", {"column": column, "value": value})
        assert status == 200, data
        return next(r for r in json.loads(data)["rows"] if r["id"] == row["id"])

    changed = edit("pinyin", "chong2 dian3")
    assert changed["pinyin"] == "chóngdiǎn" and changed["edited"] == ["pinyin"] and "recount" in changed["meaning"]
    assert edit("sense", "a key point")["sense"] == "a key point"
    back = edit("pinyin", "")
    assert back["pinyin_numbered"] == row["pinyin_numbered"] and back["meaning"] == row["meaning"]
    assert back["sense"] == "a key point" and back["edited"] == ["sense"]
    back = edit("sense", "  ")
    assert (back["sense"], back["edited"]) == (row["sense"], [])
    status, _, data = call(page, "POST", f"/api/rows/{row['id']}/edit", {"column": "pinyin", "value": "zhong"})
    assert status == 400 and json.loads(data)["error"] == "the page's word list: cannot read the pinyin 'zhong' of 重点"


def test_serve_opens_the_browser_at_its_address(tmp_path):
    """Without --no-browser the page opens in the user's browser ($BROWSER here: a script that notes it)."""
    opened = tmp_path / "opened"
    note = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.argv[2])\" {opened} %s"
    proc = subprocess.Popen([sys.executable, "-m", "cardmaker", "serve"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, BROWSER=note, PYTHONUNBUFFERED="1"))
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline()).group(0)
        for _ in range(200):
            if opened.exists() and opened.read_text():
                break
            time.sleep(0.05)
        assert opened.read_text() == url
    finally:
        proc.send_signal(2)
        proc.wait(timeout=20)


@needs_browser
def test_dropped_files_make_one_merged_deck(page, browser, tmp_path, collection):
    from playwright.sync_api import expect

    tab = browser.new_context(accept_downloads=True).new_page()
    tab.goto(page.url)
    files = [("a.txt", "第一篇\n經濟發展很強勁，出口增長明顯。\n"), ("b.txt", "第二篇\n出口增長明顯，市場需求旺盛。\n")]
    transfer = tab.evaluate_handle("""files => {
        const t = new DataTransfer();
        for (const [name, text] of files) t.items.add(new File([text], name, { type: "text/plain" }));
        return t;
    }""", files)
    tab.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    expect(tab.locator("#articles li")).to_have_count(2)
    expect(tab.locator("#deck-name-label")).to_be_visible()
    tab.fill("#deck-name", "Week 12")
    tab.locator("#deck-name").press("Tab")
    expect(tab.locator("#title")).to_have_text("Week 12")
    with tab.expect_download() as download:
        tab.click("#download-apkg")
    deck = tmp_path / download.value.suggested_filename
    download.value.save_as(deck)
    import_apkg(collection, deck)
    assert {"Week 12::第一篇", "Week 12::第二篇"} <= {d.name for d in collection.decks.all_names_and_ids()}
    assert len(collection.find_notes('"Simplified:出口"')) == 1  # a shared word is one note


HINT_RE = re.compile(r'\n?<a class=hint href="#"\nonclick="[^"]*" draggable=false>\n([^<]*)</a>\n'
                     r'<div id="hint\w+" class=hint style="display: none">(.*?)</div>\n?'
                     r'|<details class="hint"><summary>([^<]*)</summary>(.*?)</details>', re.S)


def _hint(m) -> str:
    return f"[hint {m.group(1) or m.group(3)}: {m.group(2) if m.group(2) is not None else m.group(4)}]"


@pytest.mark.parametrize("front, back", [
    ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
    ("{{Back}} {{#Back}}has back{{/Back}}{{^Back}}no back{{/Back}}|{{#Empty}}x{{/Empty}}{{^Empty}}empty{{/Empty}}",
     "{{Back}}"),
    ("{{text:Front}}|{{hint:Back}}|{{hint:Empty}}", "{{FrontSide}}{{#Front}}<i>{{Front}}</i>{{/Front}}"),
    ("{{Front}} {{#Front}}{{#Back}}both{{/Back}}{{/Front}} {{Spaces}}|{{#Spaces}}not empty{{/Spaces}}",
     "{{tts zh_CN:Back}}"),
])
def test_preview_speaks_anki_template_language(tmp_path, front, back):
    """The preview's renderer against the real Anki on templates using what card templates use."""
    from anki.collection import Collection

    from cardmaker.serve import preview

    values = {"Front": "<b>學習</b> &amp; 学习", "Back": "xuéxí", "Empty": "", "Spaces": " <br> "}
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        models = col.models
        model = models.new("preview test")
        for name in values:
            models.add_field(model, models.new_field(name))
        template = models.new_template("card")
        template["qfmt"], template["afmt"] = front, back
        models.add_template(model, template)
        models.add(model)
        note = col.new_note(model)
        for name, value in values.items():
            note[name] = value
        col.add_note(note, 1)
        card = note.cards()[0]
        speaker = re.compile(r"\[anki:play:[aq]:\d+\]|" + re.escape(preview.SPEAKER))
        ours_front = preview.render(front, values)
        for ours, theirs in ((ours_front, card.question()), (preview.render(back, values, ours_front), card.answer())):
            theirs = body(theirs)
            assert HINT_RE.sub(_hint, speaker.sub("", ours)).strip() == HINT_RE.sub(_hint, speaker.sub("", theirs)).strip()
    finally:
        col.close()
