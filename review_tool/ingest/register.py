"""The case register (案件台账): an .xlsx or .csv with one row per case.

Header names are data (`checklists/register.yaml`). Values are normalised the
same way as PDF text (dates in any form, amounts in yuan or capital numerals).
A missing required column fails the whole register with a message naming the
file and the names it accepts; a bad cell is reported with its row and column
and the rest of the row is kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from review_tool.i18n import translate
from review_tool.ingest import textparse
from review_tool.rules.schema import RegisterFile


class RegisterUnreadable(Exception):
    """The register as a whole cannot be used; the message names the file and why."""


@dataclass
class RegisterRow:
    line: int  # row number as the user sees it in Excel (1-based, header included)
    doc_no: str
    values: dict[str, Any] = field(default_factory=dict)  # field -> typed value (date, int fen, tuple names, str)
    raw: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class Register:
    path: Path
    rows: list[RegisterRow]
    columns: dict[str, str]  # field -> header as written
    problems: list[str] = field(default_factory=list)


def _norm_header(s: str) -> str:
    return "".join(textparse.normalize(str(s)).split()).replace("(", "（").replace(")", "）")


def _read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException
            raise RegisterUnreadable(translate("import", "{path}: not a readable .xlsx workbook ({error})").format(
                path=path, error=str(exc)[:120])) from exc
        try:
            ws = wb.worksheets[0]
            return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    if suffix == ".csv":
        data = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK unless told otherwise
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise RegisterUnreadable(translate("import", "{path}: the CSV is neither UTF-8 nor GBK text").format(
                path=path))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    raise RegisterUnreadable(translate("import", "{path}: a register must be .xlsx or .csv").format(path=path))


def _cell(v: Any) -> Any:
    return "" if v is None else v


def read_register(path: Path, spec: RegisterFile) -> Register:
    """Read and type a register.

    Raises:
        RegisterUnreadable: not a register file, no header row, or a required column missing.
    """
    if not path.is_file():
        raise RegisterUnreadable(translate("import", "{path}: no such file").format(path=path))
    rows = _read_rows(path)
    lookup = {_norm_header(h): f for f, names in spec.headers.items() for h in names}
    header_idx = None
    columns: dict[str, int] = {}
    for i, row in enumerate(rows[:15]):  # a title line or two often sits above the header
        found = {lookup[_norm_header(str(c))]: j for j, c in enumerate(row) if _norm_header(str(c)) in lookup}
        if len(found) >= 2 or (found and set(spec.required) <= set(found)):
            header_idx, columns = i, found
            break
    if header_idx is None:
        raise RegisterUnreadable(translate("import", "{path}: no header row found; the first rows should name "
                                           "columns such as {names}").format(
            path=path, names="、".join(spec.headers.get("doc_no", ())[:3] + spec.headers.get("party", ())[:1])))
    missing = [f for f in spec.required if f not in columns]
    if missing:
        f = missing[0]
        raise RegisterUnreadable(translate("import", "{path}: the required column for {field} is missing "
                                           "(accepted headers: {names})").format(
            path=path, field=f, names="、".join(spec.headers.get(f, ()))))  # type: ignore[call-overload]
    header = rows[header_idx]
    out: list[RegisterRow] = []
    for i, row in enumerate(rows[header_idx + 1:], start=header_idx + 2):
        if not any(str(c).strip() for c in row):
            continue
        raw = {f: str(row[j]).strip() if j < len(row) else "" for f, j in columns.items()}
        values: dict[str, Any] = {}
        problems: list[str] = []
        for f, j in columns.items():
            cell = row[j] if j < len(row) else ""
            if cell == "" or cell is None:
                continue
            try:
                values[f] = _typed(f, cell)
            except ValueError as exc:
                problems.append(translate("import", "row {row}, column {col}: {error}").format(
                    row=i, col=header[j], error=exc))
        doc_no = raw.get("doc_no", "")
        if not doc_no:
            problems.append(translate("import", "row {row}: no 文号; the row is ignored").format(row=i))
        out.append(RegisterRow(line=i, doc_no=doc_no, values=values, raw=raw, problems=problems))
    return Register(path=path, rows=out, columns={f: str(header[j]) for f, j in columns.items()})


def _typed(fieldname: str, cell: Any) -> Any:
    if fieldname in {"opened_on", "closed_on", "decided_on"}:
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        hits = textparse.parse_dates(str(cell))
        if not hits:
            raise ValueError(translate("import", "'{value}' is not a date").format(value=cell))
        v = hits[0].value
        return v.date() if isinstance(v, dt.datetime) else v
    if fieldname == "fine":
        if isinstance(cell, bool):
            raise ValueError(translate("import", "'{value}' is not an amount").format(value=cell))
        if isinstance(cell, int):
            return cell * 100
        if isinstance(cell, float):
            try:  # Excel stores numbers as binary floats; go through their shortest decimal text
                return int((Decimal(repr(cell)) * 100).quantize(Decimal(1)))
            except InvalidOperation as exc:
                raise ValueError(translate("import", "'{value}' is not an amount").format(value=cell)) from exc
        text = str(cell).strip()
        fen = textparse.parse_amount_fen(text)
        if fen is None:
            try:  # a plain number in a text cell means yuan
                fen = int((Decimal(text.replace(",", "")) * 100).quantize(Decimal(1)))
            except InvalidOperation:
                raise ValueError(translate("import", "'{value}' is not an amount").format(value=cell)) from None
        return fen
    if fieldname == "handlers":
        return textparse.split_names(str(cell))
    return textparse.normalize(str(cell)).strip()
