"""The bulletin's tables as an Excel workbook (for officers who edit before issuing), and a CSV.

One worksheet per table, Chinese headers, widths fitted to the (double-width) CJK
text, number formats for scores and shares, frozen header rows and filters.
Scores are written as Decimal (openpyxl stores them as numbers); shares as
fractions with a percent format, so Excel can recompute with them.

The CSV of all item results is UTF-8 with a BOM, which Excel on a Chinese Windows
needs to open it without mojibake.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from review_tool.domain.timeutil import to_china
from review_tool.reports.model import ItemRow, MonthlyReport, ParetoRow, RankRow
from review_tool.reports.stats import month_label

SCORE = "0.00"
PCT = "0.0%"
HEAD_FILL = PatternFill("solid", fgColor="E4EAF1")
HEAD_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60

ITEM_COLUMNS = ("月份", "文号", "案件类型", "承办单位", "承办人", "来源", "评查人", "状态", "评查表", "版本", "章节",
                "项目", "评查内容", "问题类别", "分值", "结果", "扣分", "处数", "扣分理由", "页码/录像", "采纳意见")


def _frac(p: Decimal | None) -> Decimal | None:
    return None if p is None else p / 100


def _width(v: Any) -> int:
    text = "" if v is None else str(v)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           formats: dict[int, str] | None = None, wrap: Sequence[int] = ()) -> Worksheet:
    ws: Worksheet = wb.create_sheet(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.fill, cell.font = HEAD_FILL, HEAD_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in rows:
        ws.append(list(r))
    formats = formats or {}
    for col in range(1, len(headers) + 1):
        letter = get_column_letter(col)
        widest = max([_width(headers[col - 1])] + [_width(r[col - 1]) for r in rows])
        ws.column_dimensions[letter].width = min(MAX_WIDTH, max(6, widest + 2))
        fmt = formats.get(col)
        if fmt or col in wrap:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                if fmt:
                    cell.number_format = fmt
                if col in wrap:
                    cell.alignment = WRAP
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    return ws


def _rank_rows(rows: Sequence[RankRow], *, officers: bool) -> list[list[Any]]:
    out = []
    for r in rows:
        low = "；".join(f"{x.label}（{x.cases}件，失{x.points}分）" for x in r.low_items)
        line: list[Any] = [r.rank, r.name]
        if officers:
            line.append(r.unit)
        line += ["是" if r.township else "", r.cases, r.scored, r.average, r.lowest, r.highest, r.fails,
                 r.provisional, low]
        out.append(line)
    return out


def _pareto_rows(rows: Sequence[ParetoRow]) -> list[list[Any]]:
    return [[i, p.label, p.text, p.count, _frac(p.share), _frac(p.cumulative), p.points]
            for i, p in enumerate(rows, start=1)]


def build_workbook(r: MonthlyReport) -> Workbook:
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    summary = [
        ("标题", f"{r.issuing_unit}{r.title}"), ("月份", month_label(r.month)), ("轮次状态", r.round_status),
        ("数据状态", "定稿" if r.final else "初稿（评查尚未定稿）"),
        ("生成时间", f"{to_china(r.generated_at):%Y-%m-%d %H:%M}"), ("抽取件数", r.cases), ("已评定件数", r.scored),
        ("其中定稿", r.final_cases), ("其中初评", r.provisional_cases), ("尚未评定", r.pending_cases),
        ("已提交评查份数", r.reviews_submitted), ("评查中份数", r.reviews_open), ("平均分", r.average),
        ("不合格件数", r.fails), ("不合格率", _frac(r.fail_rate)), ("问题个数", r.problems_total),
    ]
    ws = _sheet(wb, "概况", ("项目", "数值"), summary)
    ws["B14"].number_format = SCORE
    ws["B16"].number_format = PCT
    ws.column_dimensions["B"].width = 50
    _sheet(wb, "等次分布", ("等次", "件数", "占比"), [(g.grade, g.count, _frac(g.share)) for g in r.grades],
           {3: PCT})
    _sheet(wb, "案件类型", ("案件类型", "抽取件数", "已评定", "平均分", "不合格"),
           [(t.name, t.cases, t.scored, t.average, t.fails) for t in r.by_type], {4: SCORE})
    rank_head = ["名次", "单位", "乡镇街道", "抽取件数", "已评定", "平均分", "最低分", "最高分", "不合格", "其中初评",
                 "失分最多的项目"]
    _sheet(wb, "单位排名", rank_head, _rank_rows(r.units, officers=False), {6: SCORE, 7: SCORE, 8: SCORE}, wrap=(11,))
    _sheet(wb, "承办人得分", [*rank_head[:2], "所在单位", *rank_head[2:]], _rank_rows(r.officers, officers=True),
           {7: SCORE, 8: SCORE, 9: SCORE}, wrap=(12,))
    _sheet(wb, "问题（项目）", ("序号", "评查项目", "评查内容", "件数", "占比", "累计占比", "失分"),
           _pareto_rows(r.pareto_items), {5: PCT, 6: PCT, 7: SCORE}, wrap=(3,))
    _sheet(wb, "问题（类别）", ("序号", "问题类别", "常见情形", "件数", "占比", "累计占比", "失分"),
           _pareto_rows(r.pareto_categories), {5: PCT, 6: PCT, 7: SCORE}, wrap=(3,))
    _sheet(wb, "趋势", ("月份", "评定件数", "平均分", "不合格", "不合格率", "数据状态"),
           [(t.month, t.cases, t.average, t.fails, _frac(t.fail_rate),
             "定稿" if t.final else ("本月初评" if t.current else "未全部定稿")) for t in r.trend], {3: SCORE, 5: PCT})
    _sheet(wb, "典型问题", ("序号", "文号", "单位", "承办人", "评查项目", "评查内容", "问题类别", "具体情形", "所在位置",
                           "扣分", "否决"),
           [(i, t.doc_no, t.unit, "、".join(t.handlers), t.item_label, t.item_text, t.category, t.reason, t.where,
             t.points, t.veto) for i, t in enumerate(r.typical, start=1)], {10: SCORE}, wrap=(6, 8))
    _sheet(wb, "整改清单", ("序号", "文号", "责任单位", "责任人", "问题", "类别", "整改期限", "状态", "来源"),
           [(x.seq, x.doc_no, x.unit, x.owner, x.problem, x.category, x.deadline, x.status,
             "由扣分生成" if x.derived else "已登记") for x in r.rectifications], wrap=(5,))
    _sheet(wb, "整改汇总", ("责任单位", "整改事项", "待整改", "已整改", "已核实", "期限待定", "最早整改期限"),
           [(u.unit, u.items, u.open, u.rectified, u.verified, u.undated, u.earliest) for u in r.rect_units])
    _sheet(wb, "案卷得分明细", ("序号", "文号", "类型", "承办单位", "乡镇街道", "承办人", "评查人", "已提交评查",
                               "各评查员得分", "得分", "等次", "来源", "需会商"),
           [(i, c.doc_no, c.case_type, c.unit, "是" if c.township else "", "、".join(c.handlers),
             "、".join(c.reviewers), c.submitted, " / ".join(str(t) for t in c.review_totals), c.total, c.grade,
             c.source_label, "是" if c.flagged else "") for i, c in enumerate(r.case_lines, start=1)], {10: SCORE})
    ws = _sheet(wb, "数据说明", ("序号", "说明"), [(i, m) for i, m in enumerate(r.methodology, start=1)], wrap=(2,))
    ws.column_dimensions["B"].width = 100
    _sheet(wb, "评查表版本", ("评查表", "编号", "版本", "件数", "内容校验码（sha256）"),
           [(v.title, v.checklist_id, v.version, v.cases, v.sha256) for v in r.versions])
    return wb


def write_workbook(r: MonthlyReport, target: Any) -> None:
    """Write the workbook to `target` (a path or a binary file object)."""
    build_workbook(r).save(target)


def write_item_csv(rows: Sequence[ItemRow], out: IO[str]) -> None:
    """All item results as CSV; open `out` with encoding='utf-8-sig' and newline=''."""
    w = csv.writer(out)
    w.writerow(ITEM_COLUMNS)
    for x in rows:
        w.writerow([x.month, x.doc_no, x.case_type, x.unit, x.handlers, x.source, x.reviewer, x.status,
                    x.checklist_id, x.version, x.section, x.item_id, x.item_text, x.category, x.points, x.outcome,
                    x.deducted, "" if x.occurrences is None else x.occurrences, x.reason, x.where, x.proposed_by])
