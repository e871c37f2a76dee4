"""The files: PDF text and pages, Excel and CSV read back, and every bad input leaving nothing behind."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from review_tool.domain.errors import ReviewToolError
from review_tool.progress import Cancelled, CancelToken
from review_tool.reports.errors import ReportError
from review_tool.reports.xlsx import ITEM_COLUMNS

PDFTOPPM = shutil.which("pdftoppm")


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(p.extract_text() or "" for p in reader.pages)


def assert_pages_not_blank(path: Path, tmp: Path) -> None:
    """Render every page with pdftoppm and check each has ink beyond its header and footer."""
    if PDFTOPPM is None:
        pytest.skip("pdftoppm is not installed")
    from PIL import Image

    subprocess.run([PDFTOPPM, "-r", "24", "-gray", "-png", str(path), str(tmp / "page")], check=True)
    pages = sorted(tmp.glob("page-*.png"))
    assert pages
    for page in pages:
        img = Image.open(page)
        w, h = img.size
        body = img.crop((0, int(h * 0.1), w, int(h * 0.9)))
        dark = sum(body.histogram()[:200])
        assert dark > 0.005 * body.size[0] * body.size[1], f"{page.name} looks blank"


def only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(scope="module")
def bulletin(scenario, tmp_path_factory):  # type: ignore[no-untyped-def]
    d = tmp_path_factory.mktemp("bulletin")
    paths = scenario.ws.reports.monthly("2025-05", out=d / "通报.pdf", xlsx=d / "通报.xlsx", csv=d / "明细.csv")
    return d, paths


def test_bulletin_pdf_text(scenario, bulletin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d, paths = bulletin
    assert [p.name for p in paths] == ["通报.pdf", "通报.xlsx", "明细.csv"]
    assert only(d) == ["明细.csv", "通报.pdf", "通报.xlsx"]  # no temporary file left
    n, text = pdf_text(paths[0])
    compact = text.replace(" ", "").replace("\n", "")
    for s in ("评查情况通报", "平安区消防救援大队", "临江县青山镇人民政府", "不合格", "本通报为初稿", "数据说明",
              "承办人得分", "第1页共"):
        assert s in compact, s
    for key in ("A", "B", "C", "D"):
        assert scenario.doc_nos[key] in compact
    assert scenario.sha["A"] in compact  # the appendix's score sheets carry the file's sha256
    assert n >= 8
    assert_pages_not_blank(paths[0], tmp_path)


def test_xlsx_reads_back(scenario, bulletin) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _, paths = bulletin
    wb = load_workbook(paths[1])
    assert {"概况", "单位排名", "承办人得分", "问题（项目）", "问题（类别）", "趋势", "整改清单", "案卷得分明细",
            "数据说明"} <= set(wb.sheetnames)
    report = scenario.ws.reports.monthly_data("2025-05", appendix=False)
    units = wb["单位排名"]
    assert [c.value for c in units[1]][:2] == ["名次", "单位"]
    rows = list(units.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(report.units)
    assert rows[0][1] == report.units[0].name and rows[0][5] == pytest.approx(float(report.units[0].average))
    assert units.cell(row=2, column=6).number_format == "0.00"
    township = next(r for r in rows if r[1] == "临江县青山镇人民政府")
    assert township[2] == "是"
    trend = list(wb["趋势"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in trend] == ["2025-03", "2025-04", "2025-05"]
    assert wb["单位排名"].column_dimensions["B"].width >= 20


def test_csv_of_item_results(scenario, bulletin) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from review_tool.storage.orm import ItemResult, Review, RoundCase

    _, paths = bulletin
    raw = paths[2].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == ITEM_COLUMNS
    rid = scenario.rounds["2025-05"]
    with scenario.ws.session_factory() as s:
        kept = select(RoundCase.case_id).where(RoundCase.round_id == rid, RoundCase.removed.is_(False))
        expected = s.scalar(select(func.count()).select_from(ItemResult).join(Review).where(
            Review.round_id == rid, Review.case_id.in_(kept)))
    assert len(rows) - 1 == expected
    deducted = [r for r in rows[1:] if r[15] == "扣分"]
    assert any(r[1] == scenario.doc_nos["A"] and r[11] == scenario.f2.id and r[19] == "第4–5页" for r in deducted)


def test_score_sheet_pdf(scenario, out_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario.ws.reports.score_sheet(scenario.doc_nos["G"], "2025-03", out=out_dir / "评查表.pdf")
    assert only(out_dir) == ["评查表.pdf"]
    n, text = pdf_text(path)
    compact = text.replace(" ", "").replace("\n", "")
    assert 1 <= n <= 2
    for s in (scenario.doc_nos["G"], scenario.sha["G"], scenario.penalty.title, "会商定稿", "张法明", "法制员",
              scenario.f1.id, "采纳"):
        assert s in compact, s
    assert_pages_not_blank(path, tmp_path)


def test_each_review_sheet_fits_two_pages(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario.ws.reports.score_sheet(scenario.cases["A"], out=out_dir / "a.pdf")
    n, text = pdf_text(path)
    assert n <= 4 and text.count("评查表版本") == 2  # two reviewers, one sheet each


def test_draft_sheet(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario.ws.reports.score_sheet(scenario.cases["E"], out=out_dir / "draft.pdf", draft=True)
    _, text = pdf_text(path)
    assert "草稿" in text


# -- bad input: a clear message, and no file left behind ------------------------------------------------


def test_round_without_submitted_reviews(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportError, match="2025-06.*尚无已提交的评查"):
        scenario.ws.reports.monthly("2025-06", out=out_dir / "x.pdf", xlsx=out_dir / "x.xlsx")
    assert only(out_dir) == []


def test_round_not_found(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportError, match="1999-01"):
        scenario.ws.reports.monthly("1999-01", out=out_dir / "x.pdf")
    assert only(out_dir) == []


def test_case_under_review(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportError, match=f"{scenario.doc_nos['E']}.*尚无已提交的评查.*--draft"):
        scenario.ws.reports.score_sheet(scenario.cases["E"], out=out_dir / "x.pdf")
    assert only(out_dir) == []


def test_missing_font_path(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    missing = out_dir / "没有这个字体.ttf"
    with pytest.raises(ReportError, match="没有这个字体.ttf"):
        scenario.ws.reports.monthly("2025-05", out=out_dir / "x.pdf", font_path=missing)
    assert only(out_dir) == []


@pytest.mark.parametrize("where", ["missing_folder", "is_folder", "parent_is_file", "read_only"])
def test_output_not_writable(scenario, out_dir: Path, where: str) -> None:  # type: ignore[no-untyped-def]
    target = {"missing_folder": out_dir / "nope" / "x.pdf", "is_folder": out_dir,
              "parent_is_file": out_dir / "f.txt" / "x.pdf", "read_only": out_dir / "ro" / "x.pdf"}[where]
    if where == "parent_is_file":
        (out_dir / "f.txt").write_text("x")
    if where == "read_only":
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("permissions are not enforced for root / off POSIX")
        (out_dir / "ro").mkdir()
        (out_dir / "ro").chmod(0o500)
    before = only(out_dir)
    with pytest.raises(ReportError) as info:
        scenario.ws.reports.monthly("2025-05", out=target)
    assert str(target) in str(info.value)
    assert only(out_dir) == before


def test_failure_while_rendering_keeps_previous_file(scenario, out_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old = out_dir / "通报.pdf"
    old.write_bytes(b"previous report")

    def boom(*a: object, **k: object) -> None:
        raise ReviewToolError("render failed")

    monkeypatch.setattr("review_tool.reports.bulletin.render_bulletin", boom)
    with pytest.raises(ReviewToolError):
        scenario.ws.reports.monthly("2025-05", out=old, xlsx=out_dir / "t.xlsx")
    assert only(out_dir) == ["通报.pdf"] and old.read_bytes() == b"previous report"


def test_cancel_leaves_nothing(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        scenario.ws.reports.monthly("2025-05", out=out_dir / "x.pdf", cancel=token)
    assert only(out_dir) == []


def test_progress_reaches_the_end(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    scenario.ws.reports.monthly("2025-04", out=out_dir / "x.pdf",
                                progress=lambda done, total, message="": seen.append((done, total)))
    assert seen[-1] == (100, 100) and all(0 <= d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_read_then_write_on_another_thread(scenario, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The GUI's split: read on the database worker, lay out on another thread (no database there)."""
    from concurrent.futures import ThreadPoolExecutor

    report = scenario.ws.reports.monthly_data("2025-05", items=True)
    sheets = scenario.ws.reports.sheet_data(scenario.doc_nos["A"])
    with ThreadPoolExecutor(1) as pool:
        paths = pool.submit(scenario.ws.reports.write_monthly, report, out=out_dir / "b.pdf",
                            csv=out_dir / "i.csv").result()
        sheet = pool.submit(scenario.ws.reports.write_sheets, sheets, out=out_dir / "s.pdf").result()
    assert [p.name for p in paths] == ["b.pdf", "i.csv"] and sheet.name == "s.pdf"
    assert only(out_dir) == ["b.pdf", "i.csv", "s.pdf"]
    with pytest.raises(ValueError, match="items=True"):
        scenario.ws.reports.write_monthly(scenario.ws.reports.monthly_data("2025-05", appendix=False),
                                          out=out_dir / "c.pdf", csv=out_dir / "c.csv")
