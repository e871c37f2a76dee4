"""Page layout for the demo case files: a tiny display list drawn either as PDF vectors or as a "scan".

A document is laid out once into `Page`s (lists of drawing ops in PDF points, origin bottom-left);
`draw_pdf_page` paints a page with reportlab (text layer, embedded wqy-zenhei), `render_scan` paints
the same page with Pillow onto a grey, noisy, slightly rotated image (no text layer).
"""

from __future__ import annotations

import functools
import io
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 72.0, 68.0, 66.0, 70.0
TEXT_W = PAGE_W - LEFT - RIGHT

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
_SCAN_FONTS = (
    (Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), 2),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),
    (WQY, 0),
)
RED = (0.82, 0.1, 0.1)


class Text(NamedTuple):
    x: float
    y: float  # baseline
    size: float
    text: str
    space: float = 0.0  # extra character spacing (letter-spaced titles)
    red: bool = False


class Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6


class Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    fill: float | None = None  # grey level 0..1
    stroke: float = 0.8  # line width, 0 for none


class Seal(NamedTuple):
    cx: float
    cy: float
    d: float  # diameter in points
    agency: str
    label: str = ""  # text under the star (e.g. 法制审核专用章)


Op = Text | Line | Rect | Seal


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)


# -- fonts ------------------------------------------------------------------------------------


@functools.cache
def pdf_font() -> str:
    """Register the PDF font once: wqy-zenhei embedded, else the non-embedded STSong-Light CID font."""
    if WQY.exists():
        try:
            pdfmetrics.registerFont(TTFont("WQYZenHei", str(WQY), subfontIndex=0))
            return "WQYZenHei"
        except Exception:  # pragma: no cover - a damaged font file
            pass
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


_WIDTHS: dict[str, float] = {}


def _char_width(ch: str) -> float:
    w = _WIDTHS.get(ch)
    if w is None:
        w = _WIDTHS[ch] = pdfmetrics.stringWidth(ch, pdf_font(), 1000) / 1000
    return w


def text_width(text: str, size: float, space: float = 0.0) -> float:
    widths = _WIDTHS
    total = 0.0
    for ch in text:
        w = widths.get(ch)
        total += w if w is not None else _char_width(ch)
    return total * size + space * len(text)


_NO_LINE_START = set("，。、；：？！）》」』”’%）】〕")


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines that fit `width` (CJK: anywhere; punctuation never starts a line)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        used = 0.0
        for ch in para:
            w = (_WIDTHS.get(ch) or _char_width(ch)) * size
            if used + w > width and line and ch not in _NO_LINE_START:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
    return lines


@functools.cache
def scan_font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path, index in _SCAN_FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), px, index=index)
    return ImageFont.load_default()


# -- seals ------------------------------------------------------------------------------------


@functools.cache
def seal_image(agency: str, label: str = "", px: int = 240) -> Image.Image:
    """A red round seal (RGBA): agency name along the upper arc, a star, an optional label."""
    import math

    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    ink = (214, 28, 36, 215)
    border = max(4, px // 30)
    draw.ellipse((border, border, px - border, px - border), outline=ink, width=border)
    cx = cy = px / 2
    star_r = px * 0.14
    pts = []
    for k in range(10):
        r = star_r if k % 2 == 0 else star_r * 0.4
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    draw.polygon(pts, fill=ink)
    n = len(agency)
    char_px = int(px * (0.15 if n <= 10 else 0.12 if n <= 13 else 0.1))
    font = scan_font(char_px)
    arc = math.radians(min(250, 22 * n))
    radius = px / 2 - border * 2 - char_px * 0.62
    for i, ch in enumerate(agency):
        a = -math.pi / 2 - arc / 2 + arc * (i + 0.5) / n
        tile = Image.new("RGBA", (char_px * 2, char_px * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((char_px, char_px), ch, font=font, fill=ink, anchor="mm")
        tile = tile.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        x = cx + radius * math.cos(a) - char_px
        y = cy + radius * math.sin(a) - char_px
        img.alpha_composite(tile, (int(x), int(y)))
    if label:
        lf = scan_font(int(px * 0.08))
        draw.text((cx, cy + px * 0.27), label, font=lf, fill=ink, anchor="mm")
    return img


@functools.cache
def _seal_reader(agency: str, label: str) -> ImageReader:
    return ImageReader(seal_image(agency, label))


# -- PDF rendering ----------------------------------------------------------------------------


def draw_pdf_page(c: Canvas, page: Page) -> None:
    font = pdf_font()
    for op in page.ops:
        if isinstance(op, Text):
            if op.red:
                c.setFillColorRGB(*RED)
            if op.space:
                c.saveState()  # Tc (character spacing) outlives the text object otherwise
                t = c.beginText(op.x, op.y)
                t.setFont(font, op.size)
                t.setCharSpace(op.space)
                t.textOut(op.text)
                c.drawText(t)
                c.restoreState()
            else:
                c.setFont(font, op.size)
                c.drawString(op.x, op.y, op.text)
            if op.red:
                c.setFillColorRGB(0, 0, 0)
        elif isinstance(op, Line):
            c.setLineWidth(op.width)
            c.line(op.x1, op.y1, op.x2, op.y2)
        elif isinstance(op, Rect):
            if op.fill is not None:
                c.setFillGray(op.fill)
            c.setLineWidth(op.stroke or 0.1)
            c.rect(op.x, op.y, op.w, op.h, stroke=1 if op.stroke else 0, fill=1 if op.fill is not None else 0)
            c.setFillGray(0)
        else:
            c.drawImage(_seal_reader(op.agency, op.label), op.cx - op.d / 2, op.cy - op.d / 2, op.d, op.d,
                        mask="auto")


def draw_scan_page(c: Canvas, jpeg: bytes) -> None:
    c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, PAGE_W, PAGE_H)


# -- scan rendering ---------------------------------------------------------------------------

SCAN_DPI = 96


@functools.cache
def _noise(w: int, h: int) -> Image.Image:
    return Image.effect_noise((w, h), 40)


def render_scan(page: Page, rng: random.Random, dpi: int = SCAN_DPI) -> bytes:
    """The page as a greyscale JPEG "scan": greyish paper, noise, a slight tilt, no text layer."""
    s = dpi / 72
    w, h = int(PAGE_W * s), int(PAGE_H * s)
    img = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(img)

    def pt(x: float, y: float) -> tuple[float, float]:
        return x * s, (PAGE_H - y) * s

    for op in page.ops:
        if isinstance(op, Text):
            font = scan_font(max(6, round(op.size * s)))
            ink = 120 if op.red else 25
            if op.space:
                x = op.x
                for ch in op.text:
                    draw.text(pt(x, op.y), ch, font=font, fill=ink, anchor="ls")
                    x += text_width(ch, op.size) + op.space
            else:
                draw.text(pt(op.x, op.y), op.text, font=font, fill=ink, anchor="ls")
        elif isinstance(op, Line):
            draw.line((pt(op.x1, op.y1), pt(op.x2, op.y2)), fill=40, width=max(1, round(op.width * s)))
        elif isinstance(op, Rect):
            x0, y1 = pt(op.x, op.y)
            x1, y0 = pt(op.x + op.w, op.y + op.h)
            fill = None if op.fill is None else int(op.fill * 235)
            draw.rectangle((x0, y0, x1, y1), fill=fill, outline=40 if op.stroke else None,
                           width=max(1, round(op.stroke * s)) if op.stroke else 0)
        else:
            d = round(op.d * s)
            seal = seal_image(op.agency, op.label).resize((d, d)).convert("LA")
            grey = Image.new("L", (d, d), 130)
            x, y = pt(op.cx - op.d / 2, op.cy + op.d / 2)
            img.paste(grey, (int(x), int(y)), seal.getchannel("A"))
    noise = _noise(w, h)
    img = Image.blend(img, noise, 0.07 + rng.random() * 0.04)
    for _ in range(rng.randrange(3, 12)):  # specks of dust
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((1, 1, 2))
        draw = ImageDraw.Draw(img)
        draw.ellipse((x, y, x + r, y + r), fill=70)
    img = img.rotate(rng.uniform(-1.2, 1.2), resample=Image.Resampling.BILINEAR, fillcolor=205)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=50, optimize=False)
    return out.getvalue()


# -- the layout builder -----------------------------------------------------------------------


class Sheet:
    """Lays out one document into pages, top to bottom, breaking pages as needed."""

    def __init__(self, footer: Callable[[Sheet, int], None] | None = None) -> None:
        self.pages: list[Page] = []
        self.footer = footer
        self.y = 0.0
        self.new_page()

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1].ops

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = PAGE_H - TOP

    def finish(self) -> list[Page]:
        if self.footer:
            for i in range(len(self.pages)):
                self.footer(self, i)
        return self.pages

    def need(self, h: float) -> None:
        if self.y - h < BOTTOM:
            self.new_page()

    def gap(self, h: float) -> None:
        self.y -= h

    # text ------------------------------------------------------------------------------------
    def text_at(self, x: float, y: float, text: str, size: float = 12, *, align: str = "l",
                space: float = 0.0, red: bool = False, page: int = -1) -> None:
        w = text_width(text, size, space)
        if align == "c":
            x -= w / 2
        elif align == "r":
            x -= w
        self.pages[page].ops.append(Text(x, y, size, text, space, red))

    def centred(self, text: str, size: float = 12, *, space: float = 0.0, after: float = 0.6) -> None:
        self.need(size * 1.4)
        self.y -= size
        self.text_at(PAGE_W / 2 + space / 2, self.y, text, size, align="c", space=space)
        self.y -= size * after

    def header(self, agency: str, title: str, doc_no: str | None = None, *, spaced_title: bool = False,
               title_size: float = 20) -> None:
        """Agency line, title (optionally letter-spaced), 文号 line."""
        self.centred(agency, 15, after=0.9)
        if spaced_title:
            self.centred(title, title_size, space=title_size * 0.45, after=0.9)
        else:
            self.centred(title, title_size, after=0.9)
        if doc_no:
            self.y -= 2
            self.text_at(PAGE_W - RIGHT, self.y - 11, doc_no, 11.5, align="r")
            self.y -= 26
        else:
            self.y -= 8

    def para(self, text: str, size: float = 12, *, indent: bool = True, leading: float = 1.75,
             x: float = LEFT, width: float = TEXT_W) -> None:
        prefix = "\u3000\u3000" if indent else ""
        for line in wrap(prefix + text, size, width):
            self.need(size * leading)
            self.y -= size * leading
            self.ops.append(Text(x, self.y + size * (leading - 1) / 2, size, line))

    def line(self, text: str, size: float = 12, *, x: float = LEFT, leading: float = 1.75) -> None:
        self.need(size * leading)
        self.y -= size * leading
        self.ops.append(Text(x, self.y + size * (leading - 1) / 2, size, text))

    def right(self, text: str, size: float = 12, *, leading: float = 1.75, margin: float = 24) -> None:
        self.need(size * leading)
        self.y -= size * leading
        self.text_at(PAGE_W - RIGHT - margin, self.y + size * (leading - 1) / 2, text, size, align="r")

    def fields(self, items: list[tuple[str, str, float]], size: float = 12, leading: float = 1.9) -> None:
        """One row of `label value` pairs; each value underlined; widths are fractions of the text width."""
        self.need(size * leading)
        self.y -= size * leading
        base = self.y + size * 0.35
        x = LEFT
        for label, value, frac in items:
            span = TEXT_W * frac
            self.ops.append(Text(x, base, size, label))
            lx = x + text_width(label, size) + 2
            self.ops.append(Text(lx + 4, base, size, value))
            self.ops.append(Line(lx, base - 3, x + span - 6, base - 3, 0.5))
            x += span

    def seal_block(self, agency: str, date_text: str, *, seal: bool = True, label: str = "",
                   size: float = 12) -> None:
        """Agency name and date at the right, with the red seal over them."""
        self.need(130)
        self.y -= 62
        cx = PAGE_W - RIGHT - 90
        self.text_at(cx, self.y, agency, size, align="c")
        self.y -= size * 1.8
        self.text_at(cx, self.y, date_text, size, align="c")
        if seal:
            self.ops.append(Seal(cx, self.y + 22, 112, agency, label))
        self.y -= 30

    # tables ----------------------------------------------------------------------------------
    def table(self, rows: list[list[str]], widths: Sequence[float], *, size: float = 11,
              min_h: Sequence[float] | None = None, header_rows: int = 0, centre_cols: tuple[int, ...] = ()) -> None:
        """A ruled table; `widths` are fractions of the text width; cells wrap; rows never split."""
        cols = [TEXT_W * w for w in widths]
        lead = size * 1.45
        top_drawn = False
        for r, row in enumerate(rows):
            wrapped = [wrap(cell, size, cols[i] - 8) for i, cell in enumerate(row)]
            h = max(len(c) for c in wrapped) * lead + 8
            if min_h:
                h = max(h, min_h[r] if r < len(min_h) else 0)
            if self.y - h < BOTTOM:
                self.new_page()
                top_drawn = False
            if not top_drawn:
                self.ops.append(Line(LEFT, self.y, LEFT + TEXT_W, self.y, 0.8))
                top_drawn = True
            x = LEFT
            for i, lines in enumerate(wrapped):
                ty = self.y - 4 - size
                for ln in lines:
                    if i in centre_cols or r < header_rows:
                        self.text_at(x + cols[i] / 2, ty, ln, size, align="c")
                    else:
                        self.ops.append(Text(x + 4, ty, size, ln))
                    ty -= lead
                self.ops.append(Line(x, self.y, x, self.y - h, 0.8))
                x += cols[i]
            self.ops.append(Line(LEFT + TEXT_W, self.y, LEFT + TEXT_W, self.y - h, 0.8))
            self.y -= h
            self.ops.append(Line(LEFT, self.y, LEFT + TEXT_W, self.y, 0.8))

    def kv_table(self, rows: list[tuple[str, str]], *, label_w: float = 0.2, size: float = 11,
                 min_h: dict[int, float] | None = None) -> None:
        heights = [(min_h or {}).get(i, 0.0) for i in range(len(rows))]
        self.table([[k, v] for k, v in rows], [label_w, 1 - label_w], size=size, min_h=heights,
                   centre_cols=(0,))

    def photo(self, h: float, caption: list[str], rng: random.Random) -> None:
        """A grey photo placeholder (shapes suggesting a scene) with caption lines underneath."""
        self.need(h + 24 + 17 * sum(len(wrap(c, 10.5, TEXT_W * 0.82)) for c in caption))
        w = TEXT_W * 0.82
        x = LEFT + (TEXT_W - w) / 2
        self.y -= h
        self.ops.append(Rect(x, self.y, w, h, fill=0.78 + rng.random() * 0.08, stroke=0.6))
        self.ops.append(Rect(x, self.y, w, h * 0.32, fill=0.62, stroke=0))
        for _ in range(rng.randrange(2, 5)):
            bw, bh = rng.uniform(0.1, 0.3) * w, rng.uniform(0.2, 0.55) * h
            bx = x + rng.uniform(0.02, 0.95) * (w - bw)
            self.ops.append(Rect(bx, self.y + h * 0.2, bw, bh, fill=rng.uniform(0.35, 0.6), stroke=0))
        self.y -= 6
        for c in caption:
            self.para(c, 10.5, indent=False, leading=1.6, x=x, width=w)
        self.y -= 8
