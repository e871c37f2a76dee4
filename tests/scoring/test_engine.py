"""The scoring engine: worked examples and hypothesis properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import Outcome, VetoKind
from review_tool.scoring.engine import (
    ResultInput,
    RuleNotApplicable,
    aggregate,
    deduction_for,
    score_review,
)

D = Decimal


def make_checklist(sections: list[dict], bands: list[tuple[str, int]] | None = None) -> Checklist:
    total = sum(D(str(s["points"])) for s in sections)
    return Checklist.model_validate({
        "schema": 1, "id": "t", "case_type": "penalty_general", "title": "t", "version": "1",
        "effective_from": "2020-01-01", "total": str(total),
        "grade_bands": [{"grade": g, "min": m} for g, m in (bands or [("优秀", 90), ("合格", 60), ("不合格", 0)])],
        "sections": sections,
    })


def item(id_: str, points: str, rule: dict, veto: str | None = None) -> dict:
    d = {"id": id_, "text": id_, "points": points, "rule": rule, "aspect": "procedure", "category": "P-CX"}
    if veto:
        d["veto"] = veto
    return d


SAMPLE = make_checklist([
    {"id": "V", "title": "否决项", "points": 0, "items": [
        item("V1", "0", {"kind": "veto_only"}, "fail"),
        item("V2", "0", {"kind": "veto_only"}, "zero"),
        item("V3", "0", {"kind": "veto_only"}, "no_excellent"),
    ]},
    {"id": "A", "title": "立案", "points": 40, "items": [
        item("A1", "10", {"kind": "fixed", "points": "4"}),
        item("A2", "10", {"kind": "per_occurrence", "per": "0.5", "cap": "3"}),
        item("A3", "20", {"kind": "range", "min": "1", "max": "5"}),
    ]},
    {"id": "B", "title": "文书", "points": 60, "items": [
        item("B1", "30", {"kind": "full"}),
        item("B2", "40", {"kind": "full"}),  # a deduction list adding to more than the section
    ]},
])


def test_rules_compute_deductions() -> None:
    assert deduction_for(SAMPLE.item("A1")) == D(4)
    assert deduction_for(SAMPLE.item("A2"), occurrences=3) == D("1.5")
    assert deduction_for(SAMPLE.item("A2"), occurrences=100) == D(3)  # capped
    assert deduction_for(SAMPLE.item("A3"), value=D("2.5")) == D("2.5")
    assert deduction_for(SAMPLE.item("B1")) == D(30)
    assert deduction_for(SAMPLE.item("V1")) == D(0)


@pytest.mark.parametrize(("item_id", "kwargs", "hint"), [
    ("A2", {}, "how many"),
    ("A2", {"occurrences": 0}, "how many"),
    ("A3", {}, "between 1 and 5"),
    ("A3", {"value": D(6)}, "outside"),
    ("A3", {"value": D("1.005")}, "two decimals"),
])
def test_rule_not_applicable_gives_a_hint(item_id: str, kwargs: dict, hint: str) -> None:
    with pytest.raises(RuleNotApplicable, match=hint):
        deduction_for(SAMPLE.item(item_id), **kwargs)


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        deduction_for(SAMPLE.item("A3"), value=2.5)  # type: ignore[arg-type]


def test_section_floors_at_zero_and_total_adds_sections() -> None:
    s = score_review(SAMPLE, {"B1": ResultInput(Outcome.DEDUCT, D(30)), "B2": ResultInput(Outcome.DEDUCT, D(40))})
    b = next(x for x in s.sections if x.id == "B")
    assert b.deducted == D(70) and b.score == D(0)
    assert s.total == D(40) and s.grade == "不合格"
    assert not s.complete and s.reviewed == 2


def test_vetoes() -> None:
    clean = {i.id: ResultInput(Outcome.PASS) for i in SAMPLE.items()}
    s = score_review(SAMPLE, clean)
    assert (s.total, s.grade, s.veto, s.complete) == (D(100), "优秀", None, True)
    s = score_review(SAMPLE, {**clean, "V3": ResultInput(Outcome.DEDUCT)})
    assert (s.total, s.grade, s.veto) == (D(100), "合格", VetoKind.NO_EXCELLENT)
    s = score_review(SAMPLE, {**clean, "V1": ResultInput(Outcome.DEDUCT)})
    assert (s.total, s.grade, s.veto) == (D(100), "不合格", VetoKind.FAIL)
    s = score_review(SAMPLE, {**clean, "V1": ResultInput(Outcome.DEDUCT), "V2": ResultInput(Outcome.DEDUCT)})
    assert (s.total, s.grade, s.veto, s.veto_items) == (D(0), "不合格", VetoKind.ZERO, ("V1", "V2"))


def test_not_applicable_loses_nothing() -> None:
    s = score_review(SAMPLE, {"A1": ResultInput(Outcome.NOT_APPLICABLE)})
    assert s.total == D(100)


def test_aggregate_mean_and_flags() -> None:
    a = score_review(SAMPLE, {"A1": ResultInput(Outcome.DEDUCT, D(4))})
    b = score_review(SAMPLE, {"B1": ResultInput(Outcome.DEDUCT, D(30))})
    cs = aggregate(SAMPLE, [a, b], threshold=D(10))
    assert cs.total == D(83) and cs.source == "mean" and cs.flags == ("spread",)
    c = score_review(SAMPLE, {"V1": ResultInput(Outcome.DEDUCT)})
    cs = aggregate(SAMPLE, [a, c], threshold=D(10))
    assert "veto_disputed" in cs.flags and cs.grade == "不合格"
    cs = aggregate(SAMPLE, [a, b], threshold=D(10), reconciled=a)
    assert cs.total == D(96) and cs.source == "reconciled"
    assert aggregate(SAMPLE, [], threshold=D(5)).source == "none"


# -- properties ---------------------------------------------------------------------------

points = st.integers(min_value=1, max_value=40).map(lambda n: D(n) / 2)


@st.composite
def checklists(draw: st.DrawFn) -> Checklist:
    sections = []
    counter = 0
    for si in range(draw(st.integers(1, 4))):
        items = []
        for _ in range(draw(st.integers(1, 5))):
            counter += 1
            kind = draw(st.sampled_from(["fixed", "per_occurrence", "range", "full", "veto_only"]))
            if kind == "veto_only":
                items.append(item(f"I{counter}", "0", {"kind": kind}, draw(st.sampled_from(["fail", "zero",
                                                                                            "no_excellent"]))))
                continue
            p = draw(points)
            rule: dict = {"kind": kind}
            if kind == "fixed":
                rule["points"] = str(min(p, draw(points)))
            elif kind == "per_occurrence":
                rule["per"] = "0.5"
                rule["cap"] = str(min(p, draw(points)))
            elif kind == "range":
                lo = min(p, draw(points))
                rule["min"], rule["max"] = str(lo), str(min(p, max(lo, draw(points))))
            veto = draw(st.sampled_from([None, None, None, "fail", "zero", "no_excellent"]))
            items.append(item(f"I{counter}", str(p), rule, veto))
        scored = sum(D(i["points"]) for i in items)
        sec_points = draw(st.integers(0, int(scored)))
        sections.append({"id": f"S{si}", "title": f"S{si}", "points": sec_points, "items": items})
    total = sum(D(s["points"]) for s in sections)
    if total == 0:
        sections[0]["items"].append(item("X", "1", {"kind": "full"}))
        sections[0]["points"] = 1
        total = D(1)
    bands = [("优秀", float(total) * 0.9), ("合格", float(total) * 0.6), ("不合格", 0)]
    mins = [D(str(round(m))) for _, m in bands]
    if len(set(mins)) < 3:
        return make_checklist(sections, [("优秀", int(total)), ("不合格", 0)])
    return make_checklist(sections, [(g, int(m)) for (g, _), m in zip(bands, mins, strict=True)])


@st.composite
def results_for(draw: st.DrawFn, cl: Checklist) -> dict[str, ResultInput]:
    out = {}
    for it in cl.items():
        outcome = draw(st.sampled_from([None, Outcome.PASS, Outcome.DEDUCT, Outcome.NOT_APPLICABLE]))
        if outcome is None:
            continue
        pts = D(0)
        if outcome is Outcome.DEDUCT:
            pts = draw(st.integers(0, int(it.max_deduction * 2) + 4)).__truediv__(2)
            pts = D(pts)
        out[it.id] = ResultInput(outcome, pts)
    return out


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_properties(data: st.DataObject) -> None:
    cl = data.draw(checklists())
    res = data.draw(results_for(cl))
    s = score_review(cl, res)
    # total within [0, full marks]; no section below zero
    assert D(0) <= s.total <= cl.total
    assert all(sec.score >= 0 for sec in s.sections)
    assert s.raw_total == sum(sec.score for sec in s.sections)
    # any veto of the failing kind always fails the file
    if any(r.outcome is Outcome.DEDUCT and cl.item(i).veto in (VetoKind.FAIL, VetoKind.ZERO) for i, r in res.items()):
        assert s.grade == cl.fail_grade
    # adding a deduction never raises the total
    undecided = [i for i in cl.items() if res.get(i.id) is None or res[i.id].outcome is not Outcome.DEDUCT]
    if undecided:
        target = data.draw(st.sampled_from(undecided))
        more = {**res, target.id: ResultInput(Outcome.DEDUCT, target.max_deduction)}
        s2 = score_review(cl, more)
        assert s2.total <= s.total
        order = [g.grade for g in cl.grade_bands]
        assert order.index(s2.grade) >= order.index(s.grade)  # the grade never improves either
