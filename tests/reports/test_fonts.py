"""Font discovery: TrueType only, the user's path or a clear error, the CID fallback."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from review_tool.reports import fonts
from review_tool.reports.errors import ReportError

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_junk_and_cff_are_not_truetype(tmp_path: Path) -> None:
    junk = tmp_path / "simsun.ttc"
    junk.write_bytes(b"not a font at all")
    assert fonts.truetype_faces(junk) == []
    assert fonts.usable(junk) is None
    if NOTO_CFF.is_file():
        assert fonts.truetype_faces(NOTO_CFF) == []  # CFF outlines: ReportLab cannot embed them


@pytest.mark.skipif(not WQY.is_file(), reason="WenQuanYi Zen Hei is not installed")
def test_truetype_collection_found_in_search_dirs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(WQY, tmp_path / "sub" / "wqy-zenhei.ttc")
    (tmp_path / "NotoSansCJK-Regular.ttc").write_bytes(b"OTTO" + b"\0" * 64)  # a CFF look-alike is skipped
    choice = fonts.find_cjk_font(search_dirs=[tmp_path], windows_dir=None)
    assert choice.path == tmp_path / "sub" / "wqy-zenhei.ttc" and choice.embedded


@pytest.mark.skipif(not WQY.is_file(), reason="WenQuanYi Zen Hei is not installed")
def test_windows_fonts_dir_first(tmp_path: Path) -> None:
    win = tmp_path / "Windows" / "Fonts"
    win.mkdir(parents=True)
    shutil.copy(WQY, win / "simhei.ttf")  # stands in for SimHei
    choice = fonts.find_cjk_font(search_dirs=[], windows_dir=win)
    assert choice.path == win / "simhei.ttf"


def test_fallback_to_cid_when_nothing_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "default_search_dirs", lambda: [tmp_path])
    monkeypatch.setattr(sys, "platform", "linux")
    choice = fonts.find_cjk_font()
    assert choice.path is None and not choice.embedded
    registered = fonts.register_fonts(choice)
    assert registered.regular == fonts.CID_FONT and not registered.embedded


def test_sheet_renders_with_cid_font(scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fonts, "default_search_dirs", lambda: [tmp_path / "empty"])
    monkeypatch.setattr(sys, "platform", "linux")
    out = scenario.ws.reports.score_sheet(scenario.cases["G"], out=tmp_path / "cid.pdf")
    reader = PdfReader(out)
    font_names = {str(f) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()
                  for f in [f.get_object()["/BaseFont"]]}
    assert any("STSong-Light" in n for n in font_names)
    assert 1 <= len(reader.pages) <= 2


def test_missing_user_font_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="找不到字体文件.*nothing.ttf"):
        fonts.find_cjk_font(tmp_path / "nothing.ttf")


@pytest.mark.skipif(not NOTO_CFF.is_file(), reason="Noto CJK (CFF) is not installed")
def test_cff_user_font_is_an_error() -> None:
    with pytest.raises(ReportError, match="TrueType"):
        fonts.find_cjk_font(NOTO_CFF)


@pytest.mark.skipif(not WQY.is_file(), reason="WenQuanYi Zen Hei is not installed")
def test_embedded_font_subset(scenario, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = scenario.ws.reports.score_sheet(scenario.cases["G"], out=tmp_path / "ttf.pdf", font_path=WQY)
    reader = PdfReader(out)
    fonts_used = [f.get_object() for f in (reader.pages[0]["/Resources"].get("/Font") or {}).values()]
    assert any("/FontFile2" in str(f.get("/DescendantFonts", f)) or f.get("/Subtype") == "/TrueType"
               or "+" in str(f.get("/BaseFont")) for f in fonts_used)
    assert out.stat().st_size < 400_000  # a subset, not the 17 MB collection
