"""What the PDF renderers share: A4 page frames, styles, header/footer, watermark, table helpers.

Page numbers read "第 x 页 共 y 页" without a second layout pass: the total is a
PDF form XObject referenced on every page and defined once, when the document is
saved (ReportLab resolves forward references to forms at save time).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from review_tool.reports.fonts import ReportFonts

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 17 * mm
MARGIN_BOTTOM = 15 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
TOTAL_FORM = "rt_total_pages"

INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#5B6470")
RULE = colors.HexColor("#9AA4AE")
GRID = colors.HexColor("#C5CCD3")
HEAD_BG = colors.HexColor("#E4EAF1")
SECTION_BG = colors.HexColor("#F1F4F7")
ZEBRA = colors.HexColor("#F8FAFB")
ACCENT = colors.HexColor("#B3261E")  # fire-service red, used sparingly: fails, vetoes, notices
ACCENT_BG = colors.HexColor("#FBEDEC")
BLUE = colors.HexColor("#2F5D8A")
TOWNSHIP = colors.HexColor("#C98A1B")


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    notice: ParagraphStyle
    cell: ParagraphStyle
    cell_c: ParagraphStyle
    cell_r: ParagraphStyle
    head: ParagraphStyle
    small: ParagraphStyle
    small_c: ParagraphStyle
    small_r: ParagraphStyle
    tiny: ParagraphStyle


def make_styles(fonts: ReportFonts, *, cell_size: float = 8.2, small_size: float = 7.0) -> Styles:
    f = fonts.regular

    def st(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=f, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return Styles(
        font=f,
        title=st("title", 19, 26, alignment=TA_CENTER, spaceAfter=4, textColor=ACCENT),
        subtitle=st("subtitle", 10, 15, alignment=TA_CENTER, textColor=MUTED, spaceAfter=8),
        h1=st("h1", 13, 18, spaceBefore=10, spaceAfter=5, textColor=BLUE),
        h2=st("h2", 10.5, 15, spaceBefore=6, spaceAfter=3),
        body=st("body", 10, 16, firstLineIndent=20, spaceAfter=4),
        note=st("note", 8, 11.5, textColor=MUTED, spaceBefore=2, spaceAfter=2),
        notice=st("notice", 9.5, 14, textColor=ACCENT, alignment=TA_LEFT),
        cell=st("cell", cell_size, cell_size * 1.28),
        cell_c=st("cell_c", cell_size, cell_size * 1.28, alignment=TA_CENTER),
        cell_r=st("cell_r", cell_size, cell_size * 1.28, alignment=TA_RIGHT),
        head=st("head", cell_size, cell_size * 1.28, alignment=TA_CENTER),
        small=st("small", small_size, small_size * 1.22),
        small_c=st("small_c", small_size, small_size * 1.22, alignment=TA_CENTER),
        small_r=st("small_r", small_size, small_size * 1.22, alignment=TA_RIGHT),
        tiny=st("tiny", 6.5, 8.5, textColor=MUTED),
    )


def esc(text: object) -> str:
    """Text for a Paragraph: escape the markup characters."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TotalPagesCanvas(Canvas):
    """Defines the "total pages" form when the document is saved."""

    def __init__(self, *args: Any, footer_font: str = "Helvetica", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer_font = footer_font

    def save(self) -> None:
        total = self.getPageNumber() - 1  # platypus has shown the last page before saving
        self.beginForm(TOTAL_FORM, lowerx=0, lowery=0, upperx=80, uppery=20)
        self.setFont(self.footer_font, 8)
        self.setFillColor(MUTED)
        self.drawString(0, 5, f"{total} 页")
        self.endForm()
        super().save()


def canvas_maker(font: str) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return TotalPagesCanvas(*args, footer_font=font, **kwargs)

    return make


@dataclass(frozen=True)
class PageDecor:
    """The running header and footer, and an optional diagonal watermark."""

    font: str
    header_left: str
    header_right: str
    footer_left: str
    watermark: str = ""

    def __call__(self, c: Canvas, doc: BaseDocTemplate) -> None:
        # SetPageState flowables may have changed these for the pages that follow
        watermark = getattr(doc, "rt_watermark", self.watermark)
        header_right = getattr(doc, "rt_header_right", self.header_right)
        c.saveState()
        if watermark:
            c.setFillColor(colors.Color(0.72, 0.15, 0.12, alpha=0.11))
            c.setFont(self.font, 96)
            c.translate(PAGE_W / 2, PAGE_H / 2)
            c.rotate(35)
            c.drawCentredString(0, -30, watermark)
            c.rotate(-35)
            c.translate(-PAGE_W / 2, -PAGE_H / 2)
        c.setFont(self.font, 8)
        c.setFillColor(MUTED)
        top = PAGE_H - MARGIN_TOP + 5 * mm
        c.drawString(MARGIN_X, top, self.header_left)
        c.drawRightString(PAGE_W - MARGIN_X, top, header_right)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(MARGIN_X, top - 2.2 * mm, PAGE_W - MARGIN_X, top - 2.2 * mm)
        bottom = MARGIN_BOTTOM - 8 * mm
        c.line(MARGIN_X, bottom + 4.2 * mm, PAGE_W - MARGIN_X, bottom + 4.2 * mm)
        c.drawString(MARGIN_X, bottom, self.footer_left)
        label = f"第 {doc.page} 页  共 "
        x = PAGE_W - MARGIN_X - 30 * mm
        c.drawString(x, bottom, label)
        c.translate(x + c.stringWidth(label, self.font, 8), bottom - 5)
        c.doForm(TOTAL_FORM)
        c.restoreState()


def make_doc(target: Any, *, title: str, author: str, decor: PageDecor,
             first_decor: PageDecor | None = None) -> BaseDocTemplate:
    """An A4 document with one frame; `first_decor` (if any) for the first page."""
    if isinstance(target, os.PathLike):
        target = os.fspath(target)
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=title, author=author, creator="review-tool",
                          subject=title, initialFontName=decor.font)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = []
    if first_decor is not None:
        templates.append(PageTemplate(id="first", frames=[frame], onPage=first_decor, autoNextPageTemplate="later"))
    templates.append(PageTemplate(id="later", frames=[frame], onPage=decor))
    doc.addPageTemplates(templates)
    return doc


def progress_hook(progress: Callable[[int, int, str], None] | None, cancel: Any = None,
                  message: str = "排版") -> Callable[[str, int], None] | None:
    """A ReportLab build-progress callback feeding our progress callback and checking for cancel."""
    if progress is None and cancel is None:
        return None
    total = [0]

    def hook(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = value
        elif kind == "PROGRESS":
            if cancel is not None:
                cancel.check()
            if progress is not None and (value % 25 == 0 or value == total[0]):
                progress(value, max(total[0], value), message)

    return hook


def grid_style(*, header_rows: int = 1, zebra: bool = True, n_rows: int = 0, pad: float = 2.5,
               extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.7, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
    if zebra:
        cmds.extend(("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(header_rows + 1, n_rows, 2))
    cmds.extend(extra)
    return TableStyle(cmds)


def table(rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1, zebra: bool = True,
          extra: Sequence[tuple[Any, ...]] = (), pad: float = 2.5) -> Table:
    """A grid table that repeats its header on every page it spans."""
    t = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    t.setStyle(grid_style(header_rows=header_rows, zebra=zebra, n_rows=len(rows), pad=pad, extra=extra))
    return t


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


class Notice(Flowable):
    """A framed red notice (e.g. "本通报为初稿").

    Attributes:
        _para: the wrapped text; _w/_h: its size inside the frame.
    """

    def __init__(self, text: str, style: ParagraphStyle, width: float = CONTENT_W) -> None:
        super().__init__()
        self._para = Paragraph(esc(text), style)
        self._width = width
        self._h = 0.0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        _, h = self._para.wrap(min(self._width, avail_w) - 16, avail_h)
        self._h = h + 12
        return min(self._width, avail_w), self._h

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(ACCENT_BG)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.8)
        c.roundRect(0, 0, self._width, self._h, 3, stroke=1, fill=1)
        c.restoreState()
        self._para.drawOn(c, 8, 6)


class SetPageState(Flowable):
    """Sets the running header (right part) and watermark of the pages that FOLLOW it.

    Place it just before a PageBreak: the page template's onPage runs when the next
    page begins, after this zero-size flowable has been drawn on the current page.
    """

    def __init__(self, *, header_right: str | None = None, watermark: str | None = None) -> None:
        super().__init__()
        self.header_right = header_right
        self.watermark = watermark

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate  # type: ignore[attr-defined]
        if self.header_right is not None:
            doc.rt_header_right = self.header_right
        if self.watermark is not None:
            doc.rt_watermark = self.watermark
