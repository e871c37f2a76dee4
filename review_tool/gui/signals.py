"""Application-wide signals (style §8.3): facts in the past tense, one object passed explicitly.

Views listen to `changes_applied` and refresh only what concerns them; the widget
that made the change passes itself as `initiator` and may skip the echo.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """What a finished operation changed (Anki's OpChanges)."""

    cases: bool = False  # the case list (status, score, progress)
    review: bool = False  # a review's results or state
    index: bool = False  # a case's document index
    files: bool = False  # file locations / integrity
    rounds: bool = False
    database: bool = False  # another database was opened
    case_id: int | None = None
    review_id: int | None = None


class AppSignals(QObject):
    changes_applied = Signal(object, object)  # Changes, initiator (QObject | None)
    saving = Signal()  # a change was sent to the database and is not committed yet
    saved = Signal(object)  # datetime of the last committed change
    save_failed = Signal(str)
    status_message = Signal(str)
    case_opened = Signal(int)  # case id
    case_closed = Signal()
    user_changed = Signal(object)  # UserDTO | None
