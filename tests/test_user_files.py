"""Nothing the user owns is touched: no output is ever an input (by path or by file identity), an
output path that is not a regular file is refused, side files that are FIFOs, devices or huge are
refused at once, and ``-o -`` writes text outputs to standard output."""

import os
import stat
import time

import pytest
from click.testing import CliRunner

from cardmaker.cli import main

DICT = "進博會\tjin4 bo2 hui4\tChina International Import Expo\n"


@pytest.fixture
def files(tmp_path, seed_path):
    article = tmp_path / "article.txt"
    article.write_bytes(seed_path.read_bytes())
    words = tmp_path / "words.tsv"
    words.write_text("simplified\tmeaning\n进博会\tthe Expo\n城市\tcity\n", encoding="utf-8")
    known = tmp_path / "known.tsv"
    known.write_text("城市\n会议\n", encoding="utf-8")
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(DICT, encoding="utf-8")
    return {"article": article, "words": words, "known": known, "dict": dictionary}


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output and not isinstance(result.exception, Exception) or \
        isinstance(result.exception, SystemExit), result.exception
    return result


# every command that writes a file, the input that each could be told to overwrite, and the
# suffix its output needs (a build takes any other name for a folder)
COMMANDS = [
    ("words", "known", "", lambda f, out: ["words", f["article"], "--known", f["known"], "-o", out]),
    ("words", "article", "", lambda f, out: ["words", f["article"], "-o", out]),
    ("build pleco", "dict", ".txt", lambda f, out: ["build", f["article"], "--dict", f["dict"], "--format", "pleco",
                                                     "-o", out, "--jobs", "1"]),
    ("build csv", "words", ".csv", lambda f, out: ["build", f["article"], "--words", f["words"], "--format", "csv",
                                                   "-o", out, "--jobs", "1"]),
    ("build apkg", "known", ".apkg", lambda f, out: ["build", f["article"], "--known", f["known"], "-o", out,
                                                     "--jobs", "1"]),
    ("build apkg", "article", ".apkg", lambda f, out: ["build", f["article"], "-o", out, "--jobs", "1"]),
    ("sheet", "words", "", lambda f, out: ["sheet", f["article"], "--words", f["words"], "-o", out]),
    ("sheet", "article", "", lambda f, out: ["sheet", f["article"], "-o", out]),
]


def _same_path(tmp_path, target, suffix):  # the very path, spelt another way
    if suffix and target.suffix != suffix:
        pytest.skip("the input's name cannot be this command's output")
    return tmp_path / "." / ".." / tmp_path.name / target.name


def _symlink(tmp_path, target, suffix):
    link = tmp_path / f"link{suffix or target.suffix}"
    link.symlink_to(target)
    return link


def _hard_link(tmp_path, target, suffix):  # another name for the same file: only its identity gives it away
    link = tmp_path / f"hard{suffix or target.suffix}"
    os.link(target, link)
    return link


@pytest.mark.parametrize("how", [_same_path, _symlink, _hard_link])
@pytest.mark.parametrize("command, victim, suffix, args", COMMANDS, ids=[f"{c}-{v}" for c, v, _, _ in COMMANDS])
def test_no_output_is_an_input(tmp_path, files, command, victim, suffix, args, how):
    target = files[victim]
    before = target.read_bytes()
    out = how(tmp_path, target, suffix)
    result = run(*args(files, out))
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert "refusing to overwrite" in line or "is the article itself" in line, line
    assert target.read_bytes() == before


def _fifo(path):
    os.mkfifo(path)


def _device(path):  # a character device, like /dev/null (we run as root; else a link to it)
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        path.symlink_to("/dev/null")


def _proc_link(path):
    path.symlink_to("/proc/self/environ")


def _file_link(path):
    (path.parent / "elsewhere.txt").write_text("mine")
    path.symlink_to(path.parent / "elsewhere.txt")


@pytest.mark.parametrize("make", [_fifo, _device, _proc_link, _file_link])
@pytest.mark.parametrize("command", ["build", "csv", "words", "sheet"])
def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path, files, make, command):
    suffix = {"build": ".apkg", "csv": ".csv", "words": ".tsv", "sheet": ".html"}[command]
    out = tmp_path / f"out{suffix}"
    make(out)
    kind = stat.S_IFMT(os.lstat(out).st_mode)
    args = {"build": ["build", files["article"], "--jobs", "1"],
            "csv": ["build", files["article"], "--format", "csv", "--jobs", "1"],
            "words": ["words", files["article"]], "sheet": ["sheet", files["article"]]}[command]
    result = run(*args, "-o", out)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert "not a regular file; refusing to replace it" in line, line
    assert stat.S_IFMT(os.lstat(out).st_mode) == kind  # still what it was
    assert not list(tmp_path.glob(".out*.tmp"))
    if make is _file_link:
        assert (tmp_path / "elsewhere.txt").read_text() == "mine"


@pytest.mark.parametrize("fmt", ["csv", "pleco"])
def test_dash_writes_text_exports_to_standard_output(tmp_path, files, fmt):
    to_file = tmp_path / f"out{'.csv' if fmt == 'csv' else '.txt'}"
    assert run("build", files["article"], "--format", fmt, "-o", to_file, "--jobs", "1").exit_code == 0
    result = run("build", files["article"], "--format", fmt, "-o", "-", "--jobs", "1")
    assert result.exit_code == 0
    assert result.stdout == to_file.read_text(encoding="utf-8")
    assert "1 " in result.stderr and "notes" in result.stderr  # the summary goes to stderr, not into the data
    assert not (tmp_path / "-").exists() and not os.path.exists("-")


def test_dash_for_the_table_and_the_sheet(tmp_path, files):
    table = tmp_path / "t.tsv"
    assert run("words", files["article"], "-o", table).exit_code == 0
    assert run("words", files["article"], "-o", "-").stdout == table.read_text(encoding="utf-8")
    sheet = tmp_path / "s.html"
    assert run("sheet", files["article"], "-o", sheet).exit_code == 0
    assert run("sheet", files["article"], "-o", "-").stdout == sheet.read_text(encoding="utf-8")
    assert not os.path.exists("-")


def test_dash_is_refused_where_it_cannot_work(tmp_path, files, seed_path):
    result = run("build", files["article"], "-o", "-", "--jobs", "1")  # a package is not text
    assert result.exit_code == 1 and ".apkg package cannot go to standard output" in result.stderr
    result = run("build", files["article"], seed_path, "--format", "csv", "-o", "-", "--jobs", "1")
    assert result.exit_code == 1 and "takes one article" in result.stderr
    result = run("build", files["article"], seed_path, "--format", "pleco", "-o", "-", "--merge", "Week")
    assert result.exit_code == 0 and result.stdout.count("//Week/") == 2


def _huge(path):
    with open(path, "wb") as f:
        f.truncate(60_000_000)  # sparse: 60 MB that cost nothing to make


def _zero(path):
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        path.symlink_to("/dev/zero")


def _urandom(path):
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 9))
    except PermissionError:
        path.symlink_to("/dev/urandom")


@pytest.mark.parametrize("make, problem", [(_fifo, "is a FIFO"), (_zero, "is a device"),
                                           (_urandom, "is a device"), (_huge, "too large"),
                                           (os.mkdir, "is a folder")])
@pytest.mark.parametrize("option", ["--known", "--dict", "--words"])
def test_side_files_that_are_not_files_are_refused_at_once(tmp_path, files, make, problem, option):
    side = tmp_path / "side.txt"
    make(side)
    start = time.monotonic()
    result = run("sheet", files["article"], option, side, "-o", tmp_path / "sheet.html")
    assert time.monotonic() - start < 5  # never a read that does not end
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("error: ") and "side.txt" in line and problem in line, line
    assert not (tmp_path / "sheet.html").exists()


def test_fields_of_any_length_are_read(tmp_path, files):
    """An Anki export whose field holds a whole article (far over the csv module's 128 KB default)."""
    known = tmp_path / "export.txt"
    known.write_text('#separator:tab\n#html:true\n城市\t"' + "長" * 300_000 + '"\n會議\tx\n', encoding="utf-8")
    result = run("words", files["article"], "--known", known)
    assert result.exit_code == 0, result.output
    firsts = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert "城市" not in firsts and "会议" not in firsts and "进博会" in firsts


def test_a_word_list_with_no_words_is_an_error(tmp_path, files):
    empty = tmp_path / "empty.tsv"
    empty.write_text("simplified\tmeaning\n", encoding="utf-8")
    result = run("build", files["article"], "--words", empty, "-o", tmp_path / "d.apkg", "--jobs", "1")
    assert result.exit_code == 1 and "no words" in result.stderr
    assert not (tmp_path / "d.apkg").exists()
