"""Driving modal dialogs from a test: the handler runs inside the dialog's own event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def when_modal(handler: Callable[[QWidget], None], *, of_type: type | None = None, tries: int = 200) -> list[QWidget]:
    """Run `handler(dialog)` as soon as a modal dialog (of `of_type`) is showing. Returns the dialogs seen."""
    seen: list[QWidget] = []

    def poll(left: int = tries) -> None:
        w = QApplication.activeModalWidget()
        if w is not None and (of_type is None or isinstance(w, of_type)) and w not in seen:
            seen.append(w)
            try:
                handler(w)
            except BaseException:
                # a failed check inside the dialog must fail the test, not leave the dialog (and the test) waiting
                if w.isVisible():
                    (w.reject if isinstance(w, QDialog) else w.close)()
                raise
            return
        if left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def click(w: QWidget) -> None:
        assert isinstance(w, QMessageBox), w
        b = w.button(button)
        assert b is not None
        b.click()

    return click
