"""A polyphone model: g2pM's reading of each character in its sentence, restricted to allowed readings.

g2pM (Park & Lee 2020, Apache-2.0) is a small bidirectional LSTM trained on
the CPP polyphone corpus; the ``g2pm`` package ships its weights, so nothing
is downloaded.  It reads simplified text only.  Here its network runs on a
whole batch of sentences at once (the same weights and arithmetic as its own
``__call__``, one LSTM pass for many sentences), and its answer for a
character is taken only among the readings the caller allows (CC-CEDICT's for
that character), so that a reading always has a dictionary entry.  Only the
characters asked about are scored, batch by batch (a score row is 876 floats: all
of a 2 MB article's would take 2 GB), and a sentence longer than ``WINDOW``
(text without punctuation) is read in windows with some context either side.

The model and numpy are imported on first use and kept for the process;
``load()`` before forking workers lets them share it.
"""

from __future__ import annotations

from functools import cache

BATCH = 32  # sentences per LSTM pass: 4–6× faster than one by one, little padding when sorted by length


@cache
def load():
    """The g2pM network's weights as float32 arrays, with its character and label tables."""
    import numpy as np
    from g2pM import G2pM

    m = G2pM()
    f = np.float32
    return {
        "np": np,
        "char": m.char2idx,
        "unk": m.char2idx["<UNK>"],
        "bos": m.char2idx["시"],
        "eos": m.char2idx["끝"],
        "label": {v: k for k, v in m.idx2class.items()},   # "lu:4" → class index
        # the characters it was trained to tell apart, with their readings: elsewhere its scores mean nothing
        "poly": {c: frozenset(r) for c, r in m.cedict.items() if len(r) > 1},
        "emb": m.embeddings.astype(f),
        "fw": (m.weight_ih.T.astype(f), m.weight_hh.T.astype(f), (m.bias_ih + m.bias_hh).astype(f)),
        "bw": (m.weight_ih_reverse.T.astype(f), m.weight_hh_reverse.T.astype(f),
               (m.bias_ih_reverse + m.bias_hh_reverse).astype(f)),
        "fc": (m.hidden_weight_l0.T.astype(f), m.hidden_bias_l0.astype(f),
               m.hidden_weight_l1.T.astype(f), m.hidden_bias_l1.astype(f)),
    }


def _lstm_both(np, xf, wf, xb, wb):
    """The forward LSTM over ``xf`` and, when given, the backward one over ``xb`` (the same shape),
    stepped together: each step's matrix products apart, its gate arithmetic on both at once (the
    same element-wise operations as one direction alone, so the same numbers, in fewer numpy calls)."""
    pairs = [(xf, wf)] + ([(xb, wb)] if xb is not None else [])
    pre = np.stack([x @ w[0] + w[2] for x, w in pairs])  # the input projection of every step at once
    d, b, t, _ = pre.shape
    size = wf[1].shape[0]
    h = np.zeros((d, b, size), dtype=xf.dtype)
    c = np.zeros_like(h)
    gates = np.empty((d, b, 4 * size), dtype=xf.dtype)
    out = np.empty((d, b, t, size), dtype=xf.dtype)
    for step in range(t):
        for k, (_, w) in enumerate(pairs):
            np.add(pre[k, :, step], h[k] @ w[1], out=gates[k])
        s = 1 / (1 + np.exp(-gates))             # PyTorch's gate order: i, f, g, o (g's sigmoid unused)
        i, f, o = s[..., :size], s[..., size:2 * size], s[..., 3 * size:]
        c = f * c + i * np.tanh(gates[..., 2 * size:3 * size])
        h = o * np.tanh(c)
        out[:, :, step] = h
    return out


def readings(char: str) -> frozenset[str]:
    """The readings the model tells apart for the (simplified) ``char``; empty when it reads the
    character only one way (its scores for such a character are meaningless)."""
    return load()["poly"].get(char, frozenset())


WINDOW = 400   # characters the network reads at once: a longer sentence is read in pieces of this size …
CONTEXT = 40   # … each with this many characters of its neighbours on either side (no prose sentence is this long)


def _windows(n: int):
    """(a, b, lo, hi): the characters [a, b) of a sentence of ``n`` read within its window [lo, hi)."""
    if n <= WINDOW:
        yield 0, n, 0, n
        return
    for a in range(0, n, WINDOW):
        b = min(n, a + WINDOW)
        yield a, b, max(0, a - CONTEXT), min(n, b + CONTEXT)


def logits(sentences: list[str]) -> list:
    """For each (simplified) sentence, an array [len(sentence), labels] of the model's scores."""
    np = load()["np"] if sentences else None
    out = [[None] * len(s) for s in sentences]
    for k, i, row in _scores(sentences, [range(len(s)) for s in sentences]):
        out[k][i] = row
    return [np.stack(rows) if rows else np.zeros((0, len(load()["label"])), dtype=np.float32) for rows in out]


def read(sentences: list[str], asks: list) -> list[dict]:
    """The model's reading of some characters of each (simplified) sentence: ``asks[k]`` holds
    (offset, allowed readings) pairs for ``sentences[k]``; each answer maps an offset to the allowed
    reading it scores highest (``best``), and leaves out the offsets it knows none of.

    Only the asked characters are scored, and a batch's states are dropped once read, so memory
    stays that of one batch whatever the text's length."""
    allowed = [dict(a) for a in asks]
    out: list[dict] = [{} for _ in sentences]
    for k, i, row in _scores(sentences, [sorted(a) for a in allowed]):
        got = best(row, allowed[k][i])
        if got is not None:
            out[k][i] = got[0]
    return out


def _scores(sentences: list[str], wanted: list):
    """(sentence index, offset, scores) for every offset in ``wanted[k]`` of each sentence, batch by batch."""
    if not sentences:
        return
    from threadpoolctl import threadpool_limits

    # BLAS threads on matrices this small only wait for each other (measured: 3–8× slower with two
    # threads on a busy 2-core machine); limited here, for this call only, not for the process
    with threadpool_limits(1, user_api="blas"):
        yield from _batches(sentences, wanted)


def _batches(sentences: list[str], wanted: list):
    from bisect import bisect_left

    m = load()
    np = m["np"]
    pieces = []                                  # (sentence, a, b, lo, hi, the wanted offsets in [a, b))
    for k, s in enumerate(sentences):
        rows = wanted[k]
        for a, b, lo, hi in _windows(len(s)):
            inside = rows[bisect_left(rows, a):bisect_left(rows, b)]
            if len(inside):
                pieces.append((k, a, b, lo, hi, inside))
    pieces.sort(key=lambda p: p[4] - p[3])       # stable: sentences of one length keep their order
    w0, b0, w1, b1 = m["fc"]
    for at in range(0, len(pieces), BATCH):
        batch = pieces[at:at + BATCH]
        ids = [[m["bos"], *(m["char"].get(ch, m["unk"]) for ch in sentences[k][lo:hi]), m["eos"]]
               for k, _, _, lo, hi, _ in batch]
        lengths = [len(e) for e in ids]
        width = max(lengths)
        fw = np.zeros((len(ids), width), dtype=np.int64)
        bw = np.zeros_like(fw)
        for r, e in enumerate(ids):
            fw[r, :len(e)] = e
            bw[r, :len(e)] = e[::-1]
        hf, hb = _lstm_both(np, m["emb"][fw], m["fw"], m["emb"][bw], m["bw"])
        for r, (k, a, b, lo, hi, inside) in enumerate(batch):
            n = lengths[r]
            back = hb[r, :n][::-1]               # the backward states, back in reading order
            h = np.concatenate([hf[r, 1:n - 1], back[1:n - 1]], axis=1)
            at_rows = [i - lo for i in inside]
            scores = np.maximum(h[at_rows] @ w0 + b0, 0) @ w1 + b1
            for i, row in zip(inside, scores):
                yield k, i, row


def best(scores, allowed) -> tuple[str, float] | None:
    """The allowed reading (CC-CEDICT style, "le5", "lu:4") the model scores highest, with its
    probability among the allowed ones; None when the model knows none of them."""
    label = load()["label"]
    cand = [(a, float(scores[label[a]])) for a in allowed if a in label]
    if not cand:
        return None
    top = max(v for _, v in cand)
    import math

    total = sum(math.exp(v - top) for _, v in cand)
    reading, value = max(cand, key=lambda x: x[1])
    return reading, 1 / total
