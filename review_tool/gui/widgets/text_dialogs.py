"""Small text dialogs: an item's note, and a required reason (for reopening, or changing a reopened review)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from review_tool.gui import labels


class NoteDialog(QDialog):
    """Edit a note; Ctrl+Enter saves (Enter is a new line)."""

    def __init__(self, *, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)
        lay.addWidget(self.edit)
        hint = QLabel(self.tr("Ctrl+Enter saves"), self)
        hint.setStyleSheet("color: #666;")
        lay.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class ReasonDialog(QDialog):
    """Ask for a reason that may not be empty."""

    def __init__(self, *, title: str, prompt: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.edit = QLineEdit(self)
        self.edit.setText(text)
        self.edit.selectAll()
        lay.addWidget(self.edit)
        self.hint = QLabel(self)
        self.hint.setStyleSheet(labels.ERROR_STYLE)
        lay.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _check(self) -> None:
        if not self.edit.text().strip():
            self.hint.setText(self.tr("A reason is required."))
            return
        self.accept()

    def text(self) -> str:
        return self.edit.text().strip()


def ask_reason(parent: QWidget, *, title: str, prompt: str, text: str = "") -> str | None:
    dlg = ReasonDialog(title=title, prompt=prompt, text=text, parent=parent)
    return dlg.text() if exec_dialog(dlg) else None


def exec_dialog(dlg: QDialog) -> bool:
    """Run a modal dialog; True if accepted. The dialog is deleted afterwards (parented dialogs would pile
    up otherwise); read its values right after this returns, before the event loop runs again."""
    try:
        return dlg.exec() == QDialog.DialogCode.Accepted
    finally:
        dlg.deleteLater()
