"""The structure shared by the tree models with two levels (sections → items, files → documents).

Top-level rows have internal id 0; a child's internal id is its parent's row + 1, so `parent()` needs
no lookup. Subclasses say how many groups there are, how many children a group has, and their headers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from review_tool.i18n import translate

Index = QModelIndex | QPersistentModelIndex


class TwoLevelModel(QAbstractItemModel):
    """Subclasses set `CONTEXT` and `HEADERS` (column → untranslated title) and implement the two counts."""

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
