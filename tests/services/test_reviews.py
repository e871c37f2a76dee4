"""ReviewService: deductions by rule with reason and page, committed at once, owner-only, submit locks,
audited reopen, review history, frozen checklist versions, and a property test of the cached score."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from svc_world import FIXED, FULL, PER, RANGE, VETO_FAIL, VETO_NO_EXCELLENT, World, dec

from review_tool.domain.enums import Outcome, ReviewStatus, VetoKind
from review_tool.domain.errors import Conflict, NotFound, PermissionDenied, ReviewToolError, UsageError
from review_tool.scoring.engine import ResultInput, RuleNotApplicable, score_review
from review_tool.services.dto import PageRef, TimeRef
from review_tool.services.reviews import ResultEntry
from review_tool.storage.orm import AuditEvent, ItemResult, Review


def _adhoc(world: World, name: str = "甲评", **kw: object) -> tuple[int, int]:
    """An ad-hoc review (no round) of a new 乙大队 case by `name`: (case id, review id)."""
    case_id = world.add_case("乙大队", ("乙官1",), **kw)  # type: ignore[arg-type]
    return case_id, world.as_(name).reviews.open(case_id).id


# -- which checklist -----------------------------------------------------------------------------


def test_a_case_is_scored_by_the_checklist_version_in_force_when_it_was_closed(world: World) -> None:
    old = world.add_case("乙大队", ("乙官1",), closed_on=dt.date(2024, 11, 30))
    new = world.add_case("乙大队", ("乙官1",), closed_on=dt.date(2025, 1, 2))
    ws = world.as_("甲评")
    r_old, r_new = ws.reviews.open(old), ws.reviews.open(new)
    assert (r_old.checklist.version, r_new.checklist.version) == ("2023.1", "2025.1")
    assert r_old.checklist_version_id != r_new.checklist_version_id
    # the review records the version it used, and opening it again returns the same review
    again = ws.reviews.open(old)
    assert again.id == r_old.id and again.checklist_version_id == r_old.checklist_version_id
    # only a legal officer may choose another version
    other = world.add_case("乙大队", ("乙官1",))
    with pytest.raises(PermissionDenied):
        ws.reviews.open(other, checklist_version="2023.1")
    chosen = world.as_("法制员").reviews.open(other, checklist_version="2023.1")
    assert chosen.checklist.version == "2023.1"
    with pytest.raises(UsageError, match="2099"):
        world.as_("法制员").reviews.open(world.add_case("乙大队", ("乙官1",)), checklist_version="2099")


def test_editing_a_checklist_never_changes_reviews_already_begun(world: World, tmp_path: Path) -> None:
    from review_tool.paths import checklists_dir
    from review_tool.rules.loader import load_rules
    from review_tool.storage.engine import open_database
    from review_tool.workspace import Workspace

    case_id, review_id = _adhoc(world)
    before = world.ws.reviews.get(review_id)
    world.ws.reviews.record(review_id, FIXED, Outcome.DEDUCT, reason="未填写案由")
    # a legal officer edits the checklist file (here its title) after the review began
    edited = tmp_path / "rules"
    shutil.copytree(checklists_dir(), edited)
    path = edited / "standards" / "penalty_general.yaml"
    text = path.read_text(encoding="utf-8")
    assert "S1-01" in text
    path.write_text(text.replace("title: 行政处罚（一般程序）案卷评查表", "title: 行政处罚（一般程序）案卷评查表（修订）", 1),
                    encoding="utf-8")
    rules = load_rules(edited)
    assert not rules.problems
    assert rules.checklist_for("penalty_general", dt.date(2025, 6, 1)).title != before.checklist.title
    ws2 = Workspace(open_database(world.url), rules, user_id=world.uid("甲评"))
    try:
        kept = ws2.reviews.get(review_id)
        assert kept.checklist == before.checklist and kept.checklist_version_id == before.checklist_version_id
        assert kept.score.total == dec(99)
        fresh = ws2.reviews.open(world.add_case("乙大队", ("乙官1",)))
        assert fresh.checklist.title.endswith("（修订）") and fresh.checklist_version_id != kept.checklist_version_id
    finally:
        ws2.close()
    assert case_id


# -- deductions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("item", "kw", "points"), [
    (FIXED, {}, "1"),
    (PER, {"occurrences": 1}, "0.5"),
    (PER, {"occurrences": 3}, "1.5"),
    (PER, {"occurrences": 10}, "2"),  # capped at the rule's cap
    (RANGE, {"value": dec("0.75")}, "0.75"),
    (RANGE, {"value": dec(1)}, "1"),
    (FULL, {}, "2"),
    (VETO_FAIL, {}, "0"),
])
def test_a_deduction_records_the_points_its_rule_allows(world: World, item: str, kw: dict[str, object],
                                                        points: str) -> None:
    _, rid = _adhoc(world)
    review = world.ws.reviews.record(rid, item, Outcome.DEDUCT, reason="理由", pages=[PageRef(3)],
                                     **kw)  # type: ignore[arg-type]
    r = review.results[item]
    assert (r.outcome, r.points, r.reason, r.pages) == (Outcome.DEDUCT, dec(points), "理由", (PageRef(3),))
    assert r.updated_by == "甲评"
    assert review.score.raw_total == dec(100) - dec(points)


@pytest.mark.parametrize(("item", "kw"), [
    (PER, {}),  # how many times?
    (PER, {"occurrences": 0}),
    (RANGE, {}),  # which value?
    (RANGE, {"value": dec("1.5")}),  # outside 0.5–1
    (RANGE, {"value": dec("0.755")}),  # more than two decimals
])
def test_a_deduction_outside_its_rule_is_refused_and_nothing_is_saved(world: World, item: str,
                                                                     kw: dict[str, object]) -> None:
    _, rid = _adhoc(world)
    with pytest.raises(RuleNotApplicable, match=item):
        world.ws.reviews.record(rid, item, Outcome.DEDUCT, reason="理由", **kw)  # type: ignore[arg-type]
    assert world.ws.reviews.get(rid).results == {}
    with pytest.raises(TypeError):
        world.ws.reviews.record(rid, RANGE, Outcome.DEDUCT, reason="理由", value=0.75)  # type: ignore[arg-type]


def _count(world: World, model: type, **where: object) -> int:
    with world.ws.session_factory() as s:
        q = select(func.count()).select_from(model)
        for k, v in where.items():
            q = q.where(getattr(model, k) == v)
        return int(s.scalar(q) or 0)


def test_a_deduction_without_a_reason_cannot_be_saved(world: World) -> None:
    _, rid = _adhoc(world)
    events = _count(world, AuditEvent, review_id=rid)
    for reason in ("", "   "):
        with pytest.raises(UsageError, match=FIXED):
            world.ws.reviews.record(rid, FIXED, Outcome.DEDUCT, reason=reason)
        with pytest.raises(UsageError):
            world.ws.reviews.record_batch(rid, [ResultEntry(PER, Outcome.DEDUCT, occurrences=1, reason="有理由"),
                                                ResultEntry(FIXED, Outcome.DEDUCT, reason=reason)])
    assert world.ws.reviews.get(rid).results == {}  # the batch is all or nothing
    assert _count(world, AuditEvent, review_id=rid) == events
    # 符合 and 不适用 need no reason; a veto item with 扣分 applies its veto
    review = world.ws.reviews.record(rid, FIXED, Outcome.PASS)
    review = world.ws.reviews.record(rid, VETO_FAIL, Outcome.DEDUCT, reason="执法主体不合法")
    assert review.score.veto is VetoKind.FAIL and review.score.grade == "不合格"


def test_cited_pages_and_moments_must_be_in_the_case(world: World) -> None:
    case_id = world.add_case("乙大队", ("乙官1",), pages=12, recording_ms=60_000)
    other = world.add_case("丙大队", ("丙官1",))
    ws = world.as_("甲评")
    rid = ws.reviews.open(case_id).id
    detail = ws.cases.get(case_id)
    file_id, rec_id = detail.files[0].id, detail.recordings[0].id
    review = ws.reviews.record(rid, FIXED, Outcome.DEDUCT, reason="缺少案由", pages=[PageRef(12, file_id), PageRef(1)],
                               timestamps=[TimeRef(rec_id, 5_000)])
    assert review.results[FIXED].pages == (PageRef(12, file_id), PageRef(1))
    assert review.results[FIXED].timestamps == (TimeRef(rec_id, 5_000),)
    other_file = ws.cases.get(other).files[0].id
    for bad in ([PageRef(13)], [PageRef(0)], [PageRef(13, file_id)], [PageRef(1, other_file)]):
        with pytest.raises(UsageError, match=PER):
            ws.reviews.record(rid, PER, Outcome.DEDUCT, occurrences=1, reason="x", pages=bad)
    with pytest.raises(UsageError):
        ws.reviews.record(rid, PER, Outcome.DEDUCT, occurrences=1, reason="x", timestamps=[TimeRef(rec_id + 99, 0)])
    assert PER not in ws.reviews.get(rid).results


def test_every_change_is_committed_at_once(world: World) -> None:
    from review_tool.storage.engine import open_database
    from review_tool.workspace import Workspace

    _, rid = _adhoc(world)
    world.ws.reviews.record(rid, FIXED, Outcome.DEDUCT, reason="缺少案由", pages=[PageRef(2)])
    other = Workspace(open_database(world.url), world.ws.rules)  # another connection, another process alike
    try:
        seen = other.reviews.get(rid)
        assert seen.results[FIXED].reason == "缺少案由" and seen.score.total == dec(99)
        world.ws.reviews.clear(rid, FIXED)
        assert other.reviews.get(rid).results == {}
    finally:
        other.close()


def test_a_reviewer_changes_only_their_own_review(world: World) -> None:
    _, rid = _adhoc(world, "甲评")
    world.ws.reviews.record(rid, FIXED, Outcome.PASS)
    ws = world.ws
    calls = (lambda: ws.reviews.record(rid, PER, Outcome.PASS),
             lambda: ws.reviews.clear(rid, FIXED),
             lambda: ws.reviews.set_note(rid, FIXED, "注"),
             lambda: ws.reviews.mark_remaining_pass(rid),
             lambda: ws.reviews.record_batch(rid, [ResultEntry(PER, Outcome.PASS)]),
             lambda: ws.reviews.submit(rid),
             lambda: ws.reviews.set_position(rid, {"page": 3}))
    for name in ("丙评", "法制员", None):
        world.as_(name)
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
    review = world.ws.reviews.get(rid)
    assert set(review.results) == {FIXED} and review.position == {}


def test_notes_and_unknown_items(world: World) -> None:
    _, rid = _adhoc(world)
    ws = world.ws
    with pytest.raises(UsageError):
        ws.reviews.set_note(rid, FIXED, "先写备注")  # not rated yet
    ws.reviews.record(rid, FIXED, Outcome.PASS)
    assert ws.reviews.set_note(rid, FIXED, "已核对封面").results[FIXED].note == "已核对封面"
    for call in (lambda: ws.reviews.record(rid, "NOPE", Outcome.PASS),
                 lambda: ws.reviews.set_note(rid, "NOPE", "x")):
        with pytest.raises(NotFound, match="NOPE"):
            call()
    with pytest.raises(NotFound):
        ws.reviews.get(99999)
    ws.reviews.set_position(rid, {"page": 4, "item": FIXED})
    assert ws.reviews.get(rid).position == {"page": 4, "item": FIXED}


# -- submit, reopen, history -----------------------------------------------------------------------------


def test_submit_locks_and_an_audited_reopen_keeps_the_earlier_values(world: World) -> None:
    _, rid = _adhoc(world)
    ws = world.ws
    ws.reviews.record(rid, PER, Outcome.DEDUCT, occurrences=2, reason="送达回证缺签收日期", pages=[PageRef(5)])
    with pytest.raises(Conflict, match="58"):  # 58 of 59 items are not rated yet
        ws.reviews.submit(rid)
    assert ws.reviews.mark_remaining_pass(rid) == 58
    submitted = ws.reviews.submit(rid)
    assert submitted.locked and submitted.score.complete and submitted.score.total == dec(99)
    for call in (lambda: ws.reviews.record(rid, PER, Outcome.PASS),
                 lambda: ws.reviews.clear(rid, PER),
                 lambda: ws.reviews.mark_remaining_pass(rid),
                 lambda: ws.reviews.set_note(rid, PER, "x"),
                 lambda: ws.reviews.submit(rid)):
        with pytest.raises(Conflict):
            call()
    with pytest.raises(PermissionDenied):  # the reviewer cannot reopen their own review
        ws.reviews.reopen(rid, reason="想改")
    lo = world.as_("法制员")
    with pytest.raises(UsageError):
        lo.reviews.reopen(rid, reason=" ")
    reopened = lo.reviews.reopen(rid, reason="例会认为应扣分更多")
    assert reopened.status is ReviewStatus.IN_PROGRESS and reopened.reopened and not reopened.locked
    with pytest.raises(Conflict):
        lo.reviews.reopen(rid, reason="again")  # not submitted now
    ws = world.as_("甲评")
    with pytest.raises(UsageError):  # a change after submission needs its reason
        ws.reviews.record(rid, PER, Outcome.DEDUCT, occurrences=4, reason="送达回证缺签收日期")
    changed = ws.reviews.record(rid, PER, Outcome.DEDUCT, occurrences=4, reason="送达回证缺签收日期",
                                change_reason="复核发现四处")
    assert changed.results[PER].points == dec(2)
    ws.reviews.submit(rid)
    history = ws.reviews.history(rid)
    actions = [h.action for h in history]
    assert actions[0] == "review_start" and actions.count("review_submit") == 2
    reopen = next(h for h in history if h.action == "review_reopen")
    assert (reopen.actor, reopen.reason) == ("法制员", "例会认为应扣分更多")
    change = [h for h in history if h.action == "item_result" and h.item_id == PER][-1]
    assert change.actor == "甲评" and change.reason == "复核发现四处"
    assert (dec(change.before["points"]), change.before["occurrences"]) == (dec(1), 2)
    assert dec(change.after["points"]) == dec(2) and change.after["occurrences"] == 4
    assert all(h.at.tzinfo is not None for h in history)


# -- property: the cached total and the audit trail ------------------------------------------------------

ITEMS = [FIXED, PER, RANGE, FULL, VETO_FAIL, VETO_NO_EXCELLENT, "S2-02", "S3-02"]
op = st.one_of(
    st.tuples(st.just("record"), st.sampled_from(ITEMS), st.sampled_from(list(Outcome)),
              st.integers(0, 6), st.sampled_from([None, dec("0.5"), dec("0.75"), dec(1), dec(2), dec(4), dec(9)]),
              st.sampled_from(["", "理由甲", "理由乙"])),
    st.tuples(st.just("clear"), st.sampled_from(ITEMS)),
    st.tuples(st.just("mark")),
    st.tuples(st.just("note"), st.sampled_from(ITEMS), st.text("注备x", max_size=3)),
)


def _db_state(world: World, rid: int) -> tuple[Review, dict[str, tuple[str, Decimal, int | None, str, str]]]:
    with world.ws.session_factory() as s:
        review = s.get(Review, rid)
        assert review is not None
        rows = s.scalars(select(ItemResult).where(ItemResult.review_id == rid)).all()
        return review, {r.item_id: (r.outcome.value, r.points, r.occurrences, r.reason, r.note) for r in rows}


def _replay(world: World, rid: int) -> dict[str, tuple[str, Decimal, int | None, str, str]]:
    state: dict[str, tuple[str, Decimal, int | None, str, str]] = {}
    with world.ws.session_factory() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.review_id == rid).order_by(AuditEvent.id)).all()
        for e in events:
            if e.action in ("item_result", "item_note"):
                a = e.after or {}
                state[a["item"]] = (a["outcome"], dec(a["points"]), a["occurrences"], a["reason"], a["note"])
            elif e.action == "item_clear":
                state.pop((e.before or {})["item"])
            elif e.action == "mark_remaining_pass":
                for item in (e.after or {})["items"]:
                    state[item] = ("pass", dec(0), None, "", "")
            else:
                assert e.action == "review_start"
    return state


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, min_size=1, max_size=10))
def test_the_cached_total_is_the_engines_and_the_audit_trail_replays_to_the_results(world: World,
                                                                                  ops: list[tuple]) -> None:
    _, rid = _adhoc(world)
    ws = world.ws
    checklist = ws.reviews.get(rid).checklist
    for o in ops:
        try:
            if o[0] == "record":
                _, item, outcome, occ, value, reason = o
                ws.reviews.record(rid, item, outcome, occurrences=occ, value=value, reason=reason)
            elif o[0] == "clear":
                ws.reviews.clear(rid, o[1])
            elif o[0] == "mark":
                ws.reviews.mark_remaining_pass(rid)
            else:
                ws.reviews.set_note(rid, o[1], o[2])
        except ReviewToolError:
            pass  # refused: nothing may have changed, which the invariants below check too
        review, results = _db_state(world, rid)
        expected = score_review(checklist, {k: ResultInput(Outcome(v[0]), v[1]) for k, v in results.items()})
        assert (review.total, review.grade, review.veto) == (
            expected.total, expected.grade, expected.veto.value if expected.veto else None)
        assert ws.reviews.get(rid).score == expected
    assert _replay(world, rid) == results
