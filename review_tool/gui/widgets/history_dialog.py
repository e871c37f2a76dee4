"""A review's history: every change with who, when, the value before and after, and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from review_tool.gui.models.history import Col, HistoryModel
from review_tool.gui.tasks import TaskRunner
from review_tool.services.dto import HistoryEntry, ReviewDTO


class HistoryDialog(QDialog):
    """Attributes:
    model: the entries, loaded on the DB worker when the dialog opens.
    """

    def __init__(self, *, runner: TaskRunner, review: ReviewDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the review of {case} by {reviewer}").format(
            case=review.doc_no, reviewer=review.reviewer_name))
        self.resize(1100, 520)
        self.model = HistoryModel(self)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Loading…"), self)
        lay.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        for c in (Col.AT, Col.ACTOR, Col.ACTION, Col.ITEM):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        for c in (Col.BEFORE, Col.AFTER, Col.REASON):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        review_id = review.id
        self.task = runner.db(lambda ws: ws.reviews.history(review_id), on_done=self._loaded,
                              on_error=lambda exc: self.summary.setText(str(exc)))

    def _loaded(self, entries: list[HistoryEntry]) -> None:
        self.model.set_entries(entries)
        changes = sum(1 for e in entries if e.action.startswith("item_") or e.action == "mark_remaining_pass")
        self.summary.setText(self.tr("{n} events, {changes} changes of results").format(
            n=len(entries), changes=changes))
        self.table.scrollToBottom()
