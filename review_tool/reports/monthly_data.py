"""The monthly bulletin (评查情况通报) of a round, as a frozen `MonthlyReport`.

Call inside one read transaction. The methodology paragraphs are written here,
beside the arithmetic they describe, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import FindingStatus, RoundStatus, UnitKind, VetoKind, label
from review_tool.domain.timeutil import to_china
from review_tool.i18n import QT_TRANSLATE_NOOP
from review_tool.progress import CancelToken
from review_tool.reports.errors import ReportError, tr
from review_tool.reports.loading import CaseCalc, ItemEntry, Problem, RoundData, item_entries_of_review
from review_tool.reports.model import (
    CaseLine,
    GradeRow,
    ItemRow,
    LowItem,
    MonthlyReport,
    ParetoRow,
    ProblemRow,
    RankRow,
    RectRow,
    RectUnitRow,
    ScoreSheet,
    TrendPoint,
    TypeRow,
    VersionRow,
)
from review_tool.reports.sheet_data import grade_order, issuing_unit, round_label, sheets_of_case
from review_tool.reports.stats import ZERO, competition_ranks, mean, month_label, months_back, pareto, percent
from review_tool.reports.stats import sort_for_ranking as _sort
from review_tool.storage.orm import CaseResult, ChecklistVersion, Finding, Officer, ReviewRound, Unit

if TYPE_CHECKING:
    from review_tool.progress import ProgressCallback
    from review_tool.workspace import Workspace

TREND_MONTHS = 12
TYPICAL_MAX = 8
LOW_ITEMS = 2


def _short(ws: Workspace, code: str) -> str:
    ct = ws.rules.case_types.get(code)
    return (ct.short or ct.name) if ct else code


def item_label(ws: Workspace, checklist: Checklist, item_id: str) -> str:
    return f"{_short(ws, checklist.case_type)}·{item_id}"


def _low_items(ws: Workspace, calcs: Iterable[CaseCalc]) -> tuple[LowItem, ...]:
    """The items on which these cases lost the most points (then the most often)."""
    lost: dict[str, list[Decimal]] = defaultdict(list)
    labels: dict[str, str] = {}
    for c in calcs:
        assert c.checklist is not None or not c.problems
        for p in c.problems:
            lost[p.key].append(p.points)
            if c.checklist is not None:
                text = p.item.text if len(p.item.text) <= 9 else p.item.text[:8] + "…"
                labels[p.key] = f"{item_label(ws, c.checklist, p.item.id)} {text}"
    order = sorted(lost.items(), key=lambda kv: (-sum(kv[1], ZERO), -len(kv[1]), kv[0]))
    return tuple(LowItem(labels[k], len(v), sum(v, ZERO)) for k, v in order[:LOW_ITEMS])


def _rank_rows(ws: Workspace, groups: dict[int | None, list[CaseCalc]], name: Callable[[int | None], str],
               unit: Callable[[int | None], str], township: Callable[[int | None], bool]) -> tuple[RankRow, ...]:
    rows = []
    for key, calcs in groups.items():
        scored = [c for c in calcs if c.total is not None]
        totals = [c.total for c in scored if c.total is not None]
        rows.append(RankRow(
            rank=0, name=name(key), unit=unit(key), township=township(key), cases=len(calcs), scored=len(scored),
            average=mean(totals), lowest=min(totals) if totals else None, highest=max(totals) if totals else None,
            fails=sum(1 for c in scored if c.fails), provisional=sum(1 for c in scored if c.state != "final"),
            low_items=_low_items(ws, scored)))
    rows = _sort(rows, average=lambda r: r.average, cases=lambda r: r.scored, name=lambda r: r.name)
    ranks = competition_ranks([r.average for r in rows])
    return tuple(RankRow(**{**r.__dict__, "rank": k}) for r, k in zip(rows, ranks, strict=True))


def _pareto_rows(counts: dict[str, tuple[int, Decimal]], total: int, labels: dict[str, tuple[str, str]],
                 ) -> tuple[ParetoRow, ...]:
    return tuple(ParetoRow(k, labels[k][0], labels[k][1], n, pts, share, cum)
                 for k, n, pts, share, cum in pareto(counts, total))


def _trend(s: Session, data: RoundData, rnd: ReviewRound) -> list[TrendPoint]:
    first = months_back(rnd.month, TREND_MONTHS)
    points: list[TrendPoint] = []
    rounds = s.scalars(select(ReviewRound).where(ReviewRound.month < rnd.month, ReviewRound.month >= first)
                       .order_by(ReviewRound.month))
    for r in rounds:
        results = list(s.scalars(select(CaseResult).where(CaseResult.round_id == r.id)))
        if not results:
            continue
        fails = 0
        for cr in results:
            _, cl = data.checklist(cr.checklist_version_id)
            fails += 1 if cl is not None and cr.grade == cl.fail_grade else 0
        points.append(TrendPoint(r.month, r.id, len(results), mean(cr.total for cr in results), fails,
                                 percent(fails, len(results)), r.status is RoundStatus.FINALISED, False))
    return points


def _typical(ws: Workspace, calcs: Sequence[CaseCalc]) -> tuple[ProblemRow, ...]:
    """Problems that fail or zero a file first, then the heaviest deductions; one per item, two per case at most.

    A "no excellent" veto costs no points and fails nothing, so it ranks with the light deductions.
    """
    found: list[tuple[CaseCalc, Problem]] = [(c, p) for c in calcs for p in c.problems if p.reason]
    found.sort(key=lambda cp: (cp[1].item.veto not in (VetoKind.FAIL, VetoKind.ZERO), -cp[1].points,
                               cp[0].case.doc_no, cp[1].item.id))
    seen_items: set[str] = set()
    per_case: Counter[int] = Counter()
    out: list[ProblemRow] = []
    for c, p in found:
        if p.key in seen_items or per_case[c.case.id] >= 2:
            continue
        assert c.checklist is not None
        seen_items.add(p.key)
        per_case[c.case.id] += 1
        cat = ws.rules.categories.get(p.item.category)
        out.append(ProblemRow(c.case.doc_no, c.unit_name, c.handlers, item_label(ws, c.checklist, p.item.id),
                              p.item.text, cat.name if cat else p.item.category, p.reason, p.where, p.points,
                              label(p.item.veto) if p.item.veto else ""))
        if len(out) >= TYPICAL_MAX:
            break
    return tuple(out)


def _rectifications(s: Session, ws: Workspace, data: RoundData, calcs: Sequence[CaseCalc]
                    ) -> tuple[tuple[RectRow, ...], bool]:
    rid = data.round.id if data.round else -1
    findings = list(s.scalars(select(Finding).where(Finding.round_id == rid).order_by(Finding.id)))
    if findings:
        officers = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
        units = {i: short or name for i, name, short in s.execute(select(Unit.id, Unit.name, Unit.short_name))}
        rows = []
        for f in findings:
            case = data.cases.get(f.case_id)
            unit = units.get(f.owner_unit_id or -1) or (case.unit.short_name or case.unit.name
                                                        if case and case.unit else "")
            owner = officers.get(f.owner_officer_id or -1) or unit
            cat = ws.rules.categories.get(f.category)
            rows.append((unit, case.doc_no if case else "", owner, f.description, cat.name if cat else f.category,
                         f.deadline.isoformat() if f.deadline else "待定", label(f.status)))
        rows.sort(key=lambda r: (r[0], r[1]))
        return tuple(RectRow(i + 1, d, u, o, p, c, dl, st, False)
                     for i, (u, d, o, p, c, dl, st) in enumerate(rows)), False
    out: list[RectRow] = []
    for c in sorted(calcs, key=lambda c: (c.unit_name, c.case.doc_no)):
        for p in c.problems:
            cat = ws.rules.categories.get(p.item.category)
            owner = "、".join(c.handlers) or c.unit_name
            out.append(RectRow(len(out) + 1, c.case.doc_no, c.unit_short, owner,
                               f"{p.item.id} {p.reason or p.item.text}", cat.name if cat else p.item.category,
                               "待定", label(FindingStatus.OPEN), True))
    return tuple(out), True


def _rect_units(rows: Sequence[RectRow]) -> tuple[RectUnitRow, ...]:
    by_unit: dict[str, list[RectRow]] = defaultdict(list)
    for x in rows:
        by_unit[x.unit].append(x)
    out = []
    for unit, xs in by_unit.items():
        open_ = [x for x in xs if x.status == label(FindingStatus.OPEN)]
        dated = sorted(x.deadline for x in open_ if x.deadline != "待定")
        out.append(RectUnitRow(unit, len(xs), len(open_), sum(1 for x in xs if x.status == label(FindingStatus.RECTIFIED)),
                               sum(1 for x in xs if x.status == label(FindingStatus.VERIFIED)),
                               sum(1 for x in xs if x.deadline == "待定"), dated[0] if dated else ""))
    return tuple(sorted(out, key=lambda r: (-r.open, -r.items, r.unit)))


def _methodology(ws: Workspace, rnd: ReviewRound, calcs: Sequence[CaseCalc], versions: Sequence[VersionRow],
                 trend: Sequence[TrendPoint], derived: bool, fail_grades: Sequence[str],
                 reviews_submitted: int, reviews_open: int, now: dt.datetime) -> tuple[str, ...]:
    n = len(calcs)
    final = sum(1 for c in calcs if c.state == "final")
    prov = sum(1 for c in calcs if c.state == "provisional")
    pending = n - final - prov
    threshold = ws.rules.settings.disagreement_threshold if ws.rules.settings else Decimal(10)
    vers = "、".join(f"{v.title} {v.version} 版" for v in versions)
    fail = "、".join(dict.fromkeys(fail_grades)) or "不合格"
    months = "、".join(month_label(p.month) for p in trend) or "无"
    provisional = (f"尚未定稿的 {prov} 件取已提交评查结果的平均分，标注“初评”：先平均各评查员否决前的得分，保留两位小数"
                   "（四舍五入），有评查员适用否决项的暂按最重的否决效果计，定稿时以例会会商结果为准。" if prov else "")
    return (
        f"数据范围：本通报统计{round_label(rnd)}（{rnd.title}）抽取的 {n} 件案卷，已从本轮剔除的案卷不计。"
        f"数据于 {to_china(now):%Y年%m月%d日 %H:%M} 取自评查数据库。",
        f"评查依据：{vers or '—'}（各版本的件数和内容校验码见下表）。每件案卷的各评查员使用同一份评查表"
        "（开始评查时冻结的副本），此后修改评查表不影响已开始的评查。",
        f"案卷得分：已定稿的 {final} 件取定稿结果（“会商定稿”按例会会商确定的逐项结果计分，“均分定稿”为各评查员得分的"
        f"平均值）。{provisional}" + (f"尚无已提交评查结果的 {pending} 件不计入任何平均数。" if pending else ""),
        f"所用评查：已提交的评查 {reviews_submitted} 份全部计入；评查中（未提交）的 {reviews_open} 份不计入。"
        f"同一案卷评查员得分相差超过 {threshold} 分或对否决项意见不一致的，在明细表中标注“△”，提交例会会商。",
        "平均分：全部、各单位、各承办人的平均分都是所含案卷得分的算术平均——先把未经舍入的案卷得分相加，"
        "再除以件数，最后保留两位小数（四舍五入）；全部平均分不是各单位平均分的平均。",
        "承办人：一件案卷有两名及以上承办人的，该案得分分别计入每名承办人的平均分，因此各承办人件数之和大于案卷数。",
        f"不合格：等次为所用评查表最低等次（{fail}）的案卷计为不合格，包括因否决项判为不合格或计零分的案卷；"
        "不合格率 = 不合格件数 ÷ 已评定件数。",
        "问题统计：一个评查项目在一件案卷中被扣分记为一个问题（同一项目在同一案卷中多处扣分仍记一个）。已会商的案卷按"
        "会商结果统计；未会商的案卷，只要有一名评查员对该项目扣分即计为该案卷的问题，所扣分数取各评查员扣分的平均值"
        "（未扣分的评查员按0分计）。",
        "排名：按平均分从高到低排列，平均分相同的名次并列、件数多者在前；乡镇街道单位与消防救援单位同表排名，"
        "加注“乡镇”。尚无得分的单位或承办人列在最后。",
        f"趋势：取本月之前 {TREND_MONTHS} 个月内各轮次的定稿结果（{months}），没有定稿结果的轮次不列入；"
        "本月数字按本通报的口径（定稿或初评）计算。",
        "整改清单：" + ("尚未登记整改事项，本清单由扣分项目逐项生成，责任人暂列承办人，整改期限“待定”，"
                        "定稿后由法制部门确定。" if derived else "取自已登记的整改事项（责任人、整改期限、整改状态）。"),
    )


def _item_rows(ws: Workspace, data: RoundData, calcs: Sequence[CaseCalc]) -> tuple[ItemRow, ...]:
    """Every recorded item result of the round: each review's (submitted or not) and the reconciled ones."""
    out: list[ItemRow] = []
    month = data.round.month if data.round else ""
    for c in calcs:
        if c.checklist is None:
            continue
        sources: list[tuple[str, str, str, dict[str, ItemEntry]]] = [
            ("评查", data.users.get(r.reviewer_id, ""), label(r.status), item_entries_of_review(r))
            for r in [*c.submitted, *c.open]]
        if c.reconciled:
            sources.append(("会商", "", c.source_label, c.reconciled))
        for source, reviewer, status, entries in sources:
            for sec in c.checklist.sections:
                for item in sec.items:
                    e = entries.get(item.id)
                    if e is None:
                        continue
                    cat = ws.rules.categories.get(item.category)
                    out.append(ItemRow(
                        month, c.case.doc_no, _short(ws, c.case.case_type), c.unit_name, "、".join(c.handlers),
                        source, reviewer, status, c.checklist.id, c.checklist.version, sec.title, item.id,
                        item.text, cat.name if cat else item.category, item.points, label(e.outcome),
                        min(e.points, item.points) if e.outcome.value == "deduct" else ZERO, e.occurrences,
                        e.reason, data.where(c.case.id, e.pages, e.timestamps), e.proposed_by))
    return tuple(out)


def build_monthly(s: Session, ws: Workspace, rnd: ReviewRound, *, appendix: bool = True, items: bool = False,
                  now: dt.datetime | None = None, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> MonthlyReport:
    """The bulletin of `rnd`.

    Raises:
        ReportError: the round has no submitted review and no final result yet.
    """
    now = now or dt.datetime.now(dt.UTC)
    data = RoundData(s, ws, rnd)
    order = sorted(data.cases.values(), key=lambda c: ((c.unit.sort, c.unit.name) if c.unit else (1 << 30, ""),
                                                         c.doc_no))
    calcs = []
    for i, case in enumerate(order):
        if cancel is not None and i % 50 == 0:
            cancel.check()
        calcs.append(data.calc(case.id))
    scored = [c for c in calcs if c.total is not None]
    if not scored:
        raise ReportError(tr(
            QT_TRANSLATE_NOOP("reports", "Round {month} has no submitted review yet; there is nothing to report"),
            "评查轮次 {month} 尚无已提交的评查结果，无法生成通报（共 {n} 件案卷，评查中 {open} 份）",
        ).format(month=rnd.month, n=len(calcs), open=sum(len(c.open) for c in calcs)))
    checklists = list({id(c.checklist): c.checklist for c in scored if c.checklist is not None}.values())
    grades = grade_order(checklists)
    grade_count = Counter(c.grade for c in scored)
    grade_rows = tuple(GradeRow(g, grade_count.get(g, 0), percent(grade_count.get(g, 0), len(scored)) or ZERO)
                       for g in grades)  # len(scored) > 0, so percent() is never None

    by_type: dict[str, list[CaseCalc]] = defaultdict(list)
    for c in calcs:
        by_type[c.case.case_type].append(c)
    type_order = [t for t in ws.rules.case_types if t in by_type] + sorted(t for t in by_type
                                                                           if t not in ws.rules.case_types)
    type_rows = tuple(TypeRow(t, ws.rules.case_type_name(t), len(by_type[t]),
                              sum(1 for c in by_type[t] if c.total is not None),
                              mean(c.total for c in by_type[t] if c.total is not None),
                              sum(1 for c in by_type[t] if c.fails)) for t in type_order)

    unit_groups: dict[int | None, list[CaseCalc]] = defaultdict(list)
    units: dict[int | None, tuple[str, bool]] = {None: ("未指定单位", False)}
    for c in calcs:
        unit_groups[c.case.unit_id].append(c)
        if c.case.unit is not None:
            units[c.case.unit_id] = (c.case.unit.name, c.case.unit.kind is UnitKind.TOWNSHIP)
    unit_rows = _rank_rows(ws, unit_groups, lambda k: units[k][0], lambda k: "", lambda k: units[k][1])

    officer_groups: dict[int | None, list[CaseCalc]] = defaultdict(list)
    officers: dict[int | None, tuple[str, str, bool]] = {}
    for c in calcs:
        for h in c.case.handlers:
            officer_groups[h.officer_id].append(c)
            o = h.officer
            officers[h.officer_id] = (o.name, (o.unit.short_name or o.unit.name) if o.unit else "",
                                      o.unit is not None and o.unit.kind is UnitKind.TOWNSHIP)
    officer_rows = _rank_rows(ws, officer_groups, lambda k: officers[k][0], lambda k: officers[k][1],
                              lambda k: officers[k][2])

    item_counts: dict[str, tuple[int, Decimal]] = {}
    item_labels: dict[str, tuple[str, str]] = {}
    cat_counts: dict[str, tuple[int, Decimal]] = {}
    cat_labels: dict[str, tuple[str, str]] = {}
    for c in scored:
        for p in c.problems:
            assert c.checklist is not None
            n, pts = item_counts.get(p.key, (0, ZERO))
            item_counts[p.key] = (n + 1, pts + p.points)
            item_labels[p.key] = (item_label(ws, c.checklist, p.item.id), p.item.text)
            code = p.item.category
            n, pts = cat_counts.get(code, (0, ZERO))
            cat_counts[code] = (n + 1, pts + p.points)
            cat = ws.rules.categories.get(code)
            cat_labels[code] = (cat.name if cat else code, cat.description if cat else "")
    problems_total = sum(n for n, _ in item_counts.values())

    versions_count: Counter[int] = Counter()
    for c in scored:
        if c.cv is not None:
            versions_count[c.cv.id] += 1
    version_rows = []
    for cv_id, n in sorted(versions_count.items()):
        cv = s.get(ChecklistVersion, cv_id)
        assert cv is not None
        version_rows.append(VersionRow(cv.title, cv.checklist_id, cv.version, cv.content_sha256, n))

    trend = _trend(s, data, rnd)
    final_round = rnd.status is RoundStatus.FINALISED
    fails = sum(1 for c in scored if c.fails)
    current = TrendPoint(rnd.month, rnd.id, len(scored), mean(c.total for c in scored if c.total is not None),
                         fails, percent(fails, len(scored)), final_round and all(c.state == "final" for c in scored),
                         True)
    rects, derived = _rectifications(s, ws, data, scored)
    reviews_submitted = sum(len(c.submitted) for c in calcs)
    reviews_open = sum(len(c.open) for c in calcs)
    lines = tuple(CaseLine(
        c.case.id, c.case.doc_no, _short(ws, c.case.case_type), c.unit_short, c.township, c.handlers,
        tuple(data.users.get(r.reviewer_id, "") for r in c.submitted), len(c.submitted),
        tuple(sc.total for sc in c.scores.values()), c.total, c.grade, c.state, c.source_label, c.flagged, c.fails)
        for c in calcs)
    sheets: list[ScoreSheet] = []
    if appendix:
        for i, c in enumerate(scored):
            if cancel is not None and i % 20 == 0:
                cancel.check()
            if progress is not None and i % 20 == 0:
                progress(i, len(scored), "评查表")
            sheets.extend(sheets_of_case(data, c))
    return MonthlyReport(
        round_id=rnd.id, month=rnd.month, title=f"{month_label(rnd.month)}执法案卷评查情况通报",
        issuing_unit=issuing_unit(ws), round_status=label(rnd.status), final=final_round, generated_at=now,
        cases=len(calcs), scored=len(scored), final_cases=sum(1 for c in calcs if c.state == "final"),
        provisional_cases=sum(1 for c in calcs if c.state == "provisional"),
        pending_cases=sum(1 for c in calcs if c.state == "pending"), reviews_submitted=reviews_submitted,
        reviews_open=reviews_open, average=current.average, fails=fails, fail_rate=current.fail_rate,
        grades=grade_rows, by_type=type_rows, units=unit_rows, officers=officer_rows,
        pareto_items=_pareto_rows(item_counts, problems_total, item_labels),
        pareto_categories=_pareto_rows(cat_counts, problems_total, cat_labels), problems_total=problems_total,
        trend=(*trend, current), typical=_typical(ws, scored), rectifications=rects, rectification_derived=derived,
        rect_units=_rect_units(rects),
        case_lines=lines, versions=tuple(version_rows),
        methodology=_methodology(ws, rnd, calcs, version_rows, trend, derived,
                                 [c.fail_grade for c in checklists], reviews_submitted, reviews_open, now),
        sheets=tuple(sheets), item_rows=_item_rows(ws, data, calcs) if items else ())
