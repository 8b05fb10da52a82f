"""Running one job per article, in several processes when asked; results in input order.

Workers are forked after the run's lexicon has loaded its shared data, so they
inherit it (and its memos) and the jobs' arguments instead of loading or
pickling them; only the results travel back, through one pipe per worker.

Every process stops when it should: Ctrl-C (SIGINT to the whole process group)
or an exception in the parent stops the workers at once (SIGTERM, then
SIGKILL), and a worker stops when its parent dies, however it died (Linux:
``PR_SET_PDEATHSIG``; elsewhere a watchdog thread).  A worker stops by raising
``SystemExit``, so the output it was writing is cleaned up
(``output.atomic``).  A worker that dies in a job (killed, crashed) costs that
job only: it is reported through ``lost`` and the others go on.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager

_inherited = None  # (func, lexicon, jobs_args), set just before the workers are forked
STOP_GRACE = 1.0   # seconds a worker has to stop after SIGTERM before it is killed


def run(func, lexicon, jobs_args, jobs: int, progress=None, warm_up=None, lost=None):
    """``func(lexicon, *args)`` for each args, in ``jobs`` processes when there is more than one.

    ``warm_up(lexicon)`` runs first when workers are forked: what it loads, they share.
    ``lost(args, exitcode)`` is the result of a job whose worker died in it (default: ``lost_job``,
    a ``CardmakerError`` naming ``args[0]``).
    """
    with _few_collections():
        yield from _run_all(func, lexicon, jobs_args, jobs, progress, warm_up, lost or lost_job)


def _run_all(func, lexicon, jobs_args, jobs: int, progress, warm_up, lost):
    global _inherited
    if jobs > 1 and len(jobs_args) > 1 and hasattr(os, "fork"):
        if warm_up is not None:
            warm_up(lexicon)
        _inherited = (func, lexicon, list(jobs_args))
        try:
            yield from _Pool(min(jobs, len(jobs_args)), lost).results(progress)
        finally:
            _inherited = None
        return
    for args in jobs_args:
        result = func(lexicon, *args)
        if progress:
            progress()
        yield result


def died(exitcode: int) -> str:
    """How a worker process ended, from its exit code: "was killed by signal 9", "exited (3)"."""
    return f"was killed by signal {-exitcode}" if exitcode < 0 else f"exited ({exitcode})"


def lost_job(args, exitcode: int):
    """The error for a job whose worker died in it."""
    from cardmaker.errors import CardmakerError, shown

    return CardmakerError(f"{shown(args[0])}: not built: the worker process building it {died(exitcode)}")


class _Worker:
    def __init__(self, context, others):
        import multiprocessing

        self.conn, child = multiprocessing.Pipe()
        # the child closes its copies of the other workers' pipes: each pipe ends when its two ends do
        theirs = [w.conn for w in others] + [self.conn]
        self.process = context.Process(target=_work, args=(child, os.getpid(), theirs), daemon=True)
        # no signal may reach the child before it has its own handlers (a traceback otherwise)
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING) if hasattr(signal, "pthread_sigmask") else None
        try:
            self.process.start()
        finally:
            if blocked is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        self.job: int | None = None


_STOPPING = {signal.SIGINT, signal.SIGTERM}


class _Pool:
    def __init__(self, size: int, lost):
        import multiprocessing

        self.size = size
        self.lost = lost
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []

    def results(self, progress):
        from collections import deque
        from multiprocessing.connection import wait

        _, _, jobs_args = _inherited
        self.todo = deque(range(len(jobs_args)))
        self.done: dict[int, object] = {}
        following = 0
        try:
            for _ in range(self.size):
                self._start()
            while following < len(jobs_args):
                if following in self.done:
                    result = self.done.pop(following)
                    following += 1
                    if progress:
                        progress()
                    yield result
                    continue
                ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers])
                for w in list(self.workers):
                    if w.conn in ready:
                        try:
                            job, result = w.conn.recv()
                        except (EOFError, OSError):
                            self._died(w, jobs_args)
                            continue
                        self.done[job] = result
                        w.job = None
                        self._give(w)
                    elif w.process.sentinel in ready:
                        self._died(w, jobs_args)
        finally:
            _stop(self.workers)

    def _start(self) -> None:
        if self.todo:
            w = _Worker(self.context, self.workers)
            self.workers.append(w)
            self._give(w)

    def _give(self, w: _Worker) -> None:
        """The next job for ``w``; with none left it is told to stop."""
        job = self.todo.popleft() if self.todo else None
        try:
            w.conn.send(job)
            w.job = job
        except OSError:  # it died meanwhile: the job goes back, and its sentinel tells the rest
            if job is not None:
                self.todo.appendleft(job)
            return
        if job is None:
            w.conn.close()
            w.process.join(STOP_GRACE)
            self.workers.remove(w)

    def _died(self, w: _Worker, jobs_args) -> None:
        """A worker ended without being told to: its job is lost, a new worker takes the rest."""
        w.process.join()
        w.conn.close()
        self.workers.remove(w)
        if w.job is not None:
            self.done[w.job] = self.lost(jobs_args[w.job], w.process.exitcode)
        self._start()


def _stop(workers) -> None:
    """Stop every worker still running: SIGTERM, then SIGKILL for one that does not stop in time."""
    import time

    workers = list(workers)
    if not workers:
        return
    sigint = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    try:
        for w in workers:
            if w.process.is_alive():
                w.process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for w in workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
        for w in workers:
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
    finally:
        if sigint is not None:
            signal.signal(signal.SIGINT, sigint)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# ── in the worker ───────────────────────────────────────────────────────────

def _stop_worker(signum, frame):
    raise SystemExit(128 + signum)


def _unraisable(hook):
    """A stop that arrived inside a finalizer (``__del__``), where Python swallows the exception and
    prints a traceback: the worker stops at once instead (its parent removes what it was writing)."""
    def unraisable(info):
        if isinstance(info.exc_value, SystemExit):
            os._exit(info.exc_value.code if isinstance(info.exc_value.code, int) else 1)
        hook(info)
    return unraisable


def _work(conn, parent: int, theirs) -> None:
    """A worker's loop: a job's index in, its result out, until told to stop or its parent is gone."""
    for other in theirs:
        other.close()
    import sys

    sys.unraisablehook = _unraisable(sys.unraisablehook)
    signal.signal(signal.SIGTERM, _stop_worker)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # ignored with the parent (nohup &): stays
        signal.signal(signal.SIGINT, _stop_worker)  # Ctrl-C reaches the whole group: stop, quietly
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    _follow_parent(parent)
    func, lexicon, jobs_args = _inherited
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        result = func(lexicon, *jobs_args[job])
        try:
            conn.send((job, result))
        except (BrokenPipeError, EOFError):
            return
        except Exception as e:  # a result that cannot be pickled: say so instead
            from cardmaker.errors import CardmakerError, shown

            conn.send((job, CardmakerError(f"{shown(jobs_args[job][0])}: internal error (its result cannot be "
                                           f"passed back: {type(e).__name__})")))


def _follow_parent(parent: int) -> None:
    """Have this process get SIGTERM when ``parent`` dies (it is then orphaned, never left running)."""
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGTERM, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # it died before we asked
                    raise SystemExit(128 + signal.SIGTERM)
                return
        except (OSError, AttributeError):
            pass
    import threading

    def watch():
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


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
