"""Exports are safe to open: the CSV carries a byte-order mark and Anki's header lines, so that the
real Anki importer maps every column by itself, and no cell can run as a spreadsheet formula."""

import csv
import io

from click.testing import CliRunner

from cardmaker.cli import main
from conftest import import_apkg, note_by

DICT = ("進博會\tjin4 bo2 hui4\t=CMD|'calc'!A0\n"
        "擴大\tkuo4 da4\t+1 to enlarge\n"
        "會議\thui4 yi4\t-meeting; @SUM(A1:A9)\n"
        "強勁\tqiang2 jing4\t-ish, as in strong\n")


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def _rows(path):
    text = path.read_text(encoding="utf-8-sig")
    columns = next(l for l in text.splitlines() if l.startswith("#columns:"))[len("#columns:"):].split(",")
    body = "\n".join(l for l in text.splitlines() if not l.startswith("#"))
    return list(csv.DictReader(io.StringIO(body), fieldnames=columns))


def test_csv_starts_with_a_bom_and_anki_headers(tmp_path, seed_path):
    out = tmp_path / "words.csv"
    run("build", seed_path, "--format", "csv", "-o", out, "--jobs", "1")
    lines = out.read_bytes().split(b"\n")
    assert lines[0] == b"\xef\xbb\xbf#separator:comma"
    assert lines[1:4] == [b"#html:false", b"#notetype:cardmaker", "#deck:全力以赴確保第六屆進博會圓滿成功!這個擴大會議上,陳吉寧王文濤龔正作部署".encode()]
    assert lines[5].startswith(b"#columns:Simplified,Traditional,Pinyin,")


def test_anki_imports_the_csv_by_itself(tmp_path, seed_path, collection):
    """Anki's own CSV importer, given only the file, finds the note type, the deck, every field and
    the tags; over the deck's notes it updates them and duplicates none."""
    from anki.import_export_pb2 import ImportCsvRequest

    deck, export = tmp_path / "deck.apkg", tmp_path / "words.csv"
    run("build", seed_path, "-o", deck, "--jobs", "1")
    run("build", seed_path, "--format", "csv", "-o", export, "--jobs", "1")
    import_apkg(collection, deck)
    notes = collection.note_count()
    metadata = collection.get_csv_metadata(str(export), None)
    model = collection.models.by_name("cardmaker")
    assert metadata.global_notetype.id == model["id"]
    names = [f["name"] for f in model["flds"]]
    labels = list(metadata.column_labels)
    for name, column in zip(names, metadata.global_notetype.field_columns):
        assert column == 0 and name in ("Colored", "Cloze") or labels[column - 1] == name  # by name, no guessing
    assert labels[metadata.tags_column - 1] == "Tags"
    deck_id = collection.decks.id_for_name("全力以赴確保第六屆進博會圓滿成功!這個擴大會議上,陳吉寧王文濤龔正作部署")
    assert metadata.deck_id == deck_id  # the deck the package made
    assert metadata.force_is_html and not metadata.is_html
    log = collection.import_csv(ImportCsvRequest(path=str(export), metadata=metadata)).log
    assert log.found_notes == notes and len(log.new) == 0  # every row met its note: none added
    assert len(log.updated) + len(log.duplicate) + len(log.first_field_match) == notes
    assert collection.note_count() == notes
    note = note_by(collection, "强劲")
    assert note["Pinyin"] == "qiángjìng" and "強勁" in note["Example"]
    assert note["Colored"] and note["AddRecall"] == "y"  # the fields the CSV lacks keep the package's


def test_a_csv_row_alone_makes_the_cards(tmp_path, seed_path, collection):
    """A word Anki meets first in the CSV (the note type came with another deck) gets the same
    three cards as in the package, and none is blank."""
    from anki.import_export_pb2 import ImportCsvRequest

    other, export = tmp_path / "other.txt", tmp_path / "words.csv"
    other.write_text("標題\n我們學習中文。\n", encoding="utf-8")
    run("build", other, "-o", tmp_path / "other.apkg", "--jobs", "1")
    run("build", seed_path, "--format", "csv", "-o", export, "--jobs", "1", "--cards", "recognition,recall")
    import_apkg(collection, tmp_path / "other.apkg")
    metadata = collection.get_csv_metadata(str(export), None)
    log = collection.import_csv(ImportCsvRequest(path=str(export), metadata=metadata)).log
    assert len(log.new) > 100
    note = note_by(collection, "强劲")
    assert sorted(c.template()["name"] for c in note.cards()) == ["Recall", "Recognition"]
    for card in note.cards():
        assert "強勁" in card.answer() and card.question().strip()


def test_no_cell_runs_as_a_formula(tmp_path, seed_path, collection):
    from anki.import_export_pb2 import ImportCsvRequest

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(DICT, encoding="utf-8")
    export = tmp_path / "words.csv"
    run("build", seed_path, "--dict", dictionary, "--format", "csv", "-o", export, "--jobs", "1")
    rows = _rows(export)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "@", "\t", "\r")), value
            assert not (value[:1] in "+-" and (value[1:2].isdigit() or any(c in value for c in "=(|!"))), value
    meanings = {r["Simplified"]: r["Meaning"] for r in rows}
    assert meanings["进博会"] == "'=CMD|'calc'!A0"
    assert meanings["扩大"] == "'+1 to enlarge"
    assert meanings["会议"].startswith("'-meeting")
    assert meanings["强劲"] == "-ish, as in strong"  # only text: no apostrophe for Anki to keep
    collection.import_csv(ImportCsvRequest(path=str(export), metadata=collection.get_csv_metadata(str(export), None)))
    assert collection.note_count() == len(rows)  # the neutralised rows import like the others
