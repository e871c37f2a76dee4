"""RoundService: creating a month's round (seeded, logged, reproducible), manual changes with reasons,
proposing and deploying assignments under the hard constraints, overrides, workload, status, roles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from svc_world import FIXED, MONTH, World

from review_tool.domain.enums import AssignmentStatus, CaseStatus, ReviewStatus, Role, RoundStatus
from review_tool.domain.errors import Conflict, NotFound, PermissionDenied, UsageError
from review_tool.rounds.selection import Candidate, select_cases
from review_tool.services.rounds import AssignmentBlocked, OverrideRefused
from review_tool.storage.orm import Assignment, AuditEvent, Case, CaseHandler, ReviewRound, RoundCase, User


def _rows(world: World, model: type, **where: object) -> int:
    with world.ws.session_factory() as s:
        q = select(func.count()).select_from(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return int(s.scalar(q) or 0)


def _audit(world: World, action: str) -> list[AuditEvent]:
    with world.ws.session_factory() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def _check_hard_constraints(world: World, round_id: int, *, began: frozenset[int] = frozenset()) -> None:
    """No deployed/proposed assignment gives a case to its handler, their 大队, a declared conflict or
    an unavailable reviewer (unless they had begun: `began` case ids); every case has distinct reviewers."""
    from review_tool.domain.enums import UnitKind
    from review_tool.services.org import unit_at_level
    from review_tool.storage.orm import ConflictDeclaration

    with world.ws.session_factory() as s:
        rows = s.scalars(select(Assignment).where(Assignment.round_id == round_id,
                                                  Assignment.status != AssignmentStatus.WITHDRAWN)).all()
        per_case: dict[int, list[int]] = {}
        for a in rows:
            per_case.setdefault(a.case_id, []).append(a.reviewer_id)
            user = s.get(User, a.reviewer_id)
            case = s.get(Case, a.case_id)
            assert user is not None and case is not None
            handlers = {h.officer_id for h in s.scalars(select(CaseHandler).where(CaseHandler.case_id == case.id))}
            assert user.officer_id not in handlers
            if user.unit.kind not in (UnitKind.DETACHMENT, UnitKind.OFFICE):
                assert unit_at_level(s, user.unit_id, UnitKind.BRIGADE) != unit_at_level(s, case.unit_id,
                                                                                          UnitKind.BRIGADE)
            assert user.available or case.id in began
            for c in s.scalars(select(ConflictDeclaration).where(ConflictDeclaration.user_id == user.id)):
                assert c.case_id != case.id
                assert c.unit_id not in (case.unit_id, unit_at_level(s, case.unit_id, UnitKind.BRIGADE))
        for reviewers in per_case.values():
            assert len(reviewers) == len(set(reviewers))


# -- creating a round ------------------------------------------------------------------------------


def test_create_selects_by_the_rule_with_a_recorded_seed_anyone_can_reproduce(world: World) -> None:
    penalties = [world.add_case("甲大队", ("甲官1",)) for _ in range(2)]
    inspections = [world.add_case(u, (h,), case_type="inspection") for u, h in
                   [("甲大队", "甲官1")] * 6 + [("乙大队", "乙官1")] * 4]
    world.add_case("甲大队", ("甲官1",), closed_on=dt.date(2025, 7, 1))  # another month
    ws = world.as_("法制员")
    r = ws.rounds.create(MONTH, seed=4242)
    assert (r.month, r.rule_name, r.seed, r.per_case, r.status, r.blind) == (MONTH, "standard", 4242, 2,
                                                                              RoundStatus.DRAFT, True)
    chosen = {row.id for row in ws.cases.list_cases(round_id=r.id)}
    assert set(penalties) <= chosen  # penalties: all of them
    # inspections: 20 % per unit rounded up, at least one: 2 of 甲's 6, 1 of 乙's 4
    assert len(chosen & set(inspections[:6])) == 2 and len(chosen & set(inspections[6:])) == 1
    with world.ws.session_factory() as s:
        rnd = s.get(ReviewRound, r.id)
        assert rnd is not None
        log = dict(rnd.selection_log)
        cases = list(s.scalars(select(Case).where(Case.closed_on >= dt.date(2025, 6, 1),
                                                  Case.closed_on <= dt.date(2025, 6, 30))))
        statuses = {c.id: c.status for c in cases}
    assert (log["seed"], log["rule"], log["month"], log["candidates"]) == (4242, "standard", MONTH, 12)
    # anyone can redraw with the logged seed and get the same cases
    rule = world.ws.rules.selection_rule(log["rule"])
    again = select_cases([Candidate(c.id, c.doc_no, c.case_type, c.unit_id or 0) for c in cases],
                         include_all=set(rule.include_all), samples=list(rule.sample), seed=log["seed"])
    assert set(again.case_ids) == chosen
    assert all(statuses[c] is CaseStatus.SELECTED for c in chosen)
    event = _audit(world, "round_create")[-1]
    assert event.after["seed"] == 4242 and event.actor_id == world.uid("法制员")


def test_create_refuses_bad_input_with_clear_messages_and_writes_nothing(world: World) -> None:
    world.add_case("甲大队", ("甲官1",))
    with pytest.raises(PermissionDenied):
        world.as_("甲评").rounds.create(MONTH)
    with pytest.raises(PermissionDenied):
        world.as_(None).rounds.create(MONTH)
    ws = world.as_("法制员")
    with pytest.raises(UsageError, match="2025-13"):
        ws.rounds.create("2025-13")
    with pytest.raises(UsageError, match="2025-05"):  # a month with no cases
        ws.rounds.create("2025-05")
    with pytest.raises(UsageError, match="nosuch"):
        ws.rounds.create(MONTH, rule="nosuch")
    for n in (0, -1):
        with pytest.raises(UsageError):
            ws.rounds.create(MONTH, per_case=n)
    assert _rows(world, ReviewRound) == 0
    ws.rounds.create(MONTH, rule="all")
    with pytest.raises(Conflict, match=MONTH):
        ws.rounds.create(MONTH)
    assert [r.month for r in ws.rounds.list()] == [MONTH]
    assert ws.rounds.get(MONTH).id == ws.rounds.resolve(MONTH) == ws.rounds.get(str(ws.rounds.resolve(MONTH))).id
    with pytest.raises(NotFound):
        ws.rounds.get("2020-01")


def test_cases_added_or_removed_by_hand_need_a_reason_and_are_audited(world: World) -> None:
    cases = world.standard_cases()
    extra = world.add_case("丙大队", ("丙官1",), closed_on=dt.date(2025, 5, 3))
    rid = world.round(deploy=False)
    ws = world.as_("法制员")
    with pytest.raises(UsageError):
        ws.rounds.add_case(MONTH, extra, reason="")
    with pytest.raises(PermissionDenied):
        world.as_("甲评").rounds.add_case(MONTH, extra, reason="群众投诉较多")
    ws = world.as_("法制员")
    ws.rounds.add_case(MONTH, extra, reason="群众投诉较多")
    with pytest.raises(Conflict):
        ws.rounds.add_case(MONTH, extra, reason="again")
    with pytest.raises(NotFound):
        ws.rounds.add_case(MONTH, 99999, reason="x")
    assert ws.rounds.get(rid).cases == 4
    with pytest.raises(UsageError):
        ws.rounds.remove_case(MONTH, cases["丙"], reason=" ")
    ws.rounds.remove_case(MONTH, cases["丙"], reason="已移送公安机关")
    with pytest.raises(NotFound):
        ws.rounds.remove_case(MONTH, cases["丙"], reason="again")
    assert {r.id for r in ws.cases.list_cases(round_id=rid)} == {cases["甲"], cases["乙"], extra}
    assert not ws.rounds.assignments(MONTH, cases["丙"])  # its proposed reviewers withdrawn
    with world.ws.session_factory() as s:
        rc = s.scalar(select(RoundCase).where(RoundCase.case_id == extra))
        assert rc is not None and (rc.origin, rc.reason) == ("manual", "群众投诉较多")
        assert s.get(Case, extra).status is CaseStatus.SELECTED  # type: ignore[union-attr]
    assert [(e.case_id, e.reason) for e in _audit(world, "round_add_case")] == [(extra, "群众投诉较多")]
    assert [(e.case_id, e.reason) for e in _audit(world, "round_remove_case")] == [(cases["丙"], "已移送公安机关")]


# -- assignment ----------------------------------------------------------------------------------------


def test_the_proposal_keeps_the_hard_constraints_is_deterministic_and_explained(world: World) -> None:
    cases = world.standard_cases()
    world.as_("法制员").rounds.create(MONTH, rule="all", seed=11)
    ws = world.ws
    p1 = ws.rounds.propose(MONTH)
    first = {(a.case_id, a.reviewer_id) for a in ws.rounds.assignments(MONTH)}
    assert p1.assigned_cases == 3 and p1.spread <= 1 and len(first) == 6
    assert ws.rounds.get(MONTH).status is RoundStatus.PROPOSED
    assert all(a.status is AssignmentStatus.PROPOSED for a in ws.rounds.assignments(MONTH))
    _check_hard_constraints(world, ws.rounds.resolve(MONTH))
    assert "甲评" not in world.reviewers_of(1, cases["甲"])  # handler and unit
    # the same seed gives the same proposal
    ws.rounds.propose(MONTH, seed=11)
    assert {(a.case_id, a.reviewer_id) for a in ws.rounds.assignments(MONTH)} == first
    assert _rows(world, Assignment) == 6  # the earlier proposal was replaced, not added to
    # reviewers see nothing before it is deployed
    assert world.as_("乙评").rounds.my_cases(MONTH) == []
    n = world.as_("法制员").rounds.deploy(MONTH)
    assert n == 6 and ws.rounds.get(MONTH).status is RoundStatus.IN_PROGRESS
    assert sum(len(world.as_(r).rounds.my_cases(MONTH)) for r in ("甲评", "乙评", "丙评", "科评")) == 6
    for c in cases.values():
        why = ws.rounds.explain(MONTH, c)
        assert all(name in why for name in world.reviewers_of(1, c))
    with pytest.raises(Conflict):
        world.as_("法制员").rounds.deploy(MONTH)  # nothing proposed any more
    assert [e.after["seed"] for e in _audit(world, "round_propose")] == [11, 11]
    assert _audit(world, "round_deploy")[-1].after["assignments"] == 6


def test_an_impossible_assignment_names_the_case_and_constraint_and_writes_nothing(world: World) -> None:
    cases = world.standard_cases()
    ws = world.as_("法制员")
    ws.rounds.create(MONTH, rule="all", seed=3)
    before = _rows(world, Assignment)
    with pytest.raises(AssignmentBlocked) as err:
        ws.rounds.propose(MONTH, per_case=4)  # every case has only 3 eligible reviewers
    assert {b["case"] for b in err.value.blockers} == {c.doc_no for c in ws.cases.list_cases()}
    assert all(b["demand"] == 4 and b["eligible"] == 3 for b in err.value.blockers)
    assert _rows(world, Assignment) == before
    # a declared conflict and an unavailable reviewer leave case 甲 with one eligible reviewer
    ws.rounds.propose(MONTH)
    proposed = _rows(world, Assignment)
    world.as_("科评").org.declare_conflict(world.uid("科评"), unit_id=world.ids.units["甲大队"], reason="配偶在甲大队")
    world.as_("法制员").org.set_available(world.uid("丙评"), False, reason="外出培训")
    with pytest.raises(AssignmentBlocked) as err:
        ws.rounds.propose(MONTH, seed=5)
    doc_no = next(r.doc_no for r in ws.cases.list_cases() if r.id == cases["甲"])
    assert doc_no in str(err.value)
    blockers = [b for b in err.value.blockers if b["case"] == doc_no]
    assert {b["constraint"] for b in blockers} >= {"conflict_unit", "unavailable"}
    assert all((b["demand"], b["eligible"]) == (2, 1) for b in blockers)
    assert _rows(world, Assignment) == proposed  # the earlier proposal is untouched
    assert {(a.case_id, a.reviewer_id) for a in ws.rounds.assignments(MONTH)} and \
        ws.rounds.get(MONTH).status is RoundStatus.PROPOSED


def test_conflicts_and_availability_are_declared_by_the_person_or_a_legal_officer(world: World) -> None:
    case = world.add_case("乙大队", ("乙官1",))
    with pytest.raises(PermissionDenied):
        world.as_("甲评").org.declare_conflict(world.uid("丙评"), case_id=case, reason="亲属")
    with pytest.raises(PermissionDenied):
        world.as_("甲评").org.set_available(world.uid("丙评"), False)
    with pytest.raises(UsageError):
        world.as_("丙评").org.declare_conflict(world.uid("丙评"), case_id=case, reason=" ")
    with pytest.raises(NotFound):
        world.as_("丙评").org.declare_conflict(world.uid("丙评"), case_id=99999, reason="亲属")
    world.as_("丙评").org.declare_conflict(world.uid("丙评"), case_id=case, reason="当事人系亲属")
    ws = world.as_("法制员")
    ws.rounds.create(MONTH, rule="all", seed=1)
    with pytest.raises(AssignmentBlocked, match="回避"):
        ws.rounds.propose(MONTH, per_case=3)  # 甲评, 科评 and 丙评 (who declared a conflict)
    event = _audit(world, "declare_conflict")[-1]
    assert (event.actor_id, event.case_id, event.reason) == (world.uid("丙评"), case, "当事人系亲属")


def test_a_conflict_declared_after_deployment_is_flagged_for_the_legal_officer(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=2)
    case = cases["甲"]
    name = world.reviewers_of(rid, case)[0]
    declared = world.as_(name).org.declare_conflict(world.uid(name), case_id=case, reason="当事人系其亲属")
    doc_no = next(r.doc_no for r in world.ws.cases.list_cases() if r.id == case)
    assert declared.still_assigned == (doc_no,) and declared.doc_no == doc_no  # the person is told
    status = world.as_("法制员").rounds.status(rid)
    row = next(c for c in status.cases if c.case_id == case)
    assert any(name in f and "回避" in f and "当事人系其亲属" in f for f in row.flags)
    assert not any("回避" in f for c in status.cases if c.case_id != case for f in c.flags)
    listed = world.ws.org.conflicts()
    assert [(c.user_name, c.doc_no, c.still_assigned) for c in listed] == [(name, doc_no, (doc_no,))]
    # once the legal officer takes them off, nothing is left to flag
    spare = next(u.name for u in world.ws.org.users(Role.REVIEWER)
                 if u.name not in world.reviewers_of(rid, case) and u.name != name)
    warnings = world.ws.rounds.override(rid, case, remove=world.uid(name), reason="申报回避", force=True)
    world.ws.rounds.override(rid, case, add=world.uid(spare), reason="替换回避人员", force=True)
    assert warnings == []
    row = next(c for c in world.ws.rounds.status(rid).cases if c.case_id == case)
    assert not any("回避" in f for f in row.flags)
    assert world.ws.org.conflicts(world.uid(name))[0].still_assigned == ()
    # a reviewer's own view of the round does not carry the flag
    mine = world.as_(name).rounds.status(rid)
    assert not any("回避" in f for c in mine.cases for f in c.flags)


def test_a_withdrawn_conflict_stays_on_record_and_binds_no_longer(world: World) -> None:
    case = world.add_case("乙大队", ("乙官1",))
    c = world.as_("丙评").org.declare_conflict(world.uid("丙评"), case_id=case, reason="误报")
    with pytest.raises(PermissionDenied):
        world.as_("甲评").org.withdraw_conflict(c.id, reason="代撤")
    with pytest.raises(UsageError):
        world.as_("丙评").org.withdraw_conflict(c.id, reason=" ")
    with pytest.raises(NotFound):
        world.as_("丙评").org.withdraw_conflict(99999, reason="误报")
    ws = world.as_("法制员")
    ws.rounds.create(MONTH, rule="all", seed=1)
    with pytest.raises(AssignmentBlocked, match="回避"):
        ws.rounds.propose(MONTH, per_case=3)  # 甲评, 科评, 丙评: the declaration binds
    done = world.as_("丙评").org.withdraw_conflict(c.id, reason="申报有误，当事人并非亲属")
    assert done.withdrawn_at is not None and done.withdrawn_reason == "申报有误，当事人并非亲属"
    with pytest.raises(Conflict, match="撤回"):
        world.as_("丙评").org.withdraw_conflict(c.id, reason="再撤一次")
    assert world.as_("法制员").rounds.propose(MONTH, per_case=3).assigned_cases == 1  # now 丙评 may review it
    (kept,) = world.ws.org.conflicts()
    assert kept.id == c.id and kept.withdrawn_at is not None and kept.reason == "误报"
    assert _audit(world, "withdraw_conflict")[-1].reason == "申报有误，当事人并非亲属"


def test_reassigning_after_reviews_began_keeps_those_reviewers(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=2)
    before = {c: world.reviewers_of(rid, c) for c in cases.values()}
    # one reviewer of 甲 submits, one reviewer of 乙 begins
    first, second = before[cases["甲"]][0], before[cases["乙"]][0]
    submitted = world.review(first, cases["甲"], rid, {FIXED: {}})
    begun = world.as_(second).reviews.open(cases["乙"], round_id=rid).id
    world.as_("法制员").org.set_available(world.uid(second), False, reason="病假")
    ws = world.as_("法制员")
    summary = ws.rounds.propose(MONTH, seed=99)
    docs = {r.id: r.doc_no for r in ws.cases.list_cases()}
    assert set(summary.kept_cases) == {docs[cases["甲"]], docs[cases["乙"]]} and summary.assigned_cases == 1
    ws.rounds.deploy(MONTH)
    assert world.reviewers_of(rid, cases["甲"]) == before[cases["甲"]]
    assert world.reviewers_of(rid, cases["乙"]) == before[cases["乙"]]  # even though one is now away
    assert ws.reviews.get(submitted).status is ReviewStatus.SUBMITTED
    assert ws.reviews.get(begun).status is ReviewStatus.IN_PROGRESS
    _check_hard_constraints(world, rid, began=frozenset({cases["乙"]}))
    # when every case has begun, there is nothing left to assign
    for c in cases.values():
        for name in world.reviewers_of(rid, c):
            world.as_(name).reviews.open(c, round_id=rid)
    with pytest.raises(Conflict):
        world.as_("法制员").rounds.propose(MONTH)


def test_a_review_that_begins_between_proposal_and_deployment_keeps_its_case(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=2)
    old = world.reviewers_of(rid, cases["甲"])
    ws = world.as_("法制员")
    ws.rounds.propose(MONTH, seed=77)  # a new proposal for every case (none has begun)
    world.as_(old[0]).reviews.open(cases["甲"], round_id=rid)  # … then a reviewer of 甲 begins
    world.as_("法制员").rounds.deploy(MONTH)
    assert world.reviewers_of(rid, cases["甲"]) == old
    _check_hard_constraints(world, rid)


def test_only_assigned_reviewers_review_a_round_case(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(deploy=False)
    proposed = world.reviewers_of(rid, cases["乙"]) or [a.reviewer_name for a in world.ws.rounds.assignments(
        rid, cases["乙"])]
    with pytest.raises(PermissionDenied):  # proposed is not deployed yet
        world.as_(proposed[0]).reviews.open(cases["乙"], round_id=rid)
    world.as_("法制员").rounds.deploy(MONTH)
    outsider = next(n for n in ("甲评", "丙评", "科评") if n not in world.reviewers_of(rid, cases["乙"]))
    with pytest.raises(PermissionDenied, match=outsider):
        world.as_(outsider).reviews.open(cases["乙"], round_id=rid)
    stray = world.add_case("乙大队", ("乙官1",))
    with pytest.raises(NotFound):
        world.as_("法制员").reviews.open(stray, round_id=rid)  # not a case of the round
    # a legal officer may keep a review of their own; it does not count in the round
    world.review("法制员", cases["乙"], rid, {FIXED: {}})
    row = next(c for c in world.as_("法制员").rounds.status(MONTH).cases if c.case_id == cases["乙"])
    assert row.submitted == 0 and "法制员" not in {x.name for x in row.reviewers}


def test_manual_override_warns_refuses_without_force_and_is_audited_with_force(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=2)
    ws = world.as_("法制员")
    n = _rows(world, Assignment)
    handler = world.uid("甲评")  # handler of case 甲 and of its 大队
    with pytest.raises(UsageError):
        ws.rounds.override(MONTH, cases["甲"], add=handler, reason="")
    with pytest.raises(UsageError):
        ws.rounds.override(MONTH, cases["甲"], reason="nothing to do")
    with pytest.raises(OverrideRefused) as err:
        ws.rounds.override(MONTH, cases["甲"], add=handler, reason="熟悉该类案件")
    assert len(err.value.warnings) == 2 and any("承办人" in w for w in err.value.warnings)
    assert any("同属" in w for w in err.value.warnings)
    assert _rows(world, Assignment) == n
    warnings = ws.rounds.override(MONTH, cases["甲"], add=handler, reason="熟悉该类案件", force=True)
    assert warnings == err.value.warnings
    added = next(a for a in ws.rounds.assignments(MONTH, cases["甲"]) if a.reviewer_id == handler)
    assert added.override and added.warnings == tuple(warnings) and added.status is AssignmentStatus.DEPLOYED
    assert "熟悉该类案件" in added.reason and "⚠" in ws.rounds.explain(MONTH, cases["甲"])
    event = _audit(world, "assignment_override")[-1]
    assert (event.reason, event.after["warnings"], event.after["forced"]) == ("熟悉该类案件", warnings, True)
    with pytest.raises(Conflict):  # the same reviewer twice, even with force
        ws.rounds.override(MONTH, cases["甲"], add=handler, reason="again", force=True)
    # a clean change needs no force; a reviewer who began keeps the case
    reviewers = world.reviewers_of(rid, cases["乙"])
    world.as_(reviewers[0]).reviews.open(cases["乙"], round_id=rid)
    ws = world.as_("法制员")
    with pytest.raises(Conflict):
        ws.rounds.override(MONTH, cases["乙"], remove=world.uid(reviewers[0]), reason="调整")
    ws.rounds.override(MONTH, cases["乙"], remove=world.uid(reviewers[1]), reason="工作调动")
    assert world.reviewers_of(rid, cases["乙"]) == [reviewers[0]]
    with pytest.raises(NotFound):
        ws.rounds.override(MONTH, cases["乙"], remove=world.uid(reviewers[1]), reason="again")
    with pytest.raises(NotFound):
        ws.rounds.override(MONTH, world.add_case("乙大队", ("乙官1",)), add=world.uid("科评"), reason="不在本轮")
    with pytest.raises(PermissionDenied):
        world.as_("科评").rounds.override(MONTH, cases["乙"], add=world.uid("科评"), reason="我来")


def test_workload_shows_each_reviewers_load_and_progress(world: World) -> None:
    cases = {"甲": world.add_case("甲一中队", ("甲官2",), pages=30, recording_ms=600_000),
             "乙": world.add_case("乙大队", ("乙官1",), pages=10), "丙": world.add_case("丙大队", ("丙官2",), pages=5)}
    rid = world.round(seed=8)
    names = world.reviewers_of(rid, cases["甲"])
    world.review(names[0], cases["甲"], rid, {})
    world.as_(names[1]).reviews.open(cases["甲"], round_id=rid)
    load = {w.name: w for w in world.ws.rounds.workload(MONTH)}
    assert set(load) == {"甲评", "乙评", "丙评", "科评"}
    assert sum(w.cases for w in load.values()) == 6
    assert sum(w.pages for w in load.values()) == 2 * (30 + 10 + 5)
    assert load[names[0]].submitted == 1 and load[names[1]].in_progress == 1
    assert all(w.submitted + w.in_progress + w.not_started == w.cases for w in load.values())
    assert load[names[0]].minutes >= 10 and load[names[1]].minutes >= 10


def test_status_lists_handlers_units_reviewers_and_progress(world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=4)
    a, b = world.reviewers_of(rid, cases["乙"])
    world.review(a, cases["乙"], rid, {FIXED: {}})
    st = world.as_("法制员").rounds.status(MONTH)
    assert (st.round.month, st.counts["cases"], st.counts["assigned_reviews"], st.counts["submitted_reviews"]) == \
        (MONTH, 3, 6, 1)
    row = next(c for c in st.cases if c.case_id == cases["乙"])
    assert row.handlers == ("乙官1",) and row.handler_unit == "乙大队" and row.submitted == 1
    slots = {x.name: x for x in row.reviewers}
    assert slots[a].review_status is ReviewStatus.SUBMITTED and slots[a].total == 99
    assert slots[b].review_status is None and slots[b].unit
    assert row.mean_total == 99 and not row.flags and not st.blind_view
    甲 = next(c for c in st.cases if c.case_id == cases["甲"])
    assert 甲.handlers == ("甲官2", "甲官1") and 甲.handler_unit == "甲一中队"


def test_roles_only_legal_officers_run_rounds(world: World) -> None:
    cases = world.standard_cases()
    world.round(deploy=False)
    ws = world.ws
    calls = (lambda: ws.rounds.propose(MONTH), lambda: ws.rounds.deploy(MONTH),
             lambda: ws.rounds.add_case(MONTH, cases["甲"], reason="x"),
             lambda: ws.rounds.remove_case(MONTH, cases["甲"], reason="x"),
             lambda: ws.rounds.override(MONTH, cases["甲"], add=world.uid("科评"), reason="x"))
    for name in ("甲评", "负责人", None):
        world.as_(name)
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
