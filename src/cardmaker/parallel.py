"""Running one job per article, in several processes when asked; results in input order.

Workers are forked after the run's lexicon has loaded its shared data, so they
inherit it (and its memos) instead of loading it each; the lexicon reaches
them through the fork, never through pickling.
"""

from __future__ import annotations

from contextlib import contextmanager

_inherited = None  # the run's lexicon, set just before the workers are forked


def _call(func, args):
    return func(_inherited, *args)


def run(func, lexicon, jobs_args, jobs: int, progress=None, warm_up=None):
    """``func(lexicon, *args)`` for each args, in ``jobs`` processes when there is more than one.

    ``warm_up(lexicon)`` runs first when workers are forked: what it loads, they share.
    """
    with _few_collections():
        yield from _run_all(func, lexicon, jobs_args, jobs, progress, warm_up)


def _run_all(func, lexicon, jobs_args, jobs: int, progress, warm_up):
    global _inherited
    if jobs > 1 and len(jobs_args) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if warm_up is not None:
            warm_up(lexicon)
        _inherited = lexicon
        context = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(jobs_args)), mp_context=context) as pool:
                futures = [pool.submit(_call, func, args) for args in jobs_args]
                for f in futures:
                    result = f.result()
                    if progress:
                        progress()
                    yield result
        finally:
            _inherited = None
        return
    for args in jobs_args:
        result = func(lexicon, *args)
        if progress:
            progress()
        yield result


@contextmanager
def _few_collections():
    """Collect garbage rarely while building.

    The pipeline makes many short-lived objects and almost no cycles, while its
    caches grow; at Python's default thresholds the collector walks those caches
    again and again (measured: about a third of a batch's time).  What exists before the batch is
    frozen out of collection, which also keeps forked workers from copying it.
    """
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
