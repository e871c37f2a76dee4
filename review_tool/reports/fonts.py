"""Finding and registering a CJK font for ReportLab.

ReportLab embeds (a subset of) a TrueType font: the PDF then shows the same glyphs
on every machine. It cannot embed fonts with CFF outlines (most `.otf` files and
the Noto CJK `.ttc` collections), so every candidate is checked for a `glyf` table
before use. The search order:

1. a path the user set (settings or `--font`): used if it is a usable TrueType
   font, otherwise a `ReportError` naming the path (never a silent fallback, so a
   misspelt path is noticed);
2. Windows: `%WINDIR%\\Fonts` (Microsoft YaHei, SimHei, SimSun …);
3. the usual font folders of Linux and macOS, scanned for known file names
   (no `fc-list`: the app must run where fontconfig is absent);
4. ReportLab's built-in CID font `STSong-Light`, which is not embedded: readers
   substitute a local Song face, so layout may shift slightly.

Registration is cached per process: ReportLab's font registry is global.
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from review_tool.i18n import QT_TRANSLATE_NOOP
from review_tool.reports.errors import ReportError, tr

CID_FONT = "STSong-Light"
PROBE = "评查通报不合格"  # characters every usable font must have

# Known TrueType CJK files, best first (case-insensitive names; `*` is a prefix/suffix wildcard).
KNOWN_FILES: tuple[str, ...] = (
    "msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "simsun.ttf",
    "wqy-microhei.ttc", "wqy-zenhei.ttc",
    "NotoSansSC-Regular.ttf", "NotoSansSC*.ttf", "NotoSansCJKsc-Regular.ttf",
    "SourceHanSansSC-Regular.ttf", "SourceHanSans*.ttf",
    "STHeiti Light.ttc", "STHeiti Medium.ttc", "Arial Unicode.ttf",
    "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
)
WINDOWS_FILES: tuple[str, ...] = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "simsun.ttf")


def default_search_dirs() -> list[Path]:
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local" / "share" / "fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
            home / "Library" / "Fonts"]


def windows_fonts_dir() -> Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    return Path(windir) / "Fonts" if windir else None


@dataclass(frozen=True)
class FontChoice:
    """A font file and the face inside it that ReportLab can embed (or the CID fallback)."""

    path: Path | None  # None: the CID fallback
    subfont: int = 0

    @property
    def embedded(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names the renderers use."""

    regular: str
    embedded: bool
    source: str  # the file (and face) or the CID font name, for the report's colophon

    @property
    def bold(self) -> str:
        # CJK system fonts rarely ship a bold face; headings use size instead.
        return self.regular


# -- outline check --------------------------------------------------------------------


def _tables(f: object, offset: int) -> set[bytes]:
    f.seek(offset)  # type: ignore[attr-defined]
    head = f.read(12)  # type: ignore[attr-defined]
    if len(head) < 12:
        return set()
    (num,) = struct.unpack(">H", head[4:6])
    raw = f.read(16 * num)  # type: ignore[attr-defined]
    return {raw[16 * i: 16 * i + 4] for i in range(len(raw) // 16)}


def truetype_faces(path: Path) -> list[int]:
    """Indexes of the faces of `path` that have TrueType (`glyf`) outlines; [] for CFF or junk."""
    try:
        with path.open("rb") as f:
            tag = f.read(4)
            if tag == b"ttcf":
                f.seek(8)
                (n,) = struct.unpack(">I", f.read(4))
                offsets = struct.unpack(f">{min(n, 64)}I", f.read(4 * min(n, 64)))
            elif tag in (b"\x00\x01\x00\x00", b"true"):
                offsets = (0,)
            else:
                return []  # 'OTTO' = CFF, or not a font
            return [i for i, off in enumerate(offsets) if b"glyf" in _tables(f, off)]
    except (OSError, struct.error):
        return []


def usable(path: Path) -> FontChoice | None:
    """The first face of `path` that is TrueType and has the CJK probe characters."""
    for index in truetype_faces(path):
        try:
            from reportlab.pdfbase.ttfonts import TTFont

            font = TTFont("_probe", str(path), subfontIndex=index)
        except Exception:  # reportlab raises many kinds of error for a broken font
            continue
        cmap = font.face.charToGlyph
        if all(ord(ch) in cmap for ch in PROBE):
            return FontChoice(path, index)
    return None


# -- search -----------------------------------------------------------------------------

_lock = threading.Lock()
_found: dict[tuple[Path, ...], FontChoice] = {}  # scan results by folder list (scanning takes a moment)


def _matches(name: str, pattern: str) -> bool:
    name, pattern = name.lower(), pattern.lower()
    if "*" not in pattern:
        return name == pattern
    head, _, tail = pattern.partition("*")
    return name.startswith(head) and name.endswith(tail)


def _scan(dirs: Iterable[Path], max_depth: int = 4) -> dict[str, list[Path]]:
    """Font files under `dirs` by pattern of KNOWN_FILES they match."""
    found: dict[str, list[Path]] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        base_depth = len(root.parts)
        for folder, subdirs, files in os.walk(root):
            if len(Path(folder).parts) - base_depth >= max_depth:
                subdirs[:] = []
            for name in files:
                for pattern in KNOWN_FILES:
                    if _matches(name, pattern):
                        found.setdefault(pattern, []).append(Path(folder) / name)
                        break
    return found


def find_cjk_font(user_path: Path | str | None = None, *, search_dirs: Sequence[Path] | None = None,
                  windows_dir: Path | None = None) -> FontChoice:
    """The font to use (see the module docstring for the order).

    Raises:
        ReportError: `user_path` is given but missing or not an embeddable CJK TrueType font.
    """
    if user_path is not None and str(user_path).strip():
        return _user_font(Path(user_path).expanduser())
    if windows_dir is None and sys.platform == "win32":
        windows_dir = windows_fonts_dir()
    if windows_dir is not None and windows_dir.is_dir():
        for name in WINDOWS_FILES:
            p = windows_dir / name
            if p.is_file() and (choice := usable(p)) is not None:
                return choice
    dirs = tuple(default_search_dirs() if search_dirs is None else search_dirs)
    with _lock:
        cached = _found.get(dirs)
    if cached is not None:
        return cached
    choice = FontChoice(None)
    found = _scan(dirs)
    for pattern in KNOWN_FILES:
        hit = next((c for p in sorted(found.get(pattern, [])) if (c := usable(p)) is not None), None)
        if hit is not None:
            choice = hit
            break
    with _lock:
        _found[dirs] = choice
    return choice


def _user_font(path: Path) -> FontChoice:
    if not path.is_file():
        raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "Font file not found: {path}"),
                             "找不到字体文件：{path}（请检查设置中的报表字体路径）").format(path=path))
    if not truetype_faces(path):
        raise ReportError(tr(
            QT_TRANSLATE_NOOP("reports", "{path} is not a TrueType font (CFF/OpenType outlines cannot be "
                                         "embedded); choose a .ttf or .ttc font such as SimSun or Microsoft YaHei"),
            "{path} 不是 TrueType 字体（CFF/OpenType 轮廓无法嵌入 PDF），请选用 .ttf/.ttc 字体，如宋体、微软雅黑",
        ).format(path=path))
    choice = usable(path)
    if choice is None:
        raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "{path} has no Chinese characters"),
                             "字体 {path} 不含中文字符，无法用于报表").format(path=path))
    return choice


# -- registration ----------------------------------------------------------------------

_registered: dict[FontChoice, ReportFonts] = {}


def register_fonts(choice: FontChoice) -> ReportFonts:
    """Register `choice` with ReportLab (once per process) and return the names to use."""
    from reportlab.pdfbase import pdfmetrics

    with _lock:
        done = _registered.get(choice)
        if done is not None:
            return done
        if choice.path is None:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont

            pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
            fonts = ReportFonts(CID_FONT, False, CID_FONT)
        else:
            from reportlab.pdfbase.ttfonts import TTFont

            name = f"RTCJK{len(_registered)}"
            pdfmetrics.registerFont(TTFont(name, str(choice.path), subfontIndex=choice.subfont))
            source = str(choice.path) + (f"#{choice.subfont}" if choice.subfont else "")
            fonts = ReportFonts(name, True, source)
        _registered[choice] = fonts
        return fonts


def report_fonts(user_path: Path | str | None = None) -> ReportFonts:
    """Find and register the report font in one step."""
    return register_fonts(find_cjk_font(user_path))
