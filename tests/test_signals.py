"""Every process stops: real signals to a real ``cardmaker build --jobs 2`` of many articles.

Ctrl-C (SIGINT to the process group, as a terminal sends it) stops the batch within 2 s with exit
130 and one line, keeping the finished decks and leaving no temporary file; when the parent alone
is killed or terminated, its workers stop within a few seconds instead of building on as orphans.
"""

import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import import_apkg, interruptible

ARTICLES = 40


@pytest.fixture
def batch(tmp_path, seed_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = seed_path.read_text(encoding="utf-8").split("\n")
    for i in range(ARTICLES):  # each a little different, so no deck is a copy of another
        body = "\n".join(paragraphs[1 + i % 4:] + paragraphs[1:1 + i % 4])
        (folder / f"a{i:02d}.txt").write_text(f"第{i}篇\n{body}", encoding="utf-8")
    return folder


def _start(folder: Path, out: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "cardmaker", "build", str(folder), "-o", str(out), "--jobs", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=interruptible)


def _said(err: bytes) -> list[str]:
    """What the build said on stderr, without the first run's note (a fresh cache, this file run alone)."""
    return [line for line in err.decode().strip().splitlines() if not line.startswith("first run: ")]


def _first_deck(proc, out: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not list(out.glob("*.apkg")):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no deck was written"
        time.sleep(0.02)


def _group(pgid: int) -> list[int]:
    """The live (not zombie) processes of a process group."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def _wait_until_gone(pgid: int, seconds: float) -> float:
    start = time.monotonic()
    while _group(pgid):
        if time.monotonic() - start > seconds:
            for pid in _group(pgid):  # do not leave them running after a failed test
                os.kill(pid, signal.SIGKILL)
            raise AssertionError(f"processes still running {seconds} s later")
        time.sleep(0.05)
    return time.monotonic() - start


def _decks_are_whole(out: Path, tmp_path: Path) -> int:
    from anki.collection import Collection

    assert [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix != ".apkg"] == []  # no temp files
    decks = sorted(out.glob("*.apkg"))
    for deck in decks:
        with zipfile.ZipFile(deck) as z:
            assert z.testzip() is None
    col = Collection(str(tmp_path / "check.anki2"))
    try:
        import_apkg(col, decks[-1])
        assert col.note_count() > 100
    finally:
        col.close()
    return len(decks)


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from /proc")


def test_ctrl_c_stops_the_batch_at_once(tmp_path, batch):
    out = tmp_path / "out"
    proc = _start(batch, out)
    _first_deck(proc, out)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
    start = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - start < 2
    assert proc.returncode == 130
    lines = _said(err)
    assert len(lines) == 1 and "interrupted" in lines[0], lines
    assert _group(proc.pid) == []  # the workers stopped with it
    assert 0 < _decks_are_whole(out, tmp_path) < ARTICLES


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_workers_stop_when_the_parent_dies(tmp_path, batch, how):
    out = tmp_path / "out"
    proc = _start(batch, out)
    _first_deck(proc, out)
    os.kill(proc.pid, how)  # the parent alone
    proc.communicate(timeout=30)
    assert proc.returncode in (-how, 128 + how)
    assert _wait_until_gone(proc.pid, 5) < 5
    written = _decks_are_whole(out, tmp_path)
    time.sleep(1)
    assert len(list(out.glob("*.apkg"))) == written < ARTICLES  # nothing more is written


def test_a_killed_worker_costs_its_article_only(tmp_path, batch):
    """A worker killed in the middle of an article: that article is reported, the others are built.

    Killed just after it wrote its deck (before it could say so), the deck is whole and kept,
    and the line says so instead of reporting it not built.
    """
    out = tmp_path / "out"
    proc = _start(batch, out)
    _first_deck(proc, out)
    workers = [pid for pid in _group(proc.pid) if pid != proc.pid]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    lines = _said(err)
    assert len(lines) == 1 and "killed by signal 9" in lines[0], lines
    article = re.search(r"(a\d\d)\.txt: ", lines[0])
    assert article, lines
    deck = out / f"{article[1]}.apkg"
    if "not built" in lines[0]:
        assert proc.returncode == 1
        assert not deck.exists()
        assert _decks_are_whole(out, tmp_path) == ARTICLES - 1
    else:
        assert "built, but" in lines[0] and proc.returncode == 0
        assert _decks_are_whole(out, tmp_path) == ARTICLES


def test_a_deck_written_before_its_worker_died_is_reported_built(tmp_path):
    """Which line a dead worker's article gets depends on whether its deck was renamed into place in this run."""
    from cardmaker.build import _lost_after
    from cardmaker.errors import CardmakerError

    target = tmp_path / "a.apkg"
    target.write_bytes(b"old deck")
    started = time.time_ns() + 10**9  # the run began after this deck was written: it is not this run's
    old = _lost_after(started, (tmp_path / "a.txt", target, None), -signal.SIGKILL)
    assert isinstance(old, CardmakerError) and "a.txt: not built" in str(old) and "signal 9" in str(old)
    assert target.read_bytes() == b"old deck"
    new = _lost_after(time.time_ns() - 10**9, (tmp_path / "a.txt", target, None), -signal.SIGKILL)
    warnings, notes, cards, text, kept, left_out = new
    assert warnings[0].endswith("a.txt: built, but the worker process that built it then was killed by signal 9; "
                                "its figures are not counted")
    missing = _lost_after(0, (tmp_path / "b.txt", tmp_path / "b.apkg", None), 3)
    assert isinstance(missing, CardmakerError) and "exited (3)" in str(missing)


def test_a_stop_inside_a_finalizer_stops_the_worker_without_a_traceback():
    """Python swallows an exception raised in ``__del__`` (and prints a traceback): a worker's stop
    that lands there must still stop it, quietly."""
    code = (
        "import os, signal, sys, time\n"
        "from cardmaker import parallel\n"
        "sys.unraisablehook = parallel._unraisable(sys.unraisablehook)\n"
        "signal.signal(signal.SIGTERM, parallel._stop_worker)\n"
        "class Slow:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "        time.sleep(0.5)\n"
        "Slow()\n"
        "time.sleep(5)\n"
        "print('went on')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and b"went on" not in proc.stdout
