"""General word frequencies of Chinese, from the ``wordfreq`` package's data (CC BY-SA 4.0).

wordfreq's own ``zipf_frequency(word, "zh")`` tokenizes its input with a
second jieba dictionary (a quarter of a second and 77 MB on first use); a word
of ours is already a word, so its bundled list is read directly instead: a
msgpack file of frequency buckets (bucket i holds the words at −i centibels,
Zipf = (900 − i) / 100), keyed by wordfreq's "oversimplified" Chinese, into
which a word is first mapped through its character table.  Reading the list
takes 0.2 s and 60 MB, so it is read once, when the store is built
(``lexicon.store``), and looked up there.
"""

from __future__ import annotations

from pathlib import Path


def read(path: Path) -> tuple[dict[str, int], dict[int, int]]:
    """(word → its bucket, character → the character it is mapped to) from the list at ``path``
    and the character table beside it."""
    import gzip

    import msgpack

    with gzip.open(path, "rb") as f:
        packed = msgpack.load(f, raw=False)
    if not packed or packed[0] != {"format": "cB", "version": 1}:
        raise ValueError("unexpected format of wordfreq's large_zh list")
    buckets = {w: i for i, bucket in enumerate(packed[1:]) for w in bucket}
    with gzip.open(path.parent / "_chinese_mapping.msgpack.gz", "rb") as f:
        mapping = msgpack.load(f, raw=False, strict_map_key=False)
    return buckets, {int(k): int(v) if isinstance(v, int) else ord(v) for k, v in mapping.items()}


def zipf_of(bucket: int | None) -> float:
    """A bucket's Zipf frequency (7: 的; 4: 审核; 0 for a word the list lacks)."""
    return 0.0 if bucket is None else (900 - bucket) / 100
