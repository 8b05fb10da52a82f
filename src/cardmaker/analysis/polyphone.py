"""A polyphone model: g2pM's reading of each character in its sentence, restricted to allowed readings.

g2pM (Park & Lee 2020, Apache-2.0) is a small bidirectional LSTM trained on
the CPP polyphone corpus; the ``g2pm`` package ships its weights, so nothing
is downloaded.  It reads simplified text only.  Here its network runs on a
whole batch of sentences at once (the same weights and arithmetic as its own
``__call__``, one LSTM pass for many sentences), and its answer for a
character is taken only among the readings the caller allows (CC-CEDICT's for
that character), so that a reading always has a dictionary entry.

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


def logits(sentences: list[str]) -> list:
    """For each (simplified) sentence, an array [len(sentence), labels] of the model's scores."""
    if not sentences:
        return []
    from threadpoolctl import threadpool_limits

    # BLAS threads on matrices this small only wait for each other (measured: 3–8× slower with two
    # threads on a busy 2-core machine); limited here, for this call only, not for the process
    with threadpool_limits(1, user_api="blas"):
        return _logits(sentences)


def _logits(sentences: list[str]) -> list:
    m = load()
    np = m["np"]
    out: list = [None] * len(sentences)
    order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
    for at in range(0, len(order), BATCH):
        batch = order[at:at + BATCH]
        ids = [[m["bos"], *(m["char"].get(ch, m["unk"]) for ch in sentences[k]), m["eos"]] for k in batch]
        lengths = [len(e) for e in ids]
        width = max(lengths)
        fw = np.zeros((len(ids), width), dtype=np.int64)
        bw = np.zeros_like(fw)
        for r, e in enumerate(ids):
            fw[r, :len(e)] = e
            bw[r, :len(e)] = e[::-1]
        hf, hb = _lstm_both(np, m["emb"][fw], m["fw"], m["emb"][bw], m["bw"])
        w0, b0, w1, b1 = m["fc"]
        for r, k in enumerate(batch):
            n = lengths[r]
            back = hb[r, :n][::-1]               # the backward states, back in reading order
            h = np.concatenate([hf[r, 1:n - 1], back[1:n - 1]], axis=1)
            out[k] = np.maximum(h @ w0 + b0, 0) @ w1 + b1
    return out


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
