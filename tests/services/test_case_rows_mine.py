"""The case list carries the current reviewer's own total and grade next to their progress."""

from __future__ import annotations

import datetime as dt

from review_tool.domain.enums import Outcome, Role, UnitKind
from review_tool.storage.orm import Case
from review_tool.workspace import Workspace


def test_case_row_has_my_score_and_grade(sqlite_db: str) -> None:
    ws = Workspace.open(sqlite_db)
    ws.org.add_unit("平安区消防救援大队", UnitKind.BRIGADE)
    ws.org.add_user("王芳", Role.REVIEWER)
    ws.org.add_user("赵敏", Role.REVIEWER)
    with ws.session_factory() as s, s.begin():
        case = Case(doc_no="平消行罚决字〔2025〕第2号", doc_no_key="k2", case_type="penalty_general",
                    closed_on=dt.date(2025, 6, 30))
        s.add(case)
        s.flush()
        case_id = case.id
    ws.set_user("王芳")
    review = ws.reviews.open(case_id)
    item = next(i for i in review.checklist.items() if i.rule.kind.value == "fixed")
    after = ws.reviews.record(review.id, item.id, Outcome.DEDUCT, reason="要素不全")
    mine = ws.cases.list_cases(reviewer_id=ws.user_id)[0]
    assert mine.my_score == after.score.total and mine.my_grade == after.score.grade
    other = ws.cases.list_cases(reviewer_id=ws.org.user("赵敏").id)[0]
    assert other.my_score is None and other.my_grade is None


def test_case_row_says_whether_the_case_is_assigned_to_me(sqlite_db: str) -> None:
    from review_tool.domain.enums import AssignmentStatus, RoundStatus
    from review_tool.storage.orm import Assignment, ReviewRound, RoundCase, User

    ws = Workspace.open(sqlite_db)
    ws.org.add_user("王芳", Role.REVIEWER)
    ws.org.add_user("赵敏", Role.REVIEWER)
    with ws.session_factory() as s, s.begin():
        cases = [Case(doc_no=f"平消行罚决字〔2025〕第{i}号", doc_no_key=f"a{i}", case_type="penalty_general",
                      closed_on=dt.date(2025, 6, 30)) for i in (1, 2)]
        s.add_all(cases)
        rnd = ReviewRound(month="2025-06", title="6月", status=RoundStatus.IN_PROGRESS, rule_name="default", seed=1)
        s.add(rnd)
        s.flush()
        wang = s.query(User).filter_by(name="王芳").one()
        for c in cases:
            s.add(RoundCase(round_id=rnd.id, case_id=c.id, origin="rule"))
        s.add(Assignment(round_id=rnd.id, case_id=cases[0].id, reviewer_id=wang.id, status=AssignmentStatus.DEPLOYED))
        s.add(Assignment(round_id=rnd.id, case_id=cases[1].id, reviewer_id=wang.id, status=AssignmentStatus.WITHDRAWN))
        round_id, wang_id, first = rnd.id, wang.id, cases[0].id
    rows = ws.cases.list_cases(round_id=round_id, reviewer_id=wang_id)
    assert {r.id: r.my_assigned for r in rows} == {first: True, first + 1: False}
    assert not any(r.my_assigned for r in ws.cases.list_cases(reviewer_id=wang_id))  # no round: not asked
