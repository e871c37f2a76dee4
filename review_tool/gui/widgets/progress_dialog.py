"""Progress of a long task, with Cancel. Appears only if the task takes a while (style §8.2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from review_tool.gui.tasks import Task

BUSY_CURSOR_MS = 300
SHOW_AFTER_MS = 600


class ProgressDialog(QDialog):
    """Follows a Task's progress; Cancel sets its CancelToken (the core stops at its next check)."""

    def __init__(self, task: Task, *, title: str, parent: QWidget | None = None, show_after_ms: int = SHOW_AFTER_MS
                 ) -> None:
        super().__init__(parent)
        self.task = task
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(440)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        lay = QVBoxLayout(self)
        self.message = QLabel(task.label or title, self)
        self.message.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        lay.addWidget(self.message)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        task.progressed.connect(self._progress)
        task.finished.connect(self._finished)
        self._cursor = False
        QTimer.singleShot(BUSY_CURSOR_MS, self._busy)
        QTimer.singleShot(show_after_ms, self._show)

    def _busy(self) -> None:
        if not self.task.done and not self._cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._cursor = True

    def _show(self) -> None:
        if not self.task.done:
            self.show()

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if message:
            self.message.setText(message)

    def cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Cancelling…"))

    def _finished(self, _ok: bool) -> None:
        if self._cursor:
            QApplication.restoreOverrideCursor()
            self._cursor = False
        self.accept()

    def reject(self) -> None:  # Esc cancels the task instead of hiding the dialog
        if not self.task.done:
            self.cancel()
        else:
            super().reject()
