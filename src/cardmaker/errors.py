"""The errors the library raises; the CLI turns each into one line and an exit code."""

import os
import re

_PLAIN_RE = re.compile(r"[^\s'\"\\]+")


class Label(str):
    """What an error names that is not a file (``the page's word list``): shown as it is."""


def shown(path) -> str:
    """A file name as a message shows it: as it is when plain, else quoted, with every control
    character, undecodable byte or invisible mark escaped, so that one message is one line."""
    if isinstance(path, Label):
        return path
    name = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    if _PLAIN_RE.fullmatch(name) and name.isprintable():
        return name
    return "'" + "".join(_escape(c) for c in name) + "'"


def _escape(c: str) -> str:
    if "\udc80" <= c <= "\udcff":  # an undecodable byte of the name (surrogateescape)
        return f"\\x{ord(c) - 0xdc00:02x}"
    if c in "'\\":
        return "\\" + c
    if c == " " or c.isprintable():
        return c
    return c.encode("unicode_escape", errors="backslashreplace").decode("ascii")


class CardmakerError(Exception):
    """Base class of every error cardmaker reports to its user."""


class CardmakerWarning(UserWarning):
    """Something odd but workable the library tells its user about (the CLI: one ``warning:`` line)."""


class InputError(CardmakerError):
    """An article (or a list the user gave) cannot be used; names the file."""

    def __init__(self, path, problem: str):
        self.path = path if isinstance(path, Label) else str(path)
        self.problem = problem
        super().__init__(f"{shown(self.path)}: {problem}")

    def __reduce__(self):  # picklable, so that worker processes can report it
        return type(self), (self.path, self.problem)


class OutputError(CardmakerError):
    """A deck or report cannot be written where the user asked."""
