"""Opening a review for the first time stores the checklist version and scores it in one transaction."""

from __future__ import annotations

import datetime as dt

from review_tool.domain.enums import IndexSource, Role, UnitKind
from review_tool.storage.orm import Case, CaseFile, Document
from review_tool.workspace import Workspace


def test_first_open_of_a_review_with_a_new_checklist_version(sqlite_db: str) -> None:
    ws = Workspace.open(sqlite_db)
    ws.org.add_unit("平安区消防救援大队", UnitKind.BRIGADE, code="平消")
    ws.org.add_user("王芳", Role.REVIEWER)
    with ws.session_factory() as s, s.begin():
        case = Case(doc_no="平消行罚决字〔2025〕第1号", doc_no_key="k1", case_type="penalty_general",
                    closed_on=dt.date(2025, 6, 30))
        s.add(case)
        s.flush()
        f = CaseFile(case_id=case.id, relpath="a.pdf", sha256="0" * 64, size=1, pages=2)
        s.add(f)
        s.flush()
        s.add(Document(case_file_id=f.id, doc_type="cover", title="封面", first_page=1, last_page=1,
                       source=IndexSource.BOOKMARK))
        case_id = case.id
    ws.set_user("王芳")
    review = ws.reviews.open(case_id)
    assert review.checklist.case_type == "penalty_general"
    assert review.score.reviewed == 0 and not review.score.complete
    again = Workspace.open(sqlite_db, user="王芳").reviews.open(case_id)  # a fresh cache reads the stored copy
    assert again.id == review.id and again.checklist_version_id == review.checklist_version_id
