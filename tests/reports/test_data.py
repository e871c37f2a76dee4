"""The numbers in the report DTOs, worked out by hand (no PDF involved)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from review_tool.reports.data import MonthlyReport, build_monthly, build_sheets, resolve_round
from review_tool.reports.errors import ReportError
from review_tool.reports.stats import competition_ranks, mean, pareto, percent

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def q(v: Decimal) -> Decimal:
    return v.quantize(CENT, rounding=ROUND_HALF_UP)


def monthly(sc, month: str, **kw) -> MonthlyReport:  # type: ignore[no-untyped-def]
    with sc.ws.session_factory() as s:
        return build_monthly(s, sc.ws, resolve_round(s, month), **kw)


@pytest.fixture(scope="module")
def may(scenario) -> MonthlyReport:  # type: ignore[no-untyped-def]
    return monthly(scenario, "2025-05")


def test_counts_and_provisional_vs_final(scenario, may) -> None:  # type: ignore[no-untyped-def]
    assert may.cases == 5  # F was removed from the round
    assert (may.scored, may.provisional_cases, may.final_cases, may.pending_cases) == (4, 4, 0, 1)
    assert not may.final and "初稿" in may.notice
    assert may.reviews_submitted == 6 and may.reviews_open == 2
    line = {c.doc_no: c for c in may.case_lines}
    assert line[scenario.doc_nos["E"]].state == "pending" and line[scenario.doc_nos["E"]].total is None
    assert line[scenario.doc_nos["A"]].source_label == "初评均分"
    assert scenario.doc_nos["F"] not in line


def test_case_totals_and_average_by_hand(scenario, may) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    a = HUNDRED - sc.p1 - sc.p2 / 2  # mean of (100 − p1) and (100 − p1 − p2)
    b, c, d = HUNDRED, HUNDRED, HUNDRED - sc.p1
    line = {x.doc_no: x for x in may.case_lines}
    assert line[sc.doc_nos["A"]].total == q(a)
    assert line[sc.doc_nos["A"]].review_totals == (HUNDRED - sc.p1, HUNDRED - sc.p1 - sc.p2)
    assert line[sc.doc_nos["C"]].grade == sc.other.fail_grade  # the 'fail' veto, whatever the score
    assert may.average == q((a + b + c + d) / 4)
    assert may.fails == 1 and may.fail_rate == Decimal("25.0")
    assert sum(g.count for g in may.grades) == 4
    assert may.grades[-1].grade == sc.penalty.fail_grade and may.grades[-1].count == 1


def test_officer_with_two_cases_and_shared_case(scenario, may) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    officers = {o.name: o for o in may.officers}
    wang = officers["王建国"]  # handled A (with 李晓峰) and D
    assert (wang.cases, wang.scored) == (2, 2)
    assert wang.average == q(((HUNDRED - sc.p1 - sc.p2 / 2) + (HUNDRED - sc.p1)) / 2)
    assert officers["李晓峰"].average == q(HUNDRED - sc.p1 - sc.p2 / 2)  # A counts for both handlers
    assert officers["周文斌"].scored == 0 and officers["周文斌"].average is None  # E is pending
    assert officers["周文斌"] == may.officers[-1]  # no average ranks last
    assert "郑凯" not in officers  # F removed


def test_units_ranked_with_township_marked(scenario, may) -> None:  # type: ignore[no-untyped-def]
    units = {u.name: u for u in may.units}
    township = units["临江县青山镇人民政府"]
    assert township.township and not units["平安区消防救援大队"].township
    assert township.fails == 1
    ping = units["平安区消防救援大队"]
    assert ping.cases == 2 and ping.provisional == 2
    assert ping.low_items and scenario.f1.id in ping.low_items[0].label
    averages = [u.average for u in may.units]
    assert averages == sorted(averages, key=lambda v: (v is None, -(v or 0)))
    # 东城 (100) and 青山镇 (100) tie: same rank
    assert units["东城区消防救援大队"].rank == township.rank == 1


def test_pareto_counts(scenario, may) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    rows = {r.key.split(":")[1]: r for r in may.pareto_items}
    assert may.problems_total == 4  # f1 in A and D, f2 in A, the veto in C (F removed: f3 absent)
    assert rows[sc.f1.id].count == 2  # both reviewers of A deducted it: still one problem of A
    assert rows[sc.f1.id].points == sc.p1 + sc.p1  # mean over A's reviewers (both p1) + D's
    assert rows[sc.f2.id].count == 1 and rows[sc.f2.id].points == q(sc.p2 / 2)  # one of two reviewers
    assert sc.f3.id not in rows
    assert may.pareto_items[0].key.endswith(sc.f1.id)
    assert may.pareto_items[0].share == Decimal("50.0") and may.pareto_items[-1].cumulative == Decimal("100.0")
    cats = {r.key: r.count for r in may.pareto_categories}
    assert sum(cats.values()) == 4


def test_trend_from_previous_final_rounds(scenario, may) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    months = [t.month for t in may.trend]
    assert months == ["2025-03", "2025-04", "2025-05"]
    mar, apr, cur = may.trend
    assert mar.final and mar.cases == 2 and mar.fails == 1 and mar.fail_rate == Decimal("50.0")
    assert mar.average == q(((HUNDRED - sc.p1) + HUNDRED) / 2)
    assert apr.average == q(HUNDRED - sc.p1 / 2) and apr.fails == 0
    assert cur.current and not cur.final and cur.average == may.average


def test_rectification_derived_when_no_findings(scenario, may) -> None:  # type: ignore[no-untyped-def]
    assert may.rectification_derived
    assert len(may.rectifications) == may.problems_total
    assert all(r.deadline == "待定" for r in may.rectifications)
    owners = {r.doc_no: r.owner for r in may.rectifications}
    assert owners[scenario.doc_nos["A"]] == "王建国、李晓峰"


def test_finalised_round_uses_findings_and_final_results(scenario) -> None:  # type: ignore[no-untyped-def]
    apr = monthly(scenario, "2025-04")
    assert apr.final and not apr.notice and apr.final_cases == 1
    assert not apr.rectification_derived and apr.rectifications
    assert all(r.deadline != "待定" for r in apr.rectifications)
    assert apr.case_lines[0].source_label == "均分定稿"
    assert len(apr.sheets) == 2  # a mean result: one sheet per reviewer
    assert any("平均值" in n for n in apr.sheets[0].notes)
    assert any("会商" in m for m in apr.methodology)


def test_methodology_states_how(may) -> None:  # type: ignore[no-untyped-def]
    text = "".join(may.methodology)
    for phrase in ("算术平均", "四舍五入", "分别计入", "只要有一名评查员", "初评", "sha256"[:0], "待定"):
        assert phrase in text
    assert may.versions and len(may.versions[0].sha256) == 64


def test_reconciled_sheet_names_proposer(scenario) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    with sc.ws.session_factory() as s:
        sheets = build_sheets(s, sc.ws, sc.cases["G"])
    assert len(sheets) == 1
    sh = sheets[0]
    assert sh.kind == "reconciled" and sh.final and sh.legal_officer == "张法明"
    assert sh.total == HUNDRED - sc.p1 and sh.files[0].sha256 == sc.sha["G"]
    item = next(i for i in sh.items() if i.item_id == sc.f1.id)
    assert item.proposed_by in ("冯志远", "蒋丽华") and item.where == "第3页"
    assert len(sh.items()) == len(sc.penalty.items())
    assert sum(x.score for x in sh.sections) == sh.raw_total


def test_sheets_per_review_and_draft(scenario) -> None:  # type: ignore[no-untyped-def]
    sc = scenario
    with sc.ws.session_factory() as s:
        a = build_sheets(s, sc.ws, sc.cases["A"])
        assert [x.reviewers for x in a] == [("冯志远",), ("蒋丽华",)] and not a[0].final
        with pytest.raises(ReportError, match="尚无已提交的评查"):
            build_sheets(s, sc.ws, sc.cases["E"])
        draft = build_sheets(s, sc.ws, sc.cases["E"], draft=True)
        assert len(draft) == 1 and draft[0].watermark == "草稿" and not draft[0].complete
        veto = build_sheets(s, sc.ws, sc.cases["C"])[0]
        assert veto.veto_label and veto.veto_reasons and "检查记录与现场照片不符" in veto.veto_reasons[0]


def test_round_errors(scenario) -> None:  # type: ignore[no-untyped-def]
    with scenario.ws.session_factory() as s:
        with pytest.raises(ReportError, match="2031-01"):
            resolve_round(s, "2031-01")
        with pytest.raises(ReportError, match="尚无已提交的评查"):
            build_monthly(s, scenario.ws, resolve_round(s, "2025-06"))


def test_stats_helpers() -> None:
    assert mean([Decimal("1"), Decimal("2"), Decimal("2")]) == Decimal("1.67")
    assert mean([]) is None
    assert percent(1, 3) == Decimal("33.3") and percent(1, 0) is None
    assert competition_ranks([Decimal(9), Decimal(9), Decimal(8), None]) == [1, 1, 3, 4]
    rows = pareto({"a": (1, Decimal(1)), "b": (1, Decimal(1)), "c": (1, Decimal(1))}, 3)
    assert rows[-1][4] == Decimal("100.0")  # cumulative from counts, not a sum of rounded shares


def test_case_not_in_the_named_round(scenario) -> None:  # type: ignore[no-untyped-def]
    pattern = f"{scenario.doc_nos['A']}.*不在 2025-03"  # the catalogue's wording may vary; these parts don't
    with scenario.ws.session_factory() as s, pytest.raises(ReportError, match=pattern):
        build_sheets(s, scenario.ws, scenario.cases["A"], "2025-03")


def test_typical_problems_put_failing_vetoes_first(scenario, may) -> None:  # type: ignore[no-untyped-def]
    assert may.typical[0].doc_no == scenario.doc_nos["C"] and may.typical[0].veto
    assert len({t.item_label for t in may.typical}) == len(may.typical)  # one row per item
