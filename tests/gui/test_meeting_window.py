"""The round and the meeting for the legal officer, on the seeded demo month: reviewers don't get the window;
the meeting lists differing items first, accepts the agreed ones in one step, records a decision on a differing
item with its proposer, and the final score follows; finalising locks the round; reopening needs a reason."""

from __future__ import annotations

from conftest import DemoDb, open_meeting, start_gui
from dialogs import when_modal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from review_tool.domain.enums import Outcome, ReviewStatus, Role, RoundStatus
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.widgets.meeting_window import DecideDialog, MeetingWindow


def test_a_reviewer_has_no_meeting_window(qtbot, demo_db: DemoDb) -> None:
    gui = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    assert not gui.window.meeting_action.isVisible()
    seen = when_modal(lambda w: w.accept(), of_type=QMessageBox)
    gui.window.show_meeting()
    assert seen and not hasattr(gui.window, "meeting_window")
    gui.close()


def test_the_meeting_reconciles_decides_and_finalises(qtbot, demo_db: DemoDb, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(MeetingWindow, "_failed", lambda self, exc: errors.append(str(exc)))
    with demo_db.workspace() as ws:
        legal = next(u for u in ws.org.users(Role.LEGAL_OFFICER))
        ws.set_user(legal.id)
        status = ws.rounds.status(demo_db.round_id)
        # the reviewers finish the month: every assigned review completed and submitted
        for case in status.cases:
            for slot in case.reviewers:
                if slot.review_status is ReviewStatus.SUBMITTED:
                    continue
                ws.set_user(slot.reviewer_id)
                review = ws.reviews.open(case.case_id, round_id=demo_db.round_id)
                ws.reviews.mark_remaining_pass(review.id)
                ws.reviews.submit(review.id)
        ws.set_user(legal.id)
        status = ws.rounds.status(demo_db.round_id)
    gui = start_gui(qtbot, demo_db, user=legal.name)  # type: ignore[arg-type]
    m = open_meeting(gui)
    assert m.cases.rowCount() == len(status.cases)
    ready = [i for i, c in enumerate(m.cases.rows()) if c.submitted >= 2]
    assert ready, "the demo month has cases with two submitted reviews"
    m.case_table.selectRow(ready[0])
    m.discuss_selected()
    qtbot.waitUntil(lambda: m.meeting is not None, timeout=10_000)
    items = [m.items.index(r, 0).data(ROW_ROLE) for r in range(m.items.rowCount())]
    differing = [i for i in items if not i.agreed]
    assert items[: len(differing)] == differing  # the items to discuss come first

    m.accept_agreed()
    assert gui.runner.wait_idle(10_000)
    assert errors == []
    qtbot.waitUntil(lambda: all(i.item_id in m.meeting.reconciled for i in items if i.agreed), timeout=10_000)
    with demo_db.workspace(user=legal.name) as ws:
        stored = ws.meeting.case(demo_db.round_id, m.meeting.case_id)
    assert {k for k in stored.reconciled} == {i.item_id for i in items if i.agreed}

    # the differing items: the meeting takes the first reviewer's finding, with a note
    def take_first_reviewer(w: QWidget) -> None:
        assert isinstance(w, DecideDialog)
        w.choice.setCurrentIndex(0)
        w.note.setText("例会讨论后采纳")
        w.accept()

    for n, item in enumerate(differing):
        row = next(r for r in range(m.items.rowCount()) if m.items.index(r, 0).data(ROW_ROLE).item_id == item.item_id)
        m.item_table.selectRow(row)
        when_modal(take_first_reviewer, of_type=DecideDialog)
        m.decide_selected()
        assert gui.runner.wait_idle(10_000) and errors == []
        qtbot.waitUntil(lambda i=item: i.item_id in m.meeting.reconciled, timeout=10_000)
        rec = m.meeting.reconciled[item.item_id]
        assert rec.note == "例会讨论后采纳" and rec.proposed_by
        if n < len(differing) - 1:
            assert m.meeting.score is None  # not final while an item is undecided
    qtbot.waitUntil(lambda: m.meeting.score is not None, timeout=10_000)
    assert "定稿" in m.case_label.text() and "尚有 0 项" in m.case_label.text()

    # a case the reviewers still disagree on blocks the finalisation, named in the message
    flagged = [c for c in m.cases.rows() if c.flags and c.case_id != m.meeting.case_id]
    if flagged:
        when_modal(lambda w: w.button(QMessageBox.StandardButton.Yes).click(), of_type=QMessageBox)
        m.finalize()
        assert gui.runner.wait_idle(10_000)
        assert len(errors) == 1 and flagged[0].doc_no in errors[0]
        errors.clear()
        with demo_db.workspace(user=legal.name) as ws:  # the meeting settles them: 符合 where they differ
            for c in flagged:
                ws.meeting.accept_agreed(demo_db.round_id, c.case_id)
                for ic in ws.meeting.case(demo_db.round_id, c.case_id).comparison.items:
                    if not ic.agreed:
                        ws.meeting.decide(demo_db.round_id, c.case_id, ic.item_id, Outcome.PASS, note="例会认定符合")
        m.refresh()
        assert gui.runner.wait_idle(10_000)

    # finalise: confirmed, then locked
    when_modal(lambda w: w.button(QMessageBox.StandardButton.Yes).click(), of_type=QMessageBox)
    m.finalize()
    assert gui.runner.wait_idle(10_000)
    assert errors == []
    qtbot.waitUntil(lambda: m.status.round.status is RoundStatus.FINALISED, timeout=10_000)
    assert not m.decide_button.isEnabled() and m.reopen_button.isEnabled()

    # reopening needs a reason, and is audited
    when_modal(lambda w: (w.setTextValue("台账更正后重新会商"), w.accept()), of_type=QInputDialog)
    m.reopen()
    assert gui.runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: m.status.round.status is not RoundStatus.FINALISED, timeout=10_000)
    with demo_db.workspace(user=legal.name) as ws, ws.session_factory() as s:
        from sqlalchemy import select

        from review_tool.storage.orm import AuditEvent

        reasons = [a.reason for a in s.scalars(select(AuditEvent).where(AuditEvent.action == "round_reopen"))]
    assert reasons == ["台账更正后重新会商"]
    m.close()
    gui.close()
