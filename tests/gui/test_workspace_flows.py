"""Workflows around a review: notes, citing a recording moment, submit → reopen by a legal officer (audited,
with reasons and history), switching the language, importing with progress and cancel, reports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import Gui, SampleDb, start_gui
from dialogs import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from review_tool.domain.enums import Outcome, ReviewStatus
from review_tool.gui.widgets.deduction_dialog import DeductionDialog
from review_tool.gui.widgets.text_dialogs import NoteDialog, ReasonDialog


def press(gui: Gui, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.activeWindow() is not gui.window and QApplication.activeModalWidget() is None:
        gui.window.activateWindow()
        gui.qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=2000)
    gui.qtbot.keyClick(QApplication.focusWidget() or gui.workspace.checklist.tree, key, mod)


def test_note_and_recording_moment(gui: Gui, sample_db: SampleDb) -> None:
    gui.open_case(sample_db.case)
    ws = gui.workspace
    first = ws.checklist.current_item_id()
    press(gui, Qt.Key.Key_E)  # not rated yet: a hint, no dialog
    press(gui, Qt.Key.Key_P)
    gui.wait()
    press(gui, Qt.Key.Key_K)

    def write(w: QWidget) -> None:
        assert isinstance(w, NoteDialog)
        w.edit.setPlainText("消防检查记录有整改期限")
        w.accept()

    when_modal(write, of_type=NoteDialog)
    press(gui, Qt.Key.Key_E)
    gui.wait()
    assert ws.review.results[first].note == "消防检查记录有整改期限"

    # Ctrl+T with the player on a rated item adds the moment to its result
    rec = sample_db.case.recording_ids[0]
    ws.recordings.load(rec, play=True)
    gui.qtbot.waitUntil(lambda: ws.recordings.position_ms() > 500, timeout=10_000)
    ws.recordings.player.pause()
    ms = ws.recordings.position_ms()
    press(gui, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    gui.wait()
    times = ws.review.results[first].timestamps
    assert len(times) == 1 and times[0].recording_id == rec and abs(times[0].ms - ms) < 50
    assert ws.review.results[first].outcome is Outcome.PASS
    # on an unrated item it opens the deduction dialog with the moment cited
    press(gui, Qt.Key.Key_U)
    seen: list[bool] = []

    def check(w: QWidget) -> None:
        assert isinstance(w, DeductionDialog)
        seen.append(w.cite.isChecked())
        w.reject()

    when_modal(check, of_type=DeductionDialog)
    press(gui, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert seen == [True]
    # G on the first item jumps the player to the cited moment
    ws.recordings.load(sample_db.case.recording_ids[1])
    ws.checklist.select_item(first)
    press(gui, Qt.Key.Key_G)
    assert ws.recordings.current_recording is not None and ws.recordings.current_recording.id == rec
    ws.recordings.stop()


def _submitted(sample_db: SampleDb) -> int:
    w = sample_db.workspace(user=sample_db.case.reviewer)
    review = w.reviews.open(sample_db.case.case_id, round_id=sample_db.case.round_id)
    item = review.checklist.items()[20]
    w.reviews.record(review.id, item.id, Outcome.DEDUCT, occurrences=1, value=item.rule.min,
                     reason="文书要素不全")
    w.reviews.mark_remaining_pass(review.id)
    w.reviews.submit(review.id)
    w.close()
    return review.id


def test_a_legal_officer_reopens_a_submitted_review_and_changes_keep_their_reason(qtbot,
                                                                                 sample_db: SampleDb) -> None:
    review_id = _submitted(sample_db)
    officer = start_gui(qtbot, sample_db, user=sample_db.case.legal_officer)
    officer.open_case(sample_db.case)
    ws = officer.workspace
    qtbot.waitUntil(lambda: ws.reviewers.isVisible(), timeout=5000)  # the officer's own + 王芳's
    i = ws.reviewers.findData(review_id)
    ws.reviewers.setCurrentIndex(i)
    ws.reviewers.activated.emit(i)
    qtbot.waitUntil(lambda: ws.review is not None and ws.review.id == review_id and not ws._opening, timeout=5000)
    officer.wait()
    assert ws.review.locked and not ws.editable and ws.actions["reopen"].isEnabled()

    def reason(w: QWidget) -> None:
        assert isinstance(w, ReasonDialog)
        w.edit.setText("例会讨论后退回修改")
        w._check()

    when_modal(reason, of_type=ReasonDialog)
    ws.actions["reopen"].trigger()
    officer.wait()
    assert ws.review.status is ReviewStatus.IN_PROGRESS and ws.review.reopened
    officer.close()

    reviewer = start_gui(qtbot, sample_db)
    reviewer.open_case(sample_db.case)
    rws = reviewer.workspace
    assert rws.editable and rws.checklist.header.locked.isVisible()  # "reopened: changes need a reason"
    first = rws.review.checklist.items()[0].id
    rws.checklist.select_item(first)

    def change(w: QWidget) -> None:
        w.edit.setText("复核后认定不适用")  # type: ignore[attr-defined]
        w._check()  # type: ignore[attr-defined]

    when_modal(change, of_type=ReasonDialog)
    press(reviewer, Qt.Key.Key_N)
    reviewer.wait()
    assert rws.review.results[first].outcome is Outcome.NOT_APPLICABLE
    history = sample_db.workspace().reviews.history(review_id)
    assert any(e.action == "review_reopen" and e.reason == "例会讨论后退回修改" for e in history)
    change_entry = [e for e in history if e.action == "item_result" and e.item_id == first][-1]
    assert change_entry.reason == "复核后认定不适用" and change_entry.before["outcome"] == "pass"
    # the history dialog shows it
    from review_tool.gui.widgets.history_dialog import HistoryDialog

    dlg = HistoryDialog(runner=reviewer.runner, review=rws.review)
    qtbot.addWidget(dlg)
    reviewer.wait()
    texts = [dlg.model.index(r, c).data() for r in range(dlg.model.rowCount()) for c in range(7)]
    assert "例会讨论后退回修改" in texts and "复核后认定不适用" in texts
    reviewer.close()


def test_switching_the_language_keeps_the_case_open(qtbot, sample_db: SampleDb) -> None:
    from review_tool.gui.app import Application, create_application, translators_of
    from review_tool.gui.settings import GuiSettings

    settings = GuiSettings.load()
    app = create_application([], settings=settings)
    controller = Application(app, settings)  # the windows it makes are its own (replaced on a switch)
    window = controller.window
    try:
        window.show()
        window.open_database(str(sample_db.path), user=sample_db.case.reviewer)
        qtbot.waitUntil(lambda: window.browser.model.rowCount() > 0, timeout=10_000)
        window.open_case(sample_db.case.case_id, sample_db.case.round_id)
        qtbot.waitUntil(lambda: window.workspace.review is not None and not window.workspace._opening,
                        timeout=10_000)
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        window.language_change_requested.emit("en")
        new = controller.window
        assert new is not window
        qtbot.waitUntil(lambda: new.workspace.review is not None and not new.workspace._opening, timeout=10_000)
        assert new.menuBar().actions()[0].text() == "&File"
        assert new.workspace.review.case_id == sample_db.case.case_id
        assert new.stack.currentWidget() is new.workspace
        assert GuiSettings.load().language == "en"
    finally:
        translators_of(app).install("zh_CN")
        controller.runner.wait_idle()
        controller.window.close()
        controller.shutdown()


def test_import_dialog_shows_progress_and_cancels(gui: Gui, monkeypatch: pytest.MonkeyPatch) -> None:
    from review_tool.gui.widgets import import_dialog

    started = threading.Event()

    def fake_import(ws, task, *, paths, register, password):
        for i in range(500):
            task.progress(i, 500, f"案卷{i}.pdf")
            started.set()
            task.cancel_token.check()
            threading.Event().wait(0.01)
        return None

    monkeypatch.setattr(import_dialog, "run_import", fake_import)
    dlg = import_dialog.ImportDialog(runner=gui.runner, parent=gui.window)
    gui.qtbot.addWidget(dlg)
    dlg.add_paths([Path("/tmp/2025-06")])
    dlg.start_import()
    gui.qtbot.waitUntil(lambda: dlg.bar.value() > 3, timeout=5000)
    assert "案卷" in dlg.message.text() and not dlg.start.isEnabled()
    dlg.reject()  # Cancel while running: cancels, keeps the dialog open
    gui.wait()
    assert dlg.task is None and dlg.start.isEnabled() and dlg.cancel_button.isEnabled()
    assert started.is_set()


def test_reports_are_for_legal_officers(qtbot, sample_db: SampleDb, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _submitted(sample_db)
    reviewer = start_gui(qtbot, sample_db)
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: refused.append(a[2]))
    reviewer.window.export_bulletin()
    assert refused and "法制员" in refused[0]
    reviewer.close()

    officer = start_gui(qtbot, sample_db, user=sample_db.case.legal_officer)
    out = tmp_path / "评查表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    written: list[list[Path]] = []
    monkeypatch.setattr(officer.window.reports, "_written", lambda paths: written.append(paths))
    officer.window.browser.select_case(sample_db.case.case_id)
    officer.window.export_score_sheet()
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    assert out.is_file() and out.read_bytes()[:4] == b"%PDF"
    officer.close()
