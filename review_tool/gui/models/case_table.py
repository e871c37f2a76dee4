"""The case list: a table model over `CaseRow` DTOs, and its filter proxy."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from review_tool.domain.enums import CaseStatus, ReviewStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE, SORT_ROLE
from review_tool.gui.models.base import TableModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.dto import CaseRow

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    DOC_NO = 0
    TYPE = 1
    UNIT = 2
    PARTY = 3
    HANDLERS = 4
    STATUS = 5
    PROGRESS = 6
    SCORE = 7
    GRADE = 8


HEADERS = {
    Col.DOC_NO: QT_TRANSLATE_NOOP("CaseTableModel", "Case no."),
    Col.TYPE: QT_TRANSLATE_NOOP("CaseTableModel", "Type"),
    Col.UNIT: QT_TRANSLATE_NOOP("CaseTableModel", "Unit"),
    Col.PARTY: QT_TRANSLATE_NOOP("CaseTableModel", "Party"),
    Col.HANDLERS: QT_TRANSLATE_NOOP("CaseTableModel", "Handlers"),
    Col.STATUS: QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
    Col.PROGRESS: QT_TRANSLATE_NOOP("CaseTableModel", "My progress"),
    Col.SCORE: QT_TRANSLATE_NOOP("CaseTableModel", "Score"),
    Col.GRADE: QT_TRANSLATE_NOOP("CaseTableModel", "Grade"),
}
PERSONAL_HEADERS = {
    Col.SCORE: QT_TRANSLATE_NOOP("CaseTableModel", "My score"),
    Col.GRADE: QT_TRANSLATE_NOOP("CaseTableModel", "My grade"),
}

STATUS_COLOURS = {
    CaseStatus.UNDER_REVIEW: QColor("#b36b00"),
    CaseStatus.REVIEWED: QColor("#1d7a35"),
    CaseStatus.FINALISED: QColor("#1f4e99"),
}


class CaseTableModel(TableModel):
    """Rows of the case list.

    Attributes:
        _rows: the `CaseRow` DTOs shown, in the order the service returned them.
        _hide_handlers: the round is blind about handlers (承办人不公开).
        _personal: show the reviewer's own score and grade, never the case's (other reviewers' scores
            stay hidden from a reviewer: 交叉互评 is blind).
    """

    CONTEXT = "CaseTableModel"
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._hide_handlers = False
        self._personal = True

    # -- data in -----------------------------------------------------------------------------
    def set_rows(self, rows: list[CaseRow], *, hide_handlers: bool = False, personal: bool = True) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._hide_handlers = hide_handlers
        self._personal = personal
        self.endResetModel()

    def update_row(self, row: CaseRow) -> None:
        """Replace one case's row in place (after a review changed its progress or score)."""
        for i, old in enumerate(self._rows):
            if old.id == row.id:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Col) - 1))
                return

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def row_of(self, case_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    def status_counts(self) -> Counter[CaseStatus]:
        return Counter(r.status for r in self._rows)

    # -- Qt ------------------------------------------------------------------------------------
    def header_text(self, section: int) -> str | None:
        if self._personal and section in PERSONAL_HEADERS:  # 我的得分 rather than 得分 in a reviewer's list
            return translate(self.CONTEXT, PERSONAL_HEADERS[Col(section)])
        return super().header_text(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.DOC_NO:
                tip = translate("CaseTableModel", "{pages} pages, {recordings} recordings").format(
                    pages=r.pages, recordings=r.recordings)
                if r.file_problem:
                    tip += "\n" + translate("CaseTableModel", "A file of this case is missing or has changed")
                return tip
            return self._display(r, col) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (Col.SCORE, Col.GRADE) and self._personal and r.my_status is not ReviewStatus.SUBMITTED:
                return QBrush(QColor("#777777"))  # provisional: my review is not submitted yet
            if col == Col.STATUS and r.status in STATUS_COLOURS:
                return QBrush(STATUS_COLOURS[r.status])
            if col == Col.DOC_NO and r.file_problem:
                return QBrush(QColor(labels.ERROR_COLOUR))
        if role == Qt.ItemDataRole.DecorationRole and col == Col.DOC_NO and r.file_problem:
            return warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Col.SCORE, Col.PROGRESS, Col.GRADE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r: CaseRow, col: int) -> str:
        if col == Col.DOC_NO:
            return r.doc_no
        if col == Col.TYPE:
            return r.case_type_name
        if col == Col.UNIT:
            return r.unit_name
        if col == Col.PARTY:
            return r.party
        if col == Col.HANDLERS:
            return "—" if self._hide_handlers else "、".join(r.handlers)
        if col == Col.STATUS:
            return labels.label(r.status)
        if col == Col.PROGRESS:
            return progress_text(r)
        if col == Col.SCORE:
            score = r.my_score if self._personal else r.score
            return labels.points(score) if score is not None else ""
        if col == Col.GRADE:
            return (r.my_grade if self._personal else r.grade) or ""
        return ""

    def _sort_key(self, r: CaseRow, col: int) -> Any:
        if col == Col.SCORE:
            score = r.my_score if self._personal else r.score
            return float(score) if score is not None else -1.0
        if col == Col.PROGRESS:
            if r.my_status is ReviewStatus.SUBMITTED:
                return 2.0
            return (r.my_reviewed / r.my_items) if r.my_items else -1.0
        if col == Col.STATUS:
            return list(CaseStatus).index(r.status)
        if col == Col.DOC_NO:
            return r.doc_no
        if col == Col.HANDLERS:
            return "、".join(r.handlers)
        grade = r.my_grade if self._personal else r.grade
        return {Col.TYPE: r.case_type_name, Col.UNIT: r.unit_name, Col.PARTY: r.party,
                Col.GRADE: grade or ""}.get(col, "")


def warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()


def progress_text(r: CaseRow) -> str:
    if r.my_review_id is None:
        return ""
    if r.my_status is ReviewStatus.SUBMITTED:
        return labels.label(ReviewStatus.SUBMITTED)
    return f"{r.my_reviewed}/{r.my_items}"


class CaseFilterProxy(QSortFilterProxyModel):
    """Free-text search (every shown field and the party), plus a status filter and "only mine".

    Attributes:
        _words: every word must occur in the row's text (case-insensitive).
        _status: show only cases in this status (None: all).
        _mine: show only cases assigned to the current user (or that they have a review of).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status: CaseStatus | None = None
        self._mine = False
        self.setSortRole(SORT_ROLE)

    def set_text(self, pattern: str) -> None:
        self.beginFilterChange()
        self._words = [w.casefold() for w in pattern.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: CaseStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_mine(self, mine: bool) -> None:
        self.beginFilterChange()
        self._mine = mine
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: CaseRow | None = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        if self._status is not None and row.status is not self._status:
            return False
        if self._mine and row.my_review_id is None and not row.my_assigned:
            return False
        if self._words:
            hay = " ".join((row.doc_no, row.case_type_name, row.unit_name, "、".join(row.handlers), row.party,
                            labels.label(row.status), row.grade or "")).casefold()
            return all(w in hay for w in self._words)
        return True


def score_text(value: Decimal | None) -> str:
    return labels.points(value) if value is not None else ""
