"""The case file: QtPdf's QPdfView with page navigation, zoom, fit width and text search.

The pane also says plainly when the file on disk is not the one imported (missing, or
its sha256 differs) and offers to locate it; the workspace decides what that does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import FileStatus
from review_tool.services.dto import FileDTO

# Continuous scrolling lays out every page when the file opens (QtPdf asks pdfium for each page's size on
# the UI thread: ~0.16 ms a page). Above this many pages the pane starts one page at a time instead;
# the "continuous" button switches either way.
CONTINUOUS_MAX_PAGES = 200

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


class FileBanner(QFrame):
    """A plain-words warning above the PDF, with what the reviewer can do about it."""

    locate_clicked = Signal()
    open_anyway_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileBanner")
        self.setStyleSheet("#fileBanner { background: #fdecea; border: 1px solid #e0a19b; border-radius: 3px; }"
                           "#fileBanner QLabel { color: #8a1c12; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text, 1)
        self.locate = QPushButton(self.tr("Locate the file…"))
        self.locate.clicked.connect(self.locate_clicked)
        self.anyway = QPushButton(self.tr("Show it anyway"))
        self.anyway.setToolTip(self.tr("Show the file as it is now; cited pages may not match the imported file"))
        self.anyway.clicked.connect(self.open_anyway_clicked)
        lay.addWidget(self.locate)
        lay.addWidget(self.anyway)
        self.hide()

    def show_problem(self, text: str, *, can_open_anyway: bool) -> None:
        self.text.setText(text)
        self.anyway.setVisible(can_open_anyway)
        self.show()


class PdfPane(QWidget):
    """Attributes:
    doc: the QPdfDocument of the file on screen.
    view: the QPdfView (multi-page, fit to width by default).
    search_model: QPdfSearchModel over `doc`, driven by the search box.
    _file: the FileDTO on screen (None: nothing loaded).
    """

    page_changed = Signal(object, int)  # file id (or None), 1-based page
    locate_requested = Signal(object)  # file id
    open_anyway_requested = Signal(object)  # file id
    document_ready = Signal(object)  # file id: the first page can be rendered
    focus_left = Signal()  # Esc in the search box: give the keyboard back to the checklist

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._file: FileDTO | None = None
        self.doc = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.doc)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        # always there: a scroll bar appearing after the first jump narrows the view, the fit-to-width zoom
        # changes and the page on screen drifts off its top
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setStyleSheet("QPdfView { background: #6f7780; }")
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.doc)
        self.view.setSearchModel(self.search_model)
        self._search_index = -1

        self.banner = FileBanner(self)
        self.banner.locate_clicked.connect(lambda: self.locate_requested.emit(self.file_id))
        self.banner.open_anyway_clicked.connect(lambda: self.open_anyway_requested.emit(self.file_id))
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #555; font-size: 14px;")
        self.placeholder.hide()

        self._build_toolbar()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(self._bar)
        lay.addWidget(self.banner)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.placeholder, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(self._on_page)
        self.doc.statusChanged.connect(self._on_status)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.search_model.countChanged.connect(self._show_search_count)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)

    # -- building ----------------------------------------------------------------------------------
    def _tool(self, text: str, tip: str, slot: object, icon: QStyle.StandardPixmap | None = None) -> QToolButton:
        b = QToolButton(self)
        if icon is not None:
            b.setIcon(self.style().standardIcon(icon))
        else:
            b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)  # type: ignore[arg-type]
        return b

    def _build_toolbar(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.setSpacing(2)
        self.prev_btn = self._tool("", self.tr("Previous page (PgUp)"), self.previous_page,
                                   QStyle.StandardPixmap.SP_ArrowUp)
        self.next_btn = self._tool("", self.tr("Next page (PgDown)"), self.next_page,
                                   QStyle.StandardPixmap.SP_ArrowDown)
        self.page_spin = QSpinBox(self)
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setToolTip(self.tr("Page on screen; type a page and press Enter to go there"))
        self.page_spin.valueChanged.connect(lambda v: self.go_to(v))
        self.page_count = QLabel("/ 0", self)
        self.zoom_out_btn = self._tool("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_label = QLabel("", self)
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_btn = self._tool("+", self.tr("Zoom in (Ctrl+=)"), self.zoom_in)
        self.fit_btn = self._tool(self.tr("Fit width"), self.tr("Fit the page to the width (Ctrl+0)"), self.fit_width)
        self.continuous_btn = self._tool(self.tr("Continuous"), self.tr(
            "Scroll through all pages; off: one page at a time (faster for very large files)"),
            self.set_continuous)
        self.continuous_btn.setCheckable(True)
        self.continuous_btn.setChecked(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the file (Ctrl+F)"))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.next_result)
        self.search.setMinimumWidth(120)
        self.search_count = QLabel("", self)
        self.search_count.setMinimumWidth(48)
        self.prev_result_btn = self._tool("", self.tr("Previous match (Shift+Enter)"), self.previous_result,
                                          QStyle.StandardPixmap.SP_ArrowLeft)
        self.next_result_btn = self._tool("", self.tr("Next match (Enter)"), self.next_result,
                                          QStyle.StandardPixmap.SP_ArrowRight)
        for w in (self.prev_btn, self.page_spin, self.page_count, self.next_btn):
            bar.addWidget(w)
        bar.addSpacing(8)
        for w in (self.zoom_out_btn, self.zoom_label, self.zoom_in_btn, self.fit_btn, self.continuous_btn):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.search, 1)
        for w in (self.search_count, self.prev_result_btn, self.next_result_btn):
            bar.addWidget(w)
        self._bar = bar

    # -- files --------------------------------------------------------------------------------------
    @property
    def file_id(self) -> int | None:
        return self._file.id if self._file else None

    @property
    def file(self) -> FileDTO | None:
        return self._file

    def load_file(self, file: FileDTO, path: Path | None = None) -> bool:
        """Show `file` (from `path`, default its recorded path). False if it cannot be opened."""
        self._file = file
        path = path or file.path
        self.banner.hide()
        if path is None or not path.is_file():
            self.doc.close()
            self._show_placeholder(self.tr("The case file {name} is not where it was imported from.").format(
                name=file.relpath))
            return False
        continuous = file.pages <= CONTINUOUS_MAX_PAGES
        self.continuous_btn.setChecked(continuous)
        self.view.setPageMode(QPdfView.PageMode.MultiPage if continuous else QPdfView.PageMode.SinglePage)
        error = self.doc.load(str(path))
        if error != QPdfDocument.Error.None_:
            self._show_placeholder(self.tr("The PDF could not be opened ({error}).").format(error=error.name))
            return False
        self.placeholder.hide()
        self.view.show()
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, self.doc.pageCount()))
        self.page_spin.blockSignals(False)
        self.page_count.setText(f"/ {self.doc.pageCount()}")
        self._show_zoom()
        if self.search.text():
            self._run_search()
        self.document_ready.emit(file.id)
        return True

    def close_file(self) -> None:
        self._file = None
        self.doc.close()
        self.banner.hide()

    def show_file_problem(self, status: FileStatus, message: str) -> None:
        """Say plainly that the file is missing or changed since import, and offer to locate it."""
        if status is FileStatus.MISSING:
            text = self.tr("The case file is missing: {message}. Reviewing needs the file as imported; "
                           "locate the folder that now holds it.").format(message=message)
        else:
            text = self.tr("The case file has changed since it was imported (its sha256 differs): {message}. "
                           "Pages cited now may not match the imported file. Locate the original, "
                           "or show this file anyway.").format(message=message)
        self.banner.show_problem(text, can_open_anyway=status is FileStatus.CHANGED)

    def clear_file_problem(self) -> None:
        self.banner.hide()

    def _show_placeholder(self, text: str) -> None:
        self.view.hide()
        self.placeholder.setText(text)
        self.placeholder.show()
        self.page_count.setText("/ 0")

    # -- pages --------------------------------------------------------------------------------------
    def page_count_total(self) -> int:
        return self.doc.pageCount() if self._file else 0

    def current_page(self) -> int:
        """The 1-based page on screen (0 when nothing is loaded)."""
        if self.doc.pageCount() == 0:
            return 0
        return self.view.pageNavigator().currentPage() + 1

    def go_to(self, page: int, *, force: bool = False) -> None:
        """Show the top of a 1-based page (`force`: jump even if the navigator already says that page,
        e.g. once the view has laid out its pages at their final size)."""
        n = self.doc.pageCount()
        if n == 0:
            return
        page = max(1, min(n, page))
        if force or page != self.current_page():
            self.view.pageNavigator().jump(page - 1, QPointF(), 0)  # zoom 0: keep the view's zoom mode
        self._sync_spin(page)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def _on_page(self, page0: int) -> None:
        self._sync_spin(page0 + 1)
        self.page_changed.emit(self.file_id, page0 + 1)

    def _sync_spin(self, page: int) -> None:
        if self.page_spin.value() != page:
            self.page_spin.blockSignals(True)
            self.page_spin.setValue(page)
            self.page_spin.blockSignals(False)

    def _on_status(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Error:
            self._show_placeholder(self.tr("The PDF could not be read."))

    def set_continuous(self, on: bool) -> None:
        page = self.current_page()
        self.view.setPageMode(QPdfView.PageMode.MultiPage if on else QPdfView.PageMode.SinglePage)
        self.continuous_btn.setChecked(on)
        if page:
            self.go_to(page, force=True)

    # -- zoom -----------------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        z = self._zoom()
        self._set_zoom(next((s for s in ZOOM_STEPS if s > z + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        z = self._zoom()
        self._set_zoom(next((s for s in reversed(ZOOM_STEPS) if s < z - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _zoom(self) -> float:
        return float(self.view.zoomFactor())

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def _show_zoom(self, *_: object) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(self.tr("Width"))
        else:
            self.zoom_label.setText(f"{round(self._zoom() * 100)}%")

    # -- search -----------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self) -> None:
        self._search_index = -1
        self.search_model.setSearchString(self.search.text().strip())
        self._show_search_count()

    def _show_search_count(self, *_: object) -> None:
        n = self.search_model.rowCount()
        if not self.search.text().strip():
            self.search_count.setText("")
        elif n == 0:
            self.search_count.setText(self.tr("none"))
        else:
            self.search_count.setText(f"{self._search_index + 1 if self._search_index >= 0 else 0}/{n}")

    def next_result(self) -> None:
        self._step_result(+1)

    def previous_result(self) -> None:
        self._step_result(-1)

    def _step_result(self, step: int) -> None:
        n = self.search_model.rowCount()
        if n == 0:
            self._show_search_count()
            return
        self._search_index = (self._search_index + step) % n
        link = self.search_model.resultAtIndex(self._search_index)
        self.view.setCurrentSearchResultIndex(self._search_index)
        self.view.pageNavigator().jump(link)
        self._show_search_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_result()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.focus_left.emit()
                return True
        return super().eventFilter(watched, event)


def standard_keys(name: str) -> list[QKeySequence]:
    """Shortcut lists for the pane's actions (kept here so tooltips and actions agree)."""
    return {
        "zoom_in": [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
        "zoom_out": [QKeySequence("Ctrl+-")],
        "fit": [QKeySequence("Ctrl+0")],
        "search": [QKeySequence("Ctrl+F")],
        "next_page": [QKeySequence(Qt.Key.Key_PageDown)],
        "prev_page": [QKeySequence(Qt.Key.Key_PageUp)],
    }[name]
