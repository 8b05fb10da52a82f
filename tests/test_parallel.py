"""--jobs N builds the same decks as a single process."""

import sqlite3
import zipfile

from cardmaker.build import BuildOptions, run_build


def notes_of(deck, tmp_path):
    with zipfile.ZipFile(deck) as z:
        target = tmp_path / f"{deck.parent.name}-{deck.stem}.anki2"
        target.write_bytes(z.read("collection.anki2"))
    db = sqlite3.connect(target)
    rows = sorted(db.execute("select guid, mid, flds, tags from notes"))
    db.close()
    return rows


def test_jobs_give_identical_notes(tmp_path, seed_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    paragraphs = text.split("\n")
    for i in range(4):
        (folder / f"a{i}.txt").write_text(f"第{i}篇\n" + "\n".join(paragraphs[2 + i % 3:]), encoding="utf-8")
    one = run_build([folder], BuildOptions(output=tmp_path / "one", timestamp=1_700_000_000), jobs=1)
    two = run_build([folder], BuildOptions(output=tmp_path / "two", timestamp=1_700_000_000), jobs=2)
    assert not one.failed and not two.failed
    assert [d.name for d in one.decks] == [d.name for d in two.decks]
    assert (one.notes, one.cards) == (two.notes, two.cards)
    for a, b in zip(one.decks, two.decks):
        assert notes_of(a, tmp_path) == notes_of(b, tmp_path)


def test_jobs_report_bad_articles_the_same(tmp_path, seed_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run_build([folder], BuildOptions(output=tmp_path / "out"), jobs=2)
    assert [d.name for d in result.decks] == ["good.apkg"]
    assert len(result.failed) == 1 and "bad.txt" in str(result.failed[0])


def test_batch_caches_that_forget_build_the_same_decks(tmp_path, seed_path):
    """A long batch bounds its memos by forgetting; forgetting all the time changes nothing."""
    from cardmaker.lexicon import Lexicon

    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = seed_path.read_text(encoding="utf-8").split("\n")
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"第{i}篇\n" + "\n".join(paragraphs[1 + i:]), encoding="utf-8")
    options = BuildOptions(output=tmp_path / "one", timestamp=1_700_000_000)
    one = run_build([folder], options, jobs=1)
    forgetful = Lexicon(memo_limit=0)
    two = run_build([folder], BuildOptions(output=tmp_path / "two", timestamp=1_700_000_000), jobs=1,
                    lexicon=forgetful)
    assert forgetful.store.memo_limit == 0
    assert one.notes == two.notes > 100
    for a, b in zip(one.decks, two.decks):
        assert notes_of(a, tmp_path) == notes_of(b, tmp_path)
