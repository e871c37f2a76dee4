"""A table whose cells come from a function of the row: the small tables of the round's windows,
and the table view they sit in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.base import Index, TableModel

log = logging.getLogger(__name__)


class RowsModel(TableModel):
    """A table whose cells come from a function of the row (and column): small tables of the round and meeting windows."""

    def __init__(self, context: str, headers: dict[int, str], cell: Callable[[Any, int], str],
                 background: Callable[[Any], QColor | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.CONTEXT, self.HEADERS = context, headers
        self._cell, self._background = cell, background

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_headers(self, headers: dict[int, str]) -> None:
        self.beginResetModel()
        self.HEADERS = headers
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            try:
                return self._cell(row, index.column())
            except Exception:  # an exception inside data() takes PySide 6.12 down: log it, show nothing
                log.exception("cell %s,%s of %s", index.row(), index.column(), self.CONTEXT)
                return ""
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row)
            return QBrush(colour) if colour is not None else None
        return None


def row_table(parent: QWidget, model: QAbstractItemModel, stretch: int) -> QTableView:
    t = QTableView(parent)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setWordWrap(False)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t
