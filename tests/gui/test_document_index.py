"""Fixing the document index from the workspace: retag, split, add a range; saved, manual, and it persists."""

from __future__ import annotations

from conftest import Gui, SampleDb, start_gui
from dialogs import when_modal
from PySide6.QtWidgets import QWidget

from review_tool.domain.enums import IndexSource
from review_tool.gui.widgets.index_panel import RangeDialog


def choose_type(code: str, first: int | None = None, last: int | None = None):
    def fill(w: QWidget) -> None:
        assert isinstance(w, RangeDialog)
        i = w.type.findData(code)
        assert i >= 0, code
        w.type.setCurrentIndex(i)
        if first is not None:
            w.first.setValue(first)
        if last is not None:
            w.last.setValue(last)
        w._check()

    return fill


def docs_by_page(sample: SampleDb) -> dict[tuple[int, int], tuple[str | None, IndexSource]]:
    ws = sample.workspace()
    docs = ws.cases.get(sample.case.case_id).documents()
    ws.close()
    return {(d.first_page, d.last_page): (d.doc_type, d.source) for d in docs}


def test_fixing_the_index_persists(qtbot, gui: Gui, sample_db: SampleDb) -> None:
    case = sample_db.case
    gui.open_case(case)
    ws = gui.workspace
    panel = ws.index
    photos = panel.model.documents_of_type("photo_sheet")[0]

    # retag the photo pages as an audio-visual evidence list
    panel.select_document(photos.id)
    when_modal(choose_type("av_evidence_list"), of_type=RangeDialog)
    panel.retag_action.trigger()
    gui.wait()
    # split the inquiry record at page 7 (the page on screen): pages 7-8 become a witness statement
    inquiry = panel.model.documents_of_type("inquiry_record")[0]
    ws.show_page(case.file_id, 7)
    when_modal(choose_type("witness_statement"), of_type=RangeDialog)
    panel.split_action.trigger()
    gui.wait()
    # a scanned page with no bookmark: mark page 20 (备考表) as a closing report instead
    ws.show_page(case.file_id, 20)
    when_modal(choose_type("closing_report", 20, 20), of_type=RangeDialog)
    panel.add_action.trigger()
    gui.wait()

    stored = docs_by_page(sample_db)
    assert stored[(photos.first_page, photos.last_page)] == ("av_evidence_list", IndexSource.MANUAL)
    assert stored[(inquiry.first_page, 6)] == ("inquiry_record", IndexSource.BOOKMARK)
    assert stored[(7, inquiry.last_page)] == ("witness_statement", IndexSource.MANUAL)
    assert stored[(20, 20)] == ("closing_report", IndexSource.MANUAL)
    # the panel shows what was saved, marked manual
    shown = {(d.first_page, d.last_page): (d.doc_type, d.source) for d in
             (panel.model.document_at(panel.model.index(r, 0, panel.model.index(0, 0)))
              for r in range(panel.model.rowCount(panel.model.index(0, 0))))}
    assert shown == stored
    gui.close()

    again = start_gui(qtbot, sample_db)
    again.open_case(case)
    reopened = again.workspace.index.model
    assert [d.doc_type for d in reopened.documents_of_type("witness_statement")] == ["witness_statement"]
    again.close()


def test_merge_needs_adjacent_documents(gui: Gui, sample_db: SampleDb) -> None:
    gui.open_case(sample_db.case)
    panel = gui.workspace.index
    site = panel.model.documents_of_type("site_record")[0]
    inquiry = panel.model.documents_of_type("inquiry_record")[0]
    sel = panel.tree.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    for d in (site, inquiry):
        sel.select(panel.model.document_index(d.id), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    panel.merge_action.trigger()
    gui.wait()
    merged = docs_by_page(sample_db)
    assert merged[(site.first_page, inquiry.last_page)] == ("site_record", IndexSource.MANUAL)
