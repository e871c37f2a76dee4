"""Dialogs the legal officer uses to set up a month's round: a new round (month, selection rule, seed,
reviewers per case, blind review), a case added by hand (with the reason), a case's reviewers changed by hand.

They only gather and check input; the services do the work (and refuse what breaks the rules), called
by the main window and the meeting window on the DB worker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import AssignmentStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.rows import RowsModel, row_table
from review_tool.i18n import QT_TRANSLATE_NOOP

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _buttons(dialog: QDialog, accept: Any) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(accept)
    box.rejected.connect(dialog.reject)
    return box


def _hint(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(labels.ERROR_STYLE)
    label.setWordWrap(True)
    return label


@dataclass(frozen=True)
class RuleChoice:
    name: str
    title: str
    description: str


@dataclass(frozen=True)
class NewRound:
    month: str
    rule: str
    seed: int | None
    per_case: int
    blind: bool
    hide_handler: bool


def case_months(closed_on: Sequence[Any]) -> list[tuple[str, int]]:
    """Months with closed cases, newest first, and how many closed in each."""
    counts = Counter(f"{d.year}-{d.month:02d}" for d in closed_on if d is not None)
    return sorted(counts.items(), reverse=True)


class NewRoundDialog(QDialog):
    """The month's round: which month, which selection rule, the seed of the draw (blank: a fresh one,
    recorded in the round), how many reviewers per case, blind review, the handler hidden from reviewers."""

    def __init__(self, *, months: list[tuple[str, int]], taken: set[str], rules: list[RuleChoice], default_rule: str,
                 per_case: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New round for a month"))
        self.setMinimumWidth(520)
        self.taken = taken
        self.result: NewRound | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.month = QComboBox(self)
        self.month.setEditable(True)
        self.month.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for month, n in months:
            text = self.tr("{month} ({n} cases closed)").format(month=month, n=n)
            if month in taken:
                text += self.tr(" — has a round")
            self.month.addItem(text, month)
        first_free = next((i for i, (m, _n) in enumerate(months) if m not in taken), -1)
        self.month.setCurrentIndex(first_free)
        line = self.month.lineEdit()
        assert line is not None
        line.setPlaceholderText("YYYY-MM")
        form.addRow(self.tr("Month"), self.month)
        self.rule = QComboBox(self)
        for r in rules:
            self.rule.addItem(r.title or r.name, r.name)
            self.rule.setItemData(self.rule.count() - 1, r.description or r.title, Qt.ItemDataRole.ToolTipRole)
        self.rule.setCurrentIndex(max(0, self.rule.findData(default_rule)))
        form.addRow(self.tr("Selection rule"), self.rule)
        self.rule_text = QLabel(self)
        self.rule_text.setWordWrap(True)
        self.rule_text.setStyleSheet("color: #444;")
        form.addRow("", self.rule_text)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("blank: a new seed, recorded in the round"))
        self.seed.setToolTip(self.tr("The random draw of sampled cases is reproducible from this number"))
        form.addRow(self.tr("Seed of the draw"), self.seed)
        self.per_case = QSpinBox(self)
        self.per_case.setRange(1, 5)
        self.per_case.setValue(per_case)
        form.addRow(self.tr("Reviewers per case"), self.per_case)
        self.blind = QCheckBox(self.tr("Blind review: reviewers see the others' results only after submitting"), self)
        self.blind.setChecked(True)
        form.addRow("", self.blind)
        self.hide_handler = QCheckBox(self.tr("Hide the handler's name from reviewers"), self)
        form.addRow("", self.hide_handler)
        self.hint = _hint(self)
        lay.addWidget(self.hint)
        lay.addWidget(_buttons(self, self.try_accept))

    def _rule_changed(self) -> None:
        self.rule_text.setText(str(self.rule.currentData(Qt.ItemDataRole.ToolTipRole) or ""))

    def month_text(self) -> str:
        i = self.month.currentIndex()
        if i >= 0 and self.month.currentText() == self.month.itemText(i):
            return str(self.month.itemData(i))
        return self.month.currentText().strip()

    def try_accept(self) -> bool:
        month = self.month_text()
        if not MONTH.match(month):
            self.hint.setText(self.tr("Enter the month as YYYY-MM, e.g. 2026-11."))
            return False
        if month in self.taken:
            self.hint.setText(self.tr("{month} already has a round: choose it in the case list.").format(month=month))
            return False
        seed_text = self.seed.text().strip()
        if seed_text and not seed_text.isdigit():
            self.hint.setText(self.tr("The seed is a whole number (or blank)."))
            return False
        self.result = NewRound(month=month, rule=str(self.rule.currentData()),
                               seed=int(seed_text) if seed_text else None, per_case=self.per_case.value(),
                               blind=self.blind.isChecked(), hide_handler=self.hide_handler.isChecked())
        self.accept()
        return True


PICK_HEADERS = {
    0: QT_TRANSLATE_NOOP("CasePickerDialog", "Case no."), 1: QT_TRANSLATE_NOOP("CasePickerDialog", "Type"),
    2: QT_TRANSLATE_NOOP("CasePickerDialog", "Unit"), 3: QT_TRANSLATE_NOOP("CasePickerDialog", "Handlers"),
    4: QT_TRANSLATE_NOOP("CasePickerDialog", "Closed"),
}


def _pick_cell(c: Any, col: int) -> str:
    if col == 0:
        return str(c.doc_no)
    if col == 1:
        return str(c.case_type_name)
    if col == 2:
        return str(c.unit_name)
    if col == 3:
        return "、".join(c.handlers)
    return c.closed_on.isoformat() if c.closed_on else ""


class CasePickerDialog(QDialog):
    """A case to add to the round by hand: searchable list of the cases not in it, and the reason."""

    def __init__(self, cases: list[Any], *, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a case to the round"))
        self.resize(820, 520)
        self.chosen: Any = None
        self.reason_text = ""
        lay = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search case no., type, unit or handler"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        # this month's cases first, then the newest
        cases = sorted(cases, key=lambda c: (not (c.closed_on and c.closed_on.isoformat()[:7] == month),
                                             -(c.closed_on.toordinal() if c.closed_on else 0), c.doc_no))
        self.model = RowsModel("CasePickerDialog", PICK_HEADERS, _pick_cell, None, self)
        self.model.set_rows(cases)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = row_table(self, self.proxy, 0)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        lay.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: why the case is added by hand (kept in the audit trail)"))
        form.addRow(self.tr("Reason"), self.reason)
        lay.addLayout(form)
        self.hint = _hint(self)
        lay.addWidget(self.hint)
        lay.addWidget(_buttons(self, self.try_accept))
        self.search.setFocus()

    def try_accept(self) -> bool:
        case = self.table.currentIndex().data(ROW_ROLE)
        if case is None:
            self.hint.setText(self.tr("Choose a case in the list."))
            return False
        if not self.reason.text().strip():
            self.hint.setText(self.tr("Say why the case is added by hand."))
            return False
        self.chosen, self.reason_text = case, self.reason.text().strip()
        self.accept()
        return True


@dataclass(frozen=True)
class ReviewerChange:
    add: int | None
    remove: int | None
    reason: str


class ReviewersDialog(QDialog):
    """Change a case's reviewers by hand: take one off (if they have not begun), put one on, or both.
    The services check the constraints; a change that breaks one is confirmed separately and recorded."""

    def __init__(self, case: Any, workload: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reviewers of {case}").format(case=case.doc_no))
        self.setMinimumWidth(560)
        self.result: ReviewerChange | None = None
        lay = QVBoxLayout(self)
        about = QLabel(self.tr("{case}: handled by {handlers} ({unit})").format(
            case=case.doc_no, handlers="、".join(case.handlers) or "—", unit=case.handler_unit or "—"), self)
        about.setWordWrap(True)
        lay.addWidget(about)
        form = QFormLayout()
        lay.addLayout(form)
        active = [s for s in case.reviewers if s.status is not AssignmentStatus.WITHDRAWN]
        now = QLabel("；".join(f"{s.name}（{s.unit}）" + (f" {labels.label(s.review_status)}" if s.review_status
                                                        else "") for s in active) or "—", self)
        now.setWordWrap(True)
        form.addRow(self.tr("Now"), now)
        self.remove = QComboBox(self)
        self.remove.addItem(self.tr("(nobody)"), None)
        for s in active:
            text = f"{s.name}（{s.unit}）"
            if s.review_status is not None:
                text += self.tr(" — has begun, stays")
            self.remove.addItem(text, s.reviewer_id)
            if s.review_status is not None:  # a begun review is never discarded
                self.remove.model().item(self.remove.count() - 1).setEnabled(False)  # type: ignore[attr-defined]
        form.addRow(self.tr("Take off"), self.remove)
        on_case = {s.reviewer_id for s in active}
        self.add = QComboBox(self)
        self.add.addItem(self.tr("(nobody)"), None)
        for w in sorted(workload, key=lambda w: (not w.available, w.cases, w.name)):
            if w.reviewer_id in on_case:
                continue
            text = self.tr("{name} ({unit}) — {n} cases, {pages} pages").format(
                name=w.name, unit=w.unit, n=w.cases, pages=w.pages)
            if not w.available:
                text += self.tr(" — not available")
            self.add.addItem(text, w.reviewer_id)
        form.addRow(self.tr("Put on"), self.add)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: why the assignment is changed (kept in the audit trail)"))
        form.addRow(self.tr("Reason"), self.reason)
        self.hint = _hint(self)
        lay.addWidget(self.hint)
        lay.addWidget(_buttons(self, self.try_accept))

    def try_accept(self) -> bool:
        add, remove = self.add.currentData(), self.remove.currentData()
        if add is None and remove is None:
            self.hint.setText(self.tr("Choose a reviewer to take off or to put on."))
            return False
        if not self.reason.text().strip():
            self.hint.setText(self.tr("Say why the assignment is changed by hand."))
            return False
        self.result = ReviewerChange(add=add, remove=remove, reason=self.reason.text().strip())
        self.accept()
        return True


@dataclass(frozen=True)
class ConflictChoice:
    case_id: int | None
    unit_id: int | None
    reason: str


class ConflictDialog(QDialog):
    """A reviewer declares a conflict of interest (回避申报): with this case, or with every case of its unit."""

    def __init__(self, case: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Declare a conflict of interest (回避)"))
        self.setMinimumWidth(520)
        self.case = case
        self.result: ConflictChoice | None = None
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("A declared conflict keeps you off these cases in future assignments; if you are "
                              "already assigned, the legal officer is told to change the reviewers."), self)
        text.setWordWrap(True)
        lay.addWidget(text)
        form = QFormLayout()
        lay.addLayout(form)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("This case: {case}").format(case=case.doc_no), "case")
        if case.unit_id is not None:
            self.target.addItem(self.tr("Every case of {unit}").format(unit=case.unit_name), "unit")
        form.addRow(self.tr("With"), self.target)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Required: e.g. the party is a relative (kept with the declaration)"))
        form.addRow(self.tr("Reason"), self.reason)
        self.hint = _hint(self)
        lay.addWidget(self.hint)
        lay.addWidget(_buttons(self, self.try_accept))
        self.reason.setFocus()

    def try_accept(self) -> bool:
        if not self.reason.text().strip():
            self.hint.setText(self.tr("Give the reason for the conflict of interest."))
            return False
        on_unit = self.target.currentData() == "unit"
        self.result = ConflictChoice(case_id=None if on_unit else self.case.id,
                                     unit_id=self.case.unit_id if on_unit else None, reason=self.reason.text().strip())
        self.accept()
        return True
