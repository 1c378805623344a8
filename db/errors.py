"""Errors a user can cause. Caught at the edge: the CLI prints one line, the GUI shows a dialog."""


class SourcelineError(Exception):
    """Base of every error that is the user's to fix, not a bug."""


class InvalidDate(SourcelineError):
    """An EDTF string that does not parse, with what is wrong."""

    def __init__(self, text: str, problem: str):
        self.text = text
        self.problem = problem
        super().__init__(f"invalid EDTF date {text!r}: {problem}")


class FileProblem(SourcelineError):
    """A file that cannot be read or imported: names the file, the line (when known) and the problem."""

    def __init__(self, path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class ProjectFileError(SourcelineError):
    """A project file that cannot be opened as it is (not SQLite, corrupt, newer schema, read-only)."""


class DamagedProjectError(ProjectFileError):
    """A project file SQLite itself says is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)."""
