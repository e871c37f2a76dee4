"""The document index of a case: its files, each with its documents and their page ranges."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from review_tool.domain.enums import FileStatus, IndexSource
from review_tool.gui import labels
from review_tool.gui.models import ID_ROLE, KIND_ROLE, ROW_ROLE
from review_tool.gui.models.base import TwoLevelModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.dto import DocumentDTO, FileDTO

Index = QModelIndex | QPersistentModelIndex
CTX = "DocumentIndexModel"

HIGHLIGHT = QColor("#fff3c4")  # documents the current checklist item concerns
CURRENT = QColor("#dbe9ff")  # the document on screen


ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
    ROW_ROLE, ID_ROLE, KIND_ROLE,
})


class Col(IntEnum):
    TITLE = 0
    PAGES = 1
    SOURCE = 2


HEADERS = {
    Col.TITLE: QT_TRANSLATE_NOOP("DocumentIndexModel", "Document"),
    Col.PAGES: QT_TRANSLATE_NOOP("DocumentIndexModel", "Pages"),
    Col.SOURCE: QT_TRANSLATE_NOOP("DocumentIndexModel", "From"),
}


class DocumentIndexModel(TwoLevelModel):
    """Files at the top level (internal id 0), documents below (internal id = file row + 1).

    Attributes:
        _files: the case's files with their documents (sorted by first page).
        _highlight: document types to highlight (the current item's `documents`).
        _current: (file id, 1-based page) on screen; its document is marked.
    """

    CONTEXT = CTX
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files: list[FileDTO] = []
        self._docs: list[list[DocumentDTO]] = []
        self._highlight: frozenset[str] = frozenset()
        self._current: tuple[int, int] | None = None

    def set_files(self, files: tuple[FileDTO, ...] | list[FileDTO]) -> None:
        self.beginResetModel()
        self._files = list(files)
        self._docs = [sorted(f.documents, key=lambda d: (d.first_page, d.last_page)) for f in self._files]
        self.endResetModel()

    def files(self) -> list[FileDTO]:
        return list(self._files)

    def set_highlight(self, doc_types: frozenset[str] | set[str]) -> None:
        doc_types = frozenset(doc_types)
        if doc_types != self._highlight:
            self._highlight = doc_types
            self._all_changed()

    def set_current_page(self, file_id: int | None, page: int | None) -> None:
        value = (file_id, page) if file_id is not None and page is not None else None
        if value != self._current:
            self._current = value
            self._all_changed()

    def _all_changed(self) -> None:
        for fi in range(len(self._files)):
            n = len(self._docs[fi])
            if n:
                parent = self.index(fi, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, len(Col) - 1, parent))

    # -- look-ups ---------------------------------------------------------------------------------
    def document_index(self, document_id: int) -> QModelIndex:
        for fi, docs in enumerate(self._docs):
            for di, d in enumerate(docs):
                if d.id == document_id:
                    return self.createIndex(di, 0, fi + 1)
        return QModelIndex()

    def document_at(self, index: Index) -> DocumentDTO | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        docs = self._docs[index.internalId() - 1]
        return docs[index.row()] if index.row() < len(docs) else None

    def file_at(self, index: Index) -> FileDTO | None:
        if not index.isValid():
            return None
        fi = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._files[fi] if fi < len(self._files) else None

    def documents_of_type(self, doc_type: str) -> list[DocumentDTO]:
        return [d for docs in self._docs for d in docs if d.doc_type == doc_type]

    def document_on_page(self, file_id: int, page: int) -> DocumentDTO | None:
        for f, docs in zip(self._files, self._docs, strict=True):
            if f.id == file_id:
                return next((d for d in docs if d.first_page <= page <= d.last_page), None)
        return None

    # -- Qt structure -----------------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._files)

    def child_count(self, group: int) -> int:
        return len(self._docs[group])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            if index.row() >= len(self._files):
                return None
            return self._file_data(self._files[index.row()], col, role)
        d = self.document_at(index)
        return self._doc_data(d, col, role) if d is not None else None

    def _file_data(self, f: FileDTO, col: int, role: int) -> Any:
        if role == KIND_ROLE:
            return "file"
        if role in (ID_ROLE,):
            return f.id
        if role == ROW_ROLE:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.TITLE:
                return f.relpath
            if col == Col.PAGES:
                return translate("DocumentIndexModel", "{n} pages").format(n=f.pages)
            if col == Col.SOURCE:
                return labels.label(f.status) if f.status is not FileStatus.OK else ""
        if role == Qt.ItemDataRole.ForegroundRole and f.status is not FileStatus.OK:
            return QBrush(QColor(labels.ERROR_COLOUR))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _doc_data(self, d: DocumentDTO, col: int, role: int) -> Any:
        if role == KIND_ROLE:
            return "document"
        if role == ID_ROLE:
            return d.id
        if role == ROW_ROLE:
            return d
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.TITLE:
                return d.type_title if d.doc_type else (d.title or translate("DocumentIndexModel", "Unrecognised document"))
            if col == Col.PAGES:
                return str(d.first_page) if d.first_page == d.last_page else f"{d.first_page}–{d.last_page}"
            if col == Col.SOURCE:
                return labels.label(d.source)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = translate("DocumentIndexModel", "{title}, pages {first}–{last} ({source})").format(
                title=d.type_title, first=d.first_page, last=d.last_page, source=labels.label(d.source))
            if d.title and d.title != d.type_title:
                tip += "\n" + translate("DocumentIndexModel", "As found in the file: {title}").format(title=d.title)
            return tip
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._current is not None and self._current[0] == d.file_id \
                    and d.first_page <= self._current[1] <= d.last_page:
                return QBrush(CURRENT)
            if d.doc_type is not None and d.doc_type in self._highlight:
                return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if d.source is IndexSource.MANUAL and col == Col.SOURCE:
                font.setItalic(True)
            if d.doc_type is not None and d.doc_type in self._highlight:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if d.doc_type is None:
                return QBrush(QColor("#b36b00"))
            if col == Col.SOURCE and d.source is IndexSource.MANUAL:
                return QBrush(QColor("#1f4e99"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
