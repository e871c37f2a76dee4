"""Exception types shared by the core. Messages are for people: they name the
file, line, page or field, and never carry a traceback to the user."""

from __future__ import annotations


class ReviewToolError(Exception):
    """Base of every error the tool reports to its user as a plain message."""


class UsageError(ReviewToolError):
    """The user asked for something that cannot be done as asked (CLI exit code 2)."""


class NotFound(ReviewToolError):
    """A case, round, review, user … that does not exist."""


class PermissionDenied(ReviewToolError):
    """The acting user's role or the object's state forbids the change."""


class Conflict(ReviewToolError):
    """The change clashes with the current state (submitted review, finalised round …)."""


class LocatedValueError(ValueError):
    """A validation error that knows where, below the value being validated, it sits.

    pydantic keeps the raised exception in the error's ``ctx['error']``, so the rule
    loader can append ``loc`` to pydantic's own location and point the user at the
    exact line (e.g. the second of two items with the same id).
    """

    def __init__(self, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.loc = loc
