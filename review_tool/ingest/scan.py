"""Turning the paths a user gives into cases to import.

A path may be:
- a PDF file: one case, its folder being the file's folder;
- a **case folder**: a folder with a metadata file (`case.json`), or with PDFs and
  no sub-folder holding PDFs; all its PDFs and recordings belong to one case;
- a **month folder**: any other folder; each sub-folder is scanned the same way,
  and loose PDFs in it are one case each.

Anything that cannot be a case file (a folder named `x.pdf`, a symlink loop,
an unreadable entry, a FIFO) becomes a `Rejected` entry with a message; the
scan never stops on one bad entry.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from review_tool.i18n import translate
from review_tool.ingest.media import MEDIA_SUFFIXES

METADATA_NAMES = ("case.json", "案件信息.json")
REGISTER_SUFFIXES = frozenset({".xlsx", ".csv"})


@dataclass
class CaseSource:
    """The files of one case, relative to its folder."""

    folder: Path
    pdfs: list[Path] = field(default_factory=list)
    recordings: list[Path] = field(default_factory=list)
    metadata: Path | None = None
    single_pdf: bool = False  # a loose PDF: its folder holds other cases too

    @property
    def label(self) -> str:
        return self.pdfs[0].name if self.single_pdf and self.pdfs else self.folder.name


@dataclass(frozen=True)
class Rejected:
    path: Path
    message: str
    skipped: bool = False  # nothing is wrong with it: it was already scanned through another path


@dataclass
class ScanResult:
    cases: list[CaseSource] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    registers: list[Path] = field(default_factory=list)  # 台账 files seen in month folders (not auto-applied)


def _is_pdf_name(p: Path) -> bool:
    return p.suffix.lower() == ".pdf"


def _is_media_name(p: Path) -> bool:
    return p.suffix.lower() in MEDIA_SUFFIXES


class _Scanner:
    def __init__(self) -> None:
        self.result = ScanResult()
        self._seen_dirs: set[str] = set()

    def reject(self, path: Path, message: str, *, skipped: bool = False) -> None:
        self.result.rejected.append(Rejected(path, message, skipped))

    def _entries(self, folder: Path) -> list[Path] | None:
        try:
            return sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            self.reject(folder, translate("import", "the folder cannot be read: {error}").format(
                error=exc.strerror or exc))
            return None

    def _enter(self, folder: Path) -> bool:
        """False (and a rejection) when this folder was already visited: a symlink loop."""
        try:
            real = os.path.realpath(folder, strict=True)
        except (OSError, RuntimeError) as exc:
            self.reject(folder, translate("import", "the path cannot be resolved (a symbolic link loop?): {error}")
                        .format(error=getattr(exc, "strerror", None) or exc))
            return False
        if real in self._seen_dirs:
            self.reject(folder, translate("import", "skipped: this folder was already scanned through another path "
                                          "(a symbolic link loop or a duplicate path)"), skipped=True)
            return False
        self._seen_dirs.add(real)
        return True

    def classify_file(self, path: Path) -> str | None:
        """'pdf', 'media', 'metadata', 'register', or None (ignored); rejects bad entries."""
        try:
            if path.is_symlink() and not path.exists():
                try:
                    os.stat(path)
                except OSError as exc:
                    if exc.errno == errno.ELOOP:  # a→b→a: no target to find
                        self.reject(path, translate("import", "the path cannot be resolved (a symbolic link "
                                                    "loop?): {error}").format(error=exc.strerror or exc))
                        return None
                self.reject(path, translate("import", "a broken link: its target does not exist"))
                return None
            is_dir = path.is_dir()
            is_file = path.is_file()
        except OSError as exc:  # e.g. ELOOP for a link to itself
            self.reject(path, translate("import", "the path cannot be resolved (a symbolic link loop?): {error}")
                        .format(error=exc.strerror or exc))
            return None
        if is_dir:
            return "dir"
        name = path.name
        if _is_pdf_name(path) or _is_media_name(path):
            if not is_file:
                self.reject(path, translate("import", "not a regular file (a device or pipe?)"))
                return None
            if not os.access(path, os.R_OK):
                self.reject(path, translate("import", "the file cannot be read (permission denied)"))
                return None
            return "pdf" if _is_pdf_name(path) else "media"
        if name in METADATA_NAMES:
            return "metadata"
        if path.suffix.lower() in REGISTER_SUFFIXES:
            return "register"
        return None

    def scan_path(self, path: Path) -> None:
        kind = self.classify_file(path)
        if kind == "dir":
            if _is_pdf_name(path):
                self.reject(path, translate("import", "a folder named like a PDF file; nothing to import"))
                return
            self.scan_folder(path)
        elif kind == "pdf":
            self.result.cases.append(CaseSource(folder=path.parent, pdfs=[path], single_pdf=True))
        elif kind == "media":
            self.reject(path, translate("import", "a recording on its own: import the case folder that holds it"))
        elif kind is None and not any(r.path == path for r in self.result.rejected):
            if not path.exists() and not path.is_symlink():
                self.reject(path, translate("import", "no such file or folder"))
            else:
                self.reject(path, translate("import", "not a PDF, a recording or a folder; nothing to import"))

    def scan_folder(self, folder: Path) -> None:
        if not self._enter(folder):
            return
        entries = self._entries(folder)
        if entries is None:
            return
        kinds = {p: self.classify_file(p) for p in entries}
        subdirs = [p for p, k in kinds.items() if k == "dir"]
        pdfs = [p for p, k in kinds.items() if k == "pdf"]
        media = [p for p, k in kinds.items() if k == "media"]
        metadata = next((p for p, k in kinds.items() if k == "metadata"), None)
        for d in subdirs:
            if _is_pdf_name(d):
                self.reject(d, translate("import", "a folder named like a PDF file; nothing to import"))
        subdirs = [d for d in subdirs if not _is_pdf_name(d)]
        case_like = metadata is not None or (pdfs and not any(self._holds_pdfs(d) for d in subdirs))
        if case_like:
            src = CaseSource(folder=folder, pdfs=list(pdfs), recordings=list(media), metadata=metadata)
            # recordings are often kept in a sub-folder (音像资料/, 执法记录仪/)
            for d in subdirs:
                self._collect_media(d, src)
            if not src.pdfs:
                self.reject(folder, translate("import", "the case folder holds no PDF case file"))
                return
            self.result.cases.append(src)
            return
        self.result.registers += [p for p, k in kinds.items() if k == "register"]
        for p in pdfs:
            self.result.cases.append(CaseSource(folder=folder, pdfs=[p], single_pdf=True))
        for p in media:
            self.reject(p, translate("import", "a recording outside any case folder; put it in its case's folder"))
        for d in subdirs:
            self.scan_folder(d)

    def _holds_pdfs(self, folder: Path, depth: int = 0) -> bool:
        if depth > 6:
            return False
        try:
            for p in folder.iterdir():
                if p.is_file() and _is_pdf_name(p):
                    return True
                if p.is_dir() and not p.is_symlink() and self._holds_pdfs(p, depth + 1):
                    return True
        except OSError:
            return False
        return False

    def _collect_media(self, folder: Path, src: CaseSource, depth: int = 0) -> None:
        if depth > 4 or not self._enter(folder):
            return
        for p in self._entries(folder) or []:
            kind = self.classify_file(p)
            if kind == "media":
                src.recordings.append(p)
            elif kind == "dir":
                self._collect_media(p, src, depth + 1)


def scan(paths: list[Path]) -> ScanResult:
    s = _Scanner()
    for p in paths:
        s.scan_path(p)
    s.result.cases = _without_repeats(s.result.cases)
    return s.result


def _real(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


def _without_repeats(cases: list[CaseSource]) -> list[CaseSource]:
    """A PDF given on its own AND inside its case folder (or given twice) is one file of one case.

    Every file must belong to exactly one source: the importer writes a case once all its files are read,
    so a file shared by two sources would leave one of them waiting forever and its other files unreported.
    """
    in_folders = {_real(f) for c in cases if not c.single_pdf for f in c.pdfs}
    seen: set[str] = set()
    out: list[CaseSource] = []
    for c in cases:
        if c.single_pdf:
            real = _real(c.pdfs[0])
            if real in in_folders or real in seen:
                continue
            seen.add(real)
        out.append(c)
    return out
