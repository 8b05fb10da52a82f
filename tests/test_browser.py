"""Cards rendered by Anki, laid out by a real browser (Chromium, headless): light and night mode, phone
and desktop widths, each card in its own document as Anki shows it.  Skipped where no Chromium is
installed (Debian: apt-get install chromium)."""

import json
import re
import shutil
import subprocess
from html import escape

import pytest

from conftest import SEED
from test_cards import build, import_deck, write

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no Chromium installed")

# Measured in the browser, for every card document: does it fit its width, and is every piece of text
# it shows at least 4.5:1 against the background behind it?
PROBE = """
<script>
function rgb(c) { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(',').map(Number); return p.length == 4 ? p : p.concat([1]); }
function lum(p) { const ch = p.slice(0, 3).map(v => { v /= 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; }
function background(win, el) { for (; el; el = el.parentElement) {
  const p = rgb(win.getComputedStyle(el).backgroundColor); if (p && p[3] > 0) return p; }
  return [255, 255, 255, 1]; }
window.onload = () => {
  const out = [];
  for (const f of document.querySelectorAll('iframe')) {
    const doc = f.contentDocument, win = f.contentWindow, seen = [];
    const problems = [];
    if (doc.documentElement.scrollWidth > f.clientWidth + 1)
      problems.push('overflow ' + doc.documentElement.scrollWidth + ' > ' + f.clientWidth);
    const walk = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length || el.closest('style')) continue;
      const fg = rgb(win.getComputedStyle(el).color), bg = background(win, el);
      const a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) problems.push(n.textContent.trim().slice(0, 20) + ' ' + ratio.toFixed(2));
      seen.push(n.textContent.trim());
    }
    out.push({id: f.id, problems: problems, text: seen.join(' ')});
  }
  document.getElementById('result').textContent = JSON.stringify(out);
};
</script>
"""


def _chromium(*args, timeout=120):
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
                          capture_output=True, timeout=timeout)


def _document(side: str, ord_: int, night: bool) -> str:
    """A card side as Anki's reviewer shows it: its own document, the card classes on the body."""
    side = re.sub(r"\[anki:play:.:\d+\]", '<a class="replay-button">▶</a>', side)
    classes = f"card card{ord_ + 1}" + (" nightMode night_mode" if night else "")
    return f'<!doctype html><html><head><meta charset="utf-8"></head><body class="{classes}">{side}</body></html>'


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every side of every card of a sample of the seed's notes, in the four layouts, measured."""
    from anki.collection import Collection

    tmp = tmp_path_factory.mktemp("browser")
    col = Collection(str(tmp / "collection.anki2"))
    try:
        import_deck(col, build(SEED, tmp / "decks"))
        nids = sorted(col.find_notes(""))[::60] + list(col.find_notes('"Simplified:进博会" or "Simplified:完善"'))
        frames, sides = [], {}
        for night in (False, True):
            for width in (375, 1000):
                for nid in nids:
                    for card in col.get_note(nid).cards():
                        for name, side in (("q", card.question()), ("a", card.answer())):
                            key = f"{'night' if night else 'light'}-{width}-{card.id}-{name}"
                            sides[key] = (card, name)
                            frames.append(f'<iframe id="{key}" width="{width}" height="900" '
                                          f'srcdoc="{escape(_document(side, card.ord, night))}"></iframe>')
        page = tmp / "cards.html"
        page.write_text('<!doctype html><meta charset="utf-8"><body><pre id="result"></pre>'
                        + "".join(frames) + PROBE, encoding="utf-8")
        dom = _chromium("--window-size=1100,900", "--dump-dom", str(page)).stdout
        result = re.search(r'<pre id="result">(.*?)</pre>', dom.decode("utf-8"), re.S).group(1)
        import html

        measured = json.loads(html.unescape(result))
        yield {m["id"]: (m, *sides[m["id"]]) for m in measured}
    finally:
        col.close()


def test_every_card_fits_and_is_readable_in_every_layout(rendered):
    assert len(rendered) > 100
    problems = {key: m["problems"] for key, (m, _, _) in rendered.items() if m["problems"]}
    assert not problems, list(problems.items())[:5]


def test_fronts_show_no_answer_in_the_browser(rendered):
    for key, (m, card, side) in rendered.items():
        if side != "q":
            continue
        note, shown = card.note(), m["text"]
        kind = card.template()["name"]
        if kind == "Recognition":
            assert shown == note["Traditional"], key
        elif kind == "Recall":
            assert not re.search("[\u3400-\u9fff]", shown), key
            assert re.sub("<[^>]+>", "", note["Pinyin"]) not in shown  # hidden until the hint is tapped
        else:
            assert note["Traditional"] not in shown or len(note["Traditional"]) == 1, key


def _screenshot(tmp_path, name, html_text):
    page = tmp_path / f"{name}.html"
    page.write_text(html_text, encoding="utf-8")
    _chromium(f"--screenshot={tmp_path / name}.png", "--window-size=600,300", str(page))
    return (tmp_path / f"{name}.png").read_bytes()


@pytest.mark.skipif(
    not shutil.which("fc-list") or b"Noto Sans CJK SC" not in subprocess.run(["fc-list"], capture_output=True).stdout,
    reason="the Noto Sans CJK fonts are not installed")
def test_glyph_shapes_follow_the_deck_script(tmp_path):
    """直 is drawn differently in simplified and Taiwan glyph shapes: a simplified deck's card draws it
    exactly as the SC font does, a traditional deck's as the TC font does."""
    from anki.collection import Collection

    shots = {}
    for script, article in (("simplified", "新闻\n他直接说明了角度和骨干的作用。\n"),
                            ("traditional", "新聞\n他直接說明了角度和骨幹的作用。\n")):
        deck = build(write(tmp_path, f"{script}.txt", article), tmp_path / script)
        col = Collection(str(tmp_path / f"{script}.anki2"))
        try:
            import_deck(col, deck)
            (cid,) = col.find_cards('"card:Recognition" "Simplified:直接"')
            question = col.get_card(cid).question()
        finally:
            col.close()
        card = _document(question, 0, False)
        shots[script] = _screenshot(tmp_path, script, card)
    for font in ("SC", "TC"):  # the same card (the characters are the same) in one font or the other
        forced = card.replace("</head>", f'<style>.hanzi {{ font-family: "Noto Sans CJK {font}" !important; }}'
                                          "</style></head>")
        shots[font] = _screenshot(tmp_path, font, forced)
    assert shots["SC"] != shots["TC"]  # the two fonts do draw 直 differently
    assert shots["simplified"] == shots["SC"]
    assert shots["traditional"] == shots["TC"]
