"""The work done per file, in worker processes: no database, picklable results.

`process_pdf` hashes a PDF, reads its outline and every page's text (one page
at a time), builds the document index and extracts fields with the page they
came from. `process_recording` hashes and probes a recording. Both catch every
failure into the result's `error`, so one bad file never stops a batch.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from review_tool.domain.enums import IndexSource
from review_tool.i18n import translate
from review_tool.ingest import textparse
from review_tool.ingest.fingerprint import sha256_file
from review_tool.ingest.media import MediaUnreadable, probe
from review_tool.ingest.pdf import OutlineEntry, PdfDocument, PdfUnreadable, has_text

Vocabulary = Sequence[tuple[str, Sequence[str]]]

TITLE_LINES = 8  # a title sits within the first lines of a page (under the agency header)


@dataclass(frozen=True)
class DocHit:
    doc_type: str | None
    title: str
    first_page: int
    last_page: int
    source: IndexSource


@dataclass(frozen=True)
class FieldFound:
    name: str
    value: str  # canonical text: ISO date/datetime, fen, names joined with 、
    raw: str
    page: int
    doc_index: int | None  # index into PdfResult.documents


@dataclass
class PdfResult:
    path: Path
    sha256: str = ""
    size: int = 0
    pages: int = 0
    encrypted: bool = False
    has_outline: bool = False
    documents: list[DocHit] = field(default_factory=list)
    textless_pages: list[int] = field(default_factory=list)
    fields: list[FieldFound] = field(default_factory=list)
    error: str | None = None
    needs_password: bool = False
    seconds: float = 0.0


@dataclass
class RecordingResult:
    path: Path
    sha256: str = ""
    size: int = 0
    duration_ms: int | None = None
    started_at: Any = None  # aware datetime
    start_source: str | None = None
    device: str | None = None
    error: str | None = None


# -- worker state: the rules a worker needs, sent once per process ------------------------------

_VOCAB: Any = None  # a textparse.TitleIndex
_LABELS: Any = None  # compiled textparse.FieldLabels


def init_worker(vocabulary: Vocabulary, labels: Any, language: str | None = None) -> None:
    """Build the title index and compile the field labels once per process; a worker process also takes
    the parent's message language (the GUI may have switched it), so every message of an import reads alike."""
    global _VOCAB, _LABELS
    if language is not None:
        from review_tool.i18n import set_language

        set_language(language)
    _VOCAB = textparse.build_title_index(vocabulary)
    _LABELS = textparse.compile_labels(labels) if labels is not None else None


def process_pdf(path: Path, password: str | None = None) -> PdfResult:
    t0 = time.perf_counter()
    res = PdfResult(path=path)
    try:
        res.size = path.stat().st_size
        res.sha256 = sha256_file(path)
        with PdfDocument(path, password=password) as pdf:
            res.pages = pdf.pages
            res.encrypted = pdf.encrypted
            outline = pdf.outline()
            res.has_outline = bool(outline)
            heads: dict[int, list[str]] = {}
            texts: dict[int, str] = {}
            for page, text in pdf.page_texts():
                if not has_text(text):
                    res.textless_pages.append(page)
                    continue
                assert text is not None
                norm = textparse.normalize(text)
                texts[page] = norm
                heads[page] = textparse.first_lines(norm, TITLE_LINES)
            res.documents = index_documents(outline, heads, res.pages, res.textless_pages, _VOCAB)
            res.fields = extract_all(texts, res.documents, _LABELS)
    except PdfUnreadable as exc:
        res.error = str(exc)
        res.needs_password = exc.needs_password
    except OSError as exc:
        res.error = translate("import", "cannot read the file: {error}").format(error=exc.strerror or exc)
    except Exception as exc:
        res.error = translate("import", "unexpected error while reading the PDF: {error}").format(
            error=f"{type(exc).__name__}: {str(exc)[:160]}")
    res.seconds = time.perf_counter() - t0
    return res


def process_recording(path: Path) -> RecordingResult:
    res = RecordingResult(path=path)
    try:
        res.size = path.stat().st_size
        res.sha256 = sha256_file(path)
        info = probe(path)
        res.duration_ms, res.started_at, res.start_source, res.device = (
            info.duration_ms, info.started_at, info.start_source, info.device)
    except MediaUnreadable as exc:
        res.error = str(exc)
    except OSError as exc:
        res.error = translate("import", "cannot read the file: {error}").format(error=exc.strerror or exc)
    except Exception as exc:
        res.error = translate("import", "unexpected error while reading the recording: {error}").format(
            error=f"{type(exc).__name__}: {str(exc)[:160]}")
    return res


# -- the document index ---------------------------------------------------------------------


_PAGE_MARK = re.compile(r"第\s*(\d+)\s*页\s*[,，/]?\s*共\s*(\d+)\s*页")


def _continues(lines: list[str]) -> bool:
    """A page of a multi-page form that repeats its title ("现场照片 第 2 页 共 3 页")."""
    for ln in lines:
        m = _PAGE_MARK.search(ln)
        if m and int(m.group(1)) > 1:
            return True
    return False


def _match_one(title: str, vocabulary: Any) -> str | None:
    m = textparse.match_title([title], vocabulary)
    return m.code if m else None


def index_documents(outline: list[OutlineEntry], heads: dict[int, list[str]], pages: int,
                    textless: list[int], vocabulary: Any) -> list[DocHit]:
    """Documents by page range: from the bookmarks when they describe the file, else detected.

    Bookmarks are used when there are at least two and at least half name a known
    document type; a single "案卷" bookmark over the whole file says nothing.
    Detection starts a document on each page whose first lines carry a known title;
    pages without text end the current document and are left for manual indexing.
    """
    usable = _outline_index(outline, pages, vocabulary)
    if usable is not None:
        return usable
    docs: list[DocHit] = []
    current: list[Any] | None = None  # [type, title, first, last]
    textless_set = set(textless)
    for page in range(1, pages + 1):
        if page in textless_set:
            if current:
                docs.append(DocHit(current[0], current[1], current[2], current[3], IndexSource.DETECTED))
                current = None
            continue
        lines = heads.get(page, [])
        m = textparse.match_title(lines, vocabulary)
        if m is not None and current is not None and m.code == current[0] and _continues(lines):
            current[3] = page  # the same form's next page, not a new document
        elif m is not None:
            if current:
                docs.append(DocHit(current[0], current[1], current[2], current[3], IndexSource.DETECTED))
            current = [m.code, m.title, page, page]
        elif current is not None:
            current[3] = page
    if current:
        docs.append(DocHit(current[0], current[1], current[2], current[3], IndexSource.DETECTED))
    return docs


def _outline_index(outline: list[OutlineEntry], pages: int, vocabulary: Any) -> list[DocHit] | None:
    if len(outline) < 2:
        return None
    top = min(e.level for e in outline)
    # the top level is usually the documents; if it is a single volume entry, use the next level
    entries = [e for e in outline if e.level == top]
    if len(entries) < 2:
        entries = [e for e in outline if e.level == top + 1]
    entries = sorted({e.page: e for e in reversed(entries)}.values(), key=lambda e: e.page)  # first per page
    if len(entries) < 2:
        return None
    types = [_match_one(e.title, vocabulary) for e in entries]
    if sum(t is not None for t in types) * 2 < len(types):
        return None
    docs = []
    for i, (e, t) in enumerate(zip(entries, types, strict=True)):
        last = entries[i + 1].page - 1 if i + 1 < len(entries) else pages
        docs.append(DocHit(t, e.title, e.page, max(e.page, min(last, pages)), IndexSource.BOOKMARK))
    return docs


# -- fields ------------------------------------------------------------------------------------


def extract_all(texts: dict[int, str], docs: list[DocHit], labels: Any) -> list[FieldFound]:
    out: list[FieldFound] = []
    if labels is None:
        return out
    for page, text in sorted(texts.items()):
        di = next((i for i, d in enumerate(docs) if d.first_page <= page <= d.last_page), None)
        doc_type = docs[di].doc_type if di is not None else None
        for hit in textparse.extract_fields(text, doc_type, labels):
            value = canonical(hit.value)
            if value:
                out.append(FieldFound(hit.name, value, hit.raw[:200], page, di))
    return out


def canonical(value: Any) -> str:
    """Field values as text: ISO dates, fen as digits, names joined with 、."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, (tuple, list)):
        return "、".join(str(v) for v in value if v)
    return str(value).strip()
