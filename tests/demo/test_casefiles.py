"""The demo month generator: files open, the ground truth matches the files, defects are planted."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import av
import openpyxl
import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import Destination

from review_tool.demo.casefiles import DemoMonth, generate_history, generate_large_pdf, generate_month
from review_tool.demo.org import DEMO_ORG, handlers_pool
from review_tool.demo.register import HEADER

ROOT = Path(__file__).resolve().parents[2]
CHECKLISTS = ROOT / "checklists"
SEED = 20230601
KINDS = {
    "missing_service_receipt", "late_decision_service", "decision_before_notice", "fine_out_of_range",
    "inquiry_without_recording", "single_officer_record", "late_seal_decision", "missing_legal_review",
    "late_rectification_notice", "wrong_document_order", "register_mismatch",
}
MEDIA_EXT = {".mp4", ".mov", ".mkv", ".m4a", ".wav"}


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> DemoMonth:
    calls: list[tuple[int, int]] = []
    m = generate_month(tmp_path_factory.mktemp("m1"), year=2023, month=5, seed=SEED, n_cases=12,
                       progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (12, 12) and len(calls) == 12
    return m


@pytest.fixture(scope="module")
def vocab() -> dict[str, set[str]]:
    data = yaml.safe_load((CHECKLISTS / "doc_types.yaml").read_text(encoding="utf-8"))
    return {d["code"]: {_squash(t) for t in [d["title"], *d.get("synonyms", [])]} for d in data["doc_types"]}


def test_every_case_type_and_the_township_unit(month: DemoMonth) -> None:
    types = yaml.safe_load((CHECKLISTS / "case_types.yaml").read_text(encoding="utf-8"))["case_types"]
    assert {c.truth.case_type for c in month.cases} == {t["code"] for t in types}
    units = {c.truth.unit for c in month.cases}
    assert DEMO_ORG.unit("qingshan").name in units and len(units) >= 4
    for c in month.cases:
        assert month.month == c.truth.closed_on.month and c.truth.opened_on <= c.truth.closed_on
        unit = DEMO_ORG.unit_by_name(c.truth.unit)
        assert set(c.truth.handlers) <= {o.name for o in handlers_pool(DEMO_ORG, unit.key)}
        assert len(set(c.truth.handlers)) == 2
        assert (month.out_dir / c.folder).is_dir()
        assert 10 <= sum(p.pages for p in c.pdfs) <= 60


def test_pdfs_match_the_manifest(month: DemoMonth, vocab: dict[str, set[str]]) -> None:
    for c in month.cases:
        for pdf in c.pdfs:
            reader = PdfReader(month.out_dir / c.folder / pdf.name)
            assert len(reader.pages) == pdf.pages
            docs = [d for d in c.truth.documents if d.file == pdf.name]
            # contiguous ranges covering the file: cover and contents first, 备考表 last
            assert docs[0].first_page == 1 and docs[-1].last_page == pdf.pages
            assert [d.code for d in docs[:2]] == ["cover", "contents"] and docs[-1].code == "filing_remarks"
            for a, b in zip(docs, docs[1:], strict=False):
                assert b.first_page == a.last_page + 1 and a.first_page <= a.last_page
            scanned = {p for d in docs if d.scanned for p in range(d.first_page, d.last_page + 1)}
            assert scanned == set(pdf.scanned_pages)
            for d in docs:
                assert _squash(d.title) in vocab[d.code], (d.code, d.title)
                if not d.scanned:
                    text = _squash(reader.pages[d.first_page - 1].extract_text())
                    assert _squash(d.title) in text, (c.folder, d.code, d.title)
            for p in sorted(scanned):
                assert reader.pages[p - 1].extract_text().strip() == ""
            outline = reader.outline
            if pdf.bookmarks:
                assert len(outline) == len(docs)
                for entry, d in zip(outline, docs, strict=True):
                    assert isinstance(entry, Destination) and d.bookmark is not None
                    assert entry.title == d.bookmark
                    assert reader.get_destination_page_number(entry) == d.first_page - 1
                    assert _squash(d.bookmark.split("（")[0]) in vocab[d.code]
            else:
                assert outline == []


def test_half_bookmarked_some_scanned(month: DemoMonth) -> None:
    pdfs = [p for c in month.cases for p in c.pdfs]
    assert 0 < sum(p.bookmarks for p in pdfs) < len(pdfs)
    fully = [c for c in month.cases if all(len(p.scanned_pages) == p.pages for p in c.pdfs)]
    assert fully and not any(p.bookmarks for c in fully for p in c.pdfs)


def test_defects(month: DemoMonth) -> None:
    data = json.loads((month.out_dir / "defects.json").read_text(encoding="utf-8"))
    categories = {c["code"] for c in yaml.safe_load((CHECKLISTS / "categories.yaml").read_text("utf-8"))["categories"]}
    assert {d["kind"] for d in data} == KINDS
    by_folder = {c.folder: c for c in month.cases}
    for d in data:
        assert set(d) == {"doc_no", "case_folder", "kind", "category", "checklist_hint", "page", "file", "detail"}
        assert (month.out_dir / d["case_folder"]).is_dir() and d["category"] in categories
        case = by_folder[d["case_folder"]]
        assert case.truth.doc_no == d["doc_no"]
        if d["page"] is not None:
            pdf = next(p for p in case.pdfs if p.name == d["file"])
            assert 1 <= d["page"] <= pdf.pages
    # the defects show in the ground truth
    for d in month.defects:
        truth = by_folder[d.case_folder].truth
        codes = [x.code for x in truth.documents]
        date_of = {x.code: x.date for x in reversed(truth.documents)}
        if d.kind == "missing_service_receipt":
            decision = next(x for x in truth.documents if x.code in ("penalty_decision", "stop_order"))
            later = truth.documents[truth.documents.index(decision) + 1:]
            assert not any(x.code == "service_receipt" for x in later)
        elif d.kind == "decision_before_notice":
            assert date_of["penalty_decision"] < date_of["penalty_notice"]
        elif d.kind == "fine_out_of_range":
            assert not 500_000 <= truth.fine_fen <= 5_000_000
        elif d.kind == "missing_legal_review":
            assert "legal_review" not in codes and truth.fine_fen >= 3_000_000
        elif d.kind == "late_seal_decision":
            assert (date_of["seal_decision"] - date_of["inspection_record"]).days >= 12
        elif d.kind == "inquiry_without_recording":
            case = by_folder[d.case_folder]
            page_docs = [i for i, x in enumerate(truth.documents) if x.first_page == d.page and x.file == d.file]
            assert page_docs and not any(m.document in page_docs for m in case.media)


def test_clean_cases_are_clean(month: DemoMonth) -> None:
    for c in month.cases:
        if c.defects:
            continue
        docs = c.truth.documents
        for i, d in enumerate(docs):
            if d.code in ("penalty_decision", "stop_order"):
                notice = next(x for x in docs if x.code == "penalty_notice")
                assert notice.date < d.date
                receipt = docs[i + 1]
                assert receipt.code == "service_receipt" and 0 <= (receipt.date - d.date).days < 7
            if d.code in ("inquiry_record", "site_record", "inspection_record", "seal_record", "recheck_record"):
                assert any(m.document == i for m in c.media), (c.folder, d.code)
        if c.truth.case_type == "penalty_general":
            assert 500_000 <= c.truth.fine_fen <= 5_000_000
            if c.truth.fine_fen >= 3_000_000:
                assert "legal_review" in [d.code for d in docs]


def test_media(month: DemoMonth) -> None:
    media = [(c, m) for c in month.cases for m in c.media]
    assert {m.container for _, m in media} >= {"mp4", "m4a", "wav"}
    assert {m.container for _, m in media} & {"mov", "mkv"}
    total = 0
    for c, m in media:
        path = month.out_dir / c.folder / m.name
        total += path.stat().st_size
        with av.open(str(path)) as f:
            assert f.duration is not None and 2.0 <= f.duration / 1e6 <= 5.0
            meta = {k.lower(): v for k, v in f.metadata.items()}
            assert "creation_time" in meta
            assert (meta.get("model") or meta.get("encoded_by")) == m.device
            if m.container == "wav":  # BWF bext: local date and time
                assert meta["date"] == m.started_at.date().isoformat()
                assert meta["creation_time"] == m.started_at.strftime("%H:%M:%S")
            else:
                stamp = dt.datetime.fromisoformat(meta["creation_time"].replace("Z", "+00:00"))
                assert stamp == m.started_at
        assert m.started_at.strftime("%Y%m%d") in path.name.replace("_", "")
        doc = c.truth.documents[m.document]
        assert doc.code in ("inspection_record", "site_record", "inquiry_record", "seal_record", "scene_survey_record",
                            "complaint_verification", "recheck_record", "service_receipt", "onsite_decision",
                            "hearing_record")
    on_disk = [p for p in month.out_dir.rglob("*") if p.suffix.lower() in MEDIA_EXT]
    assert len(on_disk) == len(media) and total < 2_000_000


def test_registers_and_case_json(month: DemoMonth) -> None:
    ws = openpyxl.load_workbook(month.out_dir / month.register_xlsx).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[1]) == HEADER
    assert {r[0] for r in rows[2:]} == {c.truth.doc_no for c in month.cases}
    raw = (month.out_dir / month.register_csv).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(month.out_dir / month.register_csv, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == HEADER and len(table) == len(month.cases) + 1
    assert any(d.kind == "register_mismatch" for d in month.defects)
    jsons = [c for c in month.cases if c.case_json]
    assert jsons
    for c in jsons:
        data = json.loads((month.out_dir / c.folder / "case.json").read_text(encoding="utf-8"))
        assert data["doc_no"] == c.truth.doc_no and data["case_type"] == c.truth.case_type
        assert data["fine_yuan"] == f"{c.truth.fine_fen // 100}.{c.truth.fine_fen % 100:02d}"
        assert data["closed_on"] == c.truth.closed_on.isoformat() and data["handlers"] == list(c.truth.handlers)


def test_manifest_on_disk_and_determinism(month: DemoMonth, tmp_path: Path) -> None:
    on_disk = json.loads((month.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(month.to_dict(), ensure_ascii=False))
    again = generate_month(tmp_path / "again", year=2023, month=5, seed=SEED, n_cases=12)
    assert (tmp_path / "again" / "manifest.json").read_text("utf-8") == (month.out_dir / "manifest.json").read_text("utf-8")
    first = month.cases[0]
    name = first.pdfs[0].name
    assert (month.out_dir / first.folder / name).read_bytes() == (again.out_dir / first.folder / name).read_bytes()


def test_large_pdf(tmp_path: Path) -> None:
    big = generate_large_pdf(tmp_path / "big.pdf", pages=120)
    reader = PdfReader(big.path)
    assert len(reader.pages) == 120 == big.pages
    assert len(reader.outline) == len(big.documents)
    assert big.documents[-1][2] == 120
    plain = generate_large_pdf(tmp_path / "plain.pdf", pages=30, bookmarks=False)
    assert PdfReader(plain.path).outline == []


def test_history_months_do_not_collide(tmp_path: Path) -> None:
    today = dt.date(2023, 4, 12)
    months = generate_history(tmp_path, [(2023, 3), (2023, 4)], seed=5, n_cases=3, with_media=False, today=today)
    assert [m.month for m in months] == [3, 4]
    assert all(c.truth.closed_on <= today and c.truth.closed_on.month == 4 for c in months[1].cases)
    assert (tmp_path / "2023年04月" / "manifest.json").is_file()
    doc_nos = [c.truth.doc_no for m in months for c in m.cases]
    assert len(doc_nos) == len(set(doc_nos))
    assert not any(p.suffix.lower() in MEDIA_EXT for p in tmp_path.rglob("*"))
