"""How fast is the monthly bulletin? A synthetic round of N cases (default 500), 2 reviewers each.

    python bench/report_bench.py [--cases 500] [--keep DIR]

Writes, through the ORM into a temporary SQLite: a small brigade, five earlier
finalised rounds (for the trend) and one finalised round of N cases with two
reviews each, reconciled items, case results and findings (the real checklists
from checklists/). Then times:

- ours: `ws.reports.monthly()` with the appendix of every score sheet (reading the
  database, building the DTOs, laying out, charts, page x of y, writing the file);
- the floor: plain ReportLab drawing the same tables from the same DTOs with a
  SimpleDocTemplate: Paragraph cells (CJK wrapping), a plain grid, no charts, no
  headers or footers, no page totals, no keep-together, no section rows;

and prints seconds, pages and pages/s for both, and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from review_tool.paths import checklists_dir
from review_tool.reports.fonts import report_fonts
from review_tool.reports.model import MonthlyReport
from review_tool.reports.sample import build_sample
from review_tool.storage.engine import open_database, sqlite_url
from review_tool.workspace import Workspace

MONTHS = ("2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05")


def floor_pdf(r: MonthlyReport, path: Path, font: str) -> None:
    """The same tables, drawn the plainest way ReportLab allows."""
    cell = ParagraphStyle("c", fontName=font, fontSize=7.4, leading=9.2, wordWrap="CJK")
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#999999"), ("FONT", (0, 0), (-1, -1), font, 7.4)])

    def tbl(rows: Sequence[Sequence[object]], widths: list[float]) -> Table:
        t = Table([[Paragraph(str(c), cell) if isinstance(c, str) and len(c) > 6 else c for c in row]
                   for row in rows], colWidths=widths, repeatRows=1)
        t.setStyle(grid)
        return t

    story: list[object] = [Paragraph(r.title, cell)]
    story.append(tbl([["单位", "件数", "平均分"]] + [[u.name, u.cases, str(u.average)] for u in r.units],
                     [200, 60, 60]))
    story.append(tbl([["承办人", "单位", "件数", "平均分"]] + [[o.name, o.unit, o.cases, str(o.average)]
                                                       for o in r.officers], [100, 150, 60, 60]))
    story.append(tbl([["项目", "内容", "件数", "累计"]] + [[p.label, p.text, p.count, str(p.cumulative)]
                                                    for p in r.pareto_items], [80, 300, 40, 50]))
    story.append(tbl([["类别", "件数"]] + [[p.text, p.count] for p in r.pareto_categories], [400, 60]))
    story.append(tbl([["月份", "平均分", "不合格率"]] + [[t.month, str(t.average), str(t.fail_rate)] for t in r.trend],
                     [100, 100, 100]))
    story.append(tbl([["文号", "问题", "情形"]] + [[t.doc_no, t.item_text, t.reason] for t in r.typical],
                     [120, 200, 180]))
    story.append(tbl([["文号", "责任人", "问题", "期限"]] + [[x.doc_no, x.owner, x.problem, x.deadline]
                                                     for x in r.rectifications], [120, 80, 240, 60]))
    story.append(tbl([["文号", "单位", "得分", "等次"]] + [[c.doc_no, c.unit, str(c.total), c.grade]
                                                   for c in r.case_lines], [150, 150, 60, 60]))
    for sh in r.sheets:
        story.append(PageBreak())
        story.append(tbl([["文号", sh.doc_no, "单位", sh.unit_name], ["承办人", "、".join(sh.handlers), "得分",
                                                                   str(sh.total)]], [60, 190, 60, 190]))
        story.append(tbl([["序号", "评查内容", "分值", "结果", "理由"]] + [
            [i.item_id, i.text, str(i.points), i.outcome.value if i.outcome else "", f"{i.reason} {i.where}"]
            for i in sh.items()], [32, 262, 24, 30, 167]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--keep", type=Path, help="keep the database and PDFs in this folder")
    ap.add_argument("--repeat", type=int, default=2, help="layout timings: best of N runs (default 2)")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="report_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.sqlite"
    db.unlink(missing_ok=True)
    url = sqlite_url(db)
    open_database(url, auto_upgrade=True).dispose()
    ws = Workspace.open(url, rules_dir=checklists_dir())

    t0 = time.perf_counter()
    with ws.session_factory() as s, s.begin():
        build_sample(s, ws.rules.checklists, months=MONTHS, cases_per_round=[30] * (len(MONTHS) - 1) + [args.cases],
                     current_finalised=True, problem_rate=0.08)
    t_seed = time.perf_counter() - t0
    print(f"seeded {args.cases} cases (+{30 * (len(MONTHS) - 1)} in earlier rounds) in {t_seed:.1f} s")

    fonts = report_fonts()
    month = MONTHS[-1]
    t0 = time.perf_counter()
    report = ws.reports.monthly_data(month, appendix=True)
    t_data = time.perf_counter() - t0

    ours = folder / "bulletin.pdf"
    t0 = time.perf_counter()
    ws.reports.monthly(month, out=ours)
    t_ours = time.perf_counter() - t0
    n_ours = len(PdfReader(ours).pages)

    from review_tool.reports.bulletin import render_bulletin

    # layout only, ours and the floor alternately, best of `repeat` (the machine may be busy)
    floor = folder / "floor.pdf"
    t_render = t_floor = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        render_bulletin(report, folder / "bulletin_render_only.pdf", fonts)
        t_render = min(t_render, time.perf_counter() - t0)
        t0 = time.perf_counter()
        floor_pdf(report, floor, fonts.regular)
        t_floor = min(t_floor, time.perf_counter() - t0)
    n_floor = len(PdfReader(floor).pages)

    print(f"font: {fonts.source} ({'embedded subset' if fonts.embedded else 'CID, not embedded'})")
    print(f"DTOs alone (one read transaction): {t_data:.2f} s for {len(report.sheets)} score sheets")
    print(f"ours : {t_ours:7.2f} s  {n_ours:5d} pages  {n_ours / t_ours:7.1f} pages/s  (data + layout + write)")
    print(f"ours, layout only: {t_render:7.2f} s  {n_ours / t_render:7.1f} pages/s  (same DTOs as the floor, "
          f"best of {args.repeat})")
    print(f"floor: {t_floor:7.2f} s  {n_floor:5d} pages  {n_floor / t_floor:7.1f} pages/s  (plain tables, same DTOs, best of {args.repeat})")
    print(f"ratio: ours / floor = {t_ours / t_floor:.2f}x time (end to end), {t_render / t_floor:.2f}x (layout only); "
          f"per page {(t_render / n_ours) / (t_floor / n_floor):.2f}x")
    from reportlab.lib import rl_accel

    if type(rl_accel.fp_str).__name__ == "builtin_function_or_method":
        print("reportlab C accelerators (rl_accel): present")
    else:
        print("reportlab C accelerators (rl_accel): absent; `pip install rl_accel` speeds both up")
    if args.keep is None:
        print(f"(files in {folder})")
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
