"""Qt-free progress reporting and cancellation for long core operations.

Long functions take `progress: ProgressCallback | None` and `cancel: CancelToken | None`.
The CLI passes a text progress bar; the GUI passes a callback that stores the
latest value for a QTimer to pull (never touching widgets from a worker thread).
Cancelling raises `Cancelled` at the next check; the service rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from review_tool.domain.errors import ReviewToolError


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


class Cancelled(ReviewToolError):
    """The user cancelled; nothing of the cancelled work was kept."""


class CancelToken:
    """A flag set from the UI thread, checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")


class LatestProgress:
    """Keeps the latest (done, total, message) under a lock; the GUI polls it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: tuple[int, int, str] = (0, 0, "")

    def __call__(self, done: int, total: int, message: str = "") -> None:
        with self._lock:
            self._value = (done, total, message)

    def get(self) -> tuple[int, int, str]:
        with self._lock:
            return self._value


def scaled(progress: ProgressCallback | None, start: int, end: int, of: int = 100) -> ProgressCallback | None:
    """A callback for a sub-stage that maps its own 0..total onto start..end of `of`."""
    if progress is None:
        return None

    def inner(done: int, total: int, message: str = "") -> None:
        frac = done / total if total else 0
        progress(start + int((end - start) * frac), of, message)

    return inner


def noop(done: int, total: int, message: str = "") -> None:
    return None


Callback = Callable[[int, int, str], None]
