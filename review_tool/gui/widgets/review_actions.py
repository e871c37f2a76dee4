"""What the reviewer's keys do in the workspace: rate, deduct, note, submit, reopen (a mixin of ReviewWorkspace).

Each change is one Workspace call on the DB worker; the item shows the new outcome in
italics until the commit returns, and the cursor moves on at once, so a reviewer can
keep typing P P N P without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from review_tool.domain.enums import Outcome
from review_tool.gui.operations import add_timestamp, mark_remaining, set_note
from review_tool.gui.signals import Changes
from review_tool.gui.widgets.deduction_dialog import DeductionDialog, PlayerMark
from review_tool.gui.widgets.text_dialogs import NoteDialog, ask_reason, exec_dialog
from review_tool.services.dto import ReviewDTO, TimeRef

if TYPE_CHECKING:
    from review_tool.gui.widgets.review_workspace import ReviewWorkspace

    _Base = ReviewWorkspace
else:
    _Base = object


class ReviewActionsMixin(_Base):
    # -- navigation -------------------------------------------------------------------------------------
    def next_item(self) -> None:
        self.checklist.next_item()

    def previous_item(self) -> None:
        self.checklist.previous_item()

    def next_unreviewed(self) -> None:
        if self.checklist.next_unreviewed() is None:
            self.signals.status_message.emit(self.tr("Every item has a result"))

    # -- guards -----------------------------------------------------------------------------------------
    def _target(self) -> str | None:
        """The current item, if the review may be changed; otherwise say why."""
        if self.review is None:
            return None
        if not self.editable:
            if self.review.locked:
                msg = self.tr("The review is submitted and read-only")
            else:
                msg = self.tr("Only the reviewer who owns this review can change it")
            self.signals.status_message.emit(msg)
            return None
        item_id = self.checklist.current_item_id()
        if item_id is None:
            self.signals.status_message.emit(self.tr("Choose an item of the checklist first"))
        return item_id

    def _change_reason(self) -> str | None:
        """'' normally; for a reopened review, the reason for the change (None: the user cancelled)."""
        if self.review is None or not self.review.reopened:
            return ""
        reason = ask_reason(self, title=self.tr("Why change it?"), prompt=self.tr(
            "This review was submitted and reopened. Say why you change it (kept in the review history)."),
            text=self._last_change_reason)
        if reason:
            self._last_change_reason = reason
        return reason

    # -- saving -------------------------------------------------------------------------------------------
    def _save(self, fn: Callable[[Any], ReviewDTO], *, item_id: str | None = None,
              pending: Outcome | None = None) -> None:
        if item_id is not None and pending is not None:
            self.checklist.model.set_pending(item_id, pending)
        self._begin_save()
        self.runner.db(fn, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, review: ReviewDTO) -> None:
        if self.review is not None and review.id != self.review.id:
            self._end_save()
            return
        self.review = review
        self.checklist.set_review(review)
        self._apply_editability()
        self._end_save()
        self.review_updated.emit(review)
        self.signals.changes_applied.emit(Changes(review=True, cases=True, case_id=review.case_id,
                                                  review_id=review.id), self)

    def _rate(self, outcome: Outcome) -> None:
        item_id = self._target()
        if item_id is None or self.review is None:
            return
        reason = self._change_reason()
        if reason is None:
            return
        review_id = self.review.id
        self._save(lambda ws: ws.reviews.record(review_id, item_id, outcome, change_reason=reason),
                   item_id=item_id, pending=outcome)
        self.checklist.next_item()

    def mark_pass(self) -> None:
        self._rate(Outcome.PASS)

    def mark_na(self) -> None:
        self._rate(Outcome.NOT_APPLICABLE)

    def clear_item(self) -> None:
        item_id = self._target()
        if item_id is None or self.review is None or item_id not in self.review.results:
            return
        reason = self._change_reason()
        if reason is None:
            return
        review_id = self.review.id
        self._save(lambda ws: ws.reviews.clear(review_id, item_id, change_reason=reason), item_id=item_id,
                   pending=None)

    def _player_mark(self) -> PlayerMark | None:
        r = self.recordings.current_recording
        if r is None or self.recordings.message.isVisible():
            return None
        return PlayerMark(r.id, self.recordings.position_ms(), self.recordings.recording_name(r.id))

    def deduct(self, *, mark: PlayerMark | None = None) -> None:
        """D: the deduction dialog for the current item; saved when the dialog is accepted."""
        item_id = self._target()
        if item_id is None or self.review is None:
            return
        item = self.review.checklist.item(item_id)
        names = {r.id: self.recordings.recording_name(r.id) for r in self.recordings.model.recordings()}
        dlg = DeductionDialog(item=item, review=self.review, page=self.pdf.current_page(), file_id=self.pdf.file_id,
                              page_count=self.pdf.page_count_total(), mark=mark or self._player_mark(),
                              cite_mark=mark is not None, recording_names=names, parent=self)
        if not exec_dialog(dlg) or dlg.result is None:
            return
        d = dlg.result
        review_id = self.review.id
        self._save(lambda ws: ws.reviews.record(
            review_id, item_id, Outcome.DEDUCT, occurrences=d.occurrences, value=d.value, reason=d.reason,
            note=d.note, pages=list(d.pages), timestamps=list(d.timestamps), change_reason=d.change_reason),
            item_id=item_id, pending=Outcome.DEDUCT)
        self.checklist.next_item()

    def edit_note(self) -> None:
        item_id = self._target()
        if item_id is None or self.review is None:
            return
        r = self.review.results.get(item_id)
        if r is None:
            self.signals.status_message.emit(self.tr("Rate the item first, then add a note (E)"))
            return
        dlg = NoteDialog(title=self.tr("Note on {item}").format(item=item_id), text=r.note, parent=self)
        if not exec_dialog(dlg) or dlg.text() == r.note:
            return
        reason = self._change_reason()
        if reason is None:
            return
        review_id, note = self.review.id, dlg.text()
        self._save(lambda ws: set_note(ws, review_id=review_id, item_id=item_id, note=note, change_reason=reason))

    def mark_time(self, recording_id: int, ms: int) -> None:
        """Ctrl+T: cite the player's moment in the current item (opens the deduction dialog if unrated)."""
        item_id = self._target()
        if item_id is None or self.review is None:
            return
        if item_id not in self.review.results:
            self.deduct(mark=PlayerMark(recording_id, ms, self.recordings.recording_name(recording_id)))
            return
        reason = self._change_reason()
        if reason is None:
            return
        review_id = self.review.id
        self._save(lambda ws: add_timestamp(ws, review_id=review_id, item_id=item_id, mark=TimeRef(recording_id, ms),
                                            change_reason=reason))

    # -- whole review -------------------------------------------------------------------------------------
    def mark_remaining(self) -> None:
        if self._target() is None and self.review is not None and not self.editable:
            return
        if self.review is None:
            return
        todo = self.checklist.unreviewed()
        if not todo:
            self.signals.status_message.emit(self.tr("Every item has a result"))
            return
        answer = QMessageBox.question(self, self.tr("Mark the rest as passing"), self.tr(
            "Mark the {n} items not yet reviewed as 符合 (pass)?\n\nFirst ones: {items}").format(
            n=len(todo), items="、".join(todo[:8]) + ("…" if len(todo) > 8 else "")),
            defaultButton=QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        reason = self._change_reason()
        if reason is None:
            return
        review_id = self.review.id
        self._save(lambda ws: mark_remaining(ws, review_id=review_id, change_reason=reason)[1])

    def submit(self) -> None:
        if self.review is None or not self.editable:
            self._target()
            return
        todo = self.checklist.unreviewed()
        if todo:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Not ready to submit"), self.tr(
                "{n} items have no result yet: {items}\n\nRate them, or mark the rest as passing "
                "(Ctrl+Shift+P), then submit.").format(
                n=len(todo), items="、".join(todo[:12]) + ("…" if len(todo) > 12 else "")), parent=self)
            go = box.addButton(self.tr("Go to the first one"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            box.deleteLater()
            if box.clickedButton() is go:
                self.checklist.select_item(todo[0])
            return
        sc = self.review.score
        answer = QMessageBox.question(self, self.tr("Submit the review"), self.tr(
            "Submit your review of {case}?\n\nTotal {total}, {grade}. After submitting, the review is locked; "
            "only a legal officer can reopen it.").format(case=self.review.doc_no, total=sc.total, grade=sc.grade),
            defaultButton=QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        review_id = self.review.id
        self._save(lambda ws: ws.reviews.submit(review_id))

    def reopen(self) -> None:
        if self.review is None or not self.review.locked:
            return
        reason = ask_reason(self, title=self.tr("Reopen the review"), prompt=self.tr(
            "Reopen {reviewer}'s submitted review of {case}? Say why (kept in the audit trail).").format(
            reviewer=self.review.reviewer_name, case=self.review.doc_no))
        if not reason:
            return
        review_id = self.review.id
        self._save(lambda ws: ws.reviews.reopen(review_id, reason=reason))

    def show_case_info(self) -> None:
        if self.detail is None:
            return
        from review_tool.gui.widgets.case_info_dialog import CaseInfoDialog

        names = dict(self._case_type_names)
        dlg = CaseInfoDialog(self.detail, case_type_name=lambda code: names.get(code, code),
                             show_page=self.show_page, parent=self)
        exec_dialog(dlg)

    def show_history(self) -> None:
        if self.review is None:
            return
        from review_tool.gui.widgets.history_dialog import HistoryDialog

        dlg = HistoryDialog(runner=self.runner, review=self.review, parent=self)
        exec_dialog(dlg)
