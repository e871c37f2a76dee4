"""我是谁: choose who is using the tool (remembered per database)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_tool.gui import labels
from review_tool.services.dto import UserDTO


class UserChooser(QDialog):
    def __init__(self, users: list[UserDTO], *, last: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumSize(380, 360)
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("Choose your name. Reviews, deductions and every change are recorded under it."),
                      self)
        text.setWordWrap(True)
        lay.addWidget(text)
        self.list = QListWidget(self)
        for u in users:
            item = QListWidgetItem(f"{u.name}　{labels.label(u.role)}　{u.unit_name}")
            item.setData(Qt.ItemDataRole.UserRole, u.name)
            self.list.addItem(item)
            if u.name == last:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.list.setFocus()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
