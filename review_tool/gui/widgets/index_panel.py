"""The document index of the case (click to jump), and the reviewer's fixes to it.

Fixes (retag a range, split, merge, add a range for a scanned document, remove) are
saved through `ws.cases.*`, which audits them and marks the ranges manual. The panel
only builds the request; the workspace runs it and reloads the index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import IndexSource
from review_tool.gui import labels
from review_tool.gui.models.document_index import Col, DocumentIndexModel
from review_tool.gui.widgets.text_dialogs import exec_dialog
from review_tool.services.dto import DocumentDTO, FileDTO

Apply = Callable[[Callable[[Any], Any]], None]


class DocTypeCombo(QComboBox):
    """The document vocabulary, searchable by typing part of a title or code."""

    def __init__(self, vocabulary: dict[str, str], current: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(self.tr("(unrecognised document)"), None)
        for code, title in vocabulary.items():
            self.addItem(f"{title}  [{code}]", code)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        i = self.findData(current)
        self.setCurrentIndex(max(0, i))

    def code(self) -> str | None:
        i = self.findText(self.currentText())
        return self.itemData(i) if i >= 0 else self.currentData()


class RangeDialog(QDialog):
    """Pages first..last of one file become one document of a chosen type."""

    def __init__(self, *, title: str, pages: int, first: int, last: int, vocabulary: dict[str, str],
                 doc_type: str | None = None, fixed_range: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.first = QSpinBox(self)
        self.last = QSpinBox(self)
        for spin, value in ((self.first, first), (self.last, last)):
            spin.setRange(1, max(1, pages))
            spin.setValue(value)
            spin.setEnabled(not fixed_range)
        self.type = DocTypeCombo(vocabulary, doc_type, self)
        self.type.setMinimumWidth(320)
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.first)
        pages_row.addWidget(QLabel("–"))
        pages_row.addWidget(self.last)
        pages_row.addStretch(1)
        form.addRow(self.tr("Pages"), pages_row)
        form.addRow(self.tr("Document type"), self.type)
        self.hint = QLabel(self)
        self.hint.setStyleSheet(labels.ERROR_STYLE)
        form.addRow(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.first.value() > self.last.value():
            self.hint.setText(self.tr("The first page comes after the last page"))
            return
        self.accept()

    def values(self) -> tuple[int, int, str | None]:
        return self.first.value(), self.last.value(), self.type.code()


class DocumentIndexPanel(QWidget):
    """Attributes:
    model: the DocumentIndexModel shown.
    tree: its QTreeView (several documents may be selected, for merging).
    _vocabulary: doc type code -> standard title.
    _apply: runs an index change on the database and reloads the index (given by the workspace).
    _current_page: () -> (file id, page) on screen, for split and add-range defaults.
    """

    document_activated = Signal(int, int)  # file id, first page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentIndexModel(self)
        self._vocabulary: dict[str, str] = {}
        self._apply: Apply | None = None
        self._current_page: Callable[[], tuple[int | None, int]] = lambda: (None, 1)
        self._read_only = False

        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()  # fixed widths: ResizeToContents would ask the model for every row
        for col, samples in ((Col.PAGES, ["888–888"]), (Col.SOURCE, [labels.label(s) for s in IndexSource])):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            samples.append(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max(fm.horizontalAdvance(t) for t in samples) + 20)

        self.retag_action = QAction(self.tr("Change the type…"), self)
        self.retag_action.triggered.connect(self.retag_selected)
        self.split_action = QAction(self.tr("Split at the page on screen…"), self)
        self.split_action.triggered.connect(self.split_selected)
        self.merge_action = QAction(self.tr("Merge the selected documents"), self)
        self.merge_action.triggered.connect(self.merge_selected)
        self.add_action = QAction(self.tr("Add a page range…"), self)
        self.add_action.setToolTip(self.tr("Mark pages as one document, e.g. a scanned paper with no bookmark"))
        self.add_action.triggered.connect(self.add_range)
        self.remove_action = QAction(self.tr("Remove from the index"), self)
        self.remove_action.triggered.connect(self.remove_selected)
        self._edit_actions = [self.retag_action, self.split_action, self.merge_action, self.add_action,
                              self.remove_action]

        title = QLabel(self.tr("Documents"), self)
        title.setStyleSheet("font-weight: bold;")
        self.fix_button = QToolButton(self)
        self.fix_button.setText(self.tr("Fix the index"))
        self.fix_button.setToolTip(self.tr("Retag, split, merge or add page ranges; saved and marked manual"))
        self.fix_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.fix_button)
        menu.addActions(self._edit_actions)
        self.fix_button.setMenu(menu)
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 0, 0)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.fix_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addWidget(self.tree, 1)

    # -- set-up -----------------------------------------------------------------------------------
    def configure(self, *, vocabulary: dict[str, str], apply: Apply,
                  current_page: Callable[[], tuple[int | None, int]]) -> None:
        self._vocabulary = vocabulary
        self._apply = apply
        self._current_page = current_page

    def set_files(self, files: tuple[FileDTO, ...]) -> None:
        expanded_all = True
        self.model.set_files(files)
        if len(files) == 1:
            self.tree.setRootIndex(self.model.index(0, 0))
        else:
            self.tree.setRootIndex(QModelIndex())
            if expanded_all:
                self.tree.expandAll()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for a in self._edit_actions:
            a.setEnabled(not read_only)
        self.fix_button.setEnabled(not read_only)

    def select_document(self, document_id: int) -> None:
        idx = self.model.document_index(document_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    # -- reading ------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        d = self.model.document_at(index)
        if d is not None:
            self.document_activated.emit(d.file_id, d.first_page)

    def selected_documents(self) -> list[DocumentDTO]:
        sel = self.tree.selectionModel()
        rows = sel.selectedRows(0) if sel else []
        docs = [d for d in (self.model.document_at(i) for i in rows) if d is not None]
        if not docs:
            d = self.model.document_at(self.tree.currentIndex())
            docs = [d] if d is not None else []
        return sorted(docs, key=lambda d: (d.file_id, d.first_page))

    def _context_menu(self, pos: QPoint) -> None:
        if self._read_only:
            return
        menu = QMenu(self)
        menu.addActions(self._edit_actions)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _file(self, file_id: int | None) -> FileDTO | None:
        files = self.model.files()
        return next((f for f in files if f.id == file_id), files[0] if files else None)

    # -- fixes ---------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[Any], Any]) -> None:
        if self._apply is not None and not self._read_only:
            self._apply(fn)

    def _need_one(self) -> DocumentDTO | None:
        docs = self.selected_documents()
        if len(docs) != 1:
            QMessageBox.information(self, self.windowTitle(), self.tr("Select one document in the index first."))
            return None
        return docs[0]

    def retag_selected(self) -> None:
        d = self._need_one()
        if d is None:
            return
        f = self._file(d.file_id)
        dlg = RangeDialog(title=self.tr("Change the document type"), pages=f.pages if f else d.last_page,
                          first=d.first_page, last=d.last_page, vocabulary=self._vocabulary, doc_type=d.doc_type,
                          fixed_range=True, parent=self)
        if exec_dialog(dlg):
            _, _, code = dlg.values()
            self._run(lambda ws: ws.cases.retag(d.id, code))

    def split_selected(self) -> None:
        file_id, page = self._current_page()
        d = self.model.document_on_page(file_id, page) if file_id is not None else None
        if d is None or page <= d.first_page:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Go to the first page of the new document inside the one to split, then split."))
            return
        f = self._file(d.file_id)
        dlg = RangeDialog(title=self.tr("Split: pages {first}–{last} become a new document").format(
            first=page, last=d.last_page), pages=f.pages if f else d.last_page, first=page, last=d.last_page,
            vocabulary=self._vocabulary, doc_type=d.doc_type, fixed_range=True, parent=self)
        if exec_dialog(dlg):
            _, _, code = dlg.values()
            self._run(lambda ws: ws.cases.split(d.id, page, doc_type=code))

    def merge_selected(self) -> None:
        docs = self.selected_documents()
        if len(docs) < 2:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Select two or more adjacent documents (Ctrl+click) to merge them."))
            return
        ids = [d.id for d in docs]
        self._run(lambda ws: ws.cases.merge(ids))

    def add_range(self) -> None:
        file_id, page = self._current_page()
        f = self._file(file_id)
        if f is None:
            return
        dlg = RangeDialog(title=self.tr("Add a page range"), pages=f.pages, first=page, last=page,
                          vocabulary=self._vocabulary, parent=self)
        if exec_dialog(dlg):
            first, last, code = dlg.values()
            self._run(lambda ws: ws.cases.set_range(f.id, first, last, code))

    def remove_selected(self) -> None:
        d = self._need_one()
        if d is None:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Remove {title} (pages {first}–{last}) from the index? The pages stay in the file.").format(
            title=d.type_title, first=d.first_page, last=d.last_page))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda ws: ws.cases.remove_document(d.id))
