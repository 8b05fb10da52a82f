"""cardmaker build, checked by importing the decks into real Anki."""

import html
import re
import shutil

import pytest
from click.testing import CliRunner

from cardmaker.build import BuildOptions, run_build
from cardmaker.cli import main
from conftest import body, import_apkg, note_by

HOSTILE = (
    "測試標題<b>粗體</b>\n2024-03-01\n"
    "他說<script>alert('x')</script>這是經濟發展的重要測試。"
    "圖片<img src=x onerror=alert(1)>顯示了市場的變化，價格上漲。"
    "記者&amp;編輯\"引號\"討論了政府的政策。\n"
)


@pytest.fixture(scope="module")
def seed_deck(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("decks")
    result = run_build([seed_path], BuildOptions(output=out, timestamp=1_700_000_000))
    assert not result.failed
    (deck,) = result.decks
    return deck, result


def test_seed_deck_in_anki(seed_deck, collection):
    deck, result = seed_deck
    import_apkg(collection, deck)
    assert collection.note_count() == result.notes > 200
    assert collection.card_count() == result.cards
    # every word has recognition, recall and (having an example) cloze; the photo caption's
    # words (圖片, 來源, 攝) are not article vocabulary
    assert result.cards == 3 * result.notes
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert any(n.startswith("全力以赴確保第六屆進博會") for n in names)

    n = note_by(collection, "强劲")
    assert n["Traditional"] == "強勁"
    assert n["PinyinNumbered"] == "qiang2 jing4"
    assert re.sub("<[^>]+>", "", n["Pinyin"]) == "qiángjìng"
    assert n["ReadingCheck"] == "verified"
    assert n["HSK"] == "7-9"
    assert '<span class="hl">強勁</span>' in n["Example"]
    assert '<span class="hl">强劲</span>' in n["ExampleSimplified"]
    assert "qiángjìng" in n["ExamplePinyin"]
    assert "2023-08-08" in n["Source"]
    assert "article::jinbohui-2023-08-08" in n.tags and "HSK::2025::7-9" in n.tags

    z = note_by(collection, "重点")
    assert z["PinyinNumbered"] == "zhong4 dian3" and "key" in z["Meaning"]
    j = note_by(collection, "进博会")
    assert j["Traditional"] == "進博會" and j["Count"] == "15"
    # the seed leaks simplified 并 into traditional text: the traditional example fixes it, and
    # nothing else of the article's own characters changes
    b = note_by(collection, "并")
    assert b["Traditional"] == "並" and "會議<span class=\"hl\">並</span>講話" in b["ExampleTraditional"]


def test_rendered_card_types(seed_deck, collection):
    import_apkg(collection, seed_deck[0])
    cards = {c.template()["name"]: c for c in note_by(collection, "强劲").cards()}
    assert set(cards) == {"Recognition", "Recall", "Cloze in context"}

    q, a = body(cards["Recognition"].question()), body(cards["Recognition"].answer())
    assert "強勁" in q and "tone" not in q  # the characters only: the tones are part of the answer
    assert '<span class="tone2">強</span><span class="tone4">勁</span>' in a
    assert "strong" not in q and "strong" in a and "qiáng" in a
    assert "[anki:play:a:0]" in a  # Anki's own TTS tag became a play button

    q, a = body(cards["Recall"].question()), body(cards["Recall"].answer())
    assert "strong" in q and "強" not in q and "強" in a

    q, a = body(cards["Cloze in context"].question()), body(cards["Cloze in context"].answer())
    assert "強勁" not in q and "＿" in q and "提供更" in q
    assert '<span class="hl">強勁</span>' in a


def test_hostile_article_is_text_on_the_card(tmp_path, collection):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    result = run_build([article], BuildOptions(output=tmp_path / "out", timestamp=1_700_000_000))
    assert not result.failed
    import_apkg(collection, result.decks[0])
    rendered = []
    for cid in collection.find_cards(""):
        card = collection.get_card(cid)
        rendered += [body(card.question()), body(card.answer())]
    text = "\n".join(rendered)
    assert "<script" not in text.lower() and "<img" not in text.lower() and "<b>" not in text
    assert "&lt;script&gt;" in text  # shown as characters
    assert "onerror" in text  # as text, escaped
    assert "&amp;amp;" in text  # the article's own "&amp;" shows literally
    deck_names = [d.name for d in collection.decks.all_names_and_ids()]
    assert "測試標題<b>粗體</b>" in deck_names  # deck names are plain text in Anki


def test_reimport_and_rebuild_update_notes(tmp_path, collection):
    text = "經濟新聞\n2024-01-01\n經濟發展很強勁，市場表現良好。政府提出新的政策。\n"
    article = tmp_path / "news.txt"
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "decks"
    first = run_build([article], BuildOptions(output=out, timestamp=1_700_000_000))
    import_apkg(collection, first.decks[0])
    counts = (collection.note_count(), collection.card_count())
    import_apkg(collection, first.decks[0])
    assert (collection.note_count(), collection.card_count()) == counts
    assert note_by(collection, "强劲")["Count"] == "1"

    article.write_text(text + "出口增長也很強勁。\n", encoding="utf-8")
    second = run_build([article], BuildOptions(output=out, timestamp=1_700_000_100))
    import_apkg(collection, second.decks[0])
    n = note_by(collection, "强劲")
    assert n["Count"] == "2"  # updated in place
    assert collection.note_count() == second.notes  # new words added, none duplicated
    assert len(collection.find_notes('"Simplified:强劲"')) == 1


def test_merge_builds_subdecks_with_each_word_once(tmp_path, collection):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("第一篇\n經濟發展很強勁，市場表現良好。\n", encoding="utf-8")
    b.write_text("第二篇\n出口增長強勁，經濟穩定。\n", encoding="utf-8")
    result = run_build([a, b], BuildOptions(merge="Chinese::Week 1", output=tmp_path / "out",
                                            timestamp=1_700_000_000))
    (deck,) = result.decks
    import_apkg(collection, deck)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {"Chinese::Week 1", "Chinese::Week 1::第一篇", "Chinese::Week 1::第二篇"} <= names
    n = note_by(collection, "强劲")
    assert n["Count"] == "2" and n["Example"].count('class="hl"') == 2
    assert {"article::a", "article::b"} <= set(n.tags)
    assert "第一篇" in n["Source"] and "第二篇" in n["Source"]


def test_same_build_same_ids(tmp_path, seed_path):
    import zipfile
    import sqlite3

    rows = []
    for k in range(2):
        out = tmp_path / str(k)
        (deck,) = run_build([seed_path], BuildOptions(output=out, timestamp=1_700_000_000)).decks
        with zipfile.ZipFile(deck) as z:
            z.extract("collection.anki2", out)
        db = sqlite3.connect(out / "collection.anki2")
        rows.append(sorted(db.execute("select guid, mid, flds, tags from notes")))
        db.close()
    assert rows[0] == rows[1]


def test_cards_and_script_options(tmp_path, collection, seed_path):
    runner = CliRunner()
    out = tmp_path / "one.apkg"
    result = runner.invoke(main, ["build", str(seed_path), "-o", str(out), "--cards", "recognition,cloze",
                                  "--script", "simplified", "--max-words", "10",
                                  "--order", "article"])
    assert result.exit_code == 0, result.output
    import_apkg(collection, out)
    assert collection.note_count() == 10 and collection.card_count() == 20
    card = collection.get_card(collection.find_cards("")[0])
    assert card.template()["name"] in ("Recognition", "Cloze in context")
    q = body(note_by(collection, "确保").cards()[0].question())
    assert "确" in q and "確" not in q


def test_batch_reports_bad_articles_and_builds_the_rest(tmp_path, seed_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_text("no chinese here")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert (out / "good.apkg").exists() and not (out / "empty.apkg").exists()
    assert "1 deck(s)" in result.stdout and "2 skipped" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "Traceback" not in result.output


def test_default_build_uses_seeds_into_decks(tmp_path, seed_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    shutil.copy(seed_path, tmp_path / "seeds" / "s.txt")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "decks" / "s.apkg").exists()


def test_failed_write_keeps_the_old_deck(tmp_path, seed_path, monkeypatch):
    import genanki

    out = tmp_path / "deck.apkg"
    run_build([seed_path], BuildOptions(output=out, timestamp=1_700_000_000))
    before = out.read_bytes()

    def broken(self, cursor, timestamp, id_gen):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(genanki.Package, "write_to_db", broken)
    result = run_build([seed_path], BuildOptions(output=out, timestamp=1_700_000_100))
    assert result.failed and "No space left" in str(result.failed[0])
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]  # no temporary file left behind


def test_input_is_never_overwritten(tmp_path, seed_path):
    article = tmp_path / "x.apkg"
    article.write_bytes(seed_path.read_bytes())
    result = CliRunner().invoke(main, ["build", str(article), "-o", str(article)])
    assert result.exit_code == 1 and "refusing" in result.output
    assert article.read_bytes() == seed_path.read_bytes()


def test_collection_image_without_serialize(tmp_path):
    """Python 3.10's sqlite3 has no ``serialize``: the collection is copied out through a file instead."""
    import sqlite3

    from cardmaker.output.package import _file_image

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('學習')")
    conn.commit()

    class Connection310:
        def __init__(self, conn):
            self.backup = conn.backup

    path = tmp_path / "copy.anki2"
    path.write_bytes(_file_image(Connection310(conn)))
    assert sqlite3.connect(path).execute("SELECT x FROM t").fetchall() == [("學習",)]


def test_pinyin_on_cards_is_spelled_apart(tmp_path, collection):
    """西安 shows xī'ān (not "xīān"), a several-word name Shìjiè Màoyì Zǔzhī, an erhua word its r."""
    article = tmp_path / "spelling.txt"
    article.write_text("西安新聞\n世界貿易組織今天在西安開會，大家一塊兒討論。\n", encoding="utf-8")
    result = run_build([article], BuildOptions(output=tmp_path / "out", timestamp=1_700_000_000))
    assert not result.failed
    import_apkg(collection, result.decks[0])

    def answer(word):
        cards = {c.template()["name"]: c for c in note_by(collection, word).cards()}
        return html.unescape(re.sub(r"<[^>]+>", "", body(cards["Recognition"].answer())))

    assert "Xī'ān" in answer("西安")
    assert "Shìjiè Màoyì Zǔzhī" in answer("世界贸易组织")
    assert "yīkuàir" in answer("一块儿") and "together" in answer("一块儿")


def test_meanings_on_the_cards(seed_deck, collection):
    """Recall and Cloze fronts show the sense used here in English only: never a character of the
    answer (the composed or spelled-out meaning of 進博會 names its characters on the back only)."""
    import_apkg(collection, seed_deck[0])
    han = re.compile("[\u3400-\u9fff]")
    for cid in collection.find_cards('"card:Recall" or "card:Cloze in context"'):
        card = collection.get_card(cid)
        note = card.note()
        front = re.sub("<[^>]+>", "", body(card.question()))
        if card.template()["name"] == "Recall":
            assert not han.search(front), (note["Simplified"], front)
        elif len(note["Simplified"]) > 1:  # the cloze front shows the sentence, never the word itself
            assert note["Traditional"] not in front and note["Simplified"] not in front
        assert note["Sense"] and not han.search(note["Sense"])
    expo = note_by(collection, "进博会")
    assert expo["Sense"] == "China International Import Exposition"
    assert "中國國際進口博覽會 Zhōngguó Guójì Jìnkǒu Bólǎnhuì" in expo["Meaning"]  # the deck's script
    # every sense stays on the back: the ones used here first and marked, the others folded away
    wanshan = note_by(collection, "完善")
    assert re.match('<span class="used">to (refine|improve)</span>', wanshan["Meaning"])
    assert '<details class="more"><summary>more</summary>' in wanshan["Meaning"]
    assert "comprehensive" in wanshan["Meaning"]
    # measure words in the deck's script with tone marks, not CC-CEDICT's 個|个[ge4]
    assert note_by(collection, "会议")["Classifiers"] == "場 chǎng, 屆 jiè"
