"""Bad input: a moved or changed case file, a recording that will not play, a deduction the rule refuses."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Gui, SampleDb, start_gui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from review_tool.domain.enums import DeductionKind, Outcome
from review_tool.gui.widgets.deduction_dialog import DeductionDialog, PlayerMark


def test_moved_case_file_is_said_plainly_and_can_be_located(qtbot, fresh_sample: SampleDb,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    case = fresh_sample.case
    moved = case.folder.parent / "搬走了"
    shutil.move(str(case.folder), str(moved))
    gui = start_gui(qtbot, fresh_sample)
    gui.open_case(case)
    pdf = gui.workspace.pdf
    qtbot.waitUntil(lambda: pdf.banner.isVisible(), timeout=5000)
    assert pdf.placeholder.isVisible() and not pdf.view.isVisible()
    assert "案卷.pdf" in pdf.placeholder.text()
    assert pdf.banner.locate.isVisible() and not pdf.banner.anyway.isVisible()
    # the checklist still works while the file is missing
    gui.workspace.checklist.tree.setFocus()
    qtbot.keyClick(gui.workspace.checklist.tree, Qt.Key.Key_P)
    gui.wait()
    assert len(gui.workspace.review.results) == 1

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(moved))
    pdf.banner.locate.click()
    qtbot.waitUntil(lambda: gui.workspace.pdf.doc.pageCount() == case.pages, timeout=10_000)
    gui.wait()
    assert not pdf.banner.isVisible() and pdf.view.isVisible()
    ws = fresh_sample.workspace()
    assert Path(ws.cases.get(case.case_id).folder or "") == moved
    ws.close()
    gui.close()


def test_changed_case_file_is_said_plainly(qtbot, fresh_sample: SampleDb) -> None:
    case = fresh_sample.case
    with case.pdf.open("ab") as f:  # still a readable PDF, but not the one imported
        f.write(b"\n% appended after import\n")
    gui = start_gui(qtbot, fresh_sample)
    gui.open_case(case)
    pdf = gui.workspace.pdf
    qtbot.waitUntil(lambda: pdf.banner.isVisible(), timeout=5000)
    assert "sha256" in pdf.banner.text.text()
    assert pdf.banner.locate.isVisible() and pdf.banner.anyway.isVisible()
    pdf.banner.anyway.click()
    assert not pdf.banner.isVisible() and pdf.doc.pageCount() == case.pages
    gui.close()


def test_recording_that_will_not_play_leaves_a_message_and_the_rest_works(gui: Gui, sample_db: SampleDb) -> None:
    case = sample_db.case
    gui.open_case(case)
    ws = gui.workspace
    pane = ws.recordings
    broken = case.recording_ids[2]
    pane.load(broken, play=True)
    gui.qtbot.waitUntil(lambda: pane.message.isVisible(), timeout=10_000)
    assert pane.message.text()
    assert not pane.play_btn.isEnabled()
    assert pane.model.error(broken)
    # a good recording still plays, and the review goes on
    good = case.recording_ids[0]
    assert pane.load(good, play=True)
    gui.qtbot.waitUntil(lambda: pane.position_ms() > 0 or pane.player.duration() > 0, timeout=10_000)
    assert not pane.message.isVisible()
    ws.checklist.tree.setFocus()
    gui.qtbot.keyClick(ws.checklist.tree, Qt.Key.Key_P)
    gui.wait()
    assert len(ws.review.results) == 1
    pane.stop()


def _dialog(sample_db: SampleDb, qtbot, kind: DeductionKind, **kw: object) -> DeductionDialog:
    w = sample_db.workspace(user=sample_db.case.reviewer)
    review = w.reviews.open(sample_db.case.case_id, round_id=sample_db.case.round_id)
    w.close()
    item = next(i for i in review.checklist.items() if i.rule.kind is kind)
    dlg = DeductionDialog(item=item, review=review, page=6, file_id=sample_db.case.file_id, page_count=20, **kw)
    qtbot.addWidget(dlg)
    return dlg


def test_deduction_dialog_refuses_a_missing_reason(sample_db: SampleDb, qtbot) -> None:
    dlg = _dialog(sample_db, qtbot, DeductionKind.FIXED)
    assert dlg.pages.text() == "6"  # the page on screen, pre-filled
    assert not dlg.try_accept()
    assert "reason" in dlg.hint.text() or "理由" in dlg.hint.text()
    dlg.reason.setEditText("立案审批表未载明案件来源")
    dlg.pages.setText("3, 5-7")
    assert dlg.try_accept()
    r = dlg.result
    assert r is not None and [p.page for p in r.pages] == [3, 5, 6, 7] and r.points == dlg.item.rule.points


def test_deduction_dialog_refuses_a_range_with_no_value_or_outside_it(sample_db: SampleDb, qtbot) -> None:
    dlg = _dialog(sample_db, qtbot, DeductionKind.RANGE)
    rule = dlg.item.rule
    assert dlg.value is not None
    dlg.reason.setEditText("审核意见不明确")
    assert not dlg.try_accept()  # nothing chosen yet
    hint = dlg.hint.text()
    assert str(rule.min).rstrip("0").rstrip(".") in hint and str(rule.max).rstrip("0").rstrip(".") in hint
    below = float(rule.min) - 0.25
    if below > 0:
        dlg.value.setValue(below)
        assert not dlg.try_accept()
    dlg.value.setValue(float(rule.max))
    assert dlg.try_accept() and dlg.result is not None and dlg.result.value == Decimal(rule.max)


def test_deduction_dialog_per_occurrence_and_bad_pages(sample_db: SampleDb, qtbot) -> None:
    mark = PlayerMark(recording_id=1, ms=83_000, name="现场检查")
    dlg = _dialog(sample_db, qtbot, DeductionKind.PER_OCCURRENCE, mark=mark, cite_mark=True)
    assert dlg.count is not None
    dlg.reason.setEditText("笔录未记载检查起止时间")
    dlg.count.setValue(0)
    assert not dlg.try_accept()  # a count is needed
    dlg.count.setValue(2)
    dlg.pages.setText("21")  # the file has 20 pages
    assert not dlg.try_accept() and "21" in dlg.hint.text()
    dlg.pages.setText("4")
    assert dlg.try_accept()
    r = dlg.result
    assert r is not None and r.occurrences == 2 and r.timestamps[0].ms == 83_000
    per = dlg.item.rule.per
    assert per is not None and r.points == min(per * 2, dlg.item.rule.cap or dlg.item.points)
    assert Outcome.DEDUCT
