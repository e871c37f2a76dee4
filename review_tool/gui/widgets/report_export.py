"""Reports from the GUI: a case's score sheets and the month's bulletin, as PDF (and Excel).

Following `ReportService`'s split: the content is read on the database worker in one
transaction (`sheet_data` / `monthly_data`), the PDF is laid out on the I/O pool
(`write_sheets` / `write_monthly`, no database access), so a long layout never holds
the database nor the UI. A progress dialog with Cancel appears if it takes a while;
nothing partial is left behind on failure or cancel (the service writes atomically).

Reports show every reviewer's results, so they are for legal officers and chiefs; a
reviewer's blind review must not reveal the others' scores.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from review_tool.domain.enums import Role
from review_tool.gui.settings import GuiSettings
from review_tool.gui.tasks import TaskHandle, TaskRunner
from review_tool.gui.widgets.progress_dialog import ProgressDialog
from review_tool.services.dto import UserDTO


class ReportExporter(QObject):
    """Attributes:
    _parent: the window the dialogs belong to.
    _dialog: the progress dialog of the report being written (None when idle).
    """

    def __init__(self, *, runner: TaskRunner, settings: GuiSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self._parent = parent
        self._dialog: ProgressDialog | None = None

    # -- permissions ------------------------------------------------------------------------------
    def allowed(self, user: UserDTO | None) -> bool:
        if user is not None and user.role in (Role.LEGAL_OFFICER, Role.CHIEF):
            return True
        QMessageBox.information(self._parent, self.tr("Reports"), self.tr(
            "Reports show every reviewer's results, so only legal officers and chiefs can produce them."))
        return False

    def _font(self) -> str | None:
        return self.settings.report_font or None

    # -- score sheet ------------------------------------------------------------------------------------
    def score_sheet(self, *, user: UserDTO | None, case_id: int, doc_no: str, round_id: int | None,
                    draft: bool) -> None:
        if not self.allowed(user):
            return
        out = self._ask_path(self.tr("Save the score sheet"), f"{_safe(doc_no)}评查表.pdf",
                             self.tr("PDF files (*.pdf)"))
        if out is None:
            return
        font = self._font()

        def read(ws: Any) -> Any:
            return ws.reports.sheet_data(case_id, round_id, draft=draft), ws

        def write(result: tuple[Any, Any]) -> None:
            sheets, ws = result
            self._run_io(lambda h: ws.reports.write_sheets(sheets, out=out, font_path=font, cancel=h.cancel_token),
                         title=self.tr("Writing the score sheet"), done=lambda path: self._written([path]))

        self.runner.db(read, on_done=write, on_error=self._failed)

    # -- monthly bulletin --------------------------------------------------------------------------------
    def bulletin(self, *, user: UserDTO | None, round_id: int | None, month: str) -> None:
        if not self.allowed(user):
            return
        if round_id is None:
            QMessageBox.information(self._parent, self.tr("Reports"), self.tr("Choose a month's round first."))
            return
        out = self._ask_path(self.tr("Save the monthly bulletin"), f"{month}执法案卷评查情况通报.pdf",
                             self.tr("PDF files (*.pdf)"))
        if out is None:
            return
        xlsx = out.with_suffix(".xlsx")
        font = self._font()

        def read(ws: Any, handle: TaskHandle) -> Any:
            return ws.reports.monthly_data(round_id, progress=handle.progress, cancel=handle.cancel_token), ws

        def write(result: tuple[Any, Any]) -> None:
            report, ws = result
            self._run_io(lambda h: ws.reports.write_monthly(report, out=out, xlsx=xlsx, font_path=font,
                                                            progress=h.progress, cancel=h.cancel_token),
                         title=self.tr("Writing the monthly bulletin"), done=self._written)

        task = self.runner.db_task(read, on_done=write, on_error=self._failed,
                                   label=self.tr("Reading the month's reviews…"))
        self._show_progress(task, self.tr("Monthly bulletin"))

    # -- plumbing ------------------------------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, filter_: str) -> Path | None:
        start = str(Path.home() / name)
        path, _ = QFileDialog.getSaveFileName(self._parent, title, start, filter_)
        return Path(path) if path else None

    def _run_io(self, fn: Callable[[TaskHandle], Any], *, title: str, done: Callable[[Any], None]) -> None:
        task = self.runner.io_task(fn, on_done=done, on_error=self._failed, label=title)
        self._show_progress(task, title)

    def _show_progress(self, task: Any, title: str) -> None:
        self._dialog = ProgressDialog(task, title=title, parent=self._parent)

    def _written(self, paths: list[Path]) -> None:
        self._dialog = None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Reports"),
                          self.tr("Written:\n{files}").format(files="\n".join(str(p) for p in paths)),
                          parent=self._parent)
        show = box.addButton(self.tr("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is show and paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(paths[0]).parent)))
        box.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        from review_tool.progress import Cancelled

        self._dialog = None
        if isinstance(exc, Cancelled):
            return
        QMessageBox.warning(self._parent, self.tr("Reports"), str(exc))


def _safe(name: str) -> str:
    return "".join(c for c in name if c not in '\\/:*?"<>|')
