"""`review-tool report sheet|monthly`: score sheets and the monthly bulletin."""

from __future__ import annotations

import argparse
from pathlib import Path

from review_tool.cli.common import ProgressBar, open_workspace


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    rep = sub.add_parser("report", parents=[common], help="reports: score sheets, the monthly bulletin")
    rsub = rep.add_subparsers(dest="report_command", metavar="ACTION", required=True)

    sheet = rsub.add_parser("sheet", parents=[common], help="the score sheet (评查表) of a case, as PDF")
    sheet.add_argument("case", metavar="CASE", help="文号 (any bracket style), part of it, or the case id")
    sheet.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument("--round", metavar="YYYY-MM", help="the round (default: the latest round the case is in)")
    sheet.add_argument("--draft", action="store_true",
                       help="include reviews still under way, watermarked 草稿 (for the legal officer)")
    sheet.add_argument("--font", type=Path, metavar="PATH", help="a TrueType CJK font (.ttf/.ttc) to embed")
    sheet.set_defaults(handler=sheet_cmd)

    monthly = rsub.add_parser("monthly", parents=[common],
                              help="the monthly bulletin (评查情况通报) of a round, as PDF (+ Excel, CSV)")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="the round's month (or its id)")
    monthly.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    monthly.add_argument("--xlsx", type=Path, metavar="FILE", help="also write the tables as an Excel workbook")
    monthly.add_argument("--csv", type=Path, metavar="FILE", help="also write every item result as CSV (UTF-8)")
    monthly.add_argument("--no-appendix", action="store_true", help="leave out the appendix of score sheets")
    monthly.add_argument("--font", type=Path, metavar="PATH", help="a TrueType CJK font (.ttf/.ttc) to embed")
    monthly.set_defaults(handler=monthly_cmd)


def sheet_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        path = ws.reports.score_sheet(args.case, args.round, out=args.output, draft=args.draft, font_path=args.font)
    print(f"已生成评查表：{path}")
    return 0


def monthly_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        paths = ws.reports.monthly(args.month, out=args.output, xlsx=args.xlsx, csv=args.csv, font_path=args.font,
                                   appendix=not args.no_appendix, progress=ProgressBar("生成通报"))
    for p in paths:
        print(f"已生成：{p}")
    return 0
