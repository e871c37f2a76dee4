"""MeetingService: blind visibility, reconciliation math, the finalisation lock, the audited reopen and
calibration (harsh = negative deviation), on the REAL penalty checklist (2025.1: 59 items)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from svc_world import FIXED, FULL, MONTH, PER, RANGE, VETO_FAIL, World, dec

from review_tool.domain.enums import CaseStatus, FindingStatus, Outcome, ReviewStatus, RoundStatus
from review_tool.domain.errors import Conflict, PermissionDenied, UsageError
from review_tool.services.dto import PageRef
from review_tool.storage.orm import AuditEvent, Case, CaseResult, Finding, ReconciledItem


def _setup(world: World, **kw: object) -> tuple[dict[str, int], int]:
    cases = world.standard_cases()
    return cases, world.round(seed=4, **kw)  # type: ignore[arg-type]


def _pair(world: World, rid: int, case_id: int) -> tuple[str, str]:
    x, y = world.reviewers_of(rid, case_id)
    return x, y


# -- blind review ------------------------------------------------------------------------------------


def test_a_reviewer_sees_only_their_own_review_until_they_submit(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y = _pair(world, rid, c)
    ws = world.as_(x)
    rx = ws.reviews.open(c, round_id=rid).id
    ws.reviews.record(rx, FIXED, Outcome.DEDUCT, reason="封面缺案由")
    ry = world.review(y, c, rid, {PER: {"occurrences": 1}}, submit=False)

    def seen(name: str | None) -> set[int]:
        return {v.id for v in world.as_(name).meeting.visible_reviews(c, MONTH)}

    assert seen(x) == {rx} and seen(y) == {ry}
    assert seen("法制员") == seen("负责人") == {rx, ry}
    outsider = next(n for n in ("甲评", "丙评", "科评") if n not in (x, y))
    assert seen(outsider) == set()
    with pytest.raises(PermissionDenied):
        seen(None)
    world.as_(y).reviews.submit(ry)
    assert seen(y) == {rx, ry} and seen(x) == {rx}  # x has not submitted yet
    # the round status follows the same rule
    row = next(r for r in world.as_(x).rounds.status(MONTH).cases if r.case_id == c)
    slots = {s.name: s for s in row.reviewers}
    assert slots[x].total == dec(99) and slots[y].total is None and row.mean_total is None
    row = next(r for r in world.as_(y).rounds.status(MONTH).cases if r.case_id == c)
    assert {s.name: s.total for s in row.reviewers}[x] == dec(99) and world.as_(y).rounds.status(MONTH).blind_view
    row = next(r for r in world.as_(None).rounds.status(MONTH).cases if r.case_id == c)
    assert all(s.total is None for s in row.reviewers)
    world.as_(x).reviews.mark_remaining_pass(rx)
    world.as_(x).reviews.submit(rx)
    assert seen(x) == {rx, ry}


def test_the_case_list_shows_a_case_score_to_a_reviewer_only_after_their_own_review(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y = _pair(world, rid, c)
    world.review(y, c, rid, {FIXED: {}})
    world.review("法制员", c, rid, {FULL: {}})  # the legal officer's own review never counts

    def score(name: str | None) -> Decimal | None:
        ws = world.as_(name)
        return next(r.score for r in ws.cases.list_cases(round_id=rid, reviewer_id=ws.user_id) if r.id == c)

    assert score("法制员") == score("负责人") == dec(99)
    assert score(x) is None and score(None) is None
    assert next(r.score for r in world.as_(x).cases.list_cases(reviewer_id=world.uid(x)) if r.id == c) is None
    rx = world.review(x, c, rid, {PER: {"occurrences": 4}})  # 98; y 99
    assert score(x) == dec("98.5")
    mine = next(r for r in world.as_(x).cases.list_cases(round_id=rid, reviewer_id=world.uid(x)) if r.id == c)
    assert mine.my_score == dec(98) and mine.my_assigned
    assert world.ws.reviews.get(rx).score.total == dec(98)


def test_a_round_that_is_not_blind_shows_every_review_at_once(world: World) -> None:
    cases, rid = _setup(world, blind=False)
    c = cases["丙"]
    x, y = _pair(world, rid, c)
    rx = world.review(x, c, rid, {}, submit=False)
    ry = world.review(y, c, rid, {})
    assert {v.id for v in world.as_(x).meeting.visible_reviews(c, MONTH)} == {rx, ry}
    assert not world.as_(x).rounds.status(MONTH).blind_view


def test_hide_handler_hides_the_handlers_from_reviewers_only(world: World) -> None:
    cases, rid = _setup(world, hide_handler=True)
    x, _ = _pair(world, rid, cases["乙"])
    assert world.as_(x).meeting.handler_hidden(MONTH)
    assert not world.as_("法制员").meeting.handler_hidden(MONTH)
    st_reviewer = world.as_(x).rounds.status(MONTH)
    assert st_reviewer.handlers_hidden and all(r.handlers == () for r in st_reviewer.cases)
    assert all(r.handlers for r in world.as_("法制员").rounds.status(MONTH).cases)
    assert not world.as_("法制员").rounds.status(MONTH).handlers_hidden
    # the case list and the case detail, too
    ws = world.as_(x)
    assert all(r.handlers == () for r in ws.cases.list_cases(round_id=rid, reviewer_id=ws.user_id))
    detail = ws.cases.get(cases["乙"], reviewer_id=ws.user_id)
    assert detail.row.handlers == () and detail.handler_ids == ()
    lo = world.as_("法制员")
    assert lo.cases.get(cases["乙"]).row.handlers == ("乙官1",)
    assert {r.handlers for r in lo.cases.list_cases(round_id=rid)} == {("甲官2", "甲官1"), ("乙官1",), ("丙官2",)}


# -- reconciliation -----------------------------------------------------------------------------------


def _reviews_of_乙(world: World, rid: int, c: int) -> tuple[str, str, int, int]:
    """x is harsh (FIXED, PER×3, RANGE 1 → 96.5), y lenient (FIXED → 99)."""
    x, y = _pair(world, rid, c)
    rx = world.review(x, c, rid, {FIXED: {"reason": "封面缺案由", "pages": [PageRef(1)]},
                                  PER: {"occurrences": 3, "reason": "文书缺页码三处", "pages": [PageRef(4)]},
                                  RANGE: {"value": dec(1), "reason": "卷内目录不全"}})
    ry = world.review(y, c, rid, {FIXED: {"reason": "案由未填", "pages": [PageRef(1), PageRef(2)]}})
    return x, y, rx, ry


def test_reconciliation_side_by_side_agreed_in_one_step_differing_decided_with_proposer(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y, rx, ry = _reviews_of_乙(world, rid, c)
    with pytest.raises(PermissionDenied):
        world.as_(x).meeting.case(MONTH, c)
    lo = world.as_("法制员")
    m = lo.meeting.case(MONTH, c)
    assert [r.id for r in m.reviews] == sorted([rx, ry])
    assert [i.item_id for i in m.comparison.differing] == [PER, RANGE]  # listed first, checklist order
    assert [i.item_id for i in m.comparison.items[:2]] == [PER, RANGE]
    assert len(m.comparison.agreed_items) == 57 and not m.flags
    assert m.provisional_total == dec("97.75")  # mean of 96.5 and 99
    assert m.score is None and m.reconciled == {}
    assert lo.meeting.accept_agreed(MONTH, c) == 57
    assert lo.meeting.accept_agreed(MONTH, c) == 0  # never overwrites what was decided
    rec = lo.meeting.case(MONTH, c).reconciled
    assert rec[FIXED].outcome is Outcome.DEDUCT and rec[FIXED].points == dec(1)
    assert set(rec[FIXED].reason.split("；")) == {"封面缺案由", "案由未填"}
    assert set(rec[FIXED].pages) == {PageRef(1), PageRef(2)} and rec[FIXED].decided_by == "法制员"
    # the differing ones, with a note; the final deduction keeps who proposed it
    x_review = next(v for v in m.reviews if v.reviewer_name == x)
    per = lo.meeting.decide(MONTH, c, PER, Outcome.DEDUCT, occurrences=1, note="经核实仅一处",
                            proposed_by_review=x_review.id)
    assert (per.points, per.reason, per.proposed_by, per.note) == (dec("0.5"), "文书缺页码三处", x, "经核实仅一处")
    assert per.pages == (PageRef(4),)
    with pytest.raises(UsageError):  # a deduction the meeting reaches itself needs its reason
        lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec(1))
    with pytest.raises(UsageError):  # a review of another case cannot be the proposer
        lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec(1), reason="x", proposed_by_review=99999)
    rng = lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec(1), reason="卷内目录不全", note="采纳")
    assert rng.proposed_by == "例会"  # the meeting's own result
    final = lo.meeting.case(MONTH, c)
    assert final.score is not None and final.score.complete
    assert (final.score.total, final.score.grade) == (dec("97.5"), "优秀")  # 100 − 1 − 0.5 − 1
    # each decision is audited with its value before
    lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec("0.5"), reason="卷内目录不全", note="改为0.5")
    with world.ws.session_factory() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "reconcile_item",
                                                    AuditEvent.case_id == c).order_by(AuditEvent.id)).all()
    assert [e.after["item"] for e in events] == [PER, RANGE, RANGE]
    assert events[-1].before["points"] in ("1", "1.00") and events[-1].reason == "改为0.5"
    assert lo.meeting.case(MONTH, c).score.total == dec(98)  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        world.as_(x).meeting.decide(MONTH, c, RANGE, Outcome.PASS)


def test_flags_when_totals_differ_beyond_the_threshold_or_a_veto_is_disputed(world: World) -> None:
    cases, rid = _setup(world)
    x, y = _pair(world, rid, cases["丙"])
    world.review(x, cases["丙"], rid, {"S3-02": {"value": dec(4)}, "S3-07": {"value": dec(4)},
                                       "S3-01": {"occurrences": 4}})  # 88
    world.review(y, cases["丙"], rid, {"S3-01": {"occurrences": 1}})  # 99: 11 apart, threshold 10
    x2, y2 = _pair(world, rid, cases["乙"])
    world.review(x2, cases["乙"], rid, {VETO_FAIL: {"reason": "执法人员无执法证"}})
    world.review(y2, cases["乙"], rid, {})
    lo = world.as_("法制员")
    spread = lo.meeting.case(MONTH, cases["丙"]).flags
    assert len(spread) == 1 and "11" in spread[0] and "10" in spread[0]
    veto = lo.meeting.case(MONTH, cases["乙"]).flags
    assert len(veto) == 1 and VETO_FAIL in veto[0]
    st = lo.rounds.status(MONTH)
    assert st.counts["flagged"] == 2
    assert {r.case_id for r in st.cases if r.flags} == {cases["丙"], cases["乙"]}


def test_reconciliation_waits_for_every_assigned_review(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y = _pair(world, rid, c)
    world.review(x, c, rid, {FIXED: {}})
    world.review(y, c, rid, {}, submit=False)
    lo = world.as_("法制员")
    with pytest.raises(Conflict, match=y):
        lo.meeting.accept_agreed(MONTH, c)
    with pytest.raises(Conflict, match=y):
        lo.meeting.decide(MONTH, c, FIXED, Outcome.PASS)
    with pytest.raises(Conflict):
        lo.meeting.accept_agreed(MONTH, cases["甲"])  # nothing submitted


# -- finalisation ------------------------------------------------------------------------------------------


def _count(world: World, model: type) -> int:
    with world.ws.session_factory() as s:
        return len(s.scalars(select(model)).all())


def _everything_reviewed(world: World, rid: int, cases: dict[str, int]) -> tuple[str, str, int, int]:
    out = _reviews_of_乙(world, rid, cases["乙"])
    for name in world.reviewers_of(rid, cases["甲"]):
        world.review(name, cases["甲"], rid, {})
    a, b = world.reviewers_of(rid, cases["丙"])
    world.review(a, cases["丙"], rid, {FULL: {"reason": "未告知陈述申辩权利"}})  # 98
    world.review(b, cases["丙"], rid, {})  # 100
    return out


def test_finalisation_refuses_until_reviews_are_in_and_disagreements_reconciled(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y, rx, ry = _reviews_of_乙(world, rid, c)
    lo = world.as_("法制员")
    with pytest.raises(Conflict) as err:
        lo.meeting.finalize(MONTH)
    docs = {r.id: r.doc_no for r in lo.cases.list_cases()}
    assert docs[cases["甲"]] in str(err.value) and docs[cases["丙"]] in str(err.value)
    for name in world.reviewers_of(rid, cases["甲"]):
        world.review(name, cases["甲"], rid, {})
    a, b = world.reviewers_of(rid, cases["丙"])
    world.review(a, cases["丙"], rid, {VETO_FAIL: {"reason": "执法主体不合法"}})
    world.review(b, cases["丙"], rid, {}, submit=False)
    lo = world.as_("法制员")
    with pytest.raises(Conflict, match=b):  # waiting for b
        lo.meeting.finalize(MONTH)
    world.as_(b).reviews.submit(world.ws.reviews.find(cases["丙"], world.uid(b), rid).id)  # type: ignore[union-attr]
    lo = world.as_("法制员")
    with pytest.raises(Conflict, match=docs[cases["丙"]]):  # the veto is disputed: reconcile first
        lo.meeting.finalize(MONTH)
    lo.meeting.accept_agreed(MONTH, cases["丙"])
    with pytest.raises(Conflict, match=docs[cases["丙"]]):  # reconciliation begun, not finished
        lo.meeting.finalize(MONTH)
    lo.meeting.decide(MONTH, cases["丙"], VETO_FAIL, Outcome.PASS, note="主体合法")
    lo.meeting.accept_agreed(MONTH, c)
    with pytest.raises(Conflict, match=docs[c]):  # 乙 reconciliation begun, not finished
        lo.meeting.finalize(MONTH)
    assert _count(world, CaseResult) == 0 and lo.rounds.get(MONTH).status is RoundStatus.IN_PROGRESS
    lo.meeting.decide(MONTH, c, PER, Outcome.DEDUCT, occurrences=1, proposed_by_review=rx)
    lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec(1), proposed_by_review=rx)
    report = lo.meeting.finalize(MONTH)
    assert (report.cases, report.reconciled, report.by_mean) == (3, 2, 1)
    with world.ws.session_factory() as s:
        results = {r.case_id: r for r in s.scalars(select(CaseResult))}
        assert (results[c].total, results[c].grade, results[c].source) == (dec("97.5"), "优秀", "reconciled")
        assert (results[cases["丙"]].total, results[cases["丙"]].veto) == (dec(100), None)
        assert (results[cases["甲"]].total, results[cases["甲"]].source) == (dec(100), "mean")
        findings = {(f.case_id, f.item_id): f for f in s.scalars(select(Finding))}
        assert set(findings) == {(c, FIXED), (c, PER), (c, RANGE)}
        f = findings[(c, PER)]
        assert (f.points, f.owner_unit_id, f.status) == (dec("0.5"), world.ids.units["乙大队"], FindingStatus.OPEN)
        assert f.owner_officer_id == world.ids.officers["乙官1"] and "文书缺页码三处" in f.description
        assert f.deadline == dt.date.today() + dt.timedelta(days=30) and f.category
        assert all(s.get(Case, i).status is CaseStatus.FINALISED for i in cases.values())  # type: ignore[union-attr]
    assert report.findings == 3


def test_a_finalised_round_is_immutable_until_an_audited_reopen(world: World) -> None:
    cases, rid = _setup(world)
    x, y, rx, ry = _everything_reviewed(world, rid, cases)
    c = cases["乙"]
    lo = world.as_("法制员")
    own = lo.reviews.open(c, round_id=rid).id  # the legal officer's own note-taking review
    lo.meeting.accept_agreed(MONTH, c)
    lo.meeting.decide(MONTH, c, PER, Outcome.DEDUCT, occurrences=1, proposed_by_review=rx)
    lo.meeting.decide(MONTH, c, RANGE, Outcome.PASS)
    lo.meeting.finalize(MONTH)
    with world.ws.session_factory() as s:
        before = {(r.case_id, r.total, r.grade) for r in s.scalars(select(CaseResult))}
    # finalised: no longer blind
    a, _ = world.reviewers_of(rid, cases["甲"])
    assert {v.reviewer_name for v in world.as_(a).meeting.visible_reviews(c, MONTH)} >= {x, y}
    assert not world.as_(a).rounds.status(MONTH).blind_view
    world.as_("法制员")
    extra = world.add_case("乙大队", ("乙官1",))
    ws = world.ws
    refused = [
        lambda: ws.reviews.record(own, FIXED, Outcome.PASS),
        lambda: ws.reviews.reopen(rx, reason="重新评"),
        lambda: ws.meeting.decide(MONTH, c, RANGE, Outcome.PASS),
        lambda: ws.meeting.accept_agreed(MONTH, c),
        lambda: ws.rounds.add_case(MONTH, extra, reason="补充"),
        lambda: ws.rounds.remove_case(MONTH, c, reason="移出"),
        lambda: ws.rounds.propose(MONTH),
        lambda: ws.rounds.override(MONTH, c, add=world.uid("科评"), reason="x", force=True),
        lambda: ws.meeting.finalize(MONTH),
        lambda: ws.reviews.open(c, round_id=rid, reviewer_id=world.uid("负责人")),
    ]
    for call in refused:
        with pytest.raises(Conflict, match=MONTH):
            call()
    with pytest.raises(Conflict):
        world.as_(x).reviews.record(rx, FIXED, Outcome.PASS)
    with world.ws.session_factory() as s:
        assert {(r.case_id, r.total, r.grade) for r in s.scalars(select(CaseResult))} == before
    # the audited reopen
    with pytest.raises(UsageError):
        world.as_("法制员").meeting.reopen(MONTH, reason="  ")
    with pytest.raises(PermissionDenied):
        world.as_("负责人").meeting.reopen(MONTH, reason="复议")
    world.as_("法制员").meeting.reopen(MONTH, reason="当事人申请复核，重新会商")
    with pytest.raises(Conflict):
        world.as_("法制员").meeting.reopen(MONTH, reason="again")  # not finalised any more
    with world.ws.session_factory() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "round_reopen")).one()
        assert (event.reason, event.actor_id, event.before["status"]) == ("当事人申请复核，重新会商",
                                                                          world.uid("法制员"), "finalised")
        assert event.before["finalised_at"]
        assert s.get(Case, c).status is CaseStatus.REVIEWED  # type: ignore[union-attr]
    lo = world.as_("法制员")
    assert lo.rounds.get(MONTH).status is RoundStatus.IN_PROGRESS
    lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec("0.5"), reason="目录不全", note="复核")
    lo.reviews.reopen(rx, reason="例会要求复核")
    with pytest.raises(Conflict, match=x):  # its reviewer must submit it again first
        lo.meeting.finalize(MONTH)
    rws = world.as_(x)
    rws.reviews.record(rx, RANGE, Outcome.DEDUCT, value=dec("0.5"), reason="卷内目录不全", change_reason="例会意见")
    rws.reviews.submit(rx)
    report = world.as_("法制员").meeting.finalize(MONTH)
    assert report.cases == 3
    with world.ws.session_factory() as s:
        assert s.scalars(select(CaseResult).where(CaseResult.case_id == c)).one().total == dec(98)
    # the reopened review kept its earlier values in its history
    history = world.ws.reviews.history(rx)
    assert any(h.action == "review_reopen" and h.reason == "例会要求复核" for h in history)


# -- calibration ---------------------------------------------------------------------------------------------


def test_calibration_a_reviewer_who_deducts_more_than_agreed_is_harsh(world: World) -> None:
    cases, rid = _setup(world)
    c = cases["乙"]
    x, y, rx, ry = _reviews_of_乙(world, rid, c)
    lo = world.as_("法制员")
    lo.meeting.accept_agreed(MONTH, c)
    lo.meeting.decide(MONTH, c, PER, Outcome.DEDUCT, occurrences=1, proposed_by_review=rx)
    lo.meeting.decide(MONTH, c, RANGE, Outcome.DEDUCT, value=dec(1), proposed_by_review=rx)  # agreed 97.5
    for name in ("甲评", "负责人"):
        with pytest.raises(PermissionDenied):
            world.as_(name).meeting.calibration(MONTH)
    cal = dict(world.as_("法制员").meeting.calibration(MONTH))  # before finalisation: this round
    assert set(cal) == {x, y}
    cx, cy = cal[x], cal[y]
    assert cx.mean_signed_deviation == Fraction(-1) and cx.tendency_zh == "偏严"  # 96.5 − 97.5
    assert cy.mean_signed_deviation == Fraction(3, 2) and cy.tendency_zh == "偏宽"  # 99 − 97.5
    assert cx.kappa.value == 1 and cx.percent_agreement == 1
    # y said 符合 on two items the meeting deducted: 57/59 agree, kappa by hand = 112/230
    assert cy.percent_agreement == Fraction(57, 59) and cy.kappa.value == Fraction(56, 115)
    assert cx.cases == cy.cases == 1 and cx.items == 59
    assert world.as_("法制员").meeting.calibration() == []  # over past rounds: none is finalised yet
    for name in world.reviewers_of(rid, cases["甲"]):
        world.review(name, cases["甲"], rid, {})
    for name in world.reviewers_of(rid, cases["丙"]):
        world.review(name, cases["丙"], rid, {})
    world.as_("法制员").meeting.finalize(MONTH)
    pooled = dict(world.as_("法制员").meeting.calibration())
    assert pooled[x].mean_signed_deviation == Fraction(-1) and pooled[y].mean_signed_deviation == Fraction(3, 2)
    others = [n for n in pooled if n not in (x, y)]
    assert all(pooled[n].cases == 0 and pooled[n].unmatched_reviews >= 1 for n in others)  # finalised on the mean


# -- property: reconciling every item to one reviewer's result gives that reviewer's score ---------------------

DEDUCTIBLE = {FIXED: {}, PER: {"occurrences": 2}, RANGE: {"value": dec("0.5")}, FULL: {},
              "S2-02": {"occurrences": 3}, "S3-02": {"value": dec(3)}, "S5-04": {"value": dec(2)}}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.sets(st.sampled_from(sorted(DEDUCTIBLE))), b=st.sets(st.sampled_from(sorted(DEDUCTIBLE))))
def test_reconciling_to_one_reviewers_votes_gives_their_score(world: World, a: set[str], b: set[str]) -> None:
    lo = world.as_("法制员")
    if not lo.rounds.list():
        world.standard_cases()
        world.round(seed=4)
    case_id = world.add_case("乙大队", ("乙官1",))
    world.as_("法制员").rounds.add_case(MONTH, case_id, reason="属性测试")
    world.ws.rounds.propose(MONTH)
    world.ws.rounds.deploy(MONTH)
    rid = world.ws.rounds.resolve(MONTH)
    x, y = world.reviewers_of(rid, case_id)
    rx = world.review(x, case_id, rid, {i: dict(DEDUCTIBLE[i]) for i in a})
    world.review(y, case_id, rid, {i: dict(DEDUCTIBLE[i]) for i in b})
    lo = world.as_("法制员")
    n = lo.meeting.accept_agreed(MONTH, case_id)
    m = lo.meeting.case(MONTH, case_id)
    assert n == 59 - len(a ^ b) and {i.item_id for i in m.comparison.differing} == a ^ b
    for item in sorted(a ^ b):
        mine = m.reviews[[r.id for r in m.reviews].index(rx)].results[item]
        kind = m.checklist.item(item).rule.kind.value
        lo.meeting.decide(MONTH, case_id, item, mine.outcome, occurrences=mine.occurrences,
                          value=mine.points if kind == "range" and mine.outcome is Outcome.DEDUCT else None,
                          proposed_by_review=rx)
    final = lo.meeting.case(MONTH, case_id)
    assert final.score is not None and final.score.total == world.ws.reviews.get(rx).score.total
    with world.ws.session_factory() as s:
        rows = s.scalars(select(ReconciledItem).where(ReconciledItem.case_id == case_id)).all()
        assert len(rows) == 59
        assert all(r.proposed_by_review_id == rx for r in rows if r.item_id in a ^ b)
    assert all(v.status is ReviewStatus.SUBMITTED for v in final.reviews)
    assert isinstance(final.provisional_total, Decimal)
