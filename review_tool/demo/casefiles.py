"""Realistic demo months of enforcement case files (执法案卷) for the review tool.

`generate_month(out_dir, year=2023, month=5, seed=1)` writes, under `out_dir`:

- one folder per case, named like ``平消行罚决字〔2023〕第0012号 平安市鑫源餐饮管理有限公司`` (Chinese,
  brackets of three kinds, spaces), holding
  - the case file PDF (some cases: a 正卷 and a 副卷 PDF): A4 pages drawn in Chinese, in the filing order
    of the case type (cover and 卷内目录 first, 备考表 last). Pages carry archival page numbers at the
    bottom right, counted from the first document after the contents list; cover, contents and 备考表
    carry none, so a printed number is the PDF page index minus the cover and contents pages. About
    half the PDFs have one outline entry (bookmark) per document; ~15 % of the cases have scanned
    pages (an image, no text layer), one or two are scanned throughout (and have no bookmarks);
  - recordings (when `with_media`): 2–5 s PyAV files named like body cameras write them
    (``DSJ_20230506143000_0001.MP4``, a few ``REC_….m4a``/``录音_….wav``, one ``VID_….mov``, one ``….mkv``),
    flat or in a sub-folder (``执法记录仪/``, ``音像资料/``), started 1–3 minutes before the 笔录 they
    belong to; see `media.py` for the metadata;
  - in some folders, ``case.json``:
    ``{"doc_no": str, "case_type": code, "unit": unit name, "handlers": [names], "party": str,
    "opened_on": "YYYY-MM-DD", "closed_on": "YYYY-MM-DD", "decided_on": "YYYY-MM-DD" | null,
    "fine_yuan": "5000.00" (string decimal; "0.00" when there is no fine)}``;
- ``案件台账.xlsx`` and ``案件台账.csv`` (see `register.py`): every case of the month, one or two rows
  deliberately disagreeing with the file (listed as ``register_mismatch`` defects);
- ``defects.json``: the planted defects, a list of ``{"doc_no", "case_folder", "kind", "category",
  "checklist_hint", "page", "file", "detail"}`` where `kind` is a stable English code
  (missing_service_receipt, late_decision_service, decision_before_notice, fine_out_of_range,
  missing_legal_review, inquiry_without_recording, single_officer_record, late_seal_decision,
  late_rectification_notice, wrong_document_order, register_mismatch), `category` a problem category
  of checklists/categories.yaml (P-SD, P-SX, …), `page` the 1-based PDF page where it shows in `file`
  (null when the defect is an absence); cases without defects are clean;
- ``manifest.json``: `DemoMonth.to_dict()`, the ground truth (documents with type codes and 1-based
  first/last pages, dates, money in integer fen, recordings, defects). Paths in it are relative.

Everything follows from `seed` (same seed, same manifest and same PDF bytes). Dates in the PDFs follow
the deadlines of facts.md §2.2 except where a defect is planted (see `timelines.py`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from review_tool.demo import layout
from review_tool.demo.docs_common import DrawCtx
from review_tool.demo.documents import draw
from review_tool.demo.layout import A4, PAGE_W, Page, Text
from review_tool.demo.media import is_audio, write_recording
from review_tool.demo.model import BEIJING, CasePlan, DocPlan
from review_tool.demo.org import DEMO_ORG, Org
from review_tool.demo.plan import plan_month
from review_tool.demo.register import write_register

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfInfo:
    name: str  # relative to the case folder
    pages: int
    bookmarks: bool
    scanned_pages: tuple[int, ...]  # 1-based pages without a text layer


@dataclass(frozen=True)
class MediaInfo:
    name: str  # relative to the case folder, POSIX separators
    kind: str  # video | audio
    container: str  # mp4 | mov | mkv | m4a | wav
    step: str  # recording step code (doc_types.yaml recording_steps)
    document: int  # index into CaseTruth.documents of the document the footage belongs to
    started_at: dt.datetime  # aware, Beijing time
    duration_s: float
    device: str
    officer: str


@dataclass(frozen=True)
class DocumentTruth:
    code: str
    title: str  # as printed on the first page
    bookmark: str | None  # outline title, when the PDF has bookmarks
    file: str
    first_page: int
    last_page: int
    date: dt.date
    doc_no: str | None
    scanned: bool


@dataclass(frozen=True)
class CaseTruth:
    doc_no: str
    case_type: str
    unit: str  # the handlers' unit (Unit.name)
    issuing_agency: str
    handlers: tuple[str, ...]
    party: str
    opened_on: dt.date
    decided_on: dt.date | None
    closed_on: dt.date
    fine_fen: int
    documents: tuple[DocumentTruth, ...]


@dataclass(frozen=True)
class DefectInfo:
    doc_no: str
    case_folder: str
    kind: str
    category: str
    checklist_hint: str
    page: int | None
    file: str | None
    detail: str


@dataclass(frozen=True)
class DemoCase:
    folder: str
    pdfs: tuple[PdfInfo, ...]
    media: tuple[MediaInfo, ...]
    case_json: bool
    truth: CaseTruth
    defects: tuple[DefectInfo, ...]


@dataclass(frozen=True)
class DemoMonth:
    out_dir: Path
    year: int
    month: int
    seed: int
    cases: tuple[DemoCase, ...]
    defects: tuple[DefectInfo, ...]
    register_xlsx: str
    register_csv: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["out_dir"]
        d["schema"] = 1
        return _jsonable(d)

    def case(self, doc_no: str) -> DemoCase:
        return next(c for c in self.cases if c.truth.doc_no == doc_no)


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dt.date):  # datetime included
        return v.isoformat()
    return v


# -- one case ----------------------------------------------------------------------------------------


@dataclass
class _Volume:
    label: str  # "" | 正卷 | 副卷
    file: str
    docs: list[DocPlan]


def _volumes(case: CasePlan, rng: random.Random) -> list[_Volume]:
    doc_no = case.doc_no
    if not case.split_volumes:
        name = rng.choice((f"{doc_no}.pdf", "电子卷宗.pdf", f"{case.party.name}案卷.pdf", f"{doc_no} 卷宗.pdf"))
        return [_Volume("", name, case.docs)]
    cover, contents, remarks = case.docs[0], case.docs[1], case.docs[-1]
    main = [d for d in case.docs if d.volume == "main"]
    sub = [replace(cover, extra={}), replace(contents, extra={})]
    sub += [d for d in case.docs if d.volume == "sub"] + [replace(remarks, extra={})]
    return [_Volume("正卷", f"{doc_no}（正卷）.pdf", main), _Volume("副卷", f"{doc_no}（副卷）.pdf", sub)]


def _render_volume(org: Org, case: CasePlan, vol: _Volume, rng: random.Random
                   ) -> tuple[list[Page], list[tuple[DocPlan, int, int]]]:
    ctx = DrawCtx(org, case, rng, volume=vol.label)
    body = [d for d in vol.docs if d.code not in ("cover", "contents", "filing_remarks")]
    drawn = [(d, draw(ctx, d)) for d in body]
    number = 1
    for d, doc_pages in drawn:
        first = number
        for page in doc_pages:
            page.ops.append(Text(PAGE_W - 52, 30, 10.5, str(number)))
            number += 1
        ctx.entries.append((d, f"{first}-{number - 1}" if number - 1 > first else str(first)))
    ctx.body_pages = number - 1
    framing = {d.code: d for d in vol.docs if d.code in ("cover", "contents", "filing_remarks")}
    contents = draw(ctx, framing["contents"])
    ctx.total_pages = 1 + len(contents) + ctx.body_pages + 1  # the 备考表 is always one page
    extra = {"contents": contents, "cover": draw(ctx, framing["cover"]),
             "filing_remarks": draw(ctx, framing["filing_remarks"])}
    ordered: list[tuple[DocPlan, list[Page]]] = []
    for d in vol.docs:
        if d.code in extra:
            ordered.append((d, extra[d.code]))
        else:
            ordered.append(next(x for x in drawn if x[0] is d))
    pages: list[Page] = []
    spans: list[tuple[DocPlan, int, int]] = []
    for d, doc_pages in ordered:
        spans.append((d, len(pages) + 1, len(pages) + len(doc_pages)))
        pages.extend(doc_pages)
    return pages, spans


def _write_pdf(path: Path, case: CasePlan, pages: list[Page], spans: list[tuple[DocPlan, int, int]],
               rng: random.Random) -> tuple[int, ...]:
    with _binary_streams():
        return _write_pdf_pages(path, case, pages, spans, rng)


def _write_pdf_pages(path: Path, case: CasePlan, pages: list[Page], spans: list[tuple[DocPlan, int, int]],
                     rng: random.Random) -> tuple[int, ...]:
    c = _canvas(path)
    c.setTitle(case.doc_no)
    c.setAuthor(case.issuing.agency)
    c.setCreator("消防监督管理系统 电子卷宗导出")
    starts = {first: d for d, first, _ in spans}
    scanned_pages: list[int] = []
    doc_of_page: dict[int, DocPlan] = {}
    for d, first, last in spans:
        for p in range(first, last + 1):
            doc_of_page[p] = d
    for i, page in enumerate(pages, start=1):
        if case.bookmarks and i in starts:
            key = f"d{i}"
            c.bookmarkPage(key)
            c.addOutlineEntry(starts[i].bookmark or starts[i].title, key, level=0)
        if doc_of_page[i].scanned:
            layout.draw_scan_page(c, layout.render_scan(page, rng))
            scanned_pages.append(i)
        else:
            layout.draw_pdf_page(c, page)
        c.showPage()
    if case.bookmarks:
        c.showOutline()
    c.save()
    return tuple(scanned_pages)


def _canvas(path: Path) -> Canvas:
    # invariant: no creation date or random file id, so a seed always gives the same bytes
    return Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Binary (not ASCII85) streams while writing: reportlab's pure-Python ASCII85 is very slow."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


def _case_json(case: CasePlan) -> dict[str, Any]:
    return {"doc_no": case.doc_no, "case_type": case.case_type, "unit": case.unit.name,
            "handlers": list(case.handler_names), "party": case.party.name,
            "opened_on": case.opened_on.isoformat(), "closed_on": case.closed_on.isoformat(),
            "decided_on": case.decided_on.isoformat() if case.decided_on else None,
            "fine_yuan": f"{case.fine_fen // 100}.{case.fine_fen % 100:02d}"}


def _write_case(org: Org, case: CasePlan, out_dir: Path, seed: int, with_media: bool) -> DemoCase:
    rng = random.Random(f"{seed}/{case.index}")
    folder = out_dir / case.folder
    folder.mkdir(parents=True, exist_ok=True)
    pdfs: list[PdfInfo] = []
    documents: list[DocumentTruth] = []
    where: dict[int, tuple[int, str, int]] = {}  # id(DocPlan) -> (index in documents, file, first page)
    for vol in _volumes(case, rng):
        pages, spans = _render_volume(org, case, vol, rng)
        scanned = _write_pdf(folder / vol.file, case, pages, spans, rng)
        pdfs.append(PdfInfo(vol.file, len(pages), case.bookmarks, scanned))
        for d, first, last in spans:
            if id(d) not in where:
                where[id(d)] = (len(documents), vol.file, first)
            documents.append(DocumentTruth(d.code, d.title, (d.bookmark or d.title) if case.bookmarks else None,
                                           vol.file, first, last, d.date, d.doc_no, d.scanned))
    media: list[MediaInfo] = []
    if with_media:
        for rec in case.recordings:
            write_recording(folder, rec)
            doc_index = where[id(case.docs[rec.doc_index])][0]
            media.append(MediaInfo(rec.name, "audio" if is_audio(rec) else "video", rec.container, rec.step,
                                   doc_index, rec.start.replace(tzinfo=BEIJING), rec.seconds, rec.device, rec.officer))
    if case.case_json:
        (folder / "case.json").write_text(json.dumps(_case_json(case), ensure_ascii=False, indent=2), encoding="utf-8")
    defects = []
    for pd in case.defects:
        page = file = None
        if pd.doc_index is not None:
            _, file, page = where[id(case.docs[pd.doc_index])]
        defects.append(DefectInfo(case.doc_no, case.folder, pd.kind, pd.category, pd.hint, page, file, pd.detail))
    truth = CaseTruth(case.doc_no, case.case_type, case.unit.name, case.issuing.agency, case.handler_names,
                      case.party.name, case.opened_on, case.decided_on, case.closed_on, case.fine_fen,
                      tuple(documents))
    return DemoCase(case.folder, tuple(pdfs), tuple(media), case.case_json, truth, tuple(defects))


# -- public API -----------------------------------------------------------------------------------------


def generate_month(out_dir: Path, *, year: int, month: int, seed: int, n_cases: int = 40, defects: bool = True,
                   with_media: bool = True, progress: Progress | None = None, org: Org = DEMO_ORG,
                   today: dt.date | None = None) -> DemoMonth:
    """Write one month of demo case files under `out_dir` (created if needed) and return the ground truth.

    `inquiry_without_recording` is only planted when `with_media` is true. When `today` falls inside
    the month (the current month of a demo), no case closes after it. `progress(done, total)` is
    called after each case.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plans = plan_month(org, year=year, month=month, seed=seed, n_cases=n_cases, defects=defects,
                       with_media=with_media, today=today)
    cases: list[DemoCase] = []
    for i, plan in enumerate(plans):
        cases.append(_write_case(org, plan, out_dir, seed, with_media))
        if progress:
            progress(i + 1, len(plans))
    xlsx, csv_name = write_register(out_dir, random.Random(f"{seed}/register"), plans, year, month,
                                    org.unit("zhidui").agency)
    all_defects = tuple(d for c in cases for d in c.defects)
    result = DemoMonth(out_dir, year, month, seed, tuple(cases), all_defects, xlsx, csv_name)
    _dump(out_dir / "defects.json", [asdict(d) for d in all_defects])
    _dump(out_dir / "manifest.json", result.to_dict())
    return result


def generate_history(out_dir: Path, months: Iterable[tuple[int, int]], seed: int, *, n_cases: int = 40,
                     with_media: bool = True, progress: Progress | None = None,
                     today: dt.date | None = None) -> list[DemoMonth]:
    """Several months (e.g. two past ones and the current one), each in its own folder ``2023年05月``.

    Each month gets its own seed derived from `seed`; 文号 never repeat across the months.
    """
    out: list[DemoMonth] = []
    for y, m in months:
        out.append(generate_month(Path(out_dir) / f"{y}年{m:02d}月", year=y, month=m,
                                  seed=seed * 1000 + y * 12 + m, n_cases=n_cases, with_media=with_media,
                                  progress=progress, today=today))
    return out


@dataclass(frozen=True)
class LargePdf:
    path: Path
    pages: int
    documents: tuple[tuple[str, int, int], ...]  # (title, first page, last page), 1-based


def generate_large_pdf(path: Path, pages: int = 1500, bookmarks: bool = True, *, seed: int = 7) -> LargePdf:
    """One big case-file-like PDF for import stress tests: a few drawn pages repeated, a document every
    1–8 pages, one bookmark per document when `bookmarks`."""
    path = Path(path)
    rng = random.Random(seed)
    samples = []
    for case in plan_month(DEMO_ORG, year=2023, month=5, seed=seed, n_cases=3, defects=False, with_media=False):
        ctx = DrawCtx(DEMO_ORG, case, rng)
        samples += [(d, draw(ctx, d)) for d in case.docs if d.code not in ("cover", "contents", "filing_remarks")]
    with _binary_streams():
        docs = _write_large(path, pages, bookmarks, samples)
    return LargePdf(path, pages, tuple(docs))


def _write_large(path: Path, pages: int, bookmarks: bool, samples: list[tuple[DocPlan, list[Page]]]
                 ) -> list[tuple[str, int, int]]:
    c = _canvas(path)
    docs: list[tuple[str, int, int]] = []
    n = 0
    while n < pages:
        d, doc_pages = samples[len(docs) % len(samples)]
        take = doc_pages[: max(1, min(len(doc_pages), pages - n))]
        if bookmarks:
            c.bookmarkPage(f"d{n + 1}")
            c.addOutlineEntry(d.title, f"d{n + 1}", level=0)
        docs.append((d.title, n + 1, n + len(take)))
        for page in take:
            n += 1
            layout.draw_pdf_page(c, page)
            c.setFont(layout.pdf_font(), 10.5)
            c.drawString(PAGE_W - 52, 30, str(n))
            c.showPage()
    if bookmarks:
        c.showOutline()
    c.save()
    return docs


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(_jsonable(data), ensure_ascii=False, indent=1), encoding="utf-8")
