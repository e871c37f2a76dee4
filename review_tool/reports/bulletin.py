"""The monthly bulletin (评查情况通报) as a PDF, drawn from a `MonthlyReport`.

Order of the bulletin, as read at the 例会: 总体情况 → 单位排名 → 承办人得分（晾晒）→ 主要问题
(Pareto by item and by category) → 近期趋势 → 典型问题 → 整改要求 (by unit) → 数据说明 (how
every figure is formed) → 附件1 案卷得分明细 → 附件2 整改事项清单 → 附件3 评查表 (every score sheet).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from review_tool.domain.timeutil import to_china
from review_tool.progress import CancelToken, ProgressCallback
from review_tool.reports import charts
from review_tool.reports.fonts import ReportFonts
from review_tool.reports.layout import (
    ACCENT,
    CONTENT_W,
    TOWNSHIP,
    Notice,
    PageDecor,
    SetPageState,
    canvas_maker,
    esc,
    make_doc,
    make_styles,
    para,
    progress_hook,
    table,
)
from review_tool.reports.model import MonthlyReport, ParetoRow, RankRow
from review_tool.reports.sheet import sheet_styles, sheets_story
from review_tool.reports.stats import fmt_deduction, fmt_percent, fmt_points, month_label

PARETO_CHART_MAX = 12
PARETO_TABLE_MAX = 15
RED = "#B3261E"
GREY = "#5B6470"


def _red(text: str) -> str:
    return f'<font color="{RED}">{text}</font>'


def _score(v: Any, provisional: bool = False) -> str:
    text = fmt_points(v)
    return text + (f'<font color="{GREY}" size="6">初评</font>' if provisional and v is not None else "")


class _Bulletin:
    """Builds the story. Attributes: r (the report), st (styles), ss (score-sheet styles)."""

    def __init__(self, r: MonthlyReport, fonts: ReportFonts) -> None:
        self.r = r
        self.fonts = fonts
        self.st = make_styles(fonts)
        self.ss = sheet_styles(fonts)

    # -- small helpers --------------------------------------------------------------------
    def p(self, text: str, style: Any = None) -> Paragraph:
        """A paragraph of markup (the caller escapes data)."""
        return Paragraph(text, style or self.st.cell)

    def c(self, text: object, style: Any = None) -> Paragraph:
        return para(text, style or self.st.cell)

    def heads(self, *names: str) -> list[Paragraph]:
        return [para(n, self.st.head) for n in names]

    def h1(self, text: str) -> list[Flowable]:
        return [CondPageBreak(90), Paragraph(esc(text), self.st.h1)]

    def h2(self, text: str) -> Paragraph:
        return Paragraph(esc(text), self.st.h2)

    # -- sections ------------------------------------------------------------------------------
    def title(self) -> list[Flowable]:
        r, st = self.r, self.st
        date = to_china(r.generated_at)
        out: list[Flowable] = [
            Spacer(1, 6),
            Paragraph(esc(r.issuing_unit), st.title.clone("red_head", fontSize=24, leading=30, spaceAfter=6)),
            HRFlowable(width="100%", thickness=1.6, color=ACCENT, spaceBefore=2, spaceAfter=1),
            HRFlowable(width="100%", thickness=0.5, color=ACCENT, spaceBefore=1, spaceAfter=10),
            Paragraph(esc(r.title), st.title.clone("doc_title", fontSize=17, leading=23, textColor="#1F2328")),
            Paragraph(esc(f"（{date:%Y年%m月%d日}　评查轮次状态：{r.round_status}）"), st.subtitle),
        ]
        if r.notice:
            out += [Notice(r.notice, st.notice), Spacer(1, 6)]
        return out

    def summary(self) -> list[Flowable]:
        r, st = self.r, self.st
        prev = next((t for t in reversed(r.trend) if not t.current and t.average is not None), None)
        text = (f"{month_label(r.month)}评查轮次共抽取案卷 <b>{r.cases}</b> 件，已评定 {r.scored} 件"
                f"（定稿 {r.final_cases} 件、初评 {r.provisional_cases} 件），尚未评定 {r.pending_cases} 件。"
                f"已评定案卷平均 <b>{fmt_points(r.average)}</b> 分，不合格 {_red(str(r.fails))} 件，"
                f"不合格率 {fmt_percent(r.fail_rate)}。")
        if prev is not None and r.average is not None and prev.average is not None:
            diff = r.average - prev.average
            word = "持平" if diff == 0 else ("上升 " if diff > 0 else "下降 ") + fmt_points(abs(diff)) + " 分"
            text += f"与{month_label(prev.month)}（平均 {fmt_points(prev.average)} 分）相比{word}。"
        text += f"共发现问题 {r.problems_total} 个。各项数字的计算方法见第八部分“数据说明”。"
        out: list[Flowable] = [*self.h1("一、总体情况"), Paragraph(text, st.body),
                               charts.grades(r.grades, font=st.font, width=CONTENT_W)]
        rows: list[list[Any]] = [self.heads("案件类型", "抽取件数", "已评定", "平均分", "不合格")]
        for t in r.by_type:
            rows.append([self.c(t.name), t.cases, t.scored, fmt_points(t.average),
                         self.p(_red(str(t.fails)) if t.fails else "0", st.cell_c)])
        rows.append([self.c("合计"), r.cases, r.scored, fmt_points(r.average),
                     self.p(_red(str(r.fails)) if r.fails else "0", st.cell_c)])
        t = table(rows, [215, 75, 75, 75, 75], extra=[("ALIGN", (1, 1), (-1, -1), "CENTER"),
                                                    ("FONT", (0, 0), (-1, -1), st.font, 8.2)])
        return [*out, Spacer(1, 4), self.h2("按案件类型"), t]

    def _rank_table(self, rows_: tuple[RankRow, ...], *, officers: bool) -> Flowable:
        st = self.st
        head = (["名次", "承办人", "所在单位"] if officers else ["名次", "单位"]) + [
            "件数", "平均分", "最低分", "不合格", "失分最多的项目"]
        rows: list[list[Any]] = [self.heads(*head)]
        extra: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), st.font, 8)]
        for i, u in enumerate(rows_, start=1):
            name = esc(u.name) + (' <font color="#C98A1B" size="6.5">乡镇</font>' if u.township else "")
            low = "<br/>".join(f"{esc(x.label)}（{f'{x.cases}件，' if x.cases > 1 else ''}失{fmt_deduction(x.points)}分）"
                               for x in u.low_items)
            cases = f"{u.scored}" if u.scored == u.cases else f"{u.scored}/{u.cases}"
            line: list[Any] = [u.rank, self.p(name)]
            if officers:
                line.append(self.c(u.unit, st.small))
            line += [self.p(cases, st.cell_c), self.p(_score(u.average, u.provisional > 0), st.cell_c),
                     self.p(fmt_points(u.lowest), st.cell_c),
                     self.p(_red(str(u.fails)) if u.fails else "0", st.cell_c),
                     self.p(low or "—", st.small)]
            rows.append(line)
            if u.township:
                extra.append(("LINEBEFORE", (0, i), (0, i), 2.2, TOWNSHIP))
        widths = [26, 56, 64, 30, 50, 38, 34] if officers else [28, 128, 36, 54, 40, 36]
        widths.append(CONTENT_W - sum(widths))
        return table(rows, widths, extra=extra)

    def rankings(self) -> list[Flowable]:
        r, st = self.r, self.st
        note = ("件数为已评定件数（“已评定/抽取”表示尚有未评定案卷）；平均分后的“初评”表示含未定稿案卷；"
                "左侧橙色竖线和“乡镇”为乡镇街道单位。")
        return [
            *self.h1("二、单位排名"), self._rank_table(r.units, officers=False), Paragraph(esc(note), st.note),
            Spacer(1, 4), charts.unit_bars(r.units, r.average, font=st.font, width=CONTENT_W),
            *self.h1("三、承办人得分（晾晒）"),
            Paragraph("承办人得分为其承办的本月被评查案卷得分的平均分，按平均分从高到低排列，作为执法质量考评的依据。"
                      "一件案卷有两名承办人的，分别计入两人。", st.body),
            self._rank_table(r.officers, officers=True),
        ]

    def _pareto_table(self, rows_: tuple[ParetoRow, ...], *, items: bool) -> Flowable:
        st = self.st
        rows: list[list[Any]] = [self.heads("序号", "评查项目" if items else "问题类别",
                                            "评查内容" if items else "常见情形", "件数", "占比", "累计", "失分")]
        for i, p in enumerate(rows_, start=1):
            rows.append([i, self.c(p.label, st.small), self.c(p.text, st.small), p.count, fmt_percent(p.share),
                         fmt_percent(p.cumulative), fmt_deduction(p.points)])
        widths = [26, 70 if items else 44, 0, 30, 38, 38, 34]
        widths[2] = CONTENT_W - sum(widths)
        return table(rows, widths, extra=[("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (-1, -1), "CENTER"),
                                          ("FONT", (0, 0), (-1, -1), st.font, 7.5)])

    def problems(self) -> list[Flowable]:
        r, st = self.r, self.st
        items = r.pareto_items[:PARETO_TABLE_MAX]
        more = len(r.pareto_items) - len(items)
        intro = (f"本月已评定案卷共发现问题 {r.problems_total} 个，涉及 {len(r.pareto_items)} 个评查项目、"
                 f"{len(r.pareto_categories)} 类问题。下图按出现件数从多到少排列，折线为累计占比，虚线为80%。")
        out: list[Flowable] = [*self.h1("四、主要问题"), Paragraph(esc(intro), st.body)]
        block: list[Flowable] = [
            self.h2("（一）按评查项目"),
            charts.pareto(r.pareto_items[:PARETO_CHART_MAX], font=st.font, width=CONTENT_W,
                          title=f"出现最多的 {min(PARETO_CHART_MAX, len(r.pareto_items))} 个评查项目"),
            self._pareto_table(items, items=True)]
        if more > 0:
            block.append(Paragraph(f"另有 {more} 个评查项目出现较少，详见 Excel 导出的“问题（项目）”表。", st.note))
        out.append(KeepTogether(block))
        out.append(KeepTogether([
            self.h2("（二）按问题类别"),
            charts.pareto(r.pareto_categories, font=st.font, width=CONTENT_W, height=150, title="各类问题件数",
                          numbered=False),
            self._pareto_table(r.pareto_categories, items=False)]))
        return out

    def trend(self) -> list[Flowable]:
        r, st = self.r, self.st
        rows: list[list[Any]] = [self.heads("月份", "评定件数", "平均分", "不合格", "不合格率", "数据状态")]
        for t in r.trend:
            state = "定稿" if t.final else ("本月初评" if t.current else "未全部定稿")
            rows.append([self.c(month_label(t.month) + ("（本月）" if t.current else ""), st.cell), t.cases,
                         fmt_points(t.average), t.fails, fmt_percent(t.fail_rate), self.c(state, st.cell_c)])
        tbl = table(rows, [130, 70, 80, 70, 80, CONTENT_W - 430],
                    extra=[("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), st.font, 8)])
        chart = charts.trend(r.trend, font=st.font, width=CONTENT_W)
        return [*self.h1("五、近期趋势"), KeepTogether([chart, Spacer(1, 4), tbl])]

    def typical(self) -> list[Flowable]:
        r, st = self.r, self.st
        if not r.typical:
            return []
        rows: list[list[Any]] = [self.heads("序号", "案卷", "问题", "具体情形及所在位置")]
        for i, t in enumerate(r.typical, start=1):
            case = f"{esc(t.doc_no)}<br/><font color=\"{GREY}\">{esc(t.unit)}</font>"
            problem = f"{esc(t.item_label)}（{esc(t.category)}）<br/>{esc(t.item_text)}"
            if t.veto:
                problem += "<br/>" + _red(esc(t.veto))
            detail = esc(t.reason) + (f'<br/><font color="{GREY}">{esc(t.where)}</font>' if t.where else "")
            detail += f'<font color="{RED}">（扣 {fmt_deduction(t.points)} 分）</font>' if t.points else ""
            rows.append([i, self.p(case, st.small), self.p(problem, st.small), self.p(detail, st.small)])
        tbl = table(rows, [26, 120, 190, CONTENT_W - 336], extra=[("ALIGN", (0, 1), (0, -1), "CENTER"),
                                                                   ("FONT", (0, 0), (-1, -1), st.font, 8)])
        return [*self.h1("六、典型问题"),
                Paragraph("以下为本月较为突出的问题（否决项优先，其次为失分较多者），供各单位对照自查。", st.body), tbl]

    def rectification(self) -> list[Flowable]:
        r, st = self.r, self.st
        text = (f"本月共有整改事项 {len(r.rectifications)} 项，逐项清单（案卷、责任人、问题、整改期限）见附件2。"
                "各单位要对照清单逐项整改，整改情况于期限内报支队法制部门。" + (
                    "本轮尚未登记整改事项，清单由扣分项目生成，责任人暂列承办人，整改期限待定。"
                    if r.rectification_derived else ""))
        rows: list[list[Any]] = [self.heads("责任单位", "整改事项", "待整改", "已整改", "已核实", "期限待定",
                                            "最早整改期限")]
        extra: list[tuple[Any, ...]] = [("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), st.font, 8)]
        for i, u in enumerate(r.rect_units, start=1):
            rows.append([self.c(u.unit), u.items, u.open, u.rectified, u.verified, u.undated, u.earliest or "—"])
            if u.open:
                extra.append(("TEXTCOLOR", (2, i), (2, i), ACCENT))
        tbl = table(rows, [150, 55, 55, 55, 55, 60, CONTENT_W - 430], extra=extra)
        return [*self.h1("七、整改要求"), Paragraph(esc(text), st.body), tbl]

    def rectification_list(self) -> list[Flowable]:
        r, st = self.r, self.st
        rows: list[list[Any]] = [self.heads("序号", "案卷", "责任单位", "责任人", "问题", "类别", "整改期限", "状态")]
        extra: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (5, 1), (-1, -1), "CENTER"),
                                         ("FONT", (0, 0), (-1, -1), st.font, 7)]
        # short cells stay plain strings: hundreds of rows, and a Paragraph costs a parse and a line-break pass
        for i, x in enumerate(r.rectifications, start=1):
            rows.append([x.seq, self.c(x.doc_no, st.small), self.c(x.unit, st.small), self.c(x.owner, st.small),
                         self.c(x.problem, st.small), x.category if len(x.category) <= 4 else self.c(x.category, st.small),
                         x.deadline, x.status])
            if x.deadline == "待定":
                extra.append(("TEXTCOLOR", (6, i), (6, i), ACCENT))
        widths = [24, 112, 54, 60, 0, 36, 44, 36]
        widths[4] = CONTENT_W - sum(widths)
        tbl = table(rows, widths, extra=extra, pad=1.8)
        note = ("本清单由扣分项目逐项生成，责任人暂列承办人，整改期限待法制部门确定。" if r.rectification_derived
                else "本清单取自已登记的整改事项。")
        return [SetPageState(header_right=f"{month_label(r.month)}　附件2"), PageBreak(),
                Paragraph("附件2　整改事项清单", st.h1), Paragraph(esc(note), st.note), tbl]

    def methodology(self) -> list[Flowable]:
        r, st = self.r, self.st
        out: list[Flowable] = [*self.h1("八、数据说明（各项数字如何得出）")]
        style = st.body.clone("method", fontSize=8.8, leading=13.5, firstLineIndent=0, leftIndent=14,
                              bulletIndent=0)
        for i, line in enumerate(r.methodology, start=1):
            out.append(Paragraph(esc(line), style, bulletText=f"{i}."))
        rows: list[list[Any]] = [self.heads("评查表", "版本", "件数", "内容校验码（sha256）")]
        for v in r.versions:
            rows.append([self.c(v.title, st.small), v.version, v.cases, self.c(v.sha256, st.tiny)])
        out += [Spacer(1, 4), table(rows, [170, 44, 34, CONTENT_W - 248],
                                    extra=[("ALIGN", (1, 1), (2, -1), "CENTER"),
                                           ("FONT", (0, 0), (-1, -1), st.font, 7.5)])]
        date = to_china(r.generated_at)
        sign = st.body.clone("sign", alignment=TA_RIGHT, firstLineIndent=0)
        out += [Spacer(1, 18), Paragraph(esc(r.issuing_unit), sign), Paragraph(f"{date:%Y年%m月%d日}", sign)]
        return out

    def case_list(self) -> list[Flowable]:
        r, st = self.r, self.st
        rows: list[list[Any]] = [self.heads("序号", "文号", "类型", "承办单位", "承办人", "评查人", "各评查员得分",
                                            "得分", "等次", "来源")]
        extra: list[tuple[Any, ...]] = [("ALIGN", (6, 1), (-1, -1), "CENTER"),
                                         ("ALIGN", (0, 1), (0, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), st.font, 7)]
        for i, c in enumerate(r.case_lines, start=1):
            unit = esc(c.unit) + (' <font color="#C98A1B">乡镇</font>' if c.township else "")
            reviews = " / ".join(fmt_points(t) for t in c.review_totals) or "—"
            if c.flagged:
                reviews += " △"
                extra.append(("TEXTCOLOR", (6, i), (6, i), ACCENT))
            if c.grade and c.fails:
                extra.append(("TEXTCOLOR", (8, i), (8, i), ACCENT))
            rows.append([i, self.c(c.doc_no, st.small), c.case_type if len(c.case_type) <= 4 else
                         self.c(c.case_type, st.small), self.p(unit, st.small) if c.township or len(c.unit) > 7 else c.unit,
                         self.c("、".join(c.handlers), st.small), self.c("、".join(c.reviewers) or "—", st.small),
                         reviews if len(reviews) <= 14 else self.c(reviews, st.small_c), fmt_points(c.total),
                         c.grade or "—", c.source_label])
        widths = [20, 118, 40, 50, 58, 58, 56, 34, 34]
        widths.append(CONTENT_W - sum(widths))
        tbl = table(rows, widths, extra=extra, pad=1.8)
        note = ("“各评查员得分”为已提交评查的得分；“△”表示评查员得分相差过大或否决意见不一致，需例会会商。"
                "“来源”说明得分如何形成：会商定稿、均分定稿为定稿结果；会商初定、初评均分为未定稿结果；待评为尚无已提交评查。")
        return [SetPageState(header_right=f"{month_label(r.month)}　附件1"), PageBreak(),
                Paragraph("附件1　案卷得分明细", st.h1), Paragraph(esc(note), st.note), tbl]

    def story(self, cancel: CancelToken | None = None) -> list[Flowable]:
        parts: list[Callable[[], list[Flowable]]] = [
            self.title, self.summary, self.rankings, self.problems, self.trend, self.typical, self.rectification,
            self.methodology, self.case_list, self.rectification_list]
        story: list[Flowable] = []
        for part in parts:
            if cancel is not None:
                cancel.check()
            story += part()
        if self.r.sheets:
            story += [SetPageState(header_right=f"{month_label(self.r.month)}　附件3　{self.r.sheets[0].doc_no}",
                                   watermark=self.r.sheets[0].watermark or self.watermark), PageBreak(),
                      Paragraph("附件3　评查表", self.st.h1.clone("app3", alignment=TA_CENTER))]
            story += sheets_story(self.r.sheets, self.ss, header_prefix=f"{month_label(self.r.month)}　附件3　",
                                  watermark=self.watermark)
        return story

    @property
    def watermark(self) -> str:
        return "" if self.r.final else "初稿"


def render_bulletin(report: MonthlyReport, target: Any, fonts: ReportFonts, *,
                    progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> None:
    """Write the bulletin PDF to `target` (a path or a binary file object)."""
    b = _Bulletin(report, fonts)
    title = f"{report.issuing_unit}　{report.title}"
    decor = PageDecor(fonts.regular, title, month_label(report.month) + ("　初稿" if not report.final else ""),
                      f"生成于 {to_china(report.generated_at):%Y-%m-%d %H:%M}　数据来源：评查数据库",
                      b.watermark)
    doc = make_doc(target, title=title, author=report.issuing_unit, decor=decor)
    doc.rt_watermark = b.watermark
    hook = progress_hook(progress, cancel)
    if hook is not None:
        doc.setProgressCallBack(hook)
    doc.build(b.story(cancel), canvasmaker=canvas_maker(fonts.regular))
