"""Importing case files: the front door of the tool.

Files are parsed in worker processes (one per CPU core; no database there);
the results of each case are written in ONE transaction, so a case is either
fully in the database or not at all, and a failed file leaves nothing behind.
Re-importing the same content changes nothing; content that changed since its
import is reported as changed and left alone unless the user asks to replace it.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.enums import FileStatus, UnitKind
from review_tool.domain.timeutil import china_naive_to_aware
from review_tool.i18n import language, translate
from review_tool.ingest import textparse
from review_tool.ingest.assemble import (
    CaseFacts,
    MetadataUnreadable,
    apply_values,
    assemble,
    read_metadata,
)
from review_tool.ingest.pipeline import (
    PdfResult,
    RecordingResult,
    init_worker,
    process_pdf,
    process_recording,
)
from review_tool.ingest.register import Register, RegisterRow, RegisterUnreadable, read_register
from review_tool.ingest.results import ImportItem, ImportReport, ImportStatus
from review_tool.ingest.scan import CaseSource, scan
from review_tool.progress import Cancelled, CancelToken, ProgressCallback
from review_tool.services.base import Service
from review_tool.services.org import OrgService
from review_tool.storage.orm import Case, CaseField, CaseFile, CaseHandler, Document, Recording, Unit

NO_DOC_NO = "（无文号）"


@dataclass
class _Pending:
    source: CaseSource
    pdf: dict[Path, PdfResult]
    rec: dict[Path, RecordingResult]

    @property
    def complete(self) -> bool:
        return len(self.pdf) == len(self.source.pdfs) and len(self.rec) == len(self.source.recordings)


def _relpath(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


class ImportService(Service):
    def vocabulary(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(d.code, d.all_titles()) for d in self.ws.rules.doc_types.values()]

    def labels(self) -> Any:
        from review_tool.paths import checklists_dir
        from review_tool.rules.fields import load_fields

        root = self.ws.rules.root if (self.ws.rules.root / "fields.yaml").is_file() else checklists_dir()
        return load_fields(root / "fields.yaml")

    # -- the entry point ---------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        register: Path | None = None,
        password: str | None = None,
        workers: int | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        replace_changed: bool = False,
    ) -> ImportReport:
        """Import PDFs, case folders and month folders, and optionally a case register.

        Args:
            workers: processes for parsing (default: CPU cores; 1 parses in this process).
            progress: called with (files done, files total, current file name).
            cancel: cases already written stay; the rest is skipped and reported.
            replace_changed: re-import files whose content changed since their import.
        """
        t0 = time.perf_counter()
        report = ImportReport()
        reg: Register | None = None
        if register is not None:
            reg = self._read_register(register, report)
        found = scan([Path(p) for p in paths])
        for r in found.rejected:
            report.items.append(ImportItem(r.path, "folder" if r.path.is_dir() else "file",
                                           ImportStatus.SKIPPED if r.skipped else ImportStatus.FAILED, r.message))
        for path in found.registers:
            if register is None or path.resolve() != register.resolve():
                report.notes.append(translate("import", "{path} looks like a case register; it was not applied "
                                              "(use --register to apply it)").format(path=path))
        if found.cases:
            self._run(found.cases, report, reg, password, workers, progress, cancel, replace_changed)
        if reg is not None and not report.cancelled:
            self._apply_register_to_existing(reg, report)
        report.seconds = time.perf_counter() - t0
        return report

    def _read_register(self, path: Path, report: ImportReport) -> Register | None:
        spec = self.ws.rules.register
        if spec is None:
            report.register_failed = True
            report.items.append(ImportItem(path, "register", ImportStatus.FAILED,
                                           translate("import", "register.yaml could not be loaded")))
            return None
        try:
            reg = read_register(path, spec)
        except RegisterUnreadable as exc:
            report.register_failed = True
            report.items.append(ImportItem(path, "register", ImportStatus.FAILED, str(exc)))
            return None
        except OSError as exc:
            report.register_failed = True
            report.items.append(ImportItem(path, "register", ImportStatus.FAILED, str(exc)))
            return None
        for row in reg.rows:
            report.notes += [f"{path.name}: {p}" for p in row.problems]
        return reg

    # -- parsing in workers, writing per case ----------------------------------------------------
    def _run(self, sources: list[CaseSource], report: ImportReport, reg: Register | None, password: str | None,
             workers: int | None, progress: ProgressCallback | None, cancel: CancelToken | None,
             replace_changed: bool) -> None:
        pending = [_Pending(s, {}, {}) for s in sources]
        by_file: dict[Path, _Pending] = {}
        tasks: list[tuple[str, Path]] = []
        for p in pending:
            for f in p.source.pdfs:
                by_file[f] = p
                tasks.append(("pdf", f))
            for f in p.source.recordings:
                by_file[f] = p
                tasks.append(("rec", f))
        # big files first, so one 1,500-page file does not finish alone at the end
        tasks.sort(key=lambda t: -_size(t[1]))
        total = len(tasks)
        done = 0
        reg_rows = {textparse.doc_no_key(r.doc_no): r for r in reg.rows if r.doc_no} if reg else {}
        used_rows: set[str] = set()
        vocab, labels = self.vocabulary(), self.labels()
        n = workers if workers is not None else (os.cpu_count() or 1)
        n = max(1, min(n, total))

        def finish(kind: str, path: Path, result: PdfResult | RecordingResult) -> None:
            nonlocal done
            p = by_file[path]
            if kind == "pdf":
                assert isinstance(result, PdfResult)
                p.pdf[path] = result
                report.pages += result.pages
            else:
                assert isinstance(result, RecordingResult)
                p.rec[path] = result
            done += 1
            if progress:
                progress(done, total, path.name)
            if p.complete:
                self._store(p, report, reg_rows, used_rows, replace_changed)

        try:
            if n == 1:
                init_worker(vocab, labels)
                for kind, path in tasks:
                    if cancel is not None:
                        cancel.check()
                    finish(kind, path, process_pdf(path, password) if kind == "pdf" else process_recording(path))
            else:
                # spawn, not fork: the GUI calls this from a thread, and forking a threaded Qt process is unsafe
                ctx = multiprocessing.get_context("spawn")
                with cf.ProcessPoolExecutor(n, mp_context=ctx, initializer=init_worker,
                                            initargs=(vocab, labels, language())) as pool:
                    futures = {
                        pool.submit(process_pdf, path, password) if kind == "pdf"
                        else pool.submit(process_recording, path): (kind, path)
                        for kind, path in tasks
                    }
                    broken: list[tuple[str, Path]] = []
                    try:
                        for fut in cf.as_completed(futures):
                            if cancel is not None and cancel.cancelled:
                                raise Cancelled("cancelled")
                            kind, path = futures[fut]
                            try:
                                result = fut.result()
                            except cf.process.BrokenProcessPool:
                                broken.append((kind, path))
                                continue
                            finish(kind, path, result)
                    except BaseException:
                        pool.shutdown(wait=True, cancel_futures=True)
                        raise
                if broken:
                    # worker processes could not start or died (e.g. no __main__ file to spawn from):
                    # parse the rest here rather than fail the import
                    report.notes.append(translate("import", "worker processes were unavailable; "
                                                  "{n} file(s) were read in the main process").format(n=len(broken)))
                    init_worker(vocab, labels)
                    for kind, path in broken:
                        if cancel is not None:
                            cancel.check()
                        finish(kind, path, process_pdf(path, password) if kind == "pdf"
                               else process_recording(path))
        except Cancelled:
            report.cancelled = True
            for p in pending:
                if not p.complete:
                    for f in p.source.pdfs + p.source.recordings:
                        report.items.append(ImportItem(f, "pdf" if f in p.source.pdfs else "recording",
                                                       ImportStatus.SKIPPED, translate("import", "cancelled")))
            report.notes.append(translate("import", "Import cancelled: cases already written are kept; "
                                          "the others were not imported."))

    # -- one case, one transaction -----------------------------------------------------------------
    def _store(self, p: _Pending, report: ImportReport, reg_rows: dict[str, RegisterRow], used_rows: set[str],
               replace_changed: bool) -> None:
        src = p.source
        results = [p.pdf[f] for f in src.pdfs]
        recs = [p.rec[f] for f in src.recordings]
        items: list[ImportItem] = []
        base = src.folder
        for r in results:
            if r.error:
                items.append(ImportItem(r.path, "pdf", ImportStatus.FAILED, r.error, base=base))
        for r in recs:
            if r.error:
                items.append(ImportItem(r.path, "recording", ImportStatus.FAILED, r.error, base=base))
        ok = [r for r in results if r.error is None]
        good_recs = [r for r in recs if r.error is None]
        if not ok:
            for r in good_recs:
                items.append(ImportItem(r.path, "recording", ImportStatus.FAILED,
                                        translate("import", "not imported: no PDF of its case could be read"),
                                        base=base))
            report.items += items
            return
        meta = None
        if src.metadata is not None:
            try:
                meta = read_metadata(src.metadata)
            except MetadataUnreadable as exc:
                report.notes.append(str(exc))
        facts = assemble(ok, self.ws.rules, folder_name=src.folder.name if not src.single_pdf else
                         ok[0].path.stem, metadata=meta)
        row = None
        if facts.doc_no:
            row = reg_rows.get(textparse.doc_no_key(facts.doc_no))
        if row is not None:
            apply_values(facts, row.values, "register", self.ws.rules)
            used_rows.add(textparse.doc_no_key(row.doc_no))
        report.notes += [f"{src.label}: {n}" for n in facts.notes]
        try:
            with self.tx() as s:
                items += self._write_case(s, src, ok, good_recs, facts, replace_changed)
        except Exception as exc:  # the whole case is rolled back; say so on each of its files
            msg = translate("import", "not imported: {error}").format(error=str(exc)[:200])
            items = [i for i in items if i.status is ImportStatus.FAILED]
            items += [ImportItem(r.path, "pdf", ImportStatus.FAILED, msg, base=base) for r in ok]
            items += [ImportItem(r.path, "recording", ImportStatus.FAILED, msg, base=base) for r in good_recs]
        report.items += items

    def _write_case(self, s: Session, src: CaseSource, results: list[PdfResult], recs: list[RecordingResult],
                    facts: CaseFacts, replace_changed: bool) -> list[ImportItem]:
        items: list[ImportItem] = []
        base = src.folder
        doc_no = facts.doc_no or f"{NO_DOC_NO}{src.label}"
        key = textparse.doc_no_key(doc_no) if facts.doc_no else doc_no
        case = s.scalar(select(Case).options(selectinload(Case.files), selectinload(Case.recordings))
                        .where(Case.doc_no_key == key))
        if case is None:  # the same file imported before under another 文号 guess: same case
            hit = s.scalar(select(CaseFile).where(CaseFile.sha256.in_([r.sha256 for r in results])))
            if hit is not None:
                case = s.get(Case, hit.case_id, options=[selectinload(Case.files), selectinload(Case.recordings)])
        created = case is None
        if case is None:
            case = Case(doc_no=doc_no, doc_no_key=key, case_type=facts.case_type or "penalty_general",
                        folder=str(src.folder))
            if facts.case_type is None:
                facts.notes.append(translate("import", "case type not recognised; set to 行政处罚（一般程序）"))
            s.add(case)
            s.flush()
        elif case.folder != str(src.folder):
            moved = all((src.folder / f.relpath).is_file() for f in case.files)
            if moved:
                case.folder = str(src.folder)
        if created:
            self._set_columns(s, case, facts)
        for r in results:
            items.append(self._write_pdf(s, case, src, r, facts, results.index(r), replace_changed, created))
        for r in recs:
            items.append(self._write_recording(s, case, src, r, replace_changed))
        if created or any(i.status in (ImportStatus.IMPORTED, ImportStatus.REPLACED) for i in items):
            self._write_case_facts(s, case, facts)
        s.flush()
        docs_total = sum(len(f.documents) for f in case.files)
        for i in items:
            i.case_id, i.doc_no = case.id, case.doc_no
            if i.kind == "pdf" and i.documents is None:
                i.documents = docs_total
            i.base = base
        self.audit(s, actor=self.ws.user_id, action="import", entity="case", entity_id=case.id, case_id=case.id,
                   after={"files": [(i.path.name, i.status.value) for i in items]})
        return items

    def _write_pdf(self, s: Session, case: Case, src: CaseSource, r: PdfResult, facts: CaseFacts, index: int,
                   replace_changed: bool, created: bool) -> ImportItem:
        rel = _relpath(r.path, src.folder)
        existing = next((f for f in case.files if f.relpath == rel), None)
        same_content = next((f for f in case.files if f.sha256 == r.sha256), None)
        if existing is not None and existing.sha256 == r.sha256:
            if existing.status is not FileStatus.OK:
                existing.status = FileStatus.OK
            return ImportItem(r.path, "pdf", ImportStatus.UNCHANGED, "", documents=len(existing.documents),
                              pages=r.pages)
        if existing is None and same_content is not None:
            return ImportItem(r.path, "pdf", ImportStatus.UNCHANGED,
                              translate("import", "same content as {name}, already imported").format(
                                  name=same_content.relpath), documents=len(same_content.documents), pages=r.pages)
        other = s.scalar(select(CaseFile).where(CaseFile.sha256 == r.sha256, CaseFile.case_id != case.id))
        if other is not None:
            other_case = s.get(Case, other.case_id)
            return ImportItem(r.path, "pdf", ImportStatus.UNCHANGED,
                              translate("import", "same content already imported as case {doc_no}").format(
                                  doc_no=other_case.doc_no if other_case else other.case_id), pages=r.pages)
        if existing is not None:  # same name, different content
            if not replace_changed:
                existing.status = FileStatus.CHANGED
                return ImportItem(r.path, "pdf", ImportStatus.CHANGED, translate(
                    "import", "the content differs from the file imported on {when} (sha256 {old}… → {new}…); "
                    "it was not merged. Re-run with --replace-changed to re-import it.").format(
                    when=existing.imported_at.date(), old=existing.sha256[:12], new=r.sha256[:12]), pages=r.pages)
            before = {"sha256": existing.sha256, "pages": existing.pages}
            manual = [d for d in existing.documents if d.source.value == "manual" and d.last_page <= r.pages]
            for d in list(existing.documents):
                if d not in manual:
                    existing.documents.remove(d)
                    s.delete(d)
            for fld in list(case.fields):
                if fld.case_file_id == existing.id and fld.source == "pdf":
                    case.fields.remove(fld)
                    s.delete(fld)
            s.flush()
            self._fill_file(s, existing, r, keep=manual)
            self._write_doc_facts(s, case, existing, r, facts, index)
            self.audit(s, actor=self.ws.user_id, action="replace_file", entity="case_file", entity_id=existing.id,
                       case_id=case.id, before=before, after={"sha256": r.sha256, "pages": r.pages})
            return ImportItem(r.path, "pdf", ImportStatus.REPLACED, "", documents=len(existing.documents),
                              pages=r.pages)
        f = CaseFile(case_id=case.id, relpath=rel)
        case.files.append(f)
        self._fill_file(s, f, r, keep=[])
        self._write_doc_facts(s, case, f, r, facts, index)
        msg = ""
        if r.textless_pages:
            msg = translate("import", "{n} page(s) without text (scans): index them by hand").format(
                n=len(r.textless_pages))
        if not r.documents:
            msg = (msg + "; " if msg else "") + translate("import", "no document titles recognised")
        return ImportItem(r.path, "pdf", ImportStatus.IMPORTED, msg, documents=len(f.documents), pages=r.pages)

    @staticmethod
    def _fill_file(s: Session, f: CaseFile, r: PdfResult, keep: list[Document]) -> None:
        f.sha256, f.size, f.pages = r.sha256, r.size, r.pages
        f.textless_pages = list(r.textless_pages)
        f.has_outline, f.encrypted, f.status = r.has_outline, r.encrypted, FileStatus.OK
        s.flush()
        kept = [(d.first_page, d.last_page) for d in keep]
        for d in r.documents:
            if any(not (d.last_page < a or d.first_page > b) for a, b in kept):
                continue  # a reviewer's manual range wins over a detected one
            f.documents.append(Document(case_file_id=f.id, doc_type=d.doc_type, title=d.title[:200],
                                        first_page=d.first_page, last_page=d.last_page, source=d.source))
        s.flush()

    @staticmethod
    def _write_doc_facts(s: Session, case: Case, f: CaseFile, r: PdfResult, facts: CaseFacts, index: int) -> None:
        docs = sorted(f.documents, key=lambda d: d.first_page)
        for fact in facts.facts:
            if fact.source != "pdf" or fact.file_index != index or fact.page is None:
                continue
            doc = next((d for d in docs if d.first_page <= fact.page <= d.last_page), None)
            case.fields.append(CaseField(case_id=case.id, document_id=doc.id if doc else None, name=fact.name,
                                         value=fact.value, raw=fact.raw, page=fact.page, case_file_id=f.id,
                                         source="pdf"))

    @staticmethod
    def _write_case_facts(s: Session, case: Case, facts: CaseFacts) -> None:
        """Facts not tied to a PDF page (register, case.json, folder name), replacing earlier ones."""
        for fld in list(case.fields):
            if fld.source in {"register", "metadata", "folder", "file_name"} and any(
                    x.source == fld.source for x in facts.facts):
                case.fields.remove(fld)
                s.delete(fld)
        for fact in facts.facts:
            if fact.source == "pdf" and fact.page is not None:
                continue
            if fact.source == "pdf" and any(f.name == fact.name and f.source == "pdf" for f in case.fields):
                continue
            case.fields.append(CaseField(case_id=case.id, name=fact.name, value=fact.value, raw=fact.raw,
                                         page=None, source=fact.source))

    def _set_columns(self, s: Session, case: Case, facts: CaseFacts) -> None:
        if facts.case_type:
            case.case_type = facts.case_type
        case.party = (facts.party or case.party or "")[:200]
        case.opened_on = facts.opened_on or case.opened_on
        case.decided_on = facts.decided_on or case.decided_on
        case.closed_on = facts.closed_on or case.closed_on
        case.fine_fen = facts.fine_fen if facts.fine_fen is not None else case.fine_fen
        if facts.unit:
            case.unit_id = self._unit_for(s, facts.unit).id
        if facts.handlers:
            existing = {h.officer_id for h in case.handlers}
            for i, name in enumerate(facts.handlers):
                officer = OrgService.officer_by_name(s, name, case.unit_id, create=True)
                assert officer is not None
                if officer.id not in existing:
                    case.handlers.append(CaseHandler(case_id=case.id, officer_id=officer.id, position=i))
                    existing.add(officer.id)

    def _unit_for(self, s: Session, name: str) -> Unit:
        unit = self.ws.org.find_unit(s, name)
        if unit is not None:
            return unit
        kind = UnitKind.BRIGADE
        if any(k in name for k in ("中队", "站")):
            kind = UnitKind.SQUADRON
        elif any(k in name for k in ("镇", "乡", "街道", "综合行政执法")):
            kind = UnitKind.TOWNSHIP
        elif "支队" in name:
            kind = UnitKind.DETACHMENT
        unit = Unit(name=name, short_name=name, kind=kind)
        s.add(unit)
        s.flush()
        return unit

    def _write_recording(self, s: Session, case: Case, src: CaseSource, r: RecordingResult,
                         replace_changed: bool) -> ImportItem:
        rel = _relpath(r.path, src.folder)
        existing = next((x for x in case.recordings if x.relpath == rel), None)
        if existing is not None:
            if existing.sha256 == r.sha256:
                existing.status = FileStatus.OK
                return ImportItem(r.path, "recording", ImportStatus.UNCHANGED)
            if not replace_changed:
                existing.status = FileStatus.CHANGED
                return ImportItem(r.path, "recording", ImportStatus.CHANGED, translate(
                    "import", "the recording differs from the one imported (sha256 {old}… → {new}…); it was not "
                    "merged. Re-run with --replace-changed to re-import it.").format(
                    old=existing.sha256[:12], new=r.sha256[:12]))
            rec = existing
            status = ImportStatus.REPLACED
        else:
            rec = Recording(case_id=case.id, relpath=rel)
            case.recordings.append(rec)
            status = ImportStatus.IMPORTED
        rec.sha256, rec.size, rec.duration_ms = r.sha256, r.size, r.duration_ms
        rec.started_at = china_naive_to_aware(r.started_at) if r.started_at else None
        rec.start_source, rec.device, rec.status = r.start_source, r.device, FileStatus.OK
        rec.step = rec.step or self._link_step(case, rec)
        msg = "" if r.started_at else translate("import", "no start time in the file or its name")
        return ImportItem(r.path, "recording", status, msg)

    def _link_step(self, case: Case, rec: Recording) -> str | None:
        """The recorded step: the document whose time is nearest the recording's start, else by file name."""
        rules = self.ws.rules
        name = rec.relpath
        for code, step in rules.recording_steps.items():
            if step.name[:2] in name:
                return code
        if rec.started_at is None:
            return None
        best: tuple[float, str] | None = None
        docs = {d.id: d for f in case.files for d in f.documents}
        for fld in case.fields:
            if fld.name not in {"inspected_at", "inquiry_start", "served_at", "notified_on", "decided_on"}:
                continue
            doc = docs.get(fld.document_id or -1)
            if doc is None or doc.doc_type not in rules.doc_types or rules.doc_types[doc.doc_type].step is None:
                continue
            when = _as_datetime(fld.value)
            if when is None:
                continue
            gap = abs((when - rec.started_at).total_seconds())
            if gap <= 6 * 3600 and (best is None or gap < best[0]):
                best = (gap, rules.doc_types[doc.doc_type].step or "")
        return best[1] if best else None

    # -- a register on its own ---------------------------------------------------------------------
    def _apply_register_to_existing(self, reg: Register, report: ImportReport) -> None:
        """Register rows for cases already in the database (imported earlier or just now)."""
        unmatched: list[RegisterRow] = []
        with self.tx() as s:
            for row in reg.rows:
                if not row.doc_no:
                    continue
                case = s.scalar(select(Case).options(selectinload(Case.fields), selectinload(Case.handlers))
                                .where(Case.doc_no_key == textparse.doc_no_key(row.doc_no)))
                if case is None:
                    unmatched.append(row)
                    continue
                facts = CaseFacts()
                apply_values(facts, row.values, "register", self.ws.rules)
                self._set_columns_from_register(s, case, facts)
                self._write_case_facts(s, case, facts)
        for row in unmatched:
            report.notes.append(translate("import", "{file} row {row}: 文号 {doc_no} matches no imported case")
                                .format(file=reg.path.name, row=row.line, doc_no=row.doc_no))
        report.items.append(ImportItem(reg.path, "register", ImportStatus.IMPORTED,
                                       translate("import", "{matched} of {rows} rows matched a case").format(
                                           matched=len([r for r in reg.rows if r.doc_no]) - len(unmatched),
                                           rows=len(reg.rows))))

    def _set_columns_from_register(self, s: Session, case: Case, facts: CaseFacts) -> None:
        """The register is the official ledger: its values set the case's columns (PDF values stay as fields)."""
        self._set_columns(s, case, facts)


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _as_datetime(value: str) -> Any:
    import datetime as dt

    try:
        v = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            v = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(12))
        except ValueError:
            return None
    return china_naive_to_aware(v)
