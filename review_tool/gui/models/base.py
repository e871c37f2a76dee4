"""The structure the item models share: flat tables of rows and trees with two levels.

Subclasses set `CONTEXT` (the translation context) and `HEADERS` (column → untranslated title, marked
with QT_TRANSLATE_NOOP) and answer `data()`; the counting and the headers are written here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from review_tool.i18n import translate

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A flat table over a list of DTOs (`_rows`)."""

    CONTEXT = ""
    HEADERS: Mapping[int, str] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header_text(self, section: int) -> str | None:
        """The column's title (override to vary it)."""
        return translate(self.CONTEXT, self.HEADERS[section]) if section in self.HEADERS else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None


class TwoLevelModel(QAbstractItemModel):
    """Top-level rows have internal id 0; a child's internal id is its parent's row + 1, so `parent()`
    needs no lookup. Subclasses say how many groups there are and how many children a group has."""

    CONTEXT = ""
    HEADERS: Mapping[int, str] = {}

    def group_count(self) -> int:
        raise NotImplementedError

    def child_count(self, group: int) -> int:
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not (0 <= column < len(self.HEADERS)):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < self.group_count() else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= self.group_count() or row >= self.child_count(group):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.group_count()
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < self.group_count():
            return self.child_count(parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section in self.HEADERS):
            return translate(self.CONTEXT, self.HEADERS[section])
        return None
