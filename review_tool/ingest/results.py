"""What an import reports, per input file and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # content differs from what was imported: reported, not merged
    REPLACED = "replaced"  # changed, and re-imported because the user asked
    FAILED = "failed"
    SKIPPED = "skipped"  # not processed: cancelled, or already covered by another path given


STATUS_ZH = {
    ImportStatus.IMPORTED: "已导入",
    ImportStatus.UNCHANGED: "未变化",
    ImportStatus.CHANGED: "内容已变",
    ImportStatus.REPLACED: "已更新",
    ImportStatus.FAILED: "失败",
    ImportStatus.SKIPPED: "已跳过",
}


@dataclass
class ImportItem:
    path: Path
    kind: str  # pdf | recording | folder | register
    status: ImportStatus
    message: str = ""
    case_id: int | None = None
    doc_no: str | None = None
    documents: int | None = None
    pages: int | None = None
    base: Path | None = None  # for display: the path relative to this

    @property
    def status_label(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def path_display(self) -> str:
        if self.base is not None:
            try:
                return str(self.path.relative_to(self.base))
            except ValueError:
                pass
        return str(self.path)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "kind": self.kind, "status": self.status.value, "message": self.message,
            "case_id": self.case_id, "case": self.doc_no, "documents": self.documents, "pages": self.pages,
        }


@dataclass
class ImportReport:
    items: list[ImportItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    register_failed: bool = False
    cancelled: bool = False
    seconds: float = 0.0
    pages: int = 0

    def count(self, status: ImportStatus) -> int:
        return sum(1 for i in self.items if i.status is status)

    @property
    def ok(self) -> bool:
        return not self.register_failed and all(i.status is not ImportStatus.FAILED for i in self.items)

    def summary_line(self) -> str:
        parts = [f"{STATUS_ZH[s]} {self.count(s)}" for s in ImportStatus if self.count(s)]
        cases = len({i.case_id for i in self.items if i.case_id is not None})
        tail = "（已取消）" if self.cancelled else ""
        return f"共 {len(self.items)} 个文件，涉及 {cases} 件案卷：{'，'.join(parts) or '无'}{tail}"

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [i.to_json() for i in self.items],
            "notes": self.notes,
            "summary": {s.value: self.count(s) for s in ImportStatus},
            "register_failed": self.register_failed,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "ok": self.ok,
        }
