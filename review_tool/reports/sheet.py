"""The score sheet (评查表) of a case as ReportLab flowables, and a PDF of one or more sheets.

One sheet fits one or two A4 pages for the bundled checklists (up to ~60 items):
item texts and reasons wrap (wordWrap='CJK') in narrow rows; section subtotals sit
in the section's own heading row; the total and grade are in the header block, so
a reader sees the result without turning the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable

from review_tool.domain.enums import Outcome
from review_tool.reports.fonts import ReportFonts
from review_tool.reports.layout import (
    ACCENT_BG,
    CONTENT_W,
    GRID,
    HEAD_BG,
    RULE,
    SECTION_BG,
    Notice,
    PageDecor,
    SetPageState,
    Styles,
    canvas_maker,
    esc,
    make_doc,
    make_styles,
    para,
    progress_hook,
)
from review_tool.reports.model import ScoreSheet, SheetItem, SheetSection
from review_tool.reports.stats import fmt_deduction, fmt_points

ITEM_WIDTHS = (32, 262, 24, 30, CONTENT_W - 32 - 262 - 24 - 30)
INFO_WIDTHS = (40, 150, 40, 108, 42, CONTENT_W - 40 - 150 - 40 - 108 - 42)
RED = "#B3261E"
GREY = "#5B6470"


def sheet_styles(fonts: ReportFonts) -> Styles:
    return make_styles(fonts, cell_size=7.4, small_size=6.8)


class FixedPara(Paragraph):
    """A Paragraph that remembers its layout for the last width it was wrapped to.

    Checklist texts repeat on every sheet of a bulletin's appendix (hundreds of
    times); one shared instance per text is parsed and broken into lines once.
    Safe because platypus lays out one table at a time and always re-wraps a cell
    at its column width before drawing it.
    """

    _memo: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if self._memo is not None and self._memo[0] == avail_w:
            return self._memo[1]
        size = super().wrap(avail_w, avail_h)
        self._memo = (avail_w, size)
        return size

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        self._memo = None
        return super().split(avail_w, avail_h)


class TextCache:
    """Shared paragraphs of repeated texts (item texts), for one document."""

    def __init__(self) -> None:
        self._paras: dict[tuple[str, str], FixedPara] = {}

    def para(self, text: str, style: Any) -> FixedPara:
        key = (text, style.name)
        p = self._paras.get(key)
        if p is None:
            p = self._paras[key] = FixedPara(esc(text), style)
        return p


def _result(item: SheetItem) -> tuple[str, str | None]:
    """The result cell's text and colour (plain strings: no Paragraph needed)."""
    if item.outcome is Outcome.DEDUCT:
        return ("否决" if item.points == 0 else f"扣{fmt_deduction(item.deducted)}"), RED
    if item.outcome is Outcome.NOT_APPLICABLE:
        return "不适用", GREY
    if item.outcome is None:
        return "未评", RED
    return "符合", None


def _reason(item: SheetItem, st: Styles) -> Paragraph | str:
    if item.outcome is not Outcome.DEDUCT and not item.reason:
        return ""
    parts = [esc(item.reason)] if item.reason else []
    if item.occurrences and item.occurrences > 1:
        parts.append(f"（{item.occurrences}处）")
    if item.where:
        parts.append(f'<font color="{GREY}">〔{esc(item.where)}〕</font>')
    if item.proposed_by:
        parts.append(f'<font color="{GREY}">（采纳 {esc(item.proposed_by)} 意见）</font>')
    return Paragraph("".join(parts), st.cell)


def _section_heading(sec: SheetSection, st: Styles) -> Paragraph:
    if sec.points == 0:
        vetoed = [i for i in sec.items if i.outcome is Outcome.DEDUCT]
        tail = (f'<font color="{RED}">适用否决项 {len(vetoed)} 项</font>' if vetoed
                else f'<font color="{GREY}">未发现否决情形</font>')
        return Paragraph(f"{esc(sec.title)}　{tail}", st.cell)
    lost = f'<font color="{RED}">扣 {fmt_deduction(sec.deducted)} 分</font>' if sec.deducted else "未扣分"
    return Paragraph(f"{esc(sec.title)}（{fmt_deduction(sec.points)} 分）　{lost}，得 "
                     f"{fmt_deduction(sec.score)} 分", st.cell)


def _items_table(sheet: ScoreSheet, st: Styles, cache: TextCache) -> Table:
    rows: list[list[Any]] = [[para(h, st.head) for h in ("序号", "评查内容", "分值", "结果", "扣分理由及所在页码")]]
    cmds: list[tuple[Any, ...]] = []
    for sec in sheet.sections:
        r = len(rows)
        rows.append([_section_heading(sec, st), "", "", "", ""])
        cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_BG)]
        for item in sec.items:
            pts = "否决" if item.points == 0 else fmt_deduction(item.points)
            result, color = _result(item)
            rows.append([item.item_id, cache.para(item.text, st.cell), pts, result, _reason(item, st)])
            r = len(rows) - 1
            if color is not None:
                cmds.append(("TEXTCOLOR", (3, r), (3, r), colors.HexColor(color)))
            if item.outcome is Outcome.DEDUCT:
                cmds.append(("BACKGROUND", (0, r), (-1, r), ACCENT_BG))
    t = Table(rows, colWidths=list(ITEM_WIDTHS), repeatRows=1, hAlign="LEFT")
    t.setStyle([
        ("GRID", (0, 0), (-1, -1), 0.35, GRID), ("BOX", (0, 0), (-1, -1), 0.7, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), st.font, 7.0), ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (3, -1), "CENTER"), ("TEXTCOLOR", (0, 1), (0, -1), colors.HexColor(GREY)),
        ("TOPPADDING", (0, 0), (-1, -1), 1.3), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5), *cmds,
    ])
    return t


def _info_table(sheet: ScoreSheet, st: Styles) -> Table:
    fail_color = RED if sheet.veto_label or sheet.grade in ("不合格",) else "#1F2328"
    score = (f'<font color="{fail_color}" size="10">{fmt_points(sheet.total)}</font> 分 / '
             f'{fmt_deduction(sheet.full_marks)}　<font color="{fail_color}">{esc(sheet.grade)}</font>')
    if not sheet.complete:
        items = sheet.items()
        rated = sum(1 for i in items if i.outcome is not None)
        score = (f'暂计 {fmt_points(sheet.total)} 分<br/><font color="{RED}">已评 {rated}/{len(items)} 项，'
                 "未评完不定等次</font>")
    c, lab = st.cell, st.head
    rows = [
        [para("文号", lab), para(sheet.doc_no, c), para("案件类型", lab), para(sheet.case_type_name, c),
         para("评查轮次", lab), para(sheet.round_label, c)],
        [para("承办单位", lab), para(sheet.unit_name, c), para("承办人", lab), para("、".join(sheet.handlers), c),
         para("当事人", lab), para(sheet.party, c)],
        [para("评查人", lab), para("、".join(sheet.reviewers) or "—", c), para("结果", lab),
         para(sheet.kind_label, c), para("得分等次", lab), Paragraph(score, c)],
    ]
    t = Table(rows, colWidths=list(INFO_WIDTHS), hAlign="LEFT")
    t.setStyle([
        ("GRID", (0, 0), (-1, -1), 0.35, GRID), ("BOX", (0, 0), (-1, -1), 0.7, RULE),
        ("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
        ("BACKGROUND", (4, 0), (4, -1), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])
    return t


def _signature(sheet: ScoreSheet, st: Styles) -> Table:
    date = (f"{sheet.signed_on.year} 年 {sheet.signed_on.month} 月 {sheet.signed_on.day} 日" if sheet.signed_on
            else "　　　　年　　月　　日")
    reviewers = "、".join(sheet.reviewers)
    rows = [[para("评查人（签名）", st.small), para("法制员（签名）", st.small), para("日期", st.small)],
            [para(reviewers, st.cell), para(sheet.legal_officer, st.cell), para(date, st.cell)]]
    t = Table(rows, colWidths=[CONTENT_W * 0.42, CONTENT_W * 0.30, CONTENT_W * 0.28], rowHeights=[11, 24],
              hAlign="LEFT")
    t.setStyle([("LINEBELOW", (0, 1), (1, 1), 0.6, RULE), ("LINEBELOW", (2, 1), (2, 1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14), ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor(GREY))])
    return t


def _fingerprint(sheet: ScoreSheet, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for f in sheet.files:
        out.append(Paragraph(f"案卷文件 {esc(f.relpath)}（{f.pages} 页）sha256：{f.sha256}", st.tiny))
    out.append(Paragraph(f"评查表 {esc(sheet.checklist_id)} {esc(sheet.checklist_version)} 版，"
                         f"内容 sha256：{sheet.checklist_sha256}", st.tiny))
    return out


def sheet_flowables(sheet: ScoreSheet, st: Styles, cache: TextCache | None = None) -> list[Flowable]:
    """The flowables of one sheet (the caller inserts page breaks between sheets)."""
    sub = f"{sheet.issuing_unit}　{sheet.round_label}　评查表版本 {sheet.checklist_version}"
    out: list[Flowable] = [
        Paragraph(esc(sheet.checklist_title), st.title.clone("sheet_title", fontSize=15, leading=19, spaceAfter=2)),
        Paragraph(esc(sub), st.subtitle.clone("sheet_sub", fontSize=8, leading=11, spaceAfter=5)),
        _info_table(sheet, st),
    ]
    if sheet.veto_reasons:
        out += [Spacer(1, 3), Notice(f"否决情形（{sheet.veto_label}）：" + "；".join(sheet.veto_reasons),
                                     st.notice.clone("veto", fontSize=8, leading=11))]
    out += [Spacer(1, 4), _items_table(sheet, st, cache or TextCache())]
    summary = (f"总分 {fmt_points(sheet.total)} 分（满分 {fmt_deduction(sheet.full_marks)} 分），等次：{sheet.grade}"
               f"；否决情形：{sheet.veto_label or '无'}。")
    if not sheet.complete:
        summary = f"尚未评完：已评项目暂计 {fmt_points(sheet.total)} 分，未评项目按不扣分计，不定等次。"
    if sheet.veto_label and sheet.raw_total != sheet.total:
        summary += f"否决前得分 {fmt_points(sheet.raw_total)} 分。"
    tail: list[Flowable] = [Spacer(1, 4), Paragraph(esc(summary), st.cell)]
    tail += [Paragraph(esc(n), st.note) for n in sheet.notes]
    tail += [Spacer(1, 6), _signature(sheet, st), Spacer(1, 4), *_fingerprint(sheet, st)]
    out.append(KeepTogether(tail))
    return out


def sheets_story(sheets: Sequence[ScoreSheet], st: Styles, *, header_prefix: str = "",
                 break_first: bool = False, watermark: str = "") -> list[Flowable]:
    """Every sheet from a new page, the running header and watermark following the sheet.

    Without `break_first` the first sheet continues the current page, whose header
    the caller has set. `watermark` marks every sheet that has none of its own.
    """
    story: list[Flowable] = []
    cache = TextCache()
    for i, sheet in enumerate(sheets):
        if i or break_first:
            story += [SetPageState(header_right=f"{header_prefix}{sheet.doc_no}", watermark=sheet.watermark or watermark),
                      PageBreak()]
        story += sheet_flowables(sheet, st, cache)
    return story


def render_sheets(sheets: Sequence[ScoreSheet], target: Any, fonts: ReportFonts, *, cancel: Any = None) -> None:
    """Write a PDF of `sheets` to `target` (a path or a binary file object)."""
    assert sheets, "no sheet to render"
    st = sheet_styles(fonts)
    first = sheets[0]
    decor = PageDecor(fonts.regular, f"{first.issuing_unit}　执法案卷评查表", first.doc_no,
                      f"评查表 {first.checklist_id} {first.checklist_version}", first.watermark)
    doc = make_doc(target, title=f"评查表 {first.doc_no}", author=first.issuing_unit, decor=decor)
    doc.rt_header_right = first.doc_no
    doc.rt_watermark = first.watermark
    hook = progress_hook(None, cancel)
    if hook is not None:
        doc.setProgressCallBack(hook)
    doc.build(sheets_story(sheets, st), canvasmaker=canvas_maker(fonts.regular))

