"""A case's facts as the import read them: each field with its value, the page it came from and its source
(卷宗 / 台账 / 案件信息文件). Where the register and the file disagree, both values are listed first and
marked — the tool never picks one silently. Double-click (or Enter) on a row shows its page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
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

from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.base import Index, TableModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.dto import CaseDetail, FieldDTO

CTX = "CaseInfoModel"
DISAGREE = QColor("#fde2e1")
HEADERS = {
    0: QT_TRANSLATE_NOOP("CaseInfoModel", "Field"),
    1: QT_TRANSLATE_NOOP("CaseInfoModel", "Value"),
    2: QT_TRANSLATE_NOOP("CaseInfoModel", "Page"),
    3: QT_TRANSLATE_NOOP("CaseInfoModel", "Source"),
}
SOURCES = {
    "pdf": QT_TRANSLATE_NOOP("CaseInfoModel", "case file"),
    "register": QT_TRANSLATE_NOOP("CaseInfoModel", "case register"),
    "metadata": QT_TRANSLATE_NOOP("CaseInfoModel", "case.json"),
    "manual": QT_TRANSLATE_NOOP("CaseInfoModel", "entered by hand"),
    "folder": QT_TRANSLATE_NOOP("CaseInfoModel", "folder name"),
    "file_name": QT_TRANSLATE_NOOP("CaseInfoModel", "file name"),
}


class CaseInfoModel(TableModel):
    """Rows: the fields in disagreement first (every source's value), then the others in file order."""

    CONTEXT = CTX
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._disputed: set[str] = set()
        self._case_type_name: Callable[[str], str] = str

    def set_detail(self, detail: CaseDetail, case_type_name: Callable[[str], str]) -> None:
        self.beginResetModel()
        self._case_type_name = case_type_name
        self._disputed = {d.name for d in detail.disagreements}
        first = [f for d in detail.disagreements for f in d.values]
        rest = [f for f in detail.fields if f.name not in self._disputed]
        self._rows = first + rest
        self.endResetModel()

    def disputed(self) -> set[str]:
        return set(self._disputed)

    def value_text(self, f: FieldDTO) -> str:
        if f.name == "case_type":
            return self._case_type_name(f.value)
        if f.name.endswith("_fen"):
            try:
                return labels.money(int(f.value))
            except ValueError:
                return f.value
        return f.value.replace("T", " ") if f.name.endswith(("_at", "_start", "_end", "_until")) else f.value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        f: FieldDTO = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f.title or f.name
            if col == 1:
                return self.value_text(f)
            if col == 2:
                return str(f.page) if f.page else ""
            return translate(CTX, SOURCES[f.source]) if f.source in SOURCES else f.source
        if role == Qt.ItemDataRole.BackgroundRole and f.name in self._disputed:
            return QBrush(DISAGREE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if f.name in self._disputed:
                return translate("CaseInfoModel", "The register and the case file disagree: both values are kept; "
                                      "check the page")
            return f.raw or None
        return None


class CaseInfoDialog(QDialog):
    """Attributes:
    model: the case's fields; `page_requested(file_id, page)` is called on double-click / Enter.
    """

    def __init__(self, detail: CaseDetail, *, case_type_name: Callable[[str], str],
                 show_page: Callable[[int | None, int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._show_page = show_page
        row = detail.row
        self.setWindowTitle(self.tr("Case facts: {case}").format(case=row.doc_no))
        self.resize(860, 560)
        self.model = CaseInfoModel(self)
        self.model.set_detail(detail, case_type_name)
        lay = QVBoxLayout(self)
        n = len(detail.disagreements)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        if n:
            self.summary.setText(self.tr("{n} field(s) read differently from the case register and the case "
                                         "file (red): both values are kept, none was chosen for you.").format(n=n))
            self.summary.setStyleSheet("color: #a61b1b;")
        else:
            self.summary.setText(self.tr("{n} facts read from the case file and the register; double-click a "
                                         "row to see its page.").format(n=len(detail.fields)))
        lay.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._go)
        self.table.doubleClicked.connect(self._go)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def _go(self, index: QModelIndex) -> None:
        f: FieldDTO | None = index.data(ROW_ROLE)
        if f is not None and f.page:
            self._show_page(f.file_id, f.page)
            self.accept()
