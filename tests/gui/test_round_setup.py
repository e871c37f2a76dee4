"""The legal officer sets up a month's round in the GUI, on the seeded demo data: a new round for a month
(drawn by the rule, seed recorded), a case taken out and put back with reasons, a case's reviewers changed
by hand (a change that breaks a rule is confirmed and recorded), and the meeting's own deduction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from conftest import DemoDb, open_meeting, start_gui
from dialogs import when_modal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from sqlalchemy import select

from review_tool.domain.enums import AssignmentStatus, DeductionKind, Outcome, ReviewStatus, Role
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.widgets.deduction_dialog import DeductionDialog
from review_tool.gui.widgets.meeting_window import DecideDialog, MeetingWindow
from review_tool.gui.widgets.round_dialogs import (
    CasePickerDialog,
    ConflictDialog,
    NewRoundDialog,
    ReviewersDialog,
)
from review_tool.storage.orm import Assignment, AuditEvent, Case


def legal_officer(demo_db: DemoDb) -> str:
    with demo_db.workspace() as ws:
        return next(u for u in ws.org.users(Role.LEGAL_OFFICER)).name


def audit(demo_db: DemoDb, action: str) -> list[AuditEvent]:
    with demo_db.workspace() as ws, ws.session_factory() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_new_round_for_a_month(qtbot, demo_db: DemoDb) -> None:
    with demo_db.workspace() as ws, ws.session_factory() as s, s.begin():  # three files closed in October
        moved = list(s.scalars(select(Case).order_by(Case.id).limit(3)))
        for n, c in enumerate(moved):
            c.closed_on = dt.date(2026, 10, 10 + n)
        moved_ids = {c.id for c in moved}
    gui = start_gui(qtbot, demo_db, user=legal_officer(demo_db))  # type: ignore[arg-type]
    assert gui.window.new_round_action.isVisible()
    seen: list[str] = []

    def fill(w: QWidget) -> None:
        assert isinstance(w, NewRoundDialog)
        months = [w.month.itemData(i) for i in range(w.month.count())]
        assert months[:2] == ["2026-11", "2026-10"]  # newest first
        assert w.month_text() == "2026-10"  # the newest month without a round is offered
        w.month.setEditText("2026-13")
        assert not w.try_accept() and "YYYY-MM" in w.hint.text()
        w.month.setEditText("2026-11")
        assert not w.try_accept() and "2026-11" in w.hint.text()  # already has a round
        w.month.setCurrentIndex(1)
        w.seed.setText("四十二")
        assert not w.try_accept() and w.hint.text()
        w.seed.setText("42")
        w.per_case.setValue(2)
        when_modal(lambda box: (seen.append(box.text()), box.accept()), of_type=QMessageBox, tries=1500)
        assert w.try_accept()

    when_modal(fill, of_type=NewRoundDialog)
    gui.window.new_round()
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
    assert "2026-10" in seen[0] and "42" in seen[0]
    with demo_db.workspace() as ws:
        rnd = ws.rounds.get("2026-10")
        status = ws.rounds.status(rnd.id)
        october = {c.id for c in ws.cases.list_cases() if c.closed_on and c.closed_on.strftime("%Y-%m") == "2026-10"}
    assert (rnd.seed, rnd.per_case, rnd.blind) == (42, 2, True)
    assert moved_ids <= october and status.cases and {c.case_id for c in status.cases} <= october
    # the new round is chosen in the case list and its window opens to propose the assignment
    m = gui.window.meeting_window
    qtbot.waitUntil(lambda: m.status is not None, timeout=10_000)
    assert m.round_id == rnd.id
    qtbot.waitUntil(lambda: gui.window.browser.current_round() == rnd.id, timeout=10_000)
    assert [e.reason for e in audit(demo_db, "round_create")][-1] is not None
    m.close()
    gui.close()


def test_cases_and_reviewers_changed_by_hand(qtbot, demo_db: DemoDb, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(MeetingWindow, "_failed", lambda self, exc: errors.append(str(exc)))
    gui = start_gui(qtbot, demo_db, user=legal_officer(demo_db))  # type: ignore[arg-type]
    m = open_meeting(gui)
    rows = m.cases.rows()
    victim = rows[-1]

    # out of the round, with the reason
    m.case_table.selectRow(len(rows) - 1)
    when_modal(lambda w: (w.setTextValue("系重复立案，撤回评查"), w.accept()), of_type=QInputDialog)
    m.remove_case()
    assert gui.runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: victim.case_id not in {c.case_id for c in m.cases.rows()}, timeout=10_000)
    assert [e.reason for e in audit(demo_db, "round_remove_case")] == ["系重复立案，撤回评查"]

    # back in by hand: the picker lists it, a reason is required
    def pick(w: QWidget) -> None:
        assert isinstance(w, CasePickerDialog)
        listed = [w.proxy.index(r, 0).data(ROW_ROLE).id for r in range(w.proxy.rowCount())]
        assert victim.case_id in listed and not {c.case_id for c in m.cases.rows()} & set(listed)
        w.search.setText(victim.doc_no)
        assert w.proxy.rowCount() == 1
        w.table.selectRow(0)
        assert not w.try_accept() and w.hint.text()  # no reason yet
        w.reason.setText("例会决定补充评查")
        assert w.try_accept()

    when_modal(pick, of_type=CasePickerDialog)
    m.add_case()
    qtbot.waitUntil(lambda: victim.case_id in {c.case_id for c in m.cases.rows()}, timeout=10_000)
    assert [e.reason for e in audit(demo_db, "round_add_case")] == ["例会决定补充评查"]
    assert errors == []

    # change a reviewer: one who is marked unavailable breaks a rule: warned, confirmed, recorded
    k, case = next((k, c) for k, c in enumerate(m.cases.rows()) if c.reviewers)
    on_case = {s.reviewer_id for s in case.reviewers if s.status is not AssignmentStatus.WITHDRAWN}
    spare = next(w for w in m.workload.rows() if w.reviewer_id not in on_case)
    with demo_db.workspace(user=legal_officer(demo_db)) as ws:
        ws.org.set_available(spare.reviewer_id, False, reason="外出培训")
    m.refresh()
    assert gui.runner.wait_idle(10_000)
    m.case_table.selectRow(k)
    warned: list[str] = []

    def choose(w: QWidget) -> None:
        assert isinstance(w, ReviewersDialog)
        begun = [i for i in range(1, w.remove.count()) if not w.remove.model().item(i).isEnabled()]
        assert len(begun) == sum(1 for s in case.reviewers if s.review_status is not None
                                 and s.status is not AssignmentStatus.WITHDRAWN)  # a begun review stays
        w.add.setCurrentIndex(w.add.findData(spare.reviewer_id))
        assert not w.try_accept() and w.hint.text()  # no reason yet
        w.reason.setText("补充第三名评查员")
        when_modal(lambda box: (warned.append(box.text()),
                                box.button(QMessageBox.StandardButton.Yes).click()), of_type=QMessageBox, tries=1500)
        assert w.try_accept()

    when_modal(choose, of_type=ReviewersDialog)
    m.change_reviewers()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert spare.name in warned[0] and "不能参加评查" in warned[0]
    assert gui.runner.wait_idle(10_000)
    with demo_db.workspace() as ws, ws.session_factory() as s:
        a = s.scalar(select(Assignment).where(Assignment.round_id == demo_db.round_id,
                                              Assignment.case_id == case.case_id,
                                              Assignment.reviewer_id == spare.reviewer_id))
    assert a is not None and a.override and a.warnings and a.status is AssignmentStatus.DEPLOYED
    events = audit(demo_db, "assignment_override")
    assert events[-1].reason == "补充第三名评查员" and events[-1].after["forced"] is True
    assert errors == []
    m.close()
    gui.close()


def test_the_meetings_own_deduction(qtbot, demo_db: DemoDb, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(MeetingWindow, "_failed", lambda self, exc: errors.append(str(exc)))
    legal = legal_officer(demo_db)
    with demo_db.workspace(user=legal) as ws:  # the reviewers of one case finish it
        status = ws.rounds.status(demo_db.round_id)
        case = next(c for c in status.cases if len(c.reviewers) >= 2)
        for slot in case.reviewers:
            if slot.review_status is not ReviewStatus.SUBMITTED:
                ws.set_user(slot.reviewer_id)
                review = ws.reviews.open(case.case_id, round_id=demo_db.round_id)
                ws.reviews.mark_remaining_pass(review.id)
                ws.reviews.submit(review.id)
    gui = start_gui(qtbot, demo_db, user=legal)  # type: ignore[arg-type]
    m = open_meeting(gui)
    m.case_table.selectRow(next(k for k, c in enumerate(m.cases.rows()) if c.case_id == case.case_id))
    m.discuss_selected()
    qtbot.waitUntil(lambda: m.meeting is not None, timeout=10_000)
    # an item counted per occurrence: the meeting finds it twice
    row, item = next((r, m.meeting.checklist.item(m.items.index(r, 0).data(ROW_ROLE).item_id))
                     for r in range(m.items.rowCount())
                     if m.meeting.checklist.item(m.items.index(r, 0).data(ROW_ROLE).item_id).rule.kind
                     is DeductionKind.PER_OCCURRENCE)
    m.item_table.selectRow(row)

    def own(w: QWidget) -> None:
        assert isinstance(w, DecideDialog)
        w.choice.setCurrentIndex(next(i for i in range(w.choice.count()) if w.choice.itemData(i) == (None, Outcome.DEDUCT)))
        w.note.setText("例会认定两处")

        def points(d: QWidget) -> None:
            assert isinstance(d, DeductionDialog) and d.count is not None
            d.count.setValue(2)
            assert not d.try_accept() and d.hint.text()  # a deduction needs its reason
            d.reason.setEditText("询问笔录未载明询问起止时间")
            d.pages.setText("5, 9")
            assert d.try_accept()

        when_modal(points, of_type=DeductionDialog, tries=1500)
        w.accept()

    when_modal(own, of_type=DecideDialog)
    m.decide_selected()
    qtbot.waitUntil(lambda: item.id in m.meeting.reconciled, timeout=10_000)
    rec = m.meeting.reconciled[item.id]
    cap = item.rule.cap if item.rule.cap is not None else item.points
    assert rec.outcome is Outcome.DEDUCT and rec.points == min(item.rule.per * 2, cap) > Decimal(0)
    assert rec.occurrences == 2 and rec.reason == "询问笔录未载明询问起止时间" and rec.note == "例会认定两处"
    assert [p.page for p in rec.pages] == [5, 9]
    assert errors == []
    m.close()
    gui.close()


def test_a_reviewer_declares_a_conflict_and_the_legal_officer_sees_it(qtbot, demo_db: DemoDb) -> None:
    gui = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    assert not gui.window.new_round_action.isVisible() and gui.window.conflict_action.isVisible()
    proxy = gui.window.browser.proxy
    rows = [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]
    k = next(k for k, r in enumerate(rows) if r.id in demo_db.assigned)
    gui.window.browser.table.selectRow(k)
    told: list[str] = []

    seen: list[tuple[int, str, bool, str]] = []

    def declare(w: QWidget) -> None:
        assert isinstance(w, ConflictDialog)
        seen.append((w.target.count(), w.target.itemText(0), w.try_accept(), w.hint.text()))
        w.reason.setText("当事人系本人表兄")
        when_modal(lambda box: (told.append(box.text()), box.accept()), of_type=QMessageBox, tries=1500)
        w.try_accept()

    when_modal(declare, of_type=ConflictDialog)
    gui.window.declare_conflict()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    ((targets, first, accepted, hint),) = seen
    assert targets == 2 and rows[k].doc_no in first and not accepted and hint  # the reason is required
    assert rows[k].doc_no in told[0] and "法制员" in told[0]  # still assigned: the legal officer will act
    gui.close()
    with demo_db.workspace() as ws:
        (c,) = ws.org.conflicts()
    assert (c.user_name, c.case_id, c.reason) == (demo_db.reviewer, rows[k].id, "当事人系本人表兄")

    # the legal officer: the case is flagged in the round; the reviewer is marked unavailable from the workload tab
    gui = start_gui(qtbot, demo_db, user=legal_officer(demo_db))  # type: ignore[arg-type]
    m = open_meeting(gui)
    row = next(c for c in m.cases.rows() if c.case_id == rows[k].id)
    assert any(demo_db.reviewer in f and "回避" in f for f in row.flags)
    w = next(r for r, x in enumerate(m.workload.rows()) if x.name == demo_db.reviewer)
    m.work_table.selectRow(w)
    when_modal(lambda d: (d.setTextValue("12月外出培训"), d.accept()), of_type=QInputDialog)
    m.toggle_available()
    qtbot.waitUntil(lambda: not next(x for x in m.workload.rows() if x.name == demo_db.reviewer).available,
                    timeout=10_000)
    assert "不参评" in m.workload.index(w, 0).data()
    assert [e.reason for e in audit(demo_db, "set_available")] == ["12月外出培训"]
    m.close()
    gui.close()
