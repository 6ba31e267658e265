"""The one exception type the library raises for problems a user can fix."""
from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_NO_ARTICLES = 4


class BriefgenError(Exception):
    """A problem reported to the user as one line (or one line per problem) and an exit code."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, exit_code: int | None = None, lines: list[str] | None = None):
        super().__init__(message)
        self.lines = lines or [message]
        if exit_code is not None:
            self.exit_code = exit_code


class ConfigError(BriefgenError):
    exit_code = EXIT_USAGE


class InputError(BriefgenError):
    """An article that cannot be read; skipped unless --strict."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(BriefgenError):
    exit_code = EXIT_USAGE
