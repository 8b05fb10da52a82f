"""The part-of-speech labels cards show that UD Chinese GSD disagrees with, word by word, to find the
classes of error behind ``accuracy.py --only pos`` (run from the repository root):

    python benchmarks/pos_errors.py [--data ../shared/bench-data] [--kind wrong|finer|none]

Each line: occurrences of that kind / occurrences of the card's word in the block, the word, the label
shown, jieba's tag, GSD's tags of all its occurrences, one occurrence in context, the card's first senses.
``wrong`` are the labels neither GSD's UPOS nor its finer tags agree with, ``finer`` those only its finer
tags do (UD's conventions: 鄉/人/路 PART, 因為 ADP), ``none`` the occurrences no label is shown for.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import _UPOS, _XPOS, gsd_headwords  # noqa: E402  the benchmark's own reading and mapping


def occurrences(gold_file: Path):
    """(card, label, jieba tag, kind, UPOS, context, senses) for each headword token of the file."""
    for k, text, w, a, b, upos, xpos in gsd_headwords(gold_file):
        label = w.part_of_speech
        kind = ("none" if not label else "right" if upos in _UPOS.get(label, ())
                else "finer" if xpos in _XPOS.get(label, ()) else "wrong")
        context = (text[max(0, a - 6):a] + "[" + text[a:b] + "]" + text[b:b + 6]).replace("\n", "/")
        yield (k, w.simplified), label, w.pos, kind, upos, context, " / ".join(w.senses[:2])[:60]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "bench-data"))
    ap.add_argument("--gold", help="another GSD file (default: the test split)")
    ap.add_argument("--kind", default="wrong", choices=["wrong", "finer", "none"])
    args = ap.parse_args()
    gold = Path(args.gold) if args.gold else Path(args.data) / "ud-chinese-gsd/zh_gsd-ud-test.conllu"
    cards = defaultdict(list)
    for card, label, tag, kind, upos, context, senses in occurrences(gold):
        cards[card].append((label, tag, kind, upos, context, senses))
    rows = []
    for (_, word), occ in cards.items():
        hits = [o for o in occ if o[2] == args.kind]
        if hits:
            rows.append((len(hits), len(occ), word, hits[0], dict(Counter(o[3] for o in occ))))
    for n, total, word, (label, tag, _, _, context, senses), golds in sorted(rows, key=lambda r: -r[0]):
        print(f"{n:3d}/{total:<3d} {word}\t{label or '-'}\t{tag}\t{golds}\t{context}\t{senses}")


if __name__ == "__main__":
    main()
