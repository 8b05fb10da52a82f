"""General word frequencies of Chinese, from the ``wordfreq`` package's data (CC BY-SA 4.0).

wordfreq's own ``zipf_frequency(word, "zh")`` tokenizes its input with a
second jieba dictionary (a quarter of a second and 77 MB on first use); a word
of ours is already a word, so its bundled list is read directly instead: a
msgpack file of frequency buckets (bucket i holds the words at −i centibels,
Zipf = (900 − i) / 100), keyed by wordfreq's "oversimplified" Chinese, so a
word is first mapped through its character table.  Loaded once per process,
on first use (about 0.15 s).
"""

from __future__ import annotations

from functools import cache


@cache
def _table() -> tuple[dict[str, int], dict]:
    import gzip

    import msgpack
    from importlib import resources

    data = resources.files("wordfreq").joinpath("data")
    with gzip.open(data.joinpath("large_zh.msgpack.gz").open("rb")) as f:
        packed = msgpack.load(f, raw=False)
    if not packed or packed[0] != {"format": "cB", "version": 1}:
        raise ValueError("unexpected format of wordfreq's large_zh list")
    buckets = {w: i for i, bucket in enumerate(packed[1:]) for w in bucket}
    with gzip.open(data.joinpath("_chinese_mapping.msgpack.gz").open("rb")) as f:
        mapping = msgpack.load(f, raw=False, strict_map_key=False)
    return buckets, mapping


def zipf(word: str) -> float:
    """``word``'s frequency on the Zipf scale (7: 的; 4: 审核; 0 when the list lacks it), either script."""
    buckets, mapping = _table()
    i = buckets.get(word.translate(mapping))
    return 0.0 if i is None else (900 - i) / 100
