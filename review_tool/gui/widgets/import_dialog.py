"""Import a month's case files: choose folders/files (and a register), watch the progress, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from review_tool.gui.tasks import Task, TaskHandle, TaskRunner


def run_import(ws: Any, task: TaskHandle, *, paths: list[Path], register: Path | None, password: str | None) -> Any:
    """The DB-worker side: the importer writes its progress into the task (Qt-free callback and token)."""
    return ws.imports.import_paths(paths, register=register, password=password or None, progress=task.progress,
                                   cancel=task.cancel_token)


class ImportDialog(QDialog):
    """Attributes:
    task: the running import (None before Start).
    report: the ImportReport once finished.
    """

    imported = Signal(object)  # ImportReport

    def __init__(self, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.task: Task | None = None
        self.report: Any = None
        self.setWindowTitle(self.tr("Import case files"))
        self.setMinimumSize(620, 480)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Add a month's folder (one sub-folder per case, PDFs and recordings), case folders "
                               "or single PDFs. Files already imported are recognised and not duplicated."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.paths = QListWidget(self)
        lay.addWidget(self.paths, 1)
        row = QHBoxLayout()
        add_folder = QPushButton(self.tr("Add a folder…"), self)
        add_folder.clicked.connect(self._add_folder)
        add_files = QPushButton(self.tr("Add PDF files…"), self)
        add_files.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(lambda: [self.paths.takeItem(self.paths.row(i)) for i in self.paths.selectedItems()])
        for b in (add_folder, add_files, remove):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        form = QFormLayout()
        self.register = QLineEdit(self)
        self.register.setPlaceholderText(self.tr("Optional: the case register (案件台账, .xlsx or .csv)"))
        pick = QPushButton(self.tr("Choose…"), self)
        pick.clicked.connect(self._pick_register)
        reg_row = QHBoxLayout()
        reg_row.addWidget(self.register, 1)
        reg_row.addWidget(pick)
        form.addRow(self.tr("Register"), reg_row)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Only for password-protected PDFs"))
        form.addRow(self.tr("PDF password"), self.password)
        lay.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.hide()
        lay.addWidget(self.message)
        lay.addWidget(self.bar)
        lay.addWidget(self.log, 1)
        self.buttons = QDialogButtonBox(self)
        self.start = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        lay.addWidget(self.buttons)

    # -- inputs ---------------------------------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        for p in paths:
            self.paths.addItem(str(p))

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A month's folder or a case folder"))
        if folder:
            self.add_paths([Path(folder)])

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Case files"), "", self.tr("PDF files (*.pdf)"))
        self.add_paths([Path(f) for f in files])

    def _pick_register(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, self.tr("Case register"), "",
                                           self.tr("Registers (*.xlsx *.csv);;All files (*)"))
        if f:
            self.register.setText(f)

    def chosen_paths(self) -> list[Path]:
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    # -- running --------------------------------------------------------------------------------------
    def start_import(self) -> None:
        paths = self.chosen_paths()
        if not paths:
            self.message.setText(self.tr("Add at least one folder or file."))
            return
        register = Path(self.register.text()) if self.register.text().strip() else None
        password = self.password.text()
        self.start.setEnabled(False)
        self.bar.show()
        self.bar.setRange(0, 0)
        self.message.setText(self.tr("Importing…"))
        self.task = self.runner.db_task(
            lambda ws, task: run_import(ws, task, paths=paths, register=register, password=password),
            on_done=self._done, on_error=self._failed, label="import")
        self.task.progressed.connect(self._progress)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.message.setText(self.tr("{done} of {total} files: {name}").format(done=done, total=total, name=message))

    def _done(self, report: Any) -> None:
        self.report = report
        self.task = None
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        summary = report.summary_line() if hasattr(report, "summary_line") else str(report)
        self.message.setText(summary)
        lines = [f"{i.status_label}　{i.path_display}　{i.message}" for i in getattr(report, "items", [])]
        lines += list(getattr(report, "notes", []))
        self.log.setPlainText("\n".join(lines))
        self.log.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.start.hide()
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        from review_tool.progress import Cancelled

        self.task = None
        self.bar.hide()
        self.start.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Cancelled; cases already written are kept."))
        else:
            self.message.setText(self.tr("The import stopped: {error}").format(error=exc))

    def reject(self) -> None:
        """Cancel a running import first (cases already written stay); close when it has stopped."""
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling… cases already written are kept."))
            return
        super().reject()
