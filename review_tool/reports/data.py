"""Report content from the database, as frozen DTOs (the Gramps split: content here, drawing elsewhere).

- `build_sheets(s, ws, case_id, round_ref, draft=...)` → the score sheets (`ScoreSheet`) of a case;
- `build_monthly(s, ws, round, appendix=...)` → the bulletin of a round (`MonthlyReport`).

Both run inside the caller's single read transaction and return data only, so the
numbers are tested without any PDF and rendering needs no database.
"""

from __future__ import annotations

from review_tool.reports.model import (
    CaseLine,
    FileRef,
    GradeRow,
    LowItem,
    MonthlyReport,
    ParetoRow,
    ProblemRow,
    RankRow,
    RectRow,
    ScoreSheet,
    SheetItem,
    SheetSection,
    TrendPoint,
    TypeRow,
    VersionRow,
)
from review_tool.reports.monthly_data import build_monthly
from review_tool.reports.sheet_data import build_sheets, resolve_round, round_label

__all__ = [
    "CaseLine", "FileRef", "GradeRow", "LowItem", "MonthlyReport", "ParetoRow", "ProblemRow", "RankRow", "RectRow",
    "ScoreSheet", "SheetItem", "SheetSection", "TrendPoint", "TypeRow", "VersionRow", "build_monthly",
    "build_sheets", "resolve_round", "round_label",
]
