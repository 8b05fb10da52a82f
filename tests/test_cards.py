"""The cards as Anki shows them, and what importing a rebuild does to a collection the user worked in.

Every deck here is imported into a real collection with the official ``anki`` package; questions and
answers are Anki's own renderings (``card.question()``, ``card.answer()``, the browser's columns).
"""

import html
import re
import time
from pathlib import Path

import pytest

from cardmaker.build import BuildOptions, run_build
from conftest import body, note_by

HAN = re.compile("[\u3400-\u9fff\U00020000-\U0002ffff]")
TRADITIONAL = "經濟新聞\n2024-01-01\n經濟發展很強勁，市場表現良好。政府提出新的政策。\n"
SIMPLIFIED = "经济新闻\n2024-01-01\n经济发展很强劲，市场表现良好。政府提出新的政策。\n"


def build(article, out, timestamp=1_700_000_000, **options):
    result = run_build([article], BuildOptions(output=Path(out), timestamp=timestamp, **options))
    assert not result.failed, result.failed
    (deck,) = result.decks
    return deck


def import_deck(col, path, **options):
    """Import like Anki's import dialog with its default options; returns Anki's import log."""
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return col.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(Path(path).resolve()), options=ImportAnkiPackageOptions(with_scheduling=False, **options),
    )).log


def text(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", body(html_text)))


def visible(html_text: str) -> str:
    """What the card shows before anything is tapped: the text without a hint's hidden part."""
    shown = re.sub(r'<div id="hint[^"]*" class=hint style="display: none">.*?</div>', "", body(html_text), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


def cards_of(note):
    return {c.template()["name"]: c for c in note.cards()}


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_collection(tmp_path_factory, seed_path):
    """The seed article's deck (traditional) imported into a collection, kept for the module."""
    from anki.collection import Collection

    tmp = tmp_path_factory.mktemp("seed")
    deck = build(seed_path, tmp / "decks")
    col = Collection(str(tmp / "collection.anki2"))
    import_deck(col, deck)
    yield col
    col.close()


# ── fronts that test ────────────────────────────────────────────────────────

def test_recognition_fronts_show_the_characters_only(seed_collection):
    col = seed_collection
    cids = col.find_cards('"card:Recognition"')
    assert len(cids) == col.note_count() > 200
    for cid in cids:
        card = col.get_card(cid)
        note, q = card.note(), body(card.question())
        assert "tone" not in q, note["Simplified"]  # the tones are part of the answer: colour on the back
        assert text(q).strip() == note["Traditional"]
        for syllable in note["PinyinNumbered"].split():
            assert syllable not in q
        assert re.sub("<[^>]+>", "", note["Pinyin"]) not in text(q)
        assert "tone" in body(card.answer())


def test_recall_fronts_give_no_character_and_hide_the_pinyin(seed_collection):
    col = seed_collection
    for cid in col.find_cards('"card:Recall"'):
        card = col.get_card(cid)
        note, q = card.note(), card.question()
        assert not HAN.search(text(q)), (note["Simplified"], text(q))
        pinyin = re.sub("<[^>]+>", "", note["Pinyin"])
        assert pinyin in text(q) and pinyin not in visible(q)  # behind Anki's tap-to-reveal hint
        assert visible(q).split()[0] == html.unescape(note["Sense"]).split()[0]
    expo = note_by(col, "进博会")  # a term the article spells out: its sense names no character
    assert "China International Import Exposition" in visible(cards_of(expo)["Recall"].question())


def _toneless(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize("sense, syllables, front", [
    ("Hengchun township in Pingtung County, Taiwan", ("Heng2", "chun1"), "~ township in Pingtung County, Taiwan"),
    ("Lüdao or Green Island", ("Lu:4", "dao3"), "Green Island"),   # its other name, without the hidden one
    ("Cape Eluanpi or Eluanbi", ("E2", "luan2", "bi2"), "Cape Eluanpi"),
    ("Taidong or Taitung city and county in Taiwan", ("Tai2", "dong1"), "Taitung city and county in Taiwan"),
    ("Guangdong province", ("Guang3", "dong1"), "Guangdong province"),  # nothing left but what kind of place
    ("Shanghai municipality", ("Shang4", "hai3"), "Shanghai municipality"),
    ("prefix indicating ordinal number, as in dìliù sixth", ("di4",), "prefix indicating ordinal number, as in ~liù sixth"),
    ("used in Kūnlún", ("lun2",), "used in Kūn~"),          # the syllable ending a reference's word
    ("used in zhélín", ("he2",), "used in zhélín"),        # hé is no syllable of zhé: its h is the initial's
    ("Taiwan", ("Tai2", "wan1"), "Taiwan"),          # the English name itself: nothing else to show
    ("to go (to a place)", ("qu4",), "to go (to a place)"),
])
def test_a_front_sense_does_not_spell_the_word(sense, syllables, front):
    from cardmaker.output.fields import unspelled

    assert unspelled(sense, syllables) == front


@pytest.mark.parametrize("sense, senses, syllables, front", [
    # a place's name alone, shortened from what the dictionary says the place is: the description,
    # the name hidden, cut where a part ends
    ("Guangdong province", ("Guangdong province (Kwangtung) in south China, short name 粵|粤[Yue4], capital Guangzhou",),
     ("Guang3", "dong1"), "~ province (Kwangtung) in south China"),
    ("Nanchang", ("Nanchang, prefecture-level city and capital of Jiangxi province 江西省[Jiang1 xi1 Sheng3]",),
     ("Nan2", "chang1"), "~, prefecture-level city and capital of Jiangxi province"),
    ("Taiwan", ("Taiwan",), ("Tai2", "wan1"), "Taiwan"),   # nothing more is said: the English name stays
])
def test_a_front_shows_what_a_place_is_rather_than_its_name_alone(sense, senses, syllables, front):
    from cardmaker.output.fields import _front_sense

    assert _front_sense(sense, (sense,) + senses, "traditional", syllables) == front


def test_recall_fronts_of_a_real_article_spell_no_place_name(tmp_path, collection):
    """udn-typhoon's places (恆春, 豐濱, 綠島): their Recall front gives the English, not the pinyin."""
    from pathlib import Path as P
    article = P(__file__).parent / "data" / "articles" / "udn-typhoon.txt"
    import_deck(collection, build(article, tmp_path))
    for cid in collection.find_cards('"card:Recall"'):
        card = collection.get_card(cid)
        toneless = card.note()["PinyinNumbered"].lower().replace("u:", "u")
        plain = re.sub(r"[\s'0-9-]", "", toneless)
        sense = html.unescape(card.note()["Sense"])
        assert sense in visible(card.question())
        front = re.sub(r"[\s'-]", "", _toneless(sense))
        # a sense that is the English name alone (Taiwan), or with what kind of place it is (Guangdong
        # province), stays
        name = re.sub("province|county|city|municipality|island|town", "", front)
        if len(plain) > 4 and name != plain:
            assert plain not in front, (card.note()["Simplified"], sense)


def test_cloze_fronts_blank_every_occurrence(seed_collection):
    col = seed_collection
    cids = col.find_cards('"card:Cloze in context"')
    assert len(cids) > 200
    repeated = 0
    for cid in cids:
        card = col.get_card(cid)
        note, q = card.note(), body(card.question())
        word = note["Traditional"]
        sentence = text(re.search(r'<div class="example zh">(.*?)</div>', q, re.S).group(1))
        rest = text(q.replace(re.search(r'<div class="example zh">.*?</div>', q, re.S).group(0), ""))
        assert not HAN.search(rest), (word, rest)  # the clue is the sense, in English
        assert html.unescape(note["Sense"]) in rest
        first = text(note["ExampleTraditional"].split("<br>")[0])
        blanks = sentence.count("［")
        # every highlighted occurrence is a blank, and so is every other place its characters stand
        assert blanks >= len(re.findall(r'class="hl"', note["ExampleTraditional"].split("<br>")[0])) >= 1
        # filling every blank with the word gives back the article's sentence
        assert re.sub("［＿+］", word, sentence) == first, word
        assert word not in sentence
        repeated += blanks > 1
    assert repeated >= 1  # 親自 stands three times in one sentence of the seed


def test_questions_start_with_the_word_or_prompt_and_sort_by_the_headword(seed_collection):
    col = seed_collection
    col.set_browser_card_columns(["question", "noteFld", "template"])
    n = note_by(col, "强劲")
    for card in n.cards():
        question, sort_field, card_type = (cell[0] for cell in col.browser_row_for_id(card.id)[0])
        assert sort_field == "強勁"  # the deck's script
        first = {"Recognition": "強勁", "Recall": n["Sense"], "Cloze in context": text(n["Example"])[:5]}[card_type]
        assert question.startswith(first), question


def test_simplified_deck_sorts_and_shows_simplified(tmp_path, collection):
    deck = build(write(tmp_path, "jingji.txt", SIMPLIFIED), tmp_path / "out")
    import_deck(collection, deck)
    collection.set_browser_card_columns(["noteFld"])
    n = note_by(collection, "强劲")
    assert [cell[0] for cell in collection.browser_row_for_id(n.cards()[0].id)[0]] == ["强劲"]
    q = body(cards_of(n)["Recognition"].question())
    assert 'class="cm simplified"' in q and "强劲" in q and "強" not in q


# ── identity ────────────────────────────────────────────────────────────────

ONE_FORM_MANY_WORDS = {
    "noodles": "小店\n這家店的麵很好吃，會議後大家都去吃。\n",
    "table": "桌子\n這張桌子的面很平，會議在這裡舉行。\n",
    "empress": "晚宴\n王與后一起出席了晚宴，會議很成功。\n",
}


def _forms(col):
    forms = {}
    for nid in col.find_notes('"Simplified:面" or "Simplified:后"'):
        n = col.get_note(nid)
        assert n["Traditional"] not in forms
        forms[n["Traditional"]] = n
    return forms


def test_words_sharing_a_simplified_form_are_separate_notes(tmp_path, collection):
    for name, content in ONE_FORM_MANY_WORDS.items():
        log = import_deck(collection, build(write(tmp_path, f"{name}.txt", content), tmp_path / "out"))
        assert not log.conflicting
    forms = _forms(collection)
    assert set(forms) == {"麵", "面", "後", "后"}  # four words, four notes
    assert "noodles" in forms["麵"]["Sense"] and "noodles" not in forms["面"]["Sense"]
    assert "empress" in forms["后"]["Sense"] and "empress" not in forms["後"]["Sense"]
    # the same word from three articles' decks is one note; a later deck never overwrites it (its tag
    # stays the first article's: --merge gives a note every article's tag)
    (meeting,) = collection.find_notes('"Simplified:会议"')
    assert [t for t in collection.get_note(meeting).tags if t.startswith("article::")] == ["article::noodles"]


def _word(simplified, traditional, reading):
    from cardmaker.records import Word

    return Word(simplified, traditional, tuple(reading.split()), (), (), "", "", None, 1, "unglossed", (), ())


@pytest.mark.parametrize("simplified, reading, one, other, same", [
    # spellings of one word: the same first sense, one a variant of the other, or both names
    ("台湾", "tai2 wan1", "台灣", "臺灣", True),
    ("了解", "liao3 jie3", "了解", "瞭解", True),
    ("汇报", "hui4 bao4", "匯報", "彙報", True),
    ("台中", "tai2 zhong1", "台中", "臺中", True),
    ("里", "li3", "裏", "裡", True),
    ("台", "tai2", "台", "臺", True),
    # different words behind one simplified form and reading
    ("后", "hou4", "後", "后", False),
    ("面", "mian4", "面", "麵", False),
    ("钟", "zhong1", "鐘", "鍾", False),
    ("制", "zhi4", "制", "製", False),
    ("干", "gan1", "乾", "干", False),  # though both are also "surname Gan"
])
def test_note_identity(lexicon, simplified, reading, one, other, same):
    import genanki

    from cardmaker.output.package import note_guid

    a, b = note_guid(_word(simplified, one, reading), lexicon), note_guid(_word(simplified, other, reading), lexicon)
    assert (a == b) is same
    # one of them (the word OpenCC writes for the simplified form) keeps the GUID 0.1.0 gave both
    assert genanki.guid_for("cardmaker", simplified, reading) in (a, b)


def test_a_variant_spelling_is_the_same_word(tmp_path, collection):
    """台灣 is CC-CEDICT's variant of 臺灣 (same simplified form and reading): one word, one note, with
    the GUID 0.1.0 gave 台湾."""
    import genanki

    for name, content in {"a": "新聞\n台灣的經濟發展很快。\n", "b": "新聞\n臺灣的經濟發展很快。\n"}.items():
        import_deck(collection, build(write(tmp_path, f"{name}.txt", content), tmp_path / "out"))
    (taiwan,) = collection.find_notes('"Simplified:台湾"')
    assert collection.get_note(taiwan).guid == genanki.guid_for("cardmaker", "台湾", "tai2 wan1")


def test_merge_keeps_words_apart_and_tags_every_article(tmp_path, collection):
    folder = tmp_path / "week"
    folder.mkdir()
    for name, content in ONE_FORM_MANY_WORDS.items():
        write(folder, f"{name}.txt", content)
    result = run_build([folder], BuildOptions(merge="Week 1", output=tmp_path / "out", timestamp=1_700_000_000))
    assert not result.failed
    import_deck(collection, result.decks[0])
    assert set(_forms(collection)) == {"麵", "面", "後", "后"}
    (meeting,) = collection.find_notes('"Simplified:会议"')
    assert {t for t in collection.get_note(meeting).tags if t.startswith("article::")} == {
        f"article::{name}" for name in ONE_FORM_MANY_WORDS}


def test_guids_of_0_1_0_kept_for_words_in_their_usual_form():
    from dataclasses import replace

    from cardmaker.output.package import note_guid
    from cardmaker.records import Word

    word = Word("确保", "確保", ("que4", "bao3"), ("to ensure",), (), "v", "verb", 5, 1, "unglossed", (), ())
    assert note_guid(word) == "o@699af5v]"  # the GUID a deck built by 0.1.0 gave 确保
    after = replace(word, simplified="后", traditional="後", syllables=("hou4",))
    empress = replace(after, traditional="后")
    assert note_guid(after) != note_guid(empress)
    assert note_guid(empress) != note_guid(replace(empress, syllables=("hou5",)))


# ── the user's edits survive ────────────────────────────────────────────────

def _css(col, name="cardmaker"):
    col.models._clear_cache()
    return col.models.by_name(name)["css"]


def test_unchanged_rebuild_keeps_edits_and_changed_article_updates(tmp_path, collection):
    article = write(tmp_path, "news.txt", TRADITIONAL)
    out = tmp_path / "decks"
    import_deck(collection, build(article, out))
    edited = note_by(collection, "政府")
    edited["Meaning"] = "my own words"
    edited.tags.append("mine")
    collection.update_note(edited)
    model = collection.models.by_name("cardmaker")
    model["css"] += "\n.card { font-size: 30px; }\n"
    collection.models.update_dict(model)
    before = {nid: collection.get_note(nid).fields for nid in collection.find_notes("")}

    # an unchanged article rebuilt over its deck, and into a fresh folder: nothing is replaced
    for folder in (out, tmp_path / "fresh"):
        log = import_deck(collection, build(article, folder, timestamp=time.time()))
        assert len(log.updated) == 0 and len(log.new) == 0 and len(log.conflicting) == 0
        assert len(log.duplicate) == len(before)
    assert {nid: collection.get_note(nid).fields for nid in collection.find_notes("")} == before
    kept = note_by(collection, "政府")
    assert kept["Meaning"] == "my own words" and "mine" in kept.tags
    assert _css(collection).endswith(".card { font-size: 30px; }\n")

    # the article changed: the notes whose content changed are updated (强劲, and the words whose
    # example moved with it), the others stay as they are
    article.write_text(TRADITIONAL + "出口增長也很強勁。\n", encoding="utf-8")
    log = import_deck(collection, build(article, out, timestamp=time.time() + 5))
    updated = {collection.get_note(n.id.nid)["Simplified"] for n in log.updated}
    assert "强劲" in updated and "政府" not in updated and "政策" not in updated
    assert note_by(collection, "强劲")["Count"] == "2"
    assert note_by(collection, "政府")["Meaning"] == "my own words"
    assert len(log.conflicting) == 0 and collection.note_count() == len(before) + len(log.new)
    assert _css(collection).endswith(".card { font-size: 30px; }\n")


def test_a_new_version_of_the_templates_replaces_an_unchanged_note_type(tmp_path, collection, monkeypatch):
    from cardmaker.output import package

    article = write(tmp_path, "news.txt", TRADITIONAL)
    import_deck(collection, build(article, tmp_path / "a"))
    original = package.template
    monkeypatch.setattr(package, "NOTE_TYPE_MTIME", package.NOTE_TYPE_MTIME + 86_400)
    monkeypatch.setattr(package, "template", lambda name: original(name) + ("\n/* next */" if name == "style.css" else ""))
    package.note_type.cache_clear()
    try:
        import_deck(collection, build(article, tmp_path / "b"))
    finally:
        package.note_type.cache_clear()
    assert _css(collection).endswith("/* next */")


def test_note_type_version_is_raised_with_its_templates():
    """Anki takes a note type only when it is newer: a change of templates or stylesheet needs a new
    NOTE_TYPE_MTIME, or collections keep the old cards."""
    from cardmaker.output import package

    assert package.note_type_digest() == package.NOTE_TYPE_DIGEST, (
        "templates or style.css changed: raise NOTE_TYPE_MTIME to today and set NOTE_TYPE_DIGEST to "
        f"{package.note_type_digest()!r}")


def test_changing_cards_imports_without_conflicts(tmp_path, collection):
    article = write(tmp_path, "news.txt", TRADITIONAL)
    out = tmp_path / "decks"
    import_deck(collection, build(article, out, cards=("recognition", "recall")))
    notes = collection.note_count()
    assert collection.card_count() == 2 * notes
    # editing a note in Anki makes no card of a type left out
    n = note_by(collection, "强劲")
    n["Meaning"] = "strong!"
    collection.update_note(n)
    assert collection.card_count() == 2 * notes

    log = import_deck(collection, build(article, out, timestamp=time.time() + 5))  # a later build
    assert len(log.conflicting) == 0 and collection.note_count() == notes
    assert [m["name"] for m in collection.models.all() if m["name"].startswith("cardmaker")] == ["cardmaker"]
    cloze = cards_of(note_by(collection, "政策"))["Cloze in context"]
    assert "［＿＿］" in body(cloze.question())
    assert not collection.get_empty_cards().notes

    # and back: the cloze cards are left empty (Anki's Tools › Empty Cards removes them)
    log = import_deck(collection, build(article, out, timestamp=time.time() + 10, cards=("recognition",)))
    assert len(log.conflicting) == 0
    empty = collection.get_empty_cards().notes
    assert len(empty) == notes
    for e in empty:
        kinds = {c.template()["name"] for c in collection.get_note(e.note_id).cards()}
        assert {collection.get_card(c).template()["name"] for c in e.card_ids} == kinds - {"Recognition"}


# ── audio ───────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("content, voice, expected, word", [
    (TRADITIONAL, None, "zh_TW", "強勁"),   # a traditional deck asks for a Taiwan voice
    (SIMPLIFIED, None, "zh_CN", "强劲"),
    (TRADITIONAL, "zh_HK", "zh_HK", "強勁"),
    (SIMPLIFIED, "zh_TW", "zh_TW", "強勁"),  # a Taiwan voice reads the traditional forms
])
def test_answers_speak_the_word_and_the_example(tmp_path, collection, content, voice, expected, word):
    import zipfile

    deck = build(write(tmp_path, "news.txt", content), tmp_path / "out", voice=voice)
    with zipfile.ZipFile(deck) as z:
        assert sorted(z.namelist()) == ["collection.anki2", "media"] and z.read("media") == b"{}"
    import_deck(collection, deck)
    for card in note_by(collection, "强劲").cards():
        assert not card.question_av_tags()
        tags = card.answer_av_tags()
        assert [t.lang for t in tags] == [expected, expected]
        assert tags[0].field_text == word and word in tags[1].field_text and "<" not in tags[1].field_text


def test_voice_option_on_the_command_line(tmp_path, collection):
    from click.testing import CliRunner

    from cardmaker.cli import main

    article = write(tmp_path, "news.txt", TRADITIONAL)
    out = tmp_path / "x.apkg"
    result = CliRunner().invoke(main, ["build", str(article), "-o", str(out), "--voice", "zh_CN"])
    assert result.exit_code == 0, result.output
    import_deck(collection, out)
    assert {t.lang for t in note_by(collection, "强劲").cards()[0].answer_av_tags()} == {"zh_CN"}
    bad = CliRunner().invoke(main, ["build", str(article), "-o", str(out), "--voice", "en_US"])
    assert bad.exit_code == 2


# ── tags ────────────────────────────────────────────────────────────────────

def test_tags():
    from dataclasses import replace

    from cardmaker.output.fields import tags
    from cardmaker.records import Word

    word = Word("进博会", "進博會", ("jin4", "bo2", "hui4"), ("expo",), (), "j", "", 7, 3, "conflict", (), ())
    assert tags(word, ["a-b", "a-b", "c"], "2021") == [
        "article::a-b", "article::c", "HSK::2021::7-9", "reading::conflict"]
    odd = replace(word, hsk=None, check="verified", name=True, composed=True, disputed=True)
    assert tags(odd, ["x"]) == ["article::x", "name", "reading::check", "meaning::composed"]


# ── looks ───────────────────────────────────────────────────────────────────

def _css_text():
    from cardmaker.output.html import template

    return template("style.css")


def _variables(css: str, selector_start: str) -> dict[str, str]:
    block = re.search(re.escape(selector_start) + r"[^{]*\{([^}]*)\}", css).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def _luminance(hex_colour: str) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(hex_colour: str):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def distance(a: str, b: str) -> float:
    """CIE76 colour difference: about 2 is just noticeable, over 25 two clearly different colours."""
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b))) ** 0.5


def _hue_saturation(hex_colour: str):
    import colorsys

    h, _, s = colorsys.rgb_to_hls(*(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    return h * 360, s


@pytest.mark.parametrize("mode, selector", [("light", ".card {"), ("night", ".card.nightMode")])
def test_colours_are_readable_and_keep_the_tone_convention(mode, selector):
    css = _css_text()
    colours = _variables(css, selector)
    bg = colours.pop("bg")
    colours.pop("rule")  # a hairline, not text
    assert {"fg", "muted", "hl", "tone1", "tone2", "tone3", "tone4", "tone5"} <= set(colours)
    for name, colour in colours.items():
        assert contrast(colour, bg) >= 4.5, (mode, name, colour, round(contrast(colour, bg), 2))
    tones = [colours[f"tone{t}"] for t in range(1, 6)]
    for colour in tones:
        assert distance(colours["hl"], colour) > 25, (mode, colours["hl"], colour)
    assert min(distance(a, b) for i, a in enumerate(tones) for b in tones[i + 1:]) > 25
    hues = [_hue_saturation(c) for c in tones]
    red, green, blue, purple, grey = hues
    assert (red[0] >= 340 or red[0] <= 15) and (90 <= green[0] <= 160 or 20 <= green[0] <= 45)
    assert 200 <= blue[0] <= 240 and 260 <= purple[0] <= 300 and grey[1] < 0.1
    # every colour is a variable, so night mode changes all of them
    assert not re.search(r"(?<!-)color:\s*#", css)


def test_night_mode_covers_every_way_anki_marks_it():
    css = _css_text()
    for selector in (".card.nightMode", ".card.night_mode", ".nightMode .card", ".night_mode .card"):
        assert selector in css


@pytest.mark.parametrize("script, first", [("simplified", "PingFang SC"), ("traditional", "PingFang TC"),
                                           ("both", "PingFang TC")])
def test_fonts_follow_the_deck_script(script, first):
    css = _css_text()
    rule = re.search(r"([^{}]*)\{\s*font-family:\s*\"([^\"]+)\"", css[css.index(f".cm.{script} .zh"):])
    assert rule.group(2) == first
    other = {"simplified": " TC", "traditional": " SC", "both": " SC"}[script]
    stack = re.search(r"\.cm\." + script + r" \.zh[^{]*\{([^}]*)\}", css).group(1)
    assert other not in stack


def test_both_scripts_mark_each_form(tmp_path, collection):
    deck = build(write(tmp_path, "news.txt", TRADITIONAL), tmp_path / "out", script="both")
    import_deck(collection, deck)
    q = body(cards_of(note_by(collection, "强劲"))["Recognition"].question())
    assert '<span class="trad">強勁</span><br><span class="simp">强劲</span>' in q and 'class="cm both"' in q


# ── decks built by 0.1.0 ────────────────────────────────────────────────────

# TRADITIONAL built by 0.1.0; stored under another suffix, since .apkg files are build outputs git ignores
_OLD_DECK = Path(__file__).parent / "data" / "decks" / "news-0.1.0.apkg.fixture"


def _guids(deck) -> set[str]:
    import sqlite3
    import zipfile

    with zipfile.ZipFile(deck) as z:
        data = z.read("collection.anki2")
    path = deck.with_suffix(".anki2")
    path.write_bytes(data)
    db = sqlite3.connect(path)
    try:
        return {g for (g,) in db.execute("select guid from notes")}
    finally:
        db.close()


def old_deck(tmp_path) -> Path:
    target = tmp_path / "news-0.1.0.apkg"
    if not target.exists():
        target.write_bytes(_OLD_DECK.read_bytes())
    return target


def test_a_0_1_0_collection_takes_the_new_notes_in_place(tmp_path, collection):
    """What the README tells users of 0.1.0: the note type gained fields, so Anki's default options
    refuse the notes (conflicts); importing once with "Merge note types" and "Update notes: Always"
    updates every note in place, its cards (and their reviews) kept."""
    import_deck(collection, old_deck(tmp_path))
    cards, notes = sorted(collection.find_cards("")), sorted(collection.find_notes(""))
    old_guids = {collection.get_note(n).guid for n in notes}
    deck = build(write(tmp_path, "news.txt", TRADITIONAL), tmp_path / "out", timestamp=time.time())
    from anki.collection import Collection

    refused = Collection(str(tmp_path / "other.anki2"))
    try:
        import_deck(refused, old_deck(tmp_path))
        log = import_deck(refused, deck)
    finally:
        refused.close()
    shared = len(log.conflicting)  # every note 0.1.0 also made is refused
    assert shared == len(old_guids & _guids(deck)) > 0
    assert not log.updated and len(log.new) == log.found_notes - shared

    log = import_deck(collection, deck, merge_notetypes=True, update_notes=1)  # 1: Always
    assert len(log.updated) == shared and not log.conflicting
    assert {collection.get_note(u.id.nid).guid for u in log.updated} <= old_guids
    assert set(notes) <= set(collection.find_notes("")) and set(cards) <= set(collection.find_cards(""))
    collection.models._clear_cache()
    assert [m["name"] for m in collection.models.all() if m["name"].startswith("cardmaker")] == ["cardmaker"]
    n = note_by(collection, "强劲")
    assert "tone" not in body(cards_of(n)["Recognition"].question()) and n["Sense"]
    assert "article::news" in n.tags
    # from then on the default options keep the user's edits
    n["Meaning"] = "mine"
    collection.update_note(n)
    log = import_deck(collection, build(tmp_path / "news.txt", tmp_path / "out", timestamp=time.time() + 5))
    assert not log.updated and note_by(collection, "强劲")["Meaning"] == "mine"


def test_sheet_colours_are_readable_on_paper():
    from cardmaker.output.html import template

    css = template("sheet.css")
    colours = re.findall(r"(?<![-\w])color:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", css)
    assert len(colours) >= 9
    for colour in colours:
        colour = "#" + (colour if len(colour) == 6 else "".join(c * 2 for c in colour))
        assert contrast(colour, "#ffffff") >= 4.5, colour


def test_a_front_leaves_off_a_sense_that_is_only_the_words_pinyin():
    """媽媽 "mama / mother": "mama" is māma's pinyin, the answer; the front shows "mother"."""
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.lexicon import Lexicon
    from cardmaker.output.fields import _front_senses
    from cardmaker.text.article import parse_article

    article = parse_article("標題\n我回家還會考爸爸媽媽，他們有時候也答不出來。\n".encode(), "t.txt")
    (w,) = [w for w in analyse(article, Lexicon()).all_words if w.simplified == "妈妈"]
    assert "mama" in " ".join(w.sense) and _front_senses(w, "traditional") == ["mother"]
