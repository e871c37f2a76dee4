"""Every item model passes Qt's QAbstractItemModelTester (via pytest-qt), with real DTOs in it."""

from __future__ import annotations

from decimal import Decimal

from conftest import SampleDb
from gui_sample_case import DOC_NO

from review_tool.domain.enums import CaseStatus, IndexSource, Outcome
from review_tool.gui.models import ID_ROLE, KIND_ROLE
from review_tool.gui.models.case_table import CaseFilterProxy, CaseTableModel
from review_tool.gui.models.checklist_model import ChecklistModel
from review_tool.gui.models.document_index import DocumentIndexModel
from review_tool.gui.models.history import HistoryModel, describe
from review_tool.gui.models.recordings import RecordingsModel
from review_tool.services.dto import PageRef


def _review(sample_db: SampleDb):
    ws = sample_db.workspace(user=sample_db.case.reviewer)
    review = ws.reviews.open(sample_db.case.case_id, round_id=sample_db.case.round_id)
    return ws, review


def test_case_table_model(qtmodeltester, sample_db: SampleDb) -> None:
    ws, _ = _review(sample_db)
    rows = ws.cases.list_cases(round_id=sample_db.case.round_id, reviewer_id=ws.user_id)
    model = CaseTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 0).data() == DOC_NO
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("悦来")
    assert proxy.rowCount() == 1
    proxy.set_text("不存在的单位")
    assert proxy.rowCount() == 0
    proxy.set_text("")
    proxy.set_status(CaseStatus.FINALISED)
    assert proxy.rowCount() == 0
    proxy.set_status(None)
    proxy.set_mine(True)
    assert proxy.rowCount() == 1  # the reviewer has opened it
    ws.close()


def test_checklist_model_updates_rows_in_place(qtmodeltester, sample_db: SampleDb) -> None:
    ws, review = _review(sample_db)
    model = ChecklistModel()
    model.set_review(review)
    qtmodeltester.check(model)
    first = review.checklist.items()[0]
    idx = model.index_of(first.id)
    assert idx.data(ID_ROLE) == first.id and idx.data(KIND_ROLE) == "item"
    assert model.index(0, 0).data(KIND_ROLE) == "section"
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_pending(first.id, Outcome.PASS)
    assert model.index_of(first.id, 2).data().endswith("…")
    changed = ws.reviews.record(review.id, first.id, Outcome.PASS)
    model.set_review(changed)
    assert resets == []  # same review: targeted dataChanged, no reset
    assert not model.index_of(first.id, 2).data().endswith("…")
    qtmodeltester.check(model)
    ws.close()


def test_document_index_model(qtmodeltester, sample_db: SampleDb) -> None:
    ws, _ = _review(sample_db)
    detail = ws.cases.get(sample_db.case.case_id)
    model = DocumentIndexModel()
    model.set_files(detail.files)
    qtmodeltester.check(model)
    file_idx = model.index(0, 0)
    assert model.rowCount(file_idx) == len(detail.files[0].documents)
    decision = model.documents_of_type("penalty_decision")[0]
    assert (decision.first_page, decision.last_page) == sample_db.case.documents["penalty_decision"]
    model.set_highlight({"penalty_decision"})
    model.set_current_page(detail.files[0].id, decision.first_page)
    assert model.document_on_page(detail.files[0].id, decision.last_page) == decision
    assert model.data(model.document_index(decision.id)) == decision.type_title
    assert decision.source is IndexSource.BOOKMARK
    qtmodeltester.check(model)
    ws.close()


def test_recordings_model(qtmodeltester, sample_db: SampleDb) -> None:
    ws, _ = _review(sample_db)
    detail = ws.cases.get(sample_db.case.case_id)
    model = RecordingsModel()
    model.set_recordings(detail.recordings)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    rid = detail.recordings[0].id
    model.set_error(rid, "无法播放")
    assert "无法播放" in model.index(0, 0).data(3)  # ToolTipRole
    qtmodeltester.check(model)
    ws.close()


def test_history_model(qtmodeltester, sample_db: SampleDb) -> None:
    ws, review = _review(sample_db)
    item = next(i for i in review.checklist.items() if i.rule.kind.value == "fixed")
    ws.reviews.record(review.id, item.id, Outcome.DEDUCT, reason="未载明", pages=[PageRef(3)])
    ws.reviews.record(review.id, item.id, Outcome.PASS)
    model = HistoryModel()
    model.set_entries(ws.reviews.history(review.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # start, deduct, pass
    text = describe({"outcome": "deduct", "points": str(item.rule.points), "reason": "未载明", "pages": [{"page": 3}]})
    assert "未载明" in text and "3" in text
    assert describe(None) == "—"
    assert Decimal(str(item.rule.points)) > 0
    ws.close()
