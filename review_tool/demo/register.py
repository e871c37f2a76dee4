"""The month's case register (案件台账) as .xlsx and as .csv (UTF-8 with BOM, CRLF, as Excel writes it).

The .xlsx has a title row ("平安市消防救援支队2023年5月行政执法案件台账") above the header row, as
registers kept by hand often do; the .csv starts with the header row. Cells vary the way real
registers do: case types by full name or alias, units by full or short name, handlers joined by
"、" or "，", fines as numbers (yuan) or "5000元", dates as Excel dates in the .xlsx and as
2023-05-06, 2023/5/6 or 2023年5月6日 in the .csv.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from review_tool.demo import cn
from review_tool.demo.catalog import CASE_TYPES
from review_tool.demo.model import CasePlan

HEADER = ["文号", "案件类型", "承办单位", "承办人", "当事人", "立案日期", "结案日期", "罚款金额"]
_FIXED_TIME = dt.datetime(2020, 1, 1)


def _rows(rng: random.Random, cases: list[CasePlan]) -> list[list[object]]:
    rows: list[list[object]] = []
    for c in sorted(cases, key=lambda c: (c.closed_on, c.index)):
        name, aliases = CASE_TYPES[c.case_type]
        ctype = name if rng.random() < 0.6 else rng.choice(aliases)
        unit = c.unit.name if rng.random() < 0.6 else c.unit.short_name
        handlers = rng.choice(("、", "，", " ")).join(c.handler_names)
        fine: object = c.fine_fen // 100 if c.fine_fen else ""
        closed: dt.date = c.closed_on
        wrong = c.extra.get("register")
        if wrong and wrong["field"] == "fine":
            fine = wrong["value"] // 100
        elif wrong and wrong["field"] == "closed_on":
            closed = wrong["value"]
        rows.append([c.doc_no, ctype, unit, handlers, c.party.name, c.opened_on, closed, fine])
    return rows


def write_register(out_dir: Path, rng: random.Random, cases: list[CasePlan], year: int, month: int,
                   agency: str) -> tuple[str, str]:
    rows = _rows(rng, cases)
    xlsx_name, csv_name = "案件台账.xlsx", "案件台账.csv"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"{month}月"
    ws.append([f"{agency}{year}年{month}月行政执法案件台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(HEADER)
    for row in rows:
        cells: list[object] = list(row)
        if rng.random() < 0.3 and cells[7] != "":
            cells[7] = f"{cells[7]}元"
        ws.append(cells)
        for col in (6, 7):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCDEFGH", (34, 22, 26, 18, 32, 12, 12, 10), strict=True):
        ws.column_dimensions[letter].width = width
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    wb.properties.creator = agency
    wb.save(out_dir / xlsx_name)

    date_style = rng.choice(("iso", "slash", "cn"))

    def fmt(d: object) -> object:
        if not isinstance(d, dt.date):
            return d
        if date_style == "slash":
            return f"{d.year}/{d.month}/{d.day}"
        return d.isoformat() if date_style == "iso" else cn.date_plain(d)

    with open(out_dir / csv_name, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        for row in rows:
            w.writerow([fmt(v) for v in row])
    return xlsx_name, csv_name
