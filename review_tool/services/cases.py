"""Cases: listing, details, the document index (and fixing it by hand), file integrity."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.enums import (
    AssignmentStatus,
    FileStatus,
    IndexSource,
    ReviewStatus,
    Role,
    RoundStatus,
)
from review_tool.domain.errors import NotFound, UsageError
from review_tool.i18n import translate
from review_tool.ingest.fingerprint import sha256_file
from review_tool.services.base import Service
from review_tool.services.dto import (
    CaseDetail,
    CaseRow,
    Disagreement,
    DocumentDTO,
    FieldDTO,
    FileDTO,
    RecordingDTO,
)
from review_tool.storage.orm import (
    Assignment,
    Case,
    CaseField,
    CaseFile,
    CaseHandler,
    CaseResult,
    Document,
    Officer,
    Recording,
    Review,
    ReviewRound,
    RoundCase,
    Unit,
    User,
)

CASE_LEVEL_FIELDS = ("doc_no", "case_type", "unit", "handlers", "party", "opened_on", "closed_on", "decided_on",
                     "fine_fen")


@dataclass(frozen=True)
class FileCheck:
    file_id: int | None
    recording_id: int | None
    relpath: str
    status: FileStatus
    message: str


class CaseService(Service):
    # -- look-up -------------------------------------------------------------------
    def resolve(self, ref: str | int) -> int:
        """A case id from an id, a 文号 in any bracket style, or a unique part of one."""
        from review_tool.ingest.textparse import doc_no_key

        with self.tx() as s:
            if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and len(ref) < 9):
                c = s.get(Case, int(ref))
                if c is not None:
                    return c.id
            text = str(ref)
            c = s.scalar(select(Case).where(Case.doc_no_key == doc_no_key(text)))
            if c is not None:
                return c.id
            like = list(s.scalars(select(Case).where(Case.doc_no.contains(text.strip())).limit(3)))
            if len(like) == 1:
                return like[0].id
            if len(like) > 1:
                raise UsageError(translate("cases", "{ref} matches several cases: {list}").format(
                    ref=ref, list="、".join(c.doc_no for c in like)))
            raise NotFound(translate("cases", "No case {ref}").format(ref=ref))

    # -- rows ---------------------------------------------------------------------------
    def list_cases(self, *, round_id: int | None = None, reviewer_id: int | None = None,
                   case_type: str | None = None, unit_id: int | None = None) -> list[CaseRow]:
        """The case list; with a round, only its cases; with a reviewer, their progress."""
        with self.tx() as s:
            q = select(Case).options(
                selectinload(Case.unit), selectinload(Case.handlers).selectinload(CaseHandler.officer),
            ).order_by(Case.closed_on.desc().nulls_last(), Case.doc_no)
            if round_id is not None:
                q = q.join(RoundCase, RoundCase.case_id == Case.id).where(
                    RoundCase.round_id == round_id, RoundCase.removed.is_(False))
            if case_type:
                q = q.where(Case.case_type == case_type)
            if unit_id is not None:
                q = q.where(Case.unit_id == unit_id)
            cases = list(s.scalars(q))
            ids = [c.id for c in cases]
            return self._rows(s, cases, ids, round_id=round_id, reviewer_id=reviewer_id)

    def _rows(self, s: Session, cases: list[Case], ids: list[int], *, round_id: int | None,
              reviewer_id: int | None) -> list[CaseRow]:
        pages: dict[int, int] = dict(
            s.execute(select(CaseFile.case_id, func.sum(CaseFile.pages)).where(CaseFile.case_id.in_(ids))
                      .group_by(CaseFile.case_id)).all()  # type: ignore[arg-type]
        )
        bad_files = set(s.scalars(select(CaseFile.case_id).where(
            CaseFile.case_id.in_(ids), CaseFile.status != FileStatus.OK)))
        recs: dict[int, int] = dict(
            s.execute(select(Recording.case_id, func.count()).where(Recording.case_id.in_(ids))
                      .group_by(Recording.case_id)).all()  # type: ignore[arg-type]
        )
        reviews_q = select(Review).where(Review.case_id.in_(ids))
        if round_id is not None:
            reviews_q = reviews_q.where(Review.round_id == round_id)
        by_case: dict[int, list[Review]] = defaultdict(list)
        for r in s.scalars(reviews_q):
            by_case[r.case_id].append(r)
        results: dict[int, CaseResult] = {}
        counted: dict[int, set[int]] = defaultdict(set)  # in a round, only the assigned reviewers' reviews count
        blind = False
        if round_id is not None:
            for cr in s.scalars(select(CaseResult).where(CaseResult.round_id == round_id)):
                results[cr.case_id] = cr
            for case_id, rid in s.execute(select(Assignment.case_id, Assignment.reviewer_id).where(
                    Assignment.round_id == round_id, Assignment.status == AssignmentStatus.DEPLOYED)):
                counted[case_id].add(rid)
            rnd = s.get(ReviewRound, round_id)
            blind = rnd is not None and rnd.blind and rnd.status is not RoundStatus.FINALISED
        # Blind review: a reviewer (or nobody in particular) sees a case's score only once their own review of
        # it is submitted, or once the round is finalised; legal officers and chiefs always.
        viewer = s.get(User, self.ws.user_id) if self.ws.user_id is not None else None
        privileged = viewer is not None and viewer.role in (Role.LEGAL_OFFICER, Role.CHIEF)
        hidden = set() if privileged else self._handlers_hidden(s, ids, round_id)
        mine_counts: dict[int, int] = {}
        assigned: set[int] = set()
        if reviewer_id is not None and round_id is not None:
            assigned = set(s.scalars(select(Assignment.case_id).where(
                Assignment.round_id == round_id, Assignment.reviewer_id == reviewer_id,
                Assignment.status == AssignmentStatus.DEPLOYED, Assignment.case_id.in_(ids))))
        if reviewer_id is not None:
            mine = [r.id for rs in by_case.values() for r in rs if r.reviewer_id == reviewer_id]
            if mine:
                from review_tool.storage.orm import ItemResult

                mine_counts = dict(
                    s.execute(select(ItemResult.review_id, func.count()).where(ItemResult.review_id.in_(mine))
                              .group_by(ItemResult.review_id)).all()  # type: ignore[arg-type]
                )
        rows = []
        for c in cases:
            my = next((r for r in by_case.get(c.id, []) if r.reviewer_id == reviewer_id), None)
            reviews = by_case.get(c.id, [])
            if round_id is not None:
                reviews = [r for r in reviews if r.reviewer_id in counted[c.id]]
            score, grade = self._case_score(reviews, results.get(c.id))
            if not privileged and (blind or round_id is None) and not any(
                    viewer is not None and r.reviewer_id == viewer.id and r.status is ReviewStatus.SUBMITTED
                    for r in reviews):
                score, grade = None, None
            rows.append(CaseRow(
                id=c.id, doc_no=c.doc_no, case_type=c.case_type,
                case_type_name=self.ws.rules.case_type_name(c.case_type),
                unit_id=c.unit_id, unit_name=c.unit.name if c.unit else "",
                handlers=() if c.id in hidden else tuple(h.officer.name for h in c.handlers), party=c.party,
                status=c.status,
                opened_on=c.opened_on, closed_on=c.closed_on, fine_fen=c.fine_fen,
                pages=int(pages.get(c.id, 0) or 0), recordings=int(recs.get(c.id, 0)),
                my_review_id=my.id if my else None, my_status=my.status if my else None,
                my_reviewed=mine_counts.get(my.id, 0) if my else 0,
                my_items=len(self.ws.checklist_of_version(my.checklist_version_id).items()) if my else 0,
                score=score, grade=grade, file_problem=c.id in bad_files,
                my_score=my.total if my else None, my_grade=my.grade if my else None,
                my_assigned=c.id in assigned,
            ))
        return rows

    @staticmethod
    def _handlers_hidden(s: Session, ids: list[int], round_id: int | None) -> set[int]:
        """Cases whose handlers a reviewer must not see: in a round (this one, or with no round given any
        round) that hides them and is not finalised yet."""
        q = select(RoundCase.case_id).join(ReviewRound, ReviewRound.id == RoundCase.round_id).where(
            RoundCase.case_id.in_(ids), RoundCase.removed.is_(False), ReviewRound.hide_handler.is_(True),
            ReviewRound.status != RoundStatus.FINALISED)
        if round_id is not None:
            q = q.where(RoundCase.round_id == round_id)
        return set(s.scalars(q))

    @staticmethod
    def _case_score(reviews: list[Review], result: CaseResult | None) -> tuple[Decimal | None, str | None]:
        if result is not None:
            return result.total, result.grade
        done = [r for r in reviews if r.status is ReviewStatus.SUBMITTED and r.total is not None]
        if not done:
            return None, None
        mean = sum((r.total for r in done if r.total is not None), Decimal(0)) / len(done)
        return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), None

    # -- detail -------------------------------------------------------------------------
    def get(self, case_id: int, *, reviewer_id: int | None = None) -> CaseDetail:
        with self.tx() as s:
            c = s.get(Case, case_id, options=[
                selectinload(Case.files).selectinload(CaseFile.documents),
                selectinload(Case.recordings), selectinload(Case.fields),
                selectinload(Case.handlers).selectinload(CaseHandler.officer), selectinload(Case.unit),
            ])
            if c is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            row = self._rows(s, [c], [c.id], round_id=None, reviewer_id=reviewer_id)[0]
            folder = Path(c.folder) if c.folder else None
            rules = self.ws.rules
            files = tuple(
                FileDTO(
                    id=f.id, relpath=f.relpath, path=(folder / f.relpath) if folder else None, sha256=f.sha256,
                    size=f.size, pages=f.pages, textless_pages=tuple(f.textless_pages or ()),
                    has_outline=f.has_outline, status=f.status,
                    documents=tuple(
                        DocumentDTO(d.id, f.id, d.doc_type, d.title,
                                    rules.doc_type_title(d.doc_type) if d.doc_type else (d.title or "未识别文书"),
                                    d.first_page, d.last_page, d.source)
                        for d in f.documents
                    ),
                )
                for f in c.files
            )
            hidden = not row.handlers and bool(c.handlers)  # a round hides them from this viewer
            fields = tuple(
                FieldDTO(x.name, x.value, x.raw, x.page, x.case_file_id, x.document_id, x.source,
                         self.ws.rules.fields.title_of(x.name) if self.ws.rules.fields else x.name)
                for x in c.fields
                if not (hidden and x.name == "handlers")
            )
            recs = tuple(
                RecordingDTO(
                    id=r.id, relpath=r.relpath, path=(folder / r.relpath) if folder else None, sha256=r.sha256,
                    size=r.size, duration_ms=r.duration_ms, started_at=r.started_at, start_source=r.start_source,
                    step=r.step,
                    step_name=rules.recording_steps[r.step].name if r.step in rules.recording_steps else "",
                    error=r.error, status=r.status,
                )
                for r in c.recordings
            )
            return CaseDetail(row=row, folder=folder, files=files, fields=fields,
                              disagreements=disagreements(fields, units=self._unit_keys(s)), recordings=recs,
                              handler_ids=() if hidden else tuple(h.officer_id for h in c.handlers))

    # -- the document index, fixed by hand -------------------------------------------------
    def set_range(self, file_id: int, first: int, last: int, doc_type: str | None, *, title: str = "",
                  actor: int | None = None) -> None:
        """Make pages first..last one document of `doc_type` (manual).

        Documents overlapping the range are trimmed or split around it, so this one
        operation covers retagging a range, adding a range for a scanned document,
        and splitting off part of a document.
        """
        with self.tx() as s:
            self._set_range(s, file_id, first, last, doc_type, title=title, actor=actor)

    def _set_range(self, s: Session, file_id: int, first: int, last: int, doc_type: str | None, *,
                   title: str = "", actor: int | None) -> None:
        if doc_type is not None and doc_type not in self.ws.rules.doc_types:
            raise UsageError(translate("cases", "Unknown document type {code}").format(code=doc_type))
        f = self._file(s, file_id)
        if not (1 <= first <= last <= f.pages):
            raise UsageError(translate("cases", "Pages {first}–{last} are outside the file (1–{pages})").format(
                first=first, last=last, pages=f.pages))
        before = _index_json(f)
        for d in list(f.documents):
            if d.last_page < first or d.first_page > last:
                continue
            if d.first_page < first and d.last_page > last:  # split around the new range
                tail = Document(case_file_id=f.id, doc_type=d.doc_type, title=d.title, first_page=last + 1,
                                last_page=d.last_page, source=d.source)
                s.add(tail)
                f.documents.append(tail)
                d.last_page = first - 1
            elif d.first_page < first:
                d.last_page = first - 1
            elif d.last_page > last:
                d.first_page = last + 1
            else:
                f.documents.remove(d)
                s.delete(d)
        new = Document(case_file_id=f.id, doc_type=doc_type,
                       title=title or (self.ws.rules.doc_type_title(doc_type) if doc_type else ""),
                       first_page=first, last_page=last, source=IndexSource.MANUAL)
        s.add(new)
        f.documents.append(new)
        s.flush()
        self.audit(s, actor=self.actor_id(actor), action="index_set_range", entity="case_file",
                   entity_id=f.id, case_id=f.case_id, before=before, after=_index_json(f))

    def retag(self, document_id: int, doc_type: str | None, *, actor: int | None = None) -> None:
        with self.tx() as s:
            d = s.get(Document, document_id)
            if d is None:
                raise NotFound(translate("cases", "No document {id}").format(id=document_id))
            self._set_range(s, d.case_file_id, d.first_page, d.last_page, doc_type, actor=actor)

    def split(self, document_id: int, at_page: int, *, doc_type: str | None = None,
              actor: int | None = None) -> None:
        """Split a document so that `at_page` starts a new one (of `doc_type`, or the same type)."""
        with self.tx() as s:
            d = s.get(Document, document_id)
            if d is None:
                raise NotFound(translate("cases", "No document {id}").format(id=document_id))
            if not (d.first_page < at_page <= d.last_page):
                raise UsageError(translate("cases", "Page {page} is not inside pages {first}–{last} of the document")
                                 .format(page=at_page, first=d.first_page, last=d.last_page))
            self._set_range(s, d.case_file_id, at_page, d.last_page, doc_type if doc_type is not None else d.doc_type,
                            title="" if doc_type is not None else d.title, actor=actor)

    def merge(self, document_ids: list[int], *, doc_type: str | None = None, actor: int | None = None) -> None:
        """Merge adjacent documents of one file into one (typed as the first, unless given)."""
        with self.tx() as s:
            docs = [s.get(Document, i) for i in dict.fromkeys(document_ids)]
            if any(d is None for d in docs) or len(docs) < 2:
                raise UsageError(translate("cases", "Choose at least two documents to merge"))
            ds = sorted((d for d in docs if d is not None), key=lambda d: d.first_page)
            if len({d.case_file_id for d in ds}) != 1:
                raise UsageError(translate("cases", "Only documents of the same file can be merged"))
            for a, b in zip(ds, ds[1:], strict=False):
                if b.first_page != a.last_page + 1:
                    raise UsageError(translate("cases", "Only adjacent documents can be merged"))
            kind = doc_type if doc_type is not None else ds[0].doc_type
            self._set_range(s, ds[0].case_file_id, ds[0].first_page, ds[-1].last_page, kind,
                            title="" if doc_type is not None else ds[0].title, actor=actor)

    def remove_document(self, document_id: int, *, actor: int | None = None) -> None:
        with self.tx() as s:
            d = s.get(Document, document_id)
            if d is None:
                raise NotFound(translate("cases", "No document {id}").format(id=document_id))
            f = self._file(s, d.case_file_id)
            before = _index_json(f)
            f.documents.remove(d)
            s.delete(d)
            s.flush()
            self.audit(s, actor=self.actor_id(actor), action="index_remove", entity="case_file", entity_id=f.id,
                       case_id=f.case_id, before=before, after=_index_json(f))

    @staticmethod
    def _file(s: Session, file_id: int) -> CaseFile:
        f = s.get(CaseFile, file_id, options=[selectinload(CaseFile.documents)])
        if f is None:
            raise NotFound(translate("cases", "No case file {id}").format(id=file_id))
        return f

    # -- integrity ------------------------------------------------------------------------------
    def verify(self, case_id: int, *, actor: int | None = None) -> list[FileCheck]:
        """Re-hash the case's files; record (audited, when it changes) and return which are missing or changed."""
        with self.tx() as s:
            return self._verify(s, case_id, actor)

    def _verify(self, s: Session, case_id: int, actor: int | None) -> list[FileCheck]:
        c = s.get(Case, case_id, options=[selectinload(Case.files), selectinload(Case.recordings)])
        if c is None:
            raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
        folder = Path(c.folder) if c.folder else None
        out: list[FileCheck] = []
        changed: list[tuple[str, str, str]] = []
        for x in [*c.files, *c.recordings]:
            status, msg = _check(folder, x.relpath, x.sha256)
            if x.status is not status:
                changed.append((x.relpath, x.status.value, status.value))
                x.status = status
            is_file = isinstance(x, CaseFile)
            out.append(FileCheck(x.id if is_file else None, None if is_file else x.id, x.relpath, status, msg))
        if changed:
            self.audit(s, actor=self.actor_id(actor), action="file_status", entity="case", entity_id=c.id,
                       case_id=c.id, before={p: b for p, b, _ in changed}, after={p: a for p, _, a in changed})
        return out

    def relocate(self, case_id: int, folder: Path, *, actor: int | None = None) -> list[FileCheck]:
        """Point the case at a new folder, after checking its files are there with the same content."""
        with self.tx() as s:
            c = s.get(Case, case_id, options=[selectinload(Case.files)])
            if c is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            bad = [f.relpath for f in c.files if _check(folder, f.relpath, f.sha256)[0] is not FileStatus.OK]
            if bad:
                raise UsageError(translate("cases", "{folder} does not hold this case's files unchanged: {files}")
                                 .format(folder=folder, files="、".join(bad)))
            before = c.folder
            c.folder = str(folder)
            self.audit(s, actor=self.actor_id(actor), action="relocate", entity="case", entity_id=c.id,
                       case_id=c.id, before={"folder": before}, after={"folder": str(folder)})
            s.flush()
            return self._verify(s, case_id, actor)

    @staticmethod
    def _unit_keys(s: Session) -> dict[str, str]:
        """Full and short unit names (spaces removed) → the unit's full name, for comparing sources."""
        out: dict[str, str] = {}
        for u in s.scalars(select(Unit)):
            full = "".join(u.name.split())
            out[full] = full
            if u.short_name:
                out.setdefault("".join(u.short_name.split()), full)
        return out

    def handlers_of(self, case_id: int) -> list[Officer]:
        with self.tx() as s:
            c = s.get(Case, case_id, options=[selectinload(Case.handlers).selectinload(CaseHandler.officer)])
            if c is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            return [h.officer for h in c.handlers]


def _check(folder: Path | None, relpath: str, sha256: str) -> tuple[FileStatus, str]:
    if folder is None:
        return FileStatus.MISSING, translate("cases", "the case folder is not known")
    path = folder / relpath
    if not path.is_file():
        return FileStatus.MISSING, translate("cases", "{path} is not there (moved or deleted?)").format(path=path)
    try:
        digest = sha256_file(path)
    except OSError as exc:
        return FileStatus.MISSING, translate("cases", "{path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)
    if digest != sha256:
        return FileStatus.CHANGED, translate("cases", "{path} has changed since it was imported (sha256 differs)") \
            .format(path=path)
    return FileStatus.OK, ""


def _index_json(f: CaseFile) -> dict[str, object]:
    return {"documents": [
        {"type": d.doc_type, "first": d.first_page, "last": d.last_page, "source": d.source.value}
        for d in sorted(f.documents, key=lambda d: d.first_page)
    ]}


def _same_value(name: str, value: str) -> str:
    """A value as compared across sources: names in any order and separator, spaces ignored."""
    text = "".join(value.split())
    if name == "handlers":
        return "、".join(sorted(x for x in re.split(r"[、，,;；/]", text) if x))
    return text


def _compared(name: str, value: str, units: dict[str, str] | None) -> str:
    key = _same_value(name, value)
    return (units or {}).get(key, key) if name == "unit" else key


def disagreements(fields: tuple[FieldDTO, ...], *, units: dict[str, str] | None = None
                  ) -> tuple[Disagreement, ...]:
    """Case-level fields where the register or case.json says something the case file does not.

    `units` maps each unit's full and short name (spaces removed) to one key, so 平安区大队 in a register
    and 平安市平安区消防救援大队 on the cover are the same unit.
    A case file states a field on many documents (the party on the cover, the decision, the receipt …), and
    not always alike (a 询问笔录's 被询问人 is read as the party too); so a register value disagrees only when
    it matches none of the file's values, or when the register and case.json differ from each other. The
    disagreement lists every value, each with its source and page: the tool never picks one silently.
    """
    by_name: dict[str, list[FieldDTO]] = defaultdict(list)
    for f in fields:
        if f.name in CASE_LEVEL_FIELDS:
            by_name[f.name].append(f)
    out = []
    for name, values in by_name.items():
        in_file = {_compared(name, v.value, units) for v in values if v.source == "pdf"}
        stated = {_compared(name, v.value, units) for v in values if v.source != "pdf"}
        if not stated:
            continue
        if len(stated) > 1 or (in_file and not stated & in_file):
            out.append(Disagreement(name, tuple(values)))
    return tuple(out)


def field_pick(fields: list[CaseField], name: str) -> CaseField | None:
    for f in fields:
        if f.name == name:
            return f
    return None
