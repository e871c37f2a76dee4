"""The recordings of a case: a table model over `RecordingDTO`s."""

from __future__ import annotations

from enum import IntEnum
from pathlib import PurePosixPath
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from review_tool.domain.enums import FileStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE, SORT_ROLE
from review_tool.gui.models.base import TableModel
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.dto import RecordingDTO

Index = QModelIndex | QPersistentModelIndex
CTX = "RecordingsModel"


class Col(IntEnum):
    NAME = 0  # the step it records (the file name when the step is unknown)
    STARTED = 1
    DURATION = 2


HEADERS = {
    Col.NAME: QT_TRANSLATE_NOOP("RecordingsModel", "Recording"),
    Col.STARTED: QT_TRANSLATE_NOOP("RecordingsModel", "Started"),
    Col.DURATION: QT_TRANSLATE_NOOP("RecordingsModel", "Length"),
}


class RecordingsModel(TableModel):
    """Attributes:
    _rows: the case's recordings, in start order.
    _errors: recording id -> why it would not play (set by the player, shown in the list).
    """

    CONTEXT = CTX
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecordingDTO] = []
        self._errors: dict[int, str] = {}

    def set_recordings(self, rows: tuple[RecordingDTO, ...] | list[RecordingDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._errors = {}
        self.endResetModel()

    def recordings(self) -> list[RecordingDTO]:
        return list(self._rows)

    def row_of(self, recording_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == recording_id), -1)

    def recording(self, recording_id: int) -> RecordingDTO | None:
        i = self.row_of(recording_id)
        return self._rows[i] if i >= 0 else None

    def set_error(self, recording_id: int, message: str | None) -> None:
        if message:
            self._errors[recording_id] = message
        else:
            self._errors.pop(recording_id, None)
        i = self.row_of(recording_id)
        if i >= 0:
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(Col) - 1))

    def error(self, recording_id: int) -> str | None:
        return self._errors.get(recording_id)

    # -- Qt ---------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = Col(index.column())
        problem = self._problem(r)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.NAME:
                return r.step_name or PurePosixPath(r.relpath).name
            if col == Col.STARTED:
                return labels.local_time(r.started_at, "%m-%d %H:%M:%S")
            if col == Col.DURATION:
                return labels.ms_text(r.duration_ms)
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return (r.started_at.timestamp() if r.started_at else 0.0, r.relpath)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = r.relpath + (f"\n{r.step_name}" if r.step_name else "")
            if r.started_at is not None:
                tip += "\n" + translate("RecordingsModel", "Started {time} (from {source})").format(
                    time=labels.local_time(r.started_at, "%Y-%m-%d %H:%M:%S"), source=r.start_source or "?")
            if problem:
                tip += "\n" + problem
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(labels.ERROR_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Col.DURATION, Col.STARTED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _problem(self, r: RecordingDTO) -> str | None:
        if r.id in self._errors:
            return self._errors[r.id]
        if r.error:
            return r.error
        if r.status is not FileStatus.OK:
            return labels.label(r.status)
        return None
