"""The case list: round/month selector, search, status filter with counts, and the table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import CaseStatus, RoundStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.case_table import CaseFilterProxy, CaseTableModel, Col
from review_tool.services.dto import CaseRow, RoundDTO


class CaseBrowser(QWidget):
    """Attributes:
    model / proxy: the rows and their filter (search text, status, only mine).
    rounds: the round selector (a month's round, or every case).
    """

    open_requested = Signal(int, object)  # case id, round id
    round_changed = Signal(object)  # round id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._rounds: list[RoundDTO] = []
        self._personal: bool | None = None

        self.rounds = QComboBox(self)
        self.rounds.setMinimumWidth(220)
        self.rounds.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rounds.setToolTip(self.tr("The month's review round (例会), or every case in the database"))
        self.rounds.currentIndexChanged.connect(self._round_chosen)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search case no., party, unit, handler… (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(lambda: self.proxy.set_text(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.focus_table)
        self.status = QComboBox(self)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.setToolTip(self.tr("Show only cases in this status"))
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.mine = QCheckBox(self.tr("Only cases assigned to me"), self)
        self.mine.setToolTip(self.tr("Cases of the round assigned to you for review, and those you have reviewed"))
        self.mine.toggled.connect(self.proxy.set_mine)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the service's order (latest closed first) until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(Col.PARTY, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("color: #444;")
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged):
            sig.connect(self._show_counts)  # the filters change what is shown
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 14px;")
        self.empty.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round"), self))
        top.addWidget(self.rounds)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.mine)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty, 1)
        lay.addWidget(self.counts)
        self._fill_status_combo()

    # -- data -----------------------------------------------------------------------------------------
    def set_rounds(self, rounds: list[RoundDTO], current: int | None) -> None:
        self._rounds = list(rounds)
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in rounds:
            self.rounds.addItem(self.tr("{month}　{title}　{n} cases, {status}").format(
                month=r.month, title=r.title, n=r.cases, status=labels.label(r.status)), r.id)
        self.rounds.addItem(self.tr("All cases (no round)"), None)
        i = self.rounds.findData(current)
        self.rounds.setCurrentIndex(i if i >= 0 else 0)
        self.rounds.blockSignals(False)

    def current_round(self) -> int | None:
        return self.rounds.currentData()

    def current_round_dto(self) -> RoundDTO | None:
        rid = self.current_round()
        return next((r for r in self._rounds if r.id == rid), None)

    def set_rows(self, rows: list[CaseRow], *, personal: bool = True) -> None:
        """Show the rows; `personal`: a reviewer's list (their own score and grade, not the case's;
        on first showing, only the cases assigned to them)."""
        if self._personal is not personal:
            self._personal = personal
            self.mine.setChecked(personal)
        selected = self.selected_case()
        rnd = self.current_round_dto()
        hide = bool(rnd and rnd.hide_handler and personal and rnd.status is not RoundStatus.FINALISED)
        self.model.set_rows(rows, hide_handlers=hide, personal=personal)
        self._size_columns()
        self._fill_status_combo()
        self._show_counts()
        if selected is not None:
            self.select_case(selected)
        elif rows:
            self.table.selectRow(0)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if not rows:
            self.empty.setText(self.tr("No cases here yet. Import a month's case files (File ▸ Import, Ctrl+I), "
                                       "or choose another round."))

    def update_row(self, row: CaseRow) -> None:
        self.model.update_row(row)
        self._show_counts()

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        hh = self.table.horizontalHeader()
        for col, most in ((Col.DOC_NO, 320), (Col.TYPE, 240), (Col.UNIT, 220), (Col.HANDLERS, 180)):
            hh.resizeSection(col, min(most, hh.sectionSize(col) + 24))  # room for the sort arrow
        for col in (Col.STATUS, Col.PROGRESS, Col.SCORE, Col.GRADE):
            hh.resizeSection(col, max(hh.sectionSize(col), 80))

    def _fill_status_combo(self) -> None:
        counts = self.model.status_counts()
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All statuses ({n})").format(n=sum(counts.values())), None)
        for s in CaseStatus:
            if counts.get(s):
                self.status.addItem(f"{labels.label(s)} ({counts[s]})", s)
        i = self.status.findData(current)
        self.status.setCurrentIndex(max(0, i))
        self.status.blockSignals(False)
        self.proxy.set_status(self.status.currentData())

    def _show_counts(self, *_: object) -> None:
        """'37 cases: …' — or '7 of 37 cases shown: …' when the search or a filter hides some."""
        counts = self.model.status_counts()
        total, shown = sum(counts.values()), self.proxy.rowCount()
        parts = [f"{labels.label(s)} {counts[s]}" for s in CaseStatus if counts.get(s)]
        head = (self.tr("{n} cases").format(n=total) if shown == total
                else self.tr("{shown} of {n} cases shown").format(shown=shown, n=total))
        self.counts.setText(head + ("：" + " · ".join(parts) if parts else ""))

    # -- selection ----------------------------------------------------------------------------------------
    def selected_case(self) -> int | None:
        row: CaseRow | None = self.table.currentIndex().data(ROW_ROLE)
        return row.id if row else None

    def select_case(self, case_id: int) -> None:
        src = self.model.row_of(case_id)
        if src < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(src, 0))
        if idx.isValid():
            self.table.selectRow(idx.row())
            self.table.scrollTo(idx)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is not None:
            self.open_requested.emit(case_id, self.current_round())

    def _activated(self, index: QModelIndex) -> None:
        row: CaseRow | None = index.data(ROW_ROLE)
        if row is not None:
            self.open_requested.emit(row.id, self.current_round())

    def _round_chosen(self, _i: int) -> None:
        self.round_changed.emit(self.current_round())

    def _status_chosen(self, _i: int) -> None:
        self.proxy.set_status(self.status.currentData())
