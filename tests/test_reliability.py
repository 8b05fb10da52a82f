"""Hostile and broken input: the expected deck or one clear line, the right exit code, never a traceback."""

import os
import random
import signal
import subprocess
import sys
import time
import zipfile

import pytest
from click.testing import CliRunner

from cardmaker.cli import main
from conftest import import_apkg

TEXT = "經濟新聞標題\n2024-05-01\n今年經濟發展強勁，出口增長明顯。政府表示將繼續推動改革開放。\n"
SIMPLE = "经济新闻标题\n2024-05-01\n今年经济发展强劲，出口增长明显。政府表示将继续推动改革开放。\n"


def build(tmp_path, *args):
    result = CliRunner().invoke(main, ["build", *map(str, args), "--jobs", "1"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(
    "name, data",
    [
        ("gb18030.txt", SIMPLE.encode("gb18030")),
        ("big5.txt", TEXT.encode("big5")),
        ("utf16.txt", TEXT.encode("utf-16")),
        ("utf8bom.txt", b"\xef\xbb\xbf" + TEXT.encode()),
        ("cut.txt", TEXT.rstrip("\n").encode()[:-1]),  # cut inside the last character
        ("mojibake.txt", "標題\n政府要求重?fù)?dān)起責任，重(zhong)?點(dian)推進。\n".encode()),
        ("parens.txt", "標題\n政府((表示(將(繼續)推動改革)))開放（（。市場）發展(。\n".encode()),
        ("glosses.txt", ("標題\n" + "的(de)" * 5000 + "經濟(jing)(ji)發展。\n").encode()),
        ("html.txt", "標題<script>alert(1)</script>\n經濟<img src=x onerror=alert(1)>發展強勁。\n".encode()),
    ],
)
def test_odd_but_usable_articles_build(tmp_path, name, data, collection):
    article = tmp_path / name
    article.write_bytes(data)
    out = tmp_path / "deck.apkg"
    result = build(tmp_path, article, "-o", out)
    assert result.exit_code == 0, result.output
    import_apkg(collection, out)
    assert collection.note_count() > 0
    assert article.read_bytes() == data  # the input is never written to


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("binary.txt", bytes(range(256)) * 10, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n   \n", "whitespace"),
        ("latin.txt", b"Only Latin text, no Chinese at all.\n", "no Chinese"),
        ("shiftjis.txt", "日本語のテキストです。ひらがなとカタカナ。".encode("shift_jis"), "--encoding"),
    ],
)
def test_unusable_articles_fail_with_one_line(tmp_path, name, data, message):
    article = tmp_path / name
    article.write_bytes(data)
    result = build(tmp_path, article, "-o", tmp_path / "out")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and name in line and message in line
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_huge_article_is_refused_quickly(tmp_path):
    article = tmp_path / "huge.txt"
    with open(article, "wb") as f:
        chunk = ("經濟發展強勁。" * 1000 + "\n").encode()
        while f.tell() < 20_000_000:
            f.write(chunk)
    start = time.monotonic()
    result = build(tmp_path, article, "-o", tmp_path / "out")
    assert time.monotonic() - start < 10
    assert result.exit_code == 1 and "too large" in result.stderr and "huge.txt" in result.stderr


def test_missing_and_unreadable_paths(tmp_path, monkeypatch, seed_path):
    from pathlib import Path

    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    real_open = open

    def guarded(file, *args, **kwargs):  # we run as root, so chmod 000 would not stop us
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded)
    result = build(tmp_path, tmp_path / "nope.txt", locked, seed_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("nope.txt" in e and "no such" in e for e in errors)
    assert any("locked.txt" in e and "permission denied" in e for e in errors)
    assert (tmp_path / "out" / f"{seed_path.stem}.apkg").exists()


def test_output_folder_not_writable(tmp_path, monkeypatch, seed_path):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = build(tmp_path, seed_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "cannot write" in line and "Permission denied" in line


def test_output_inside_a_file(tmp_path, seed_path):
    blocker = tmp_path / "file"
    blocker.write_text("mine")
    result = build(tmp_path, seed_path, "-o", blocker / "decks")
    assert result.exit_code == 1 and f"{blocker}: is a file, not a folder" in result.stderr
    assert blocker.read_text() == "mine"


def test_output_path_is_an_existing_folder(tmp_path, seed_path):
    target = tmp_path / "deck.apkg"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    result = build(tmp_path, seed_path, "-o", target)
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert (target / "keep.txt").read_text() == "mine"


def test_exit_codes_are_documented():
    out = CliRunner().invoke(main, ["build", "--help"]).output
    assert "0  everything was built" in out and "1  some input failed" in out and "2  usage error" in out
    assert CliRunner().invoke(main, ["build", "--cards", "bogus"]).exit_code == 2


def _cmd(*args):
    return [sys.executable, "-m", "cardmaker", "build", *map(str, args)]


def test_concurrent_builds_to_one_folder(tmp_path, seed_path, collection):
    out = tmp_path / "out"
    env = dict(os.environ, CARDMAKER_CACHE=str(tmp_path / "cache"))  # both also build the cache
    procs = [subprocess.Popen(_cmd(seed_path, "-o", out), env=env, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    import_apkg(collection, out / f"{seed_path.stem}.apkg")
    assert collection.note_count() > 200
    assert [p.name for p in out.iterdir()] == [f"{seed_path.stem}.apkg"]


def test_killed_builds_leave_old_or_new_deck(tmp_path, seed_path):
    """SIGKILL at random points of a loop of builds: the deck is always a complete package."""
    from anki.collection import Collection

    out = tmp_path / "deck.apkg"
    subprocess.run(_cmd(seed_path, "-o", out), check=True, capture_output=True)
    rng = random.Random(7)
    for i in range(6):
        proc = subprocess.Popen(_cmd(seed_path, "-o", out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with zipfile.ZipFile(out) as z:
            assert z.testzip() is None
        col = Collection(str(tmp_path / f"c{i}.anki2"))
        try:
            import_apkg(col, out)
            assert col.note_count() > 200
        finally:
            col.close()
    # the next build cleans up what the killed ones left
    subprocess.run(_cmd(seed_path, "-o", out), check=True, capture_output=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".deck")] == []
