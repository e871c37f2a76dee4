"""The workspace on the demo data: a month seeded exactly as `review-tool demo` seeds it (generated case
PDFs imported through the real import, a round assigned and partly reviewed by simulated peers).

The hand-built sample case the other GUI tests use is small and known page by page; these tests check the
same flows on what a user meets first: many cases, several volumes, odd 文号, reviews already under way.
"""

from __future__ import annotations

import pytest
from conftest import DemoCase, DemoDb, Gui, start_gui
from dialogs import answer, when_modal
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from test_review_keyboard import fill_deduction, goto_item_by_keys, key

from review_tool.domain.enums import DeductionKind, IndexSource, Outcome, ReviewStatus, Role
from review_tool.gui.models import ROW_ROLE
from review_tool.gui.widgets.deduction_dialog import DeductionDialog
from review_tool.services.dto import PageRef


@pytest.fixture
def demo_gui(qtbot, demo_db: DemoDb):
    g = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    yield g
    g.close()


def shown_rows(gui: Gui) -> list:
    proxy = gui.window.browser.proxy  # type: ignore[attr-defined]
    return [proxy.index(i, 0).data(ROW_ROLE) for i in range(proxy.rowCount())]


def open_unfinished_case(gui: Gui, demo: DemoDb) -> DemoCase:
    """Open, from the case list with the keyboard, the reviewer's first case not yet submitted."""
    browser = gui.window.browser  # type: ignore[attr-defined]
    rows = shown_rows(gui)
    row = next(i for i, r in enumerate(rows) if r.my_status is not ReviewStatus.SUBMITTED)
    browser.table.setFocus()
    browser.table.selectRow(row)
    gui.qtbot.keyClick(browser.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    case = DemoCase(rows[row].id, demo.round_id, rows[row].doc_no)
    ws = gui.workspace
    gui.qtbot.waitUntil(lambda: ws.review is not None and ws.review.case_id == case.case_id  # type: ignore
                        and not ws._opening, timeout=10_000)
    gui.wait()
    return case


def test_a_reviewer_sees_their_assigned_cases_first(demo_gui: Gui, demo_db: DemoDb) -> None:
    browser = demo_gui.window.browser  # type: ignore[attr-defined]
    assert browser.mine.isChecked()
    assert sorted(r.id for r in shown_rows(demo_gui)) == sorted(demo_db.assigned)
    assert len(demo_db.assigned) < demo_db.all_cases
    assert browser.counts.text().startswith(f"显示 {len(demo_db.assigned)} 件，共 {demo_db.all_cases} 件")
    browser.mine.setChecked(False)
    assert len(shown_rows(demo_gui)) == demo_db.all_cases
    assert browser.counts.text().startswith(f"共 {demo_db.all_cases} 件")
    browser.search.setText(shown_rows(demo_gui)[0].party)
    demo_gui.qtbot.waitUntil(lambda: 1 <= len(shown_rows(demo_gui)) < demo_db.all_cases,  # type: ignore
                             timeout=3000)
    assert browser.counts.text().startswith(f"显示 {len(shown_rows(demo_gui))} 件")


def test_review_a_demo_case_with_the_keyboard(demo_gui: Gui, demo_db: DemoDb) -> None:
    gui = demo_gui
    case = open_unfinished_case(gui, demo_db)
    ws = gui.workspace
    panel, review = ws.checklist, ws.review
    items = review.checklist.items()
    before = dict(review.results)

    if panel.current_item_id() in before:  # reopened where the reviewer left off: go on to the next open item
        key(gui, Qt.Key.Key_U)
    first = panel.current_item_id()
    assert first not in before
    key(gui, Qt.Key.Key_P)
    second = panel.current_item_id()
    assert second != first
    key(gui, Qt.Key.Key_3)  # 不适用
    gui.wait()

    per = next(i for i in items if i.rule.kind is DeductionKind.PER_OCCURRENCE and i.id not in (first, second))
    goto_item_by_keys(gui, per.id)
    for _ in range(3):
        key(gui, Qt.Key.Key_PageDown)
    page, file_id = ws.pdf.current_page(), ws.pdf.file_id
    assert page > 1 and file_id is not None
    filler = fill_deduction(2, "询问笔录未载明询问起止时间")
    when_modal(filler, of_type=DeductionDialog)
    key(gui, Qt.Key.Key_D)
    assert filler.problems == []  # type: ignore[attr-defined]
    gui.wait()

    with demo_db.workspace(user=demo_db.reviewer) as fresh:
        stored = fresh.reviews.get(ws.review.id)
    assert stored.results[first].outcome is Outcome.PASS
    assert stored.results[second].outcome is Outcome.NOT_APPLICABLE
    d = stored.results[per.id]
    assert d.outcome is Outcome.DEDUCT and d.occurrences == 2
    assert d.points == min(per.rule.per * 2, per.rule.cap or per.points)
    assert d.pages == (PageRef(page, file_id),)  # the page that was on screen, in the volume on screen
    assert stored.score == ws.review.score  # what the panel shows is what is stored
    # the results the simulated reviewer had already recorded are untouched
    for item_id, result in before.items():
        if item_id not in (first, second, per.id):
            assert stored.results[item_id] == result
    gui.window.show_browser()  # type: ignore[attr-defined]
    gui.qtbot.waitUntil(lambda: next(r for r in shown_rows(gui) if r.id == case.case_id).my_reviewed  # type: ignore
                        == stored.score.reviewed, timeout=5000)


def test_quit_and_reopen_a_demo_review(qtbot, demo_db: DemoDb) -> None:
    gui = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    case = open_unfinished_case(gui, demo_db)
    ws = gui.workspace
    key(gui, Qt.Key.Key_P)
    key(gui, Qt.Key.Key_J)
    for _ in range(4):
        key(gui, Qt.Key.Key_PageDown)
    gui.wait()
    item, page, file_id = ws.checklist.current_item_id(), ws.pdf.current_page(), ws.pdf.file_id
    results = {k: (v.outcome, v.points) for k, v in ws.review.results.items()}
    gui.close()

    again = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    again.open_case(case)  # type: ignore[arg-type]
    ws2 = again.workspace
    # reopening loads the PDF off the UI thread: allow for a busy CI machine (seen once to take over 5 s)
    qtbot.waitUntil(lambda: ws2.pdf.current_page() == page and ws2.pdf.file_id == file_id, timeout=20_000)
    assert ws2.checklist.current_item_id() == item
    assert {k: (v.outcome, v.points) for k, v in ws2.review.results.items()} == results
    again.close()


def test_submit_a_demo_review_then_it_is_read_only(demo_gui: Gui, demo_db: DemoDb) -> None:
    gui = demo_gui
    open_unfinished_case(gui, demo_db)
    ws = gui.workspace
    when_modal(answer(QMessageBox.StandardButton.Yes), of_type=QMessageBox)
    key(gui, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    gui.wait()
    assert ws.review.score.complete
    when_modal(answer(QMessageBox.StandardButton.Yes), of_type=QMessageBox)
    key(gui, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    gui.wait()
    assert ws.review.locked and not ws.editable
    assert not ws.actions["mark_pass"].isEnabled() and not ws.index.fix_button.isEnabled()
    with demo_db.workspace(user=demo_db.reviewer) as fresh:
        assert fresh.reviews.get(ws.review.id).status is ReviewStatus.SUBMITTED


def test_fixing_a_demo_index_persists(qtbot, demo_db: DemoDb) -> None:
    """On each of the reviewer's cases: retag a document found by the import, or, on a file scanned
    throughout (no text, so nothing was found), add the first page by hand. Saved as manual; it persists."""
    from test_document_index import choose_type

    from review_tool.gui.widgets.index_panel import RangeDialog

    gui = start_gui(qtbot, demo_db, user=demo_db.reviewer)  # type: ignore[arg-type]
    expected: dict[int, tuple[int, int, int, str]] = {}
    for case_id in demo_db.assigned:
        gui.open_case(DemoCase(case_id, demo_db.round_id, ""))  # type: ignore[arg-type]
        ws, panel = gui.workspace, gui.workspace.index
        if not ws.editable:
            continue  # submitted by the simulated reviewer: read-only (tested elsewhere)
        with demo_db.workspace() as probe:
            docs = probe.cases.get(case_id).documents()
        typed = [d for d in docs if d.doc_type not in (None, "cover", "contents", "av_evidence_list")]
        if typed:
            doc = typed[0]
            panel.select_document(doc.id)
            when_modal(choose_type("av_evidence_list"), of_type=RangeDialog)
            panel.retag_action.trigger()
            expected[case_id] = (doc.file_id, doc.first_page, doc.last_page, "av_evidence_list")
        else:
            file_id = ws.pdf.file_id
            ws.show_page(file_id, 1)
            when_modal(choose_type("cover", 1, 1), of_type=RangeDialog)
            panel.add_action.trigger()
            expected[case_id] = (file_id, 1, 1, "cover")
        gui.wait()
        gui.window.show_browser()  # type: ignore[attr-defined]
    gui.close()
    assert expected, "the reviewer has an open case"
    with demo_db.workspace() as ws:
        for case_id, (file_id, first, last, doc_type) in expected.items():
            found = {(d.file_id, d.first_page, d.last_page): (d.doc_type, d.source)
                     for d in ws.cases.get(case_id).documents()}
            assert found[(file_id, first, last)] == (doc_type, IndexSource.MANUAL)


def test_case_facts_show_register_disagreements_and_jump_to_their_page(qtbot, demo_db: DemoDb) -> None:
    import csv

    from review_tool.demo.register import HEADER
    from review_tool.gui.widgets.case_info_dialog import CaseInfoDialog

    with demo_db.workspace() as ws:
        legal = next(u.name for u in ws.org.users(Role.LEGAL_OFFICER))
        rows = [r for r in ws.cases.list_cases(round_id=demo_db.round_id) if r.closed_on]
        # the legal officer's register names another party for one case than its file does
        row = next((r for r in rows if r.id in demo_db.assigned), rows[0])
        register = demo_db.path.parent / "台账 更正.csv"
        with register.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            w.writerow([row.doc_no if h == "文号" else "平安市台账登记有限公司" if h == "当事人" else ""
                        for h in HEADER])
        report = ws.imports.import_paths([], register=register)
        assert report.ok, report.notes
        detail = ws.cases.get(row.id)
    assert [d.name for d in detail.disagreements] == ["party"]
    mine = detail.row.id in demo_db.assigned
    gui = start_gui(qtbot, demo_db, user=demo_db.reviewer if mine else legal)  # type: ignore[arg-type]
    gui.open_case(DemoCase(detail.row.id, demo_db.round_id, detail.row.doc_no))  # type: ignore[arg-type]
    ws = gui.workspace
    assert ws.facts.isVisible() and str(len(detail.disagreements)) in ws.facts.text()

    seen: list[CaseInfoDialog] = []

    def check(dlg: QWidget) -> None:
        try:
            look(dlg)
        finally:
            if dlg.isVisible():  # a failed check must not leave the test waiting in the dialog
                dlg.reject()

    def look(dlg: QWidget) -> None:
        assert isinstance(dlg, CaseInfoDialog)
        seen.append(dlg)
        model = dlg.model
        first = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
        n = sum(len(x.values) for x in detail.disagreements)
        assert {f.name for f in first[:n]} == {x.name for x in detail.disagreements}  # disputed first
        assert {f.source for f in first[:n]} >= {"pdf", "register"}
        row = next(r for r in range(n) if first[r].page)
        target = first[row]
        dlg.table.setCurrentIndex(model.index(row, 0))
        QTest.keyClick(dlg.table, Qt.Key.Key_Return)
        seen.append(target)  # type: ignore[arg-type]

    when_modal(check, of_type=CaseInfoDialog)
    key(gui, Qt.Key.Key_I)
    gui.wait()
    assert len(seen) == 2
    target = seen[1]
    qtbot.waitUntil(lambda: ws.pdf.current_page() == target.page, timeout=5000)  # type: ignore[attr-defined]
    if target.file_id is not None:  # type: ignore[attr-defined]
        assert ws.pdf.file_id == target.file_id  # type: ignore[attr-defined]
    gui.close()
