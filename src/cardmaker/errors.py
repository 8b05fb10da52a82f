"""The errors the library raises; the CLI turns each into one line and an exit code."""


class CardmakerError(Exception):
    """Base class of every error cardmaker reports to its user."""


class InputError(CardmakerError):
    """An article (or a list the user gave) cannot be used; names the file."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # picklable, so that worker processes can report it
        return type(self), (self.path, self.problem)


class OutputError(CardmakerError):
    """A deck or report cannot be written where the user asked."""
