"""Writing outputs atomically: a temporary file in the same folder, then a rename.

An interrupted build leaves the previous file intact; the user's files are
never half-written.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from cardmaker.errors import OutputError, shown


@contextmanager
def atomic_path(target):
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    An existing ``target`` that is not a regular file (a folder, a symbolic link,
    a FIFO, a device) is refused, never replaced.
    """
    target = Path(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:  # a loop of symbolic links, a name too long, a parent that is a file
        st = None
        if e.errno != errno.ENOTDIR:
            raise OutputError(f"{shown(target)}: cannot write ({e.strerror or e})") from None
    if st is not None and stat.S_ISDIR(st.st_mode) or st is not None and stat.S_ISLNK(st.st_mode) and target.is_dir():
        raise OutputError(f"{shown(target)}: is a folder, expected a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{shown(target)}: is {_kind(target, st.st_mode)}, not a regular file; refusing to replace it")
    blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise OutputError(f"{shown(blocking)}: is a file, not a folder; choose another output folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target), suffix=".tmp")
        os.close(fd)
    except OSError as e:
        raise OutputError(f"{shown(target)}: cannot write ({e.strerror or e})") from None
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        raise OutputError(f"{shown(target)}: cannot write ({e.strerror or e})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _kind(target: Path, mode: int) -> str:
    if stat.S_ISLNK(mode):
        try:
            return f"a symbolic link (to {shown(os.readlink(target))})"
        except OSError:
            return "a symbolic link"
    return {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
            stat.S_IFSOCK: "a socket"}.get(stat.S_IFMT(mode), "not a file")


def _short_name(target: Path) -> str:
    """The target's name, shortened so that a temporary name made from it stays within 255 bytes."""
    name = target.name
    while len(os.fsencode(name)) > 180:
        name = name[:-1]
    return name


def _temp_prefix(target: Path) -> str:
    return f".{_short_name(target)}.{os.getpid()}."


def remove_orphans(target) -> None:
    """Delete temporary files of ``target`` left by a killed process (never a running one's)."""
    try:
        _remove_orphans(Path(target))
    except OSError:
        pass


def _remove_orphans(target: Path) -> None:
    name = _short_name(target)
    for tmp in target.parent.glob(f".{glob.escape(name)}.*.tmp"):
        pid = tmp.name[len(name) + 2:].split(".", 1)[0]
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
