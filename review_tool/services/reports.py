"""Reports: score sheets (评查表) and the monthly bulletin (评查情况通报), as PDF, Excel and CSV.

Each call reads the database in ONE read transaction (building frozen DTOs, see
`reports.data`), then renders without touching the database, so the GUI may run
the rendering on a worker thread. Files are written to temporary files beside the
targets and moved into place only when all are complete (`reports.output`): a
failure or a cancel leaves no partial file and keeps the previous report.

Errors the user can act on are `ReportError` with a message naming the round,
case or path: round not found, nothing submitted yet, a font path that doesn't
exist, an output that cannot be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from review_tool.progress import CancelToken, ProgressCallback, scaled
from review_tool.reports.data import MonthlyReport, ScoreSheet, build_monthly, build_sheets, resolve_round
from review_tool.reports.errors import ReportError
from review_tool.reports.fonts import ReportFonts, report_fonts
from review_tool.reports.output import AtomicOutputs
from review_tool.services.base import Service

__all__ = ["ReportError", "ReportService"]


class ReportService(Service):
    # -- content (no files) -----------------------------------------------------------------
    def sheet_data(self, case: str | int, round: str | int | None = None, *,
                   draft: bool = False) -> list[ScoreSheet]:
        """The score sheets of a case (文号 or id) in a round (default: the latest round it is in)."""
        case_id = self.ws.cases.resolve(case)
        with self.tx() as s:
            return build_sheets(s, self.ws, case_id, round, draft=draft)

    def monthly_data(self, round_ref: str | int, *, appendix: bool = True, items: bool = False,
                     progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> MonthlyReport:
        """The bulletin's content for a round (month YYYY-MM or id)."""
        with self.tx() as s:
            rnd = resolve_round(s, round_ref)
            return build_monthly(s, self.ws, rnd, appendix=appendix, items=items, progress=progress, cancel=cancel)

    # -- files ---------------------------------------------------------------------------------
    def fonts(self, font_path: Path | str | None = None) -> ReportFonts:
        """The report font: `font_path`, else the settings' `report_font`, else a system CJK font."""
        if font_path is None:
            font_path = getattr(self.ws.rules.settings, "report_font", None) or None
        return report_fonts(font_path)

    def score_sheet(self, case: str | int, round: str | int | None = None, *,
                    out: Path | str, draft: bool = False, font_path: Path | str | None = None,
                    cancel: CancelToken | None = None) -> Path:
        """Write the score sheet(s) of a case to `out` (PDF); returns the path written.

        A reconciled case gets its agreed sheet; otherwise one sheet per submitted
        review; with `draft`, reviews still under way too (watermarked 草稿).
        """
        from review_tool.reports.sheet import render_sheets

        fonts = self.fonts(font_path)
        with AtomicOutputs() as files:
            tmp = files.add(out)  # before reading: an unwritable target fails at once
            sheets = self.sheet_data(case, round, draft=draft)
            render_sheets(sheets, tmp, fonts, cancel=cancel)
            return files.commit()[0]

    def write_sheets(self, sheets: list[ScoreSheet], *, out: Path | str, font_path: Path | str | None = None,
                     cancel: CancelToken | None = None) -> Path:
        """Write sheets from `sheet_data()` to a PDF. No database access: for a worker thread."""
        from review_tool.reports.sheet import render_sheets

        fonts = self.fonts(font_path)
        with AtomicOutputs() as files:
            render_sheets(sheets, files.add(out), fonts, cancel=cancel)
            return files.commit()[0]

    def monthly(self, round_ref: str | int, *, out: Path | str, xlsx: Path | str | None = None,
                csv: Path | str | None = None, font_path: Path | str | None = None, appendix: bool = True,
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> list[Path]:
        """Write the bulletin PDF (and optionally its Excel workbook and the CSV of item results).

        Returns the paths written, PDF first. Progress: reading 0–25 %, PDF 25–92 %,
        Excel and CSV the rest.
        """
        fonts = self.fonts(font_path)
        with AtomicOutputs() as files:
            # temporary files first: an unwritable target fails before the long work
            temps = (files.add(out), files.add(xlsx) if xlsx is not None else None,
                     files.add(csv) if csv is not None else None)
            _tick(progress, 0, "读取评查数据")
            report = self.monthly_data(round_ref, appendix=appendix, items=csv is not None,
                                       progress=scaled(progress, 2, 25), cancel=cancel)
            _write_monthly(report, *temps, fonts=fonts, progress=scaled(progress, 25, 100), cancel=cancel)
            written = files.commit()
            _tick(progress, 100, "完成")
            return written

    def write_monthly(self, report: MonthlyReport, *, out: Path | str, xlsx: Path | str | None = None,
                      csv: Path | str | None = None, font_path: Path | str | None = None,
                      progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> list[Path]:
        """Write a bulletin built by `monthly_data()` (with `items=True` for a CSV).

        No database access: the GUI reads on its database worker and writes here on
        another thread, so a long layout never holds the database.
        """
        if csv is not None and not report.item_rows:
            raise ValueError("build the report with monthly_data(items=True) to write the CSV")
        fonts = self.fonts(font_path)
        with AtomicOutputs() as files:
            temps = (files.add(out), files.add(xlsx) if xlsx is not None else None,
                     files.add(csv) if csv is not None else None)
            _write_monthly(report, *temps, fonts=fonts, progress=progress, cancel=cancel)
            written = files.commit()
            _tick(progress, 100, "完成")
            return written


def _write_monthly(report: MonthlyReport, pdf: Path, xlsx: Path | None, csv: Path | None, *, fonts: ReportFonts,
                   progress: ProgressCallback | None, cancel: CancelToken | None) -> None:
    """Render into the (temporary) files; progress 0–90 % for the PDF, the rest for Excel and CSV."""
    from review_tool.reports.bulletin import render_bulletin
    from review_tool.reports.xlsx import write_item_csv, write_workbook

    render_bulletin(report, pdf, fonts, progress=scaled(progress, 0, 90), cancel=cancel)
    if xlsx is not None:
        _tick(progress, 91, "导出 Excel")
        write_workbook(report, xlsx)
    if csv is not None:
        _tick(progress, 96, "导出 CSV")
        with csv.open("w", encoding="utf-8-sig", newline="") as fh:
            write_item_csv(report.item_rows, fh)
    if cancel is not None:
        cancel.check()


def _tick(progress: Any, done: int, message: str) -> None:
    if progress is not None:
        progress(done, 100, message)
