"""Shared pieces of the CLI: common options, opening the workspace, output helpers."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path
from typing import Any

from review_tool.paths import user_data_dir


class CliError(Exception):
    """An error with a message ready for the user (exit code 1)."""


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help="SQLAlchemy database URL (default: $REVIEW_TOOL_DB or the per-user SQLite file); "
                        "e.g. sqlite:///D:/评查/2023.sqlite or postgresql+psycopg://user:pw@host/db")
    p.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                   help="who is acting (a user's name; default $REVIEW_TOOL_USER)")
    p.add_argument("--rules", metavar="DIR", default=argparse.SUPPRESS,
                   help="rules folder to use instead of the bundled checklists/")
    p.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS,
                   help="language of messages (default zh_CN, or $REVIEW_TOOL_LANG)")


def opt(args: argparse.Namespace, name: str) -> Any:
    return getattr(args, name, None)


def open_workspace(args: argparse.Namespace, *, auto_upgrade: bool | None = None):  # type: ignore[no-untyped-def]
    from review_tool.workspace import Workspace

    rules = opt(args, "rules")
    return Workspace.open(opt(args, "db"), rules_dir=Path(rules) if rules else None, user=opt(args, "user"),
                          auto_upgrade=auto_upgrade)


def fail(message: str, *, code: int = 1) -> int:
    print(f"review-tool: {message}", file=sys.stderr)
    return code


def log_crash(text: str) -> Path:
    folder = user_data_dir() / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(text, encoding="utf-8")
    except OSError:
        print(text, file=sys.stderr)
        return Path("-")
    return path


def money(fen: int | None) -> dict[str, Any] | None:
    """Money in JSON: integer fen with the yuan figure beside it (as text, exact)."""
    if fen is None:
        return None
    return {"fen": fen, "yuan": f"{Decimal(fen) / 100:.2f}"}


def yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"{Decimal(fen) / 100:,.2f}元"


def to_jsonable(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, Fraction):
        from review_tool.rounds.calibration import display

        return display(v, 4)
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, Path):
        return str(v)
    if isinstance(v, dict):
        return {str(k): to_jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [to_jsonable(x) for x in v]
    return v


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table that lines up CJK (double-width) text."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)

    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (cols[i] - width(c)) for i, c in enumerate(cells)).rstrip()

    out = [line(headers), line(["-" * c for c in cols])]
    out += [line(r) for r in rows]
    return "\n".join(out)


class ProgressBar:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self._last = -1

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        pct = int(100 * done / total)
        if pct == self._last and done != total:
            return
        self._last = pct
        bar = "#" * (pct // 4) + "." * (25 - pct // 4)
        sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total} {message[:40]:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
