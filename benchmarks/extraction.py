"""Web pages: the prose cardmaker takes with trafilatura vs. every text block of the pruned page.

    python benchmarks/extraction.py PAGE.html ...

For each page, prints the prose lines only one of the two methods keeps (after ``layout`` has judged
both), so a reader can count what each leaks or drops.
"""

import sys
import time

from cardmaker.text.article import text_article
from cardmaker.text.webpage import read_page


def prose(path, method):
    data = open(path, "rb").read()
    start = time.perf_counter()
    d = read_page(data, path, method=method)
    a = text_article(d.text, path, title_first=d.title_first, date=d.date, format="html")
    took = time.perf_counter() - start
    lines = {}
    for s in a.sentences:
        if s.kind in ("title", "body"):
            line = a.text.count("\n", 0, s.start)
            lines.setdefault(line, []).append(s.text)
    return ["".join(v) for _, v in sorted(lines.items())], a.title, took


for path in sys.argv[1:]:
    (t, t_title, t_s), (b, b_title, b_s) = prose(path, "trafilatura"), prose(path, "blocks")
    print(f"== {path}: trafilatura {len(t)} prose lines ({t_s * 1000:.0f} ms), blocks {len(b)} ({b_s * 1000:.0f} ms)")
    if t_title != b_title:
        print(f"   titles differ: {t_title!r} / {b_title!r}")
    for line in t:
        if line not in b:
            print(f"   only trafilatura: {line[:70]}")
    for line in b:
        if line not in t:
            print(f"   only blocks:      {line[:70]}")
