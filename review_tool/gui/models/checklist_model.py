"""The checklist of a review as a two-level tree: sections, then their items.

Section rows carry the live subtotal; item rows the result. A new `ReviewDTO`
(after every autosaved change) updates only the rows that changed, so the
selection and scroll position stay put.
"""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from review_tool.domain.checklist import Item, Section
from review_tool.domain.enums import Outcome
from review_tool.gui import labels
from review_tool.gui.models import ID_ROLE, KIND_ROLE, ROW_ROLE
from review_tool.gui.models.base import TwoLevelModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.scoring.engine import SectionScore
from review_tool.services.dto import ItemResultDTO, ReviewDTO

Index = QModelIndex | QPersistentModelIndex
CTX = "ChecklistModel"

OUTCOME_COLOURS = {
    Outcome.PASS: QColor("#1d7a35"),
    Outcome.DEDUCT: QColor("#c0392b"),
    Outcome.NOT_APPLICABLE: QColor("#6b6b6b"),
}
UNREVIEWED_COLOUR = QColor("#b36b00")


ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
    ROW_ROLE, ID_ROLE, KIND_ROLE,
})


class Col(IntEnum):
    ITEM = 0
    POINTS = 1
    RESULT = 2
    DEDUCTED = 3


HEADERS = {
    Col.ITEM: QT_TRANSLATE_NOOP("ChecklistModel", "Item"),
    Col.POINTS: QT_TRANSLATE_NOOP("ChecklistModel", "Points"),
    Col.RESULT: QT_TRANSLATE_NOOP("ChecklistModel", "Result"),
    Col.DEDUCTED: QT_TRANSLATE_NOOP("ChecklistModel", "Deducted"),
}


class ChecklistModel(TwoLevelModel):
    """Sections (top level, internal id 0) and items (internal id = section row + 1).

    Attributes:
        _review: the review shown (its checklist, results and live score).
        _sections: the checklist's sections, in order.
        _pending: outcomes sent to the database and not yet confirmed (shown in italics).
    """

    CONTEXT = CTX
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review: ReviewDTO | None = None
        self._sections: tuple[Section, ...] = ()
        self._pending: dict[str, Outcome | None] = {}
        self._cache: dict[tuple[int, int, int, int], Any] = {}

    # -- data in -----------------------------------------------------------------------------
    def set_review(self, review: ReviewDTO) -> None:
        """Show `review`; a review of the same checklist only updates the rows that changed."""
        old = self._review
        same = old is not None and old.id == review.id and old.checklist_version_id == review.checklist_version_id
        self._cache.clear()
        if not same:
            self.beginResetModel()
            self._review = review
            self._sections = review.checklist.sections
            self._pending.clear()
            self.endResetModel()
            return
        assert old is not None
        self._review = review
        for item_id in set(old.results) | set(review.results) | set(self._pending):
            if old.results.get(item_id) != review.results.get(item_id) or item_id in self._pending:
                self._pending.pop(item_id, None)
                idx = self.index_of(item_id)
                if idx.isValid():
                    self.dataChanged.emit(idx, idx.siblingAtColumn(len(Col) - 1))
        if self._sections:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sections) - 1, len(Col) - 1))

    def set_pending(self, item_id: str, outcome: Outcome | None) -> None:
        """Show an outcome as sent but not yet saved."""
        self._pending[item_id] = outcome
        self._cache.clear()
        idx = self.index_of(item_id)
        if idx.isValid():
            self.dataChanged.emit(idx, idx.siblingAtColumn(len(Col) - 1))

    def clear_pending(self) -> None:
        items = list(self._pending)
        self._pending.clear()
        self._cache.clear()
        for item_id in items:
            idx = self.index_of(item_id)
            if idx.isValid():
                self.dataChanged.emit(idx, idx.siblingAtColumn(len(Col) - 1))

    @property
    def review(self) -> ReviewDTO | None:
        return self._review

    # -- navigation helpers ----------------------------------------------------------------------
    def item_ids(self) -> list[str]:
        return [i.id for s in self._sections for i in s.items]

    def index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        for si, s in enumerate(self._sections):
            for ii, it in enumerate(s.items):
                if it.id == item_id:
                    return self.createIndex(ii, column, si + 1)
        return QModelIndex()

    def item_at(self, index: Index) -> Item | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        s = self._sections[index.internalId() - 1]
        return s.items[index.row()] if 0 <= index.row() < len(s.items) else None

    def result(self, item_id: str) -> ItemResultDTO | None:
        return self._review.results.get(item_id) if self._review else None

    # -- Qt structure ------------------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._sections)

    def child_count(self, group: int) -> int:
        return len(self._sections[group].items)

    # -- Qt data ------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for ~9 roles per cell on every paint: answer unknown roles at once and remember the
        # rest until the review changes (painting a 60-item checklist stays a few milliseconds).
        if role not in ROLES or self._review is None or not index.isValid():
            return None
        key = (index.internalId(), index.row(), index.column(), role)
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = self._data(index, role)
        self._cache[key] = value
        return value

    def _data(self, index: Index, role: int) -> Any:
        if index.internalId() == 0:
            if index.row() >= len(self._sections):
                return None
            return self._section_data(index.row(), index.column(), role)
        item = self.item_at(index)
        if item is None:
            return None
        return self._item_data(item, index.column(), role)

    def _section_score(self, row: int) -> SectionScore | None:
        assert self._review is not None
        scores = self._review.score.sections
        return scores[row] if row < len(scores) else None

    def _section_data(self, row: int, col: int, role: int) -> Any:
        s = self._sections[row]
        sc = self._section_score(row)
        if role == KIND_ROLE:
            return "section"
        if role == ID_ROLE:
            return s.id
        if role == ROW_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.ITEM:
                return s.title
            if col == Col.POINTS:
                return labels.points(s.points)
            if col == Col.RESULT and sc is not None:
                return translate("ChecklistModel", "{done}/{total} done").format(done=sc.reviewed, total=sc.items)
            if col == Col.DEDUCTED and sc is not None:
                if s.points == 0:
                    return ""
                return translate("ChecklistModel", "{score} left").format(score=labels.points(sc.score))
            return ""
        if role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef2f7"))
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.RESULT and sc is not None:
            return QBrush(OUTCOME_COLOURS[Outcome.PASS] if sc.reviewed == sc.items else UNREVIEWED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != Col.ITEM:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _item_data(self, item: Item, col: int, role: int) -> Any:
        assert self._review is not None
        r = self._review.results.get(item.id)
        pending = item.id in self._pending
        outcome = self._pending[item.id] if pending else (r.outcome if r else None)
        if role == KIND_ROLE:
            return "item"
        if role == ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.ITEM:
                veto = translate("ChecklistModel", "[Veto] ") if item.veto is not None else ""
                return f"{item.id}  {veto}{item.text}"
            if col == Col.POINTS:
                return labels.points(item.points) if item.points else "—"
            if col == Col.RESULT:
                text = labels.label(outcome)
                return text + "…" if pending else text
            if col == Col.DEDUCTED:
                if pending or r is None or r.outcome is not Outcome.DEDUCT:
                    return ""
                return "−" + labels.points(r.points) if r.points else translate("ChecklistModel", "veto")
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.ITEM:
            parts = [f"{item.id} {item.text}", labels.rule_text(item)]
            if item.veto is not None:
                parts.append(labels.label(item.veto))
            if item.guidance:
                parts.append(translate("ChecklistModel", "What to look at: {text}").format(text=item.guidance))
            if item.basis:
                parts.append(translate("ChecklistModel", "Basis: {text}").format(text=item.basis))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (Col.RESULT, Col.DEDUCTED):
                return QBrush(OUTCOME_COLOURS.get(outcome, UNREVIEWED_COLOUR) if outcome else UNREVIEWED_COLOUR)
            if col == Col.ITEM and outcome is Outcome.NOT_APPLICABLE:
                return QBrush(OUTCOME_COLOURS[Outcome.NOT_APPLICABLE])
        if role == Qt.ItemDataRole.FontRole and pending:
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col != Col.ITEM:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def deducted_total(review: ReviewDTO) -> Decimal:
    return sum((r.points for r in review.results.values() if r.outcome is Outcome.DEDUCT), Decimal(0))
