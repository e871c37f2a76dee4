"""The review workspace: one case's file, recordings and checklist side by side, keyboard first.

Every change goes straight to the database through the TaskRunner's DB worker (one
transaction per change, in order); the status bar says "saved" only once the commit
has returned. The position (file, page, item) is saved as the reviewer moves, so
reopening the case puts them back where they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import FileStatus, Role
from review_tool.gui.operations import OpenBundle, check_file, load_bundle
from review_tool.gui.settings import GuiSettings
from review_tool.gui.signals import AppSignals, Changes
from review_tool.gui.tasks import TaskRunner
from review_tool.gui.widgets.checklist_panel import ChecklistPanel
from review_tool.gui.widgets.index_panel import DocumentIndexPanel
from review_tool.gui.widgets.pdf_pane import PdfPane
from review_tool.gui.widgets.recording_pane import RecordingPane
from review_tool.gui.widgets.review_actions import ReviewActionsMixin
from review_tool.gui.widgets.workspace_actions import create_actions
from review_tool.services.dto import CaseDetail, DocumentDTO, FileDTO, ReviewDTO, UserDTO


class ReviewWorkspace(ReviewActionsMixin, QWidget):
    """Attributes:
    runner / signals / settings: shared application objects (passed in, never global).
    pdf, index, checklist, recordings: the four panes.
    actions: every keyboard action (workspace_actions.SPEC).
    detail / review / user: the case, the review and who is acting (None until opened).
    _file_checks: file id -> (status, message) from the integrity check on opening.
    _position_timer: debounces saving the position.
    _saving: changes sent and not yet committed.
    """

    opened = Signal(int)  # case id: the case and checklist are on screen
    ready = Signal()  # the first page of the file can be drawn and the checklist is shown
    close_requested = Signal()
    review_updated = Signal(object)  # ReviewDTO

    def __init__(self, *, runner: TaskRunner, signals: AppSignals, settings: GuiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.settings = settings
        self.detail: CaseDetail | None = None
        self.review: ReviewDTO | None = None
        self.user: UserDTO | None = None
        self._vocabulary: dict[str, str] = {}
        self._case_type_names: dict[str, str] = {}
        self._file_checks: dict[int, tuple[FileStatus, str]] = {}
        self._saving = 0
        self._restore: dict[str, Any] = {}
        self._opening = False
        self._pdf_ready = False
        self._cite_cursor = 0
        self._doc_cursor = 0
        self._last_change_reason = ""

        self.pdf = PdfPane(self)
        self.index = DocumentIndexPanel(self)
        self.checklist = ChecklistPanel(self)
        self.recordings = RecordingPane(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 2px 4px;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: #555; padding: 2px 4px;")
        self.facts = QPushButton(self)  # the case's facts; red when the register and the file disagree
        self.facts.setFlat(True)
        self.facts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.facts.clicked.connect(self.show_case_info)
        self.facts.hide()
        self.reviewer_label = QLabel(self.tr("Review by"), self)
        self.reviewers = QComboBox(self)
        self.reviewers.setToolTip(self.tr("Whose review is shown: legal officers (and reviewers once they have "
                                          "submitted) can see the other reviews of the case"))
        self.reviewers.activated.connect(self._reviewer_chosen)
        self.reviewer_label.hide()
        self.reviewers.hide()

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.index)
        left.addWidget(self.recordings)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(left)
        main.addWidget(self.pdf)
        main.addWidget(self.checklist)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 3)
        main.setStretchFactor(2, 2)
        main.setChildrenCollapsible(False)
        main.setSizes([300, 720, 580])
        self.splitters = {"workspace.main": main, "workspace.left": left, "workspace.checklist":
                          self.checklist.splitter}
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.subtitle, 1)
        head.addWidget(self.facts)
        head.addWidget(self.reviewer_label)
        head.addWidget(self.reviewers)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 4)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addWidget(main, 1)

        self.actions = create_actions(self)
        self._connect()
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(400)
        self._position_timer.timeout.connect(self.save_position)

    def _connect(self) -> None:
        a = self.actions
        bind: dict[str, Callable[[], object]] = {
            "next_item": self.next_item, "previous_item": self.previous_item,
            "next_unreviewed": self.next_unreviewed, "mark_pass": self.mark_pass, "deduct": self.deduct,
            "mark_na": self.mark_na, "clear": self.clear_item, "edit_note": self.edit_note,
            "goto_cited": self.goto_cited, "goto_document": self.goto_document,
            "mark_remaining": self.mark_remaining, "submit": self.submit, "reopen": self.reopen,
            "history": self.show_history, "case_info": self.show_case_info, "next_page": self.pdf.next_page, "previous_page": self.pdf.previous_page,
            "search": self.pdf.focus_search, "zoom_in": self.pdf.zoom_in, "zoom_out": self.pdf.zoom_out,
            "fit_width": self.pdf.fit_width, "play_pause": self.recordings.toggle_play,
            "mark_time": self.recordings.mark, "focus_checklist": self.focus_checklist,
            "focus_index": lambda: self.index.tree.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "focus_pdf": lambda: self.pdf.view.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "focus_recordings": lambda: self.recordings.list.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "close": self.close_requested.emit,
        }
        for name, slot in bind.items():
            a[name].triggered.connect(slot)
        self.checklist.current_item_changed.connect(self._item_changed)
        self.checklist.link_activated.connect(self.follow_link)
        self.pdf.page_changed.connect(self._page_changed)
        self.pdf.document_ready.connect(self._document_ready)
        self.pdf.locate_requested.connect(self.locate_file)
        self.pdf.open_anyway_requested.connect(lambda _fid: self.pdf.clear_file_problem())
        self.pdf.focus_left.connect(self.focus_checklist)
        self.index.document_activated.connect(self.show_page)
        self.recordings.mark_requested.connect(self.mark_time)
        self.index.configure(vocabulary={}, apply=self.apply_index_change, current_page=self._page_on_screen)
        self.checklist.configure(documents_of_type=self.index.model.documents_of_type,
                                 doc_title=lambda code: self._vocabulary.get(code, code),
                                 recording_name=self.recordings.recording_name)

    # -- opening -------------------------------------------------------------------------------------
    def open_case(self, case_id: int, *, round_id: int | None = None, review_id: int | None = None) -> None:
        """Open a case (for the current user's review in the round, or a given review)."""
        self.save_position()
        self._opening = True
        self._pdf_ready = False
        self.title.setText(self.tr("Opening…"))
        self.runner.db(lambda ws: load_bundle(ws, case_id=case_id, round_id=round_id, review_id=review_id),
                       on_done=self._opened, on_error=self._open_failed, label="open case")

    def _open_failed(self, exc: BaseException) -> None:
        self._opening = False
        self.title.setText(self.tr("The case could not be opened"))
        QMessageBox.warning(self, self.tr("Open a case"), str(exc))
        self.close_requested.emit()

    def _show_facts_button(self, detail: CaseDetail) -> None:
        n = len(detail.disagreements)
        key = self.actions["case_info"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if n:
            self.facts.setText(self.tr("Case facts: {n} disagreement(s) with the register").format(n=n))
            self.facts.setStyleSheet("color: #a61b1b; font-weight: bold;")
        else:
            self.facts.setText(self.tr("Case facts"))
            self.facts.setStyleSheet("color: #1a5fb4;")
        self.facts.setToolTip(self.tr("What the import read, with pages ({key})").format(key=key))
        self.facts.setVisible(bool(detail.fields))

    def _opened(self, bundle: OpenBundle) -> None:
        """Show the case in two steps, each painted before the next, so no frame takes long:
        first the checklist and the score, then the file, its index and the recordings."""
        self.detail, self.review, self.user = bundle.detail, bundle.review, bundle.user
        self._vocabulary = bundle.vocabulary
        self._file_checks = {}
        self._restore = dict(bundle.review.position or {})
        row = bundle.detail.row
        self.title.setText(row.doc_no)
        handlers = "" if bundle.handler_hidden else "、".join(row.handlers)
        self.subtitle.setText("　".join(x for x in (row.case_type_name, row.unit_name, row.party, handlers) if x))
        self._case_type_names = {row.case_type: row.case_type_name}
        self._show_facts_button(bundle.detail)
        self.index.set_files(())
        with QSignalBlocker(self.checklist.tree.selectionModel()):
            self.checklist.set_review(bundle.review)
            item = self._restore.get("item")
            if not (isinstance(item, str) and self.checklist.select_item(item, center=True)):
                if self.checklist.next_unreviewed() is None:
                    self.checklist.next_item()
        self.checklist.refresh_detail()
        self._apply_editability()
        self.checklist.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.checklist.repaint()  # paint this step now; the next comes in a later event-loop turn
        # (1 ms, not 0: a 0 ms single shot is a posted call that runs before any pending timer or input)
        QTimer.singleShot(1, lambda: self._opened_files(bundle))

    def _opened_files(self, bundle: OpenBundle) -> None:
        if self.review is None or self.review.id != bundle.review.id:
            return  # another case was opened meanwhile
        self.index.configure(vocabulary=bundle.vocabulary, apply=self.apply_index_change,
                             current_page=self._page_on_screen)
        self.index.set_files(bundle.detail.files)
        self.recordings.set_recordings(bundle.detail.recordings)
        file = self._file(self._restore.get("file"))
        if file is not None:
            self.pdf.load_file(file)
        else:
            self.pdf.close_file()
        for f in bundle.detail.files:
            self.runner.io(lambda f=f: check_file(f), on_done=self._file_checked)
        self._opening = False
        self._item_changed(self.checklist.current_item_id())
        self.checklist.refresh_detail()  # now the item's documents and recordings can be named and linked
        row = bundle.detail.row
        self._load_reviewers(row.id, bundle.round_id)
        self.opened.emit(row.id)
        self.signals.case_opened.emit(row.id)
        if self._pdf_ready or file is None or not self.pdf.doc.pageCount():
            self.ready.emit()

    # -- whose review ----------------------------------------------------------------------------------
    def _load_reviewers(self, case_id: int, round_id: int | None) -> None:
        """The reviews of this case the user may see (blind review: a reviewer sees the others' only after
        submitting their own); a choice appears when there is more than one."""
        self.reviewers.hide()
        self.reviewer_label.hide()
        if round_id is None:
            return
        self.runner.db(lambda ws: [(r.id, r.reviewer_name, r.status) for r in
                                   ws.meeting.visible_reviews(case_id, round_id)],
                       on_done=self._reviewers_loaded, on_error=lambda _e: None)

    def _reviewers_loaded(self, reviews: list[tuple[int, str, Any]]) -> None:
        from review_tool.gui import labels

        if self.review is None or len(reviews) < 2:
            return
        self.reviewers.clear()
        for rid, name, status in reviews:
            mine = self.user is not None and self.review is not None and name == self.user.name
            text = f"{name}（{labels.label(status)}）" + (self.tr(" — mine") if mine else "")
            self.reviewers.addItem(text, rid)
        self.reviewers.setCurrentIndex(max(0, self.reviewers.findData(self.review.id)))
        self.reviewer_label.show()
        self.reviewers.show()

    def _reviewer_chosen(self, index: int) -> None:
        review_id = self.reviewers.itemData(index)
        if self.detail is not None and self.review is not None and review_id != self.review.id:
            self.open_case(self.detail.row.id, review_id=review_id)

    def _document_ready(self, file_id: int) -> None:
        self._pdf_ready = True
        page = self._restore.pop("page", None) if self._restore.get("file") in (None, file_id) else None
        if isinstance(page, int) and page > 1:
            self.pdf.go_to(page)
            QTimer.singleShot(0, lambda: self.pdf.go_to(page, force=True))  # again once the pages are laid out
        self._update_current_doc()
        if not self._opening:
            self.ready.emit()

    def _file(self, file_id: object) -> FileDTO | None:
        files = self.detail.files if self.detail else ()
        return next((f for f in files if f.id == file_id), files[0] if files else None)

    def _file_checked(self, result: tuple[int, FileStatus, str]) -> None:
        file_id, status, message = result
        self._file_checks[file_id] = (status, message)
        if status is not FileStatus.OK and self.pdf.file_id == file_id:
            self.pdf.show_file_problem(status, message)
            self.signals.status_message.emit(self.tr("A file of this case is missing or has changed"))

    def locate_file(self, file_id: int | None) -> None:
        """Ask for the folder that now holds the case's files, check them, and point the case there."""
        if self.detail is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("The folder that holds {name}").format(
            name=self._file(file_id).relpath if self._file(file_id) else ""), str(self.detail.folder or ""))
        if not folder:
            return
        case_id = self.detail.row.id
        from pathlib import Path

        self.runner.db(lambda ws: ws.cases.relocate(case_id, Path(folder)), on_done=self._relocated,
                       on_error=lambda exc: QMessageBox.warning(self, self.tr("Locate the file"), str(exc)))

    def _relocated(self, _checks: object) -> None:
        if self.detail is None or self.review is None:
            return
        self.signals.changes_applied.emit(Changes(files=True, cases=True, case_id=self.detail.row.id), self)
        self.open_case(self.detail.row.id, review_id=self.review.id)

    # -- state ------------------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        r, u = self.review, self.user
        return r is not None and u is not None and not r.locked and r.reviewer_id == u.id

    def _apply_editability(self) -> None:
        self.actions.set_editable(self.editable)
        is_officer = self.user is not None and self.user.role is Role.LEGAL_OFFICER
        self.actions["reopen"].setEnabled(bool(self.review and self.review.locked and is_officer))
        self.actions["reopen"].setVisible(is_officer)
        self.index.set_read_only(not self.editable)

    def focus_checklist(self) -> None:
        self.checklist.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _page_on_screen(self) -> tuple[int | None, int]:
        return self.pdf.file_id, self.pdf.current_page()

    def _item_changed(self, item_id: str | None) -> None:
        self._cite_cursor = 0
        self._doc_cursor = 0
        item = self.checklist.current_item()
        self.index.model.set_highlight(set(item.documents) if item else set())
        self._schedule_position()

    def _page_changed(self, file_id: int | None, page: int) -> None:
        self._update_current_doc()
        self._schedule_position()

    def _update_current_doc(self) -> None:
        self.index.model.set_current_page(self.pdf.file_id, self.pdf.current_page())

    # -- position --------------------------------------------------------------------------------------
    def _schedule_position(self) -> None:
        if not self._opening and self.review is not None:
            self._position_timer.start()

    def position(self) -> dict[str, Any]:
        return {"page": self.pdf.current_page() or 1, "item": self.checklist.current_item_id(),
                "file": self.pdf.file_id}

    def save_position(self) -> None:
        """Remember where the reviewer is (only in their own review; not audited)."""
        self._position_timer.stop()
        r, u = self.review, self.user
        if r is None or u is None or r.reviewer_id != u.id or self._opening:
            return
        pos = self.position()
        if pos == r.position:
            return
        review_id = r.id
        self.runner.db(lambda ws: ws.reviews.set_position(review_id, pos), on_error=lambda _e: None)

    def close_case(self) -> None:
        self.save_position()
        self.recordings.stop()

    # -- jumping ------------------------------------------------------------------------------------------
    def show_page(self, file_id: int | None, page: int) -> None:
        """Show a page of a file (switching files if needed)."""
        if file_id is not None and file_id != self.pdf.file_id:
            f = self._file(file_id)
            if f is not None:
                self._restore = {"file": f.id, "page": page}
                self.pdf.load_file(f)
                status = self._file_checks.get(f.id)
                if status and status[0] is not FileStatus.OK:
                    self.pdf.show_file_problem(*status)
                return
        self.pdf.go_to(page)

    def show_document(self, d: DocumentDTO) -> None:
        self.show_page(d.file_id, d.first_page)
        self.index.select_document(d.id)

    def follow_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        if kind == "page":
            file_part, _, page = rest.partition(":")
            self.show_page(int(file_part) if file_part else None, int(page))
        elif kind == "doc":
            d = next((d for d in (self.detail.documents() if self.detail else []) if d.id == int(rest)), None)
            if d is not None:
                self.show_document(d)
        elif kind == "time":
            rec, _, ms = rest.partition(":")
            self.recordings.load(int(rec), position_ms=int(ms))

    def goto_cited(self) -> None:
        """G: the item's cited pages, then its recording times, in turn."""
        item_id = self.checklist.current_item_id()
        r = self.review.results.get(item_id) if self.review and item_id else None
        targets: list[str] = []
        if r is not None:
            targets = [f"page:{p.file_id or ''}:{p.page}" for p in r.pages]
            targets += [f"time:{t.recording_id}:{t.ms}" for t in r.timestamps]
        if not targets:
            self.signals.status_message.emit(self.tr("This item cites no page yet"))
            return
        self.follow_link(targets[self._cite_cursor % len(targets)])
        self._cite_cursor += 1

    def goto_document(self) -> None:
        """O: the documents the item concerns, in turn."""
        item = self.checklist.current_item()
        docs = [d for code in (item.documents if item else ()) for d in self.index.model.documents_of_type(code)]
        if not docs:
            self.signals.status_message.emit(self.tr("No document of this item is in the file's index"))
            return
        self.show_document(docs[self._doc_cursor % len(docs)])
        self._doc_cursor += 1

    # -- the document index ------------------------------------------------------------------------------
    def apply_index_change(self, fn: Callable[[Any], Any]) -> None:
        """Run an index fix, then reload the case's files and documents."""
        if self.detail is None:
            return
        case_id = self.detail.row.id

        def run(ws: Any) -> CaseDetail:
            fn(ws)
            return ws.cases.get(case_id, reviewer_id=ws.user_id)

        self._begin_save()
        self.runner.db(run, on_done=self._index_changed, on_error=self._save_failed)

    def _index_changed(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.index.set_files(detail.files)
        self._update_current_doc()
        self._end_save()
        self.checklist.refresh_detail()
        self.signals.changes_applied.emit(Changes(index=True, case_id=detail.row.id), self)

    # -- saving status ------------------------------------------------------------------------------------
    def _begin_save(self) -> None:
        self._saving += 1
        self.signals.saving.emit()

    def _end_save(self) -> None:
        self._saving = max(0, self._saving - 1)
        if self._saving == 0:
            self.signals.saved.emit(dt.datetime.now())

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = max(0, self._saving - 1)
        self.checklist.model.clear_pending()
        self.signals.save_failed.emit(str(exc))
        QMessageBox.warning(self, self.tr("Not saved"), str(exc))

    @property
    def saving(self) -> bool:
        return self._saving > 0
