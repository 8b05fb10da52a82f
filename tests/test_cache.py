"""The dictionary cache heals, and its trouble is one line, never a traceback: temp files of killed
builds are cleaned, a cache path taken by a folder or a FIFO is reported once and a usable place is
used without rebuilding on every run, a well-formed but short cache is rebuilt, a full disk falls
back to the temporary folder, and a user with no home folder still gets a cache.

The small fixture data of tests/test_dictionary.py is used, never the real cache."""

import gzip
import os
import shutil
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pytest

from cardmaker.lexicon import Lexicon
from cardmaker.lexicon import store as store_module
from cardmaker.lexicon.store import CacheWarning, Sources, cache_dir, fallback_dir, open_default, open_store
from test_dictionary import MINI_CEDICT, MINI_JIEBA

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with gzip.open(folder / "cedict.txt.gz", "wt", encoding="utf-8") as f:
        f.write(MINI_CEDICT)
    (folder / "dict.txt").write_text(MINI_JIEBA, encoding="utf-8")
    return Sources(folder / "cedict.txt.gz", folder / "dict.txt")


@pytest.fixture
def places(tmp_path, monkeypatch):
    """The cache folder (CARDMAKER_CACHE) and the temporary folder the cache falls back to."""
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("CARDMAKER_CACHE", str(cache))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return cache, tmp


def _works(store) -> None:
    assert Lexicon(store=store).entries("学习")[0].senses == ("to learn", "to study")


# ── killed builds ───────────────────────────────────────────────────────────

@pytest.fixture
def slow_sources(tmp_path):
    """Data big enough that building its store takes a second or so: time to kill the build."""
    folder = tmp_path / "slow"
    folder.mkdir()
    with gzip.open(folder / "cedict.txt.gz", "wt", encoding="utf-8") as f:
        f.write(MINI_CEDICT)
    rng = random.Random(1)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    lines = [f"{''.join(rng.choices(chars, k=rng.randint(2, 4)))} {rng.randint(1, 99)} n" for _ in range(40_000)]
    (folder / "dict.txt").write_text(MINI_JIEBA + "\n".join(lines) + "\n", encoding="utf-8")
    return Sources(folder / "cedict.txt.gz", folder / "dict.txt")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_temp_files_of_a_killed_build_are_cleaned(tmp_path, slow_sources, how):
    cache = tmp_path / "cache"
    code = ("import sys; from pathlib import Path; from cardmaker.lexicon.store import Sources, open_store; "
            "open_store(Path(sys.argv[1]), Sources(Path(sys.argv[2]), Path(sys.argv[3])))")
    proc = subprocess.Popen([sys.executable, "-c", code, cache, slow_sources.cedict, slow_sources.jieba],
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(cache.glob("lexicon-*.tmp")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.01)
    proc.send_signal(how)
    proc.wait(timeout=60)
    # a build still running elsewhere keeps its temp file; a killed one's goes
    running = cache / f"lexicon-0.sqlite.{os.getpid()}.x.tmp"
    running.write_bytes(b"in progress")
    _works(open_store(cache, slow_sources))
    assert sorted(p.name for p in cache.glob("*.tmp")) == [running.name]


# ── something else in the cache's place ─────────────────────────────────────

@pytest.mark.parametrize("make", [os.mkdir, os.mkfifo])
def test_cache_path_taken_by_a_folder_or_fifo(places, sources, make):
    cache, tmp = places
    cache.mkdir()
    taken = cache / f"lexicon-{sources.key()}.sqlite"
    make(taken)
    with pytest.warns(CacheWarning) as said:
        store = open_default(sources)
    (warning,) = said
    assert str(cache) in str(warning.message) and str(tmp) in str(warning.message)
    assert "\n" not in str(warning.message)
    _works(store)
    built = os.stat(store.path)
    assert str(store.path).startswith(str(tmp))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # said once: the next runs are quiet
        for _ in range(2):
            again = open_default(sources)
            assert again.path == store.path
            _works(again)
    after = os.stat(store.path)
    assert (after.st_ino, after.st_mtime_ns) == (built.st_ino, built.st_mtime_ns)  # never rebuilt
    assert os.path.lexists(taken) and not os.path.isfile(taken)  # what was there is left alone


def test_cache_folder_that_is_a_file(places, sources):
    cache, tmp = places
    cache.write_text("mine")
    with pytest.warns(CacheWarning):
        _works(open_default(sources))
    assert cache.read_text() == "mine"


# ── a well-formed cache with content missing ────────────────────────────────

@pytest.mark.parametrize("damage", [
    "DELETE FROM cedict",
    "DELETE FROM prefix WHERE length(p) > 1",
    "DELETE FROM meta WHERE key = 'prefix rows'",
    "DELETE FROM cedict; DELETE FROM prefix; VACUUM",
])
def test_short_cache_is_rebuilt(tmp_path, sources, damage):
    store = open_store(tmp_path, sources)
    reference = store.cedict("学习")
    db = sqlite3.connect(store.path)
    db.executescript(damage)
    db.commit()
    db.close()
    healed = open_store(tmp_path, sources)
    assert healed.cedict("学习") == reference != []
    _works(healed)


def test_empty_data_never_makes_a_store(tmp_path, sources):
    with gzip.open(sources.cedict, "wt", encoding="utf-8") as f:
        f.write("# nothing\n")
    with pytest.raises(Exception) as e:
        open_store(tmp_path / "cache", sources)
    assert "no entries" in str(e.value)
    assert not list((tmp_path / "cache").glob("lexicon-*"))


# ── a full disk during the first build ──────────────────────────────────────

@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KB file system (tmpfs), when this machine lets us mount one."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_disk_falls_back_to_the_temporary_folder(places, small_disk, sources, monkeypatch):
    _, tmp = places
    monkeypatch.setenv("CARDMAKER_CACHE", str(small_disk / "cache"))
    (small_disk / "filler").write_bytes(b"\0" * 40_000)  # what is left is less than a store needs
    with pytest.warns(CacheWarning) as said:
        store = open_default(sources)
    assert "full" in str(said[0].message) or "space" in str(said[0].message), said[0].message
    _works(store)
    assert str(store.path).startswith(str(tmp))
    assert list((small_disk / "cache").iterdir()) == []  # the half-written file is gone


def test_full_disk_everywhere_is_one_line(tmp_path, seed_path):
    """A file-size limit (RLIMIT_FSIZE) makes every write past 32 KB fail, in the cache folder and
    the temporary folder alike: one line and exit 1, nothing left behind."""
    env = dict(os.environ, CARDMAKER_CACHE=str(tmp_path / "cache"), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (32_000, 32_000))

    proc = subprocess.run([sys.executable, "-m", "cardmaker", "build", str(seed_path), "-o",
                           str(tmp_path / "deck.apkg")], env=env, preexec_fn=limit, capture_output=True, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    lines = [l for l in err.strip().splitlines() if not l.startswith("first run")]
    assert len(lines) == 1 and "Traceback" not in err and "dictionary cache" in lines[0], err
    assert not list((tmp_path / "cache").glob("*.tmp")) and not list((tmp_path / "tmp").rglob("*.tmp"))


# ── no home folder ──────────────────────────────────────────────────────────

def test_no_home_folder(tmp_path, sources):
    """HOME unset and a uid that has no passwd entry (``Path.home()`` raises): the cache goes to the
    temporary folder.  A real process with that uid: forked, so that it needs no file it cannot read."""
    import pwd

    uid = 54_321
    try:
        pwd.getpwuid(uid)
        pytest.skip("uid 54321 has a passwd entry here")
    except KeyError:
        pass
    if os.getuid() != 0:
        pytest.skip("needs root to run a process as another uid")
    shared = Path(tempfile.mkdtemp(prefix="cardmaker-test-"))  # pytest's own folders are root's only
    try:
        _no_home_child(shared, sources, uid)
    finally:
        shutil.rmtree(shared)


def _no_home_child(shared: Path, sources, uid: int) -> None:
    os.chmod(shared, 0o755)
    data = shared / "data"
    data.mkdir()
    sources = Sources(Path(shutil.copy(sources.cedict, data)), Path(shutil.copy(sources.jieba, data)))
    tmp = shared / "tmp"
    tmp.mkdir()
    os.chmod(tmp, 0o1777)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: another user, no home
        try:
            os.close(read)
            os.setgid(uid)
            os.setuid(uid)
            for name in ("HOME", "XDG_CACHE_HOME", "CARDMAKER_CACHE"):
                os.environ.pop(name, None)
            tempfile.tempdir = str(tmp)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                answer = f"{cache_dir()}\n{open_default(sources).path}"
        except BaseException as e:
            answer = f"failed: {type(e).__name__}: {e}"
        os.write(write, answer.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        answer = f.read()
    os.waitpid(pid, 0)
    where = tmp / f"cardmaker-{uid}"
    assert answer.splitlines() == [str(where), str(where / f"lexicon-{sources.key()}.sqlite")], answer


def test_empty_home_is_no_home(monkeypatch, tmp_path):
    monkeypatch.delenv("CARDMAKER_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    assert cache_dir() == fallback_dir()  # never a .cache folder in the current one


def test_a_fall_back_folder_of_another_user_is_refused(places, sources, tmp_path):
    cache, tmp = places
    cache.write_text("mine")  # the cache folder cannot be used
    theirs = tmp / f"cardmaker-{os.getuid()}"
    theirs.mkdir()
    os.chown(theirs, 54_321, 54_321)
    with pytest.raises(Exception) as e:
        open_default(sources)
    assert "not a folder of this user" in str(e.value)
