"""Writing outputs atomically: a temporary file in the same folder, then a rename.

An interrupted build leaves the previous file intact; the user's files are
never half-written.
"""

from __future__ import annotations

import glob
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from cardmaker.errors import OutputError


@contextmanager
def atomic_path(target):
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder, expected a file name")
    blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise OutputError(f"{blocking}: is a file, not a folder; choose another output folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
        os.close(fd)
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror or e})") from None
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror or e})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _remove_orphans(target: Path) -> None:
    """Delete temporary files of ``target`` left by a killed process (never a running one's)."""
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        pid = tmp.name[len(target.name) + 2:].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            tmp.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_atomic(target, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
