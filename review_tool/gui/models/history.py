"""A review's history (audit events) as a table: when, who, what, before → after, why."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from review_tool.domain.enums import Outcome, ReviewStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.base import TableModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.dto import HistoryEntry

Index = QModelIndex | QPersistentModelIndex
CTX = "HistoryModel"


class Col(IntEnum):
    AT = 0
    ACTOR = 1
    ACTION = 2
    ITEM = 3
    BEFORE = 4
    AFTER = 5
    REASON = 6


HEADERS = {
    Col.AT: QT_TRANSLATE_NOOP("HistoryModel", "When"),
    Col.ACTOR: QT_TRANSLATE_NOOP("HistoryModel", "Who"),
    Col.ACTION: QT_TRANSLATE_NOOP("HistoryModel", "What"),
    Col.ITEM: QT_TRANSLATE_NOOP("HistoryModel", "Item"),
    Col.BEFORE: QT_TRANSLATE_NOOP("HistoryModel", "Before"),
    Col.AFTER: QT_TRANSLATE_NOOP("HistoryModel", "After"),
    Col.REASON: QT_TRANSLATE_NOOP("HistoryModel", "Reason for the change"),
}

ACTIONS = {
    "review_start": QT_TRANSLATE_NOOP("HistoryModel", "Started the review"),
    "item_result": QT_TRANSLATE_NOOP("HistoryModel", "Rated an item"),
    "item_note": QT_TRANSLATE_NOOP("HistoryModel", "Edited a note"),
    "item_clear": QT_TRANSLATE_NOOP("HistoryModel", "Cleared an item"),
    "mark_remaining_pass": QT_TRANSLATE_NOOP("HistoryModel", "Marked the rest as passing"),
    "review_submit": QT_TRANSLATE_NOOP("HistoryModel", "Submitted"),
    "review_reopen": QT_TRANSLATE_NOOP("HistoryModel", "Reopened"),
}


def describe(value: dict[str, Any] | None) -> str:
    """An item result (as stored in the audit log) in a few words."""
    if not value:
        return "—"
    if "outcome" in value:
        try:
            outcome = Outcome(value["outcome"])
        except ValueError:
            return str(value)
        text = labels.label(outcome)
        if outcome is Outcome.DEDUCT:
            text += " −" + labels.points(Decimal(str(value.get("points") or 0)))
            if value.get("occurrences"):
                text += translate("HistoryModel", " ({n}×)").format(n=value["occurrences"])
            if value.get("reason"):
                text += translate("HistoryModel", ": {reason}").format(reason=value["reason"])
        pages = [p["page"] if isinstance(p, dict) else p for p in value.get("pages") or []]
        if pages:
            text += translate("HistoryModel", " [p. {pages}]").format(pages=labels.pages_text(pages))
        if value.get("note"):
            text += translate("HistoryModel", " — note: {note}").format(note=value["note"])
        return text
    if "items" in value:
        return translate("HistoryModel", "{n} items").format(n=len(value["items"]))
    if "total" in value:
        return translate("HistoryModel", "total {total}, {grade}").format(total=value.get("total"), grade=value.get("grade"))
    if "status" in value:
        try:
            return labels.label(ReviewStatus(value["status"]))
        except ValueError:
            return str(value["status"])
    return ", ".join(f"{k}: {v}" for k, v in value.items() if k != "item")


class HistoryModel(TableModel):
    """Attributes:
    _rows: the history entries, oldest first.
    """

    CONTEXT = CTX
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryEntry] = []

    def set_entries(self, rows: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        e = self._rows[index.row()]
        if role == ROW_ROLE:
            return e
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = Col(index.column())
            if col == Col.AT:
                return labels.local_time(e.at, "%Y-%m-%d %H:%M:%S")
            if col == Col.ACTOR:
                return e.actor
            if col == Col.ACTION:
                return translate(CTX, ACTIONS[e.action]) if e.action in ACTIONS else e.action
            if col == Col.ITEM:
                return e.item_id or ""
            if col == Col.BEFORE:
                return describe(e.before) if e.action.startswith("item_") else ""
            if col == Col.AFTER:
                return describe(e.after)
            if col == Col.REASON:
                return e.reason
        return None
