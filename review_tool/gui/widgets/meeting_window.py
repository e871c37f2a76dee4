"""The month's round for the legal officer (法制员): cases and reviewers, the meeting (例会) that reconciles
the reviews of each case, finalisation, reviewers' workload and calibration.

Every call goes to the services on the DB worker (`TaskRunner.db`); the services enforce the rules (only
legal officers, blind review, the finalisation lock, audited reopen) and their messages are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import DeductionKind, Outcome, RoundStatus
from review_tool.gui import labels
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.models.rows import RowsModel, row_table
from review_tool.gui.tasks import TaskRunner
from review_tool.gui.widgets.deduction_dialog import DeductionDialog, DeductionInput
from review_tool.gui.widgets.round_dialogs import CasePickerDialog, ReviewersDialog
from review_tool.i18n import QT_TRANSLATE_NOOP, translate
from review_tool.services.rounds import OverrideRefused

DIFFER = QColor("#fde2e1")
FLAGGED = QColor("#fff3c4")
OUTCOME_TEXT = {"pass": "符合", "deduct": "扣分", "na": "不适用"}


def vote_text(vote: Any) -> str:
    """A reviewer's result on an item, as the meeting reads it: 符合 / 扣 2 分 / 不适用 / —."""
    if vote is None or vote.outcome is None:
        return "—"
    if vote.outcome == "deduct":
        return translate("MeetingWindow", "deduct {points}").format(points=labels.points(vote.points))
    return OUTCOME_TEXT.get(vote.outcome, vote.outcome)


CASE_HEADERS = {
    0: QT_TRANSLATE_NOOP("MeetingWindow", "Case no."), 1: QT_TRANSLATE_NOOP("MeetingWindow", "Type"),
    2: QT_TRANSLATE_NOOP("MeetingWindow", "Handlers"), 3: QT_TRANSLATE_NOOP("MeetingWindow", "Handlers' unit"),
    4: QT_TRANSLATE_NOOP("MeetingWindow", "Reviewers"), 5: QT_TRANSLATE_NOOP("MeetingWindow", "Submitted"),
    6: QT_TRANSLATE_NOOP("MeetingWindow", "Mean"), 7: QT_TRANSLATE_NOOP("MeetingWindow", "Final"),
    8: QT_TRANSLATE_NOOP("MeetingWindow", "To discuss"),
}
WORK_HEADERS = {
    0: QT_TRANSLATE_NOOP("MeetingWindow", "Reviewer"), 1: QT_TRANSLATE_NOOP("MeetingWindow", "Unit"),
    2: QT_TRANSLATE_NOOP("MeetingWindow", "Cases"), 3: QT_TRANSLATE_NOOP("MeetingWindow", "Pages"),
    4: QT_TRANSLATE_NOOP("MeetingWindow", "Recording minutes"), 5: QT_TRANSLATE_NOOP("MeetingWindow", "Submitted"),
    6: QT_TRANSLATE_NOOP("MeetingWindow", "In progress"), 7: QT_TRANSLATE_NOOP("MeetingWindow", "Not started"),
}
ITEM_HEADER = QT_TRANSLATE_NOOP("MeetingWindow", "Item")
TEXT_HEADER = QT_TRANSLATE_NOOP("MeetingWindow", "Text")
CALIB_HEADERS = {
    0: QT_TRANSLATE_NOOP("MeetingWindow", "Reviewer"), 1: QT_TRANSLATE_NOOP("MeetingWindow", "Cases"),
    2: QT_TRANSLATE_NOOP("MeetingWindow", "Mean deviation (points)"),
    3: QT_TRANSLATE_NOOP("MeetingWindow", "Tendency"),
    4: QT_TRANSLATE_NOOP("MeetingWindow", "Item agreement"), 5: QT_TRANSLATE_NOOP("MeetingWindow", "Kappa"),
}


class DecideDialog(QDialog):
    """The meeting's result for one differing item: take one reviewer's finding, or 符合 / 不适用, or the
    meeting's own deduction (its points and reason asked next, in the deduction dialog)."""

    def __init__(self, item: Any, votes: list[tuple[str, int, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreed result of {item}").format(item=item.id))
        lay = QVBoxLayout(self)
        text = QLabel(f"{item.id} {item.text}", self)
        text.setWordWrap(True)
        lay.addWidget(text)
        form = QFormLayout()
        self.choice = QComboBox(self)
        for name, review_id, vote in votes:
            if vote is not None and vote.outcome is not None:
                label = self.tr("{reviewer}'s finding: {result}").format(reviewer=name, result=vote_text(vote))
                if vote.reason:
                    label += f"（{vote.reason}）"
                self.choice.addItem(label, (review_id, vote))
        self.choice.addItem(self.tr("The meeting: pass (符合)"), (None, Outcome.PASS))
        self.choice.addItem(self.tr("The meeting's own deduction (points and reason next)…"), (None, Outcome.DEDUCT))
        self.choice.addItem(self.tr("The meeting: not applicable (不适用)"), (None, Outcome.NOT_APPLICABLE))
        form.addRow(self.tr("Result"), self.choice)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why the meeting decided so (kept with the result)"))
        form.addRow(self.tr("Note"), self.note)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class MeetingWindow(QDialog):
    """Attributes:
    round_id: the round shown; `cases`, `items`, `workload`, `calibration`: the tables' models.
    """

    def __init__(self, *, runner: TaskRunner, round_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.round_id = round_id
        self.meeting: Any = None  # CaseMeeting of the case under discussion
        self.status: Any = None  # RoundStatusReport
        self.setWindowTitle(self.tr("Round and meeting"))
        self.resize(1280, 760)
        lay = QVBoxLayout(self)
        self.header = QLabel(self.tr("Loading…"), self)
        self.header.setStyleSheet("font-size: 15px; font-weight: bold;")
        lay.addWidget(self.header)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs, 1)

        # -- cases and reviewers
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.cases = RowsModel("MeetingWindow", CASE_HEADERS, self._case_cell, self._case_background, self)
        self.case_table = row_table(page, self.cases, 4)
        self.case_table.doubleClicked.connect(lambda _i: self.discuss_selected())
        self.case_table.activated.connect(lambda _i: self.discuss_selected())
        v.addWidget(self.case_table, 1)
        row = QHBoxLayout()
        self.propose_button = self._button(self.tr("Propose assignment"), self.propose, row)
        self.deploy_button = self._button(self.tr("Deploy to reviewers"), self.deploy, row)
        self.explain_button = self._button(self.tr("Why these reviewers?"), self.explain, row)
        self.reviewers_button = self._button(self.tr("Change reviewers…"), self.change_reviewers, row)
        row.addStretch(1)
        self.add_case_button = self._button(self.tr("Add a case…"), self.add_case, row)
        self.remove_case_button = self._button(self.tr("Remove from the round…"), self.remove_case, row)
        self.discuss_button = self._button(self.tr("Discuss this case (Enter)"), self.discuss_selected, row)
        v.addLayout(row)
        self.tabs.addTab(page, self.tr("Cases and reviewers"))

        # -- the meeting on one case
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.case_label = QLabel(self.tr("Choose a case on the first tab (Enter)."), self)
        self.case_label.setWordWrap(True)
        self.case_label.setStyleSheet("font-size: 14px;")
        v.addWidget(self.case_label)
        self.items = RowsModel("MeetingWindow", {0: ITEM_HEADER, 1: TEXT_HEADER}, self._item_cell,
                               self._item_background, self)
        self.item_table = row_table(page, self.items, 1)
        self.item_table.activated.connect(lambda _i: self.decide_selected())
        self.item_table.doubleClicked.connect(lambda _i: self.decide_selected())
        v.addWidget(self.item_table, 1)
        row = QHBoxLayout()
        self.accept_button = self._button(self.tr("Accept every agreed item"), self.accept_agreed, row)
        self.decide_button = self._button(self.tr("Decide this item… (Enter)"), self.decide_selected, row)
        row.addStretch(1)
        self.next_button = self._button(self.tr("Next case to discuss"), self.next_flagged, row, "Ctrl+N")
        v.addLayout(row)
        self.tabs.addTab(page, self.tr("Meeting"))

        # -- workload and calibration
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.workload = RowsModel("MeetingWindow", WORK_HEADERS, self._work_cell, self._work_background, self)
        self.work_table = row_table(page, self.workload, 1)
        v.addWidget(self.work_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.available_button = self._button(self.tr("Available / not available…"), self.toggle_available, row)
        v.addLayout(row)
        self.tabs.addTab(page, self.tr("Workload"))
        self.calibration = RowsModel("MeetingWindow", CALIB_HEADERS, self._calib_cell, None, self)
        self.tabs.addTab(row_table(self, self.calibration, 3), self.tr("Calibration"))

        row = QHBoxLayout()
        self.finalize_button = self._button(self.tr("Finalise the round…"), self.finalize, row)
        self.reopen_button = self._button(self.tr("Reopen the round…"), self.reopen, row)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        lay.addLayout(row)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout, keys: str | None = None) -> QPushButton:
        b = QPushButton(text, self)
        b.clicked.connect(slot)
        if keys:
            b.setShortcut(QKeySequence(keys))
            b.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
        row.addWidget(b)
        return b

    # -- loading ---------------------------------------------------------------------------------------------------
    def _call(self, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        self.runner.db(fn, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), str(exc))

    def refresh(self) -> None:
        rid = self.round_id

        def load(ws: Any) -> tuple[Any, Any, Any]:
            status = ws.rounds.status(rid)
            work = ws.rounds.workload(rid)
            calib = ws.meeting.calibration(rid) if status.round.status is not RoundStatus.DRAFT else []
            return status, work, calib

        self._call(load, self._loaded)

    def _loaded(self, result: tuple[Any, Any, Any]) -> None:
        self.status, work, calib = result
        r = self.status.round
        flagged = sum(1 for c in self.status.cases if c.flags)
        self.header.setText(self.tr("{month} {title} — {status}; {n} cases, {flagged} to discuss").format(
            month=r.month, title=r.title, status=labels.label(r.status), n=len(self.status.cases), flagged=flagged))
        self.cases.set_rows(list(self.status.cases))
        self.workload.set_rows(list(work))
        self.calibration.set_rows(list(calib))
        final = r.status is RoundStatus.FINALISED
        for b in (self.propose_button, self.deploy_button, self.accept_button, self.decide_button,
                  self.finalize_button, self.reviewers_button, self.add_case_button, self.remove_case_button):
            b.setEnabled(not final)
        self.reopen_button.setEnabled(final)
        if self.meeting is not None:
            self._load_case(self.meeting.case_id)

    # -- cells -----------------------------------------------------------------------------------------------------
    def _case_cell(self, c: Any, col: int) -> str:
        if col == 0:
            return c.doc_no
        if col == 1:
            return c.case_type_name
        if col == 2:
            return "、".join(c.handlers)
        if col == 3:
            return c.handler_unit
        if col == 4:
            return "；".join(f"{s.name}（{s.unit}）" + ("✓" if s.review_status and s.review_status.value == "submitted"
                                                      else "") for s in c.reviewers)
        if col == 5:
            return f"{c.submitted}/{len(c.reviewers)}"
        if col == 6:
            return labels.points(c.mean_total) if c.mean_total is not None else ""
        if col == 7:
            return f"{labels.points(c.final_total)} {c.final_grade or ''}" if c.final_total is not None else ""
        return "；".join(c.flags)

    @staticmethod
    def _case_background(c: Any) -> QColor | None:
        return FLAGGED if c.flags else None

    def _item_cell(self, ic: Any, col: int) -> str:
        m = self.meeting
        if col == 0:
            return ic.item_id
        if col == 1:
            try:
                return m.checklist.item(ic.item_id).text
            except KeyError:
                return ""
        ids = m.comparison.reviewer_ids
        if 2 <= col < 2 + len(ids):
            return vote_text(ic.votes.get(ids[col - 2]))
        if col == 2 + len(ids):
            return self.tr("agreed") if ic.agreed else self.tr("differ")
        rec = m.reconciled.get(ic.item_id)
        if rec is None:
            return ""
        text = OUTCOME_TEXT.get(rec.outcome.value, rec.outcome.value)
        if rec.outcome is Outcome.DEDUCT:
            text = translate("MeetingWindow", "deduct {points}").format(points=labels.points(rec.points))
        return f"{text}（{rec.proposed_by}）" if rec.proposed_by else text

    def _item_background(self, ic: Any) -> QColor | None:
        if ic.agreed or (self.meeting and ic.item_id in self.meeting.reconciled):
            return None
        return DIFFER

    def _work_cell(self, w: Any, col: int) -> str:
        if col == 0 and not w.available:
            return self.tr("{name} (not available)").format(name=w.name)
        return str((w.name, w.unit, w.cases, w.pages, w.minutes, w.submitted, w.in_progress, w.not_started)[col])

    @staticmethod
    def _work_background(w: Any) -> QColor | None:
        return QColor("#e8e8e8") if not w.available else None

    def _calib_cell(self, row: Any, col: int) -> str:
        name, c = row
        dev = c.mean_signed_deviation
        if col == 0:
            return name
        if col == 1:
            return str(c.cases)
        if col == 2:
            return "" if dev is None else f"{float(dev):+.2f}"  # exact Fraction; shown rounded
        if col == 3:
            if dev is None:
                return ""
            return self.tr("harsh") if dev < 0 else self.tr("lenient") if dev > 0 else self.tr("on the mark")
        if col == 4:
            return "" if c.percent_agreement is None else f"{float(c.percent_agreement) * 100:.0f}%"
        k = c.kappa
        return "" if k is None or k.value is None else f"{float(k.value):.2f}"  # shown, not computed with

    # -- the round -------------------------------------------------------------------------------------------------
    def _selected_case(self) -> Any:
        return self.case_table.currentIndex().data(ROW_ROLE)

    def propose(self) -> None:
        rid = self.round_id
        self._call(lambda ws: ws.rounds.propose(rid), lambda _r: self.refresh())

    def deploy(self) -> None:
        rid = self.round_id
        self._call(lambda ws: ws.rounds.deploy(rid), lambda n: (
            QMessageBox.information(self, self.windowTitle(), self.tr("{n} assignments deployed.").format(n=n)),
            self.refresh()))

    def explain(self) -> None:
        c, rid = self._selected_case(), self.round_id
        if c is None:
            return
        self._call(lambda ws: ws.rounds.explain(rid, c.case_id),
                   lambda text: QMessageBox.information(self, c.doc_no, text))

    def add_case(self) -> None:
        """A case the rule did not draw, added by hand with the reason (audited)."""
        if self.status is None:
            return
        in_round = {c.case_id for c in self.status.cases}
        rid, month = self.round_id, self.status.round.month

        def chosen(cases: list[Any]) -> None:
            dlg = CasePickerDialog([c for c in cases if c.id not in in_round], month=month, parent=self)
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.chosen is None:
                return
            cid, reason = dlg.chosen.id, dlg.reason_text
            self._call(lambda ws: ws.rounds.add_case(rid, cid, reason=reason), lambda _r: self.refresh())

        self._call(lambda ws: ws.cases.list_cases(), chosen)

    def remove_case(self) -> None:
        """Take the selected case out of the round, with the reason; its reviews are kept on record."""
        c, rid = self._selected_case(), self.round_id
        if c is None:
            return
        reason, ok = QInputDialog.getText(self, self.windowTitle(), self.tr(
            "Why is {case} taken out of the round? (kept in the audit trail; reviews begun are kept)").format(
            case=c.doc_no))
        if not ok or not reason.strip():
            return
        self._call(lambda ws: ws.rounds.remove_case(rid, c.case_id, reason=reason.strip()),
                   lambda _r: self.refresh())

    def change_reviewers(self) -> None:
        """Put a reviewer on the selected case or take one off by hand; a change that breaks a rule of the
        assignment is shown and only made when confirmed (then recorded with its warnings)."""
        c, rid = self._selected_case(), self.round_id
        if c is None:
            return
        dlg = ReviewersDialog(c, self.workload.rows(), self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result is None:
            return
        change = dlg.result

        def run(ws: Any, force: bool = False) -> list[str]:
            return ws.rounds.override(rid, c.case_id, add=change.add, remove=change.remove, reason=change.reason,
                                      force=force)

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, OverrideRefused):
                self._failed(exc)
                return
            text = self.tr("This change breaks a rule of the assignment:\n{warnings}\n\nAssign anyway? "
                           "It will be recorded with these warnings.").format(
                warnings="\n".join(f"- {w}" for w in exc.warnings))
            if QMessageBox.warning(self, self.windowTitle(), text, QMessageBox.StandardButton.Yes
                                   | QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes:
                self._call(lambda ws: run(ws, True), lambda _w: self.refresh())

        self.runner.db(run, on_done=lambda _w: self.refresh(), on_error=refused)

    def toggle_available(self) -> None:
        """Mark the selected reviewer as not available this month (leave, training …) or back; audited.
        Assignments already deployed stay: change them on the first tab."""
        w = self.work_table.currentIndex().data(ROW_ROLE)
        if w is None:
            return
        question = (self.tr("Why is {name} not available for assignments? (kept in the audit trail)") if w.available
                    else self.tr("{name} is available again: why? (kept in the audit trail)")).format(name=w.name)
        reason, ok = QInputDialog.getText(self, self.windowTitle(), question)
        if not ok or not reason.strip():
            return
        self._call(lambda ws: ws.org.set_available(w.reviewer_id, not w.available, reason=reason.strip()),
                   lambda _r: self.refresh())

    def finalize(self) -> None:
        open_cases = [c.doc_no for c in self.status.cases if c.final_total is None] if self.status else []
        text = self.tr("Finalise the round? Results become immutable (a reopen is audited).")
        if open_cases:
            text += "\n\n" + self.tr("Not reconciled, finalised on the mean of the reviews: {cases}").format(
                cases="、".join(open_cases))
        if QMessageBox.question(self, self.windowTitle(), text) != QMessageBox.StandardButton.Yes:
            return
        rid = self.round_id
        self._call(lambda ws: ws.meeting.finalize(rid), lambda _r: self.refresh())

    def reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, self.windowTitle(),
                                          self.tr("Why is the finalised round reopened? (kept in the audit trail)"))
        if not ok or not reason.strip():
            return
        rid = self.round_id
        self._call(lambda ws: ws.meeting.reopen(rid, reason=reason.strip()), lambda _r: self.refresh())

    # -- the meeting on one case ------------------------------------------------------------------------------------
    def discuss_selected(self) -> None:
        c = self._selected_case()
        if c is not None:
            self._load_case(c.case_id)
            self.tabs.setCurrentIndex(1)
            self.item_table.setFocus()

    def _load_case(self, case_id: int) -> None:
        rid = self.round_id

        def load(ws: Any) -> Any:
            return ws.meeting.case(rid, case_id)

        self._call(load, self._case_loaded)

    def _case_loaded(self, m: Any) -> None:
        self.meeting = m
        names = {r.reviewer_id: r.reviewer_name for r in m.reviews}
        ids = m.comparison.reviewer_ids
        headers = {0: ITEM_HEADER, 1: TEXT_HEADER}
        for i, rid in enumerate(ids):
            headers[2 + i] = names.get(rid, str(rid))
        headers[2 + len(ids)] = QT_TRANSLATE_NOOP("MeetingWindow", "Agreed?")
        headers[3 + len(ids)] = QT_TRANSLATE_NOOP("MeetingWindow", "Meeting's result")
        self.items.set_headers(headers)
        self.items.set_rows(list(m.comparison.items))
        score = m.score
        if score is not None:
            result = self.tr("final {total} {grade}").format(total=labels.points(score.total), grade=score.grade)
        elif m.provisional_total is not None:
            result = self.tr("mean of the reviews {total} (not yet reconciled)").format(
                total=labels.points(m.provisional_total))
        else:
            result = self.tr("no submitted reviews yet")
        differing = sum(1 for i in m.comparison.items if not i.agreed and i.item_id not in m.reconciled)
        self.case_label.setText(self.tr("{case}: {result}; {n} differing item(s) still to decide{flags}").format(
            case=m.doc_no, result=result, n=differing, flags=("；" + "；".join(m.flags)) if m.flags else ""))
        if self.items.rowCount() and not self.item_table.currentIndex().isValid():
            self.item_table.selectRow(0)

    def accept_agreed(self) -> None:
        if self.meeting is None:
            return
        rid, cid = self.round_id, self.meeting.case_id
        self._call(lambda ws: ws.meeting.accept_agreed(rid, cid), lambda _n: self.refresh())

    def decide_selected(self) -> None:
        m = self.meeting
        ic = self.item_table.currentIndex().data(ROW_ROLE)
        if m is None or ic is None or self.status is None or self.status.round.status is RoundStatus.FINALISED:
            return
        item = m.checklist.item(ic.item_id)
        review_of = {r.reviewer_id: r.id for r in m.reviews}
        names = {r.reviewer_id: r.reviewer_name for r in m.reviews}
        votes = [(names[rid], review_of[rid], ic.votes.get(rid)) for rid in m.comparison.reviewer_ids
                 if rid in review_of]
        dlg = DecideDialog(item, votes, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.choice.currentData() is None:
            return
        review_id, choice = dlg.choice.currentData()
        note = dlg.note.text().strip()
        rid, cid = self.round_id, m.case_id
        if review_id is None and choice is Outcome.DEDUCT:
            own = self._meeting_deduction(item, ic.item_id)
            if own is None:
                return
            outcome = Outcome.DEDUCT
            kw = {"reason": own.reason, "occurrences": own.occurrences, "value": own.value, "pages": own.pages}
            note = note or own.note
        elif review_id is None:
            outcome, kw = choice, {}
        else:
            outcome = {"pass": Outcome.PASS, "na": Outcome.NOT_APPLICABLE}.get(choice.outcome, Outcome.DEDUCT)
            kw = {"reason": choice.reason, "proposed_by_review": review_id}
            if outcome is Outcome.DEDUCT:
                if item.rule.kind is DeductionKind.PER_OCCURRENCE:
                    kw["occurrences"] = choice.occurrences or 1
                elif item.rule.kind is DeductionKind.RANGE:
                    kw["value"] = choice.points
        row = self.item_table.currentIndex().row()
        self._call(lambda ws: ws.meeting.decide(rid, cid, ic.item_id, outcome, note=note, **kw),
                   lambda _r: (self.refresh(), self.item_table.selectRow(min(row + 1, self.items.rowCount() - 1))))

    def _meeting_deduction(self, item: Any, item_id: str) -> DeductionInput | None:
        """The meeting's own deduction on an item: points by the item's rule and a reason, pages the
        reviewers cited offered."""
        assert self.meeting is not None
        cited = sorted({p.page for r in self.meeting.reviews
                        for p in (r.results[item_id].pages if item_id in r.results else ())})
        dlg = DeductionDialog(item=item, review=None, page=0, file_id=None, page_count=0, pages=tuple(cited),
                              parent=self)
        dlg.setWindowTitle(self.tr("The meeting deducts: {item}").format(item=item_id))
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.result

    def next_flagged(self) -> None:
        if self.status is None:
            return
        rows = self.cases.rows()
        start = next((i for i, c in enumerate(rows) if self.meeting and c.case_id == self.meeting.case_id), -1)
        for c in rows[start + 1:] + rows[: start + 1]:
            if c.flags:
                self.case_table.selectRow(rows.index(c))
                self._load_case(c.case_id)
                self.tabs.setCurrentIndex(1)
                return
