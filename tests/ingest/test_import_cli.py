"""`review-tool import` and `case show/list` on generated case files: per-file status and messages, exit codes,
JSON with ISO dates and money in fen with yuan beside it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from review_tool.cli import main
from review_tool.demo.casefiles import DemoMonth, generate_month
from review_tool.storage.engine import sqlite_url


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> DemoMonth:
    return generate_month(tmp_path_factory.mktemp("cli 月"), year=2023, month=6, seed=99, n_cases=2)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_import_cli_exit_codes_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, template_db: Path,
                                        month: DemoMonth) -> None:
    db = tmp_path / "评查 库.sqlite"
    shutil.copy(template_db, db)
    url = sqlite_url(db)
    bad = tmp_path / "下载失败 (1).pdf"
    bad.write_text("<html><body>会话已过期</body></html>", encoding="utf-8")

    code, out, _ = run(capsys, "--db", url, "import", str(month.out_dir), str(bad), "--workers", "1", "--json")
    assert code == 1  # some failed
    report = json.loads(out)
    items = {Path(i["path"]).name: i for i in report["items"]}
    assert items[bad.name]["status"] == "failed" and "网页" in items[bad.name]["message"]
    pdfs = [i for i in report["items"] if i["kind"] == "pdf" and i["status"] == "imported"]
    assert len({i["case_id"] for i in pdfs}) == len(month.cases)
    assert all(i["case"] and i["documents"] is not None for i in pdfs)
    assert any(i["documents"] for i in pdfs)

    code, out, _ = run(capsys, "--db", url, "import", str(month.out_dir), "--workers", "1")
    assert code == 0 and "未变化" in out  # all went in (nothing new); a table, not JSON

    code, out, _ = run(capsys, "--db", url, "case", "list", "--json")
    assert code == 0
    cases = json.loads(out)
    assert len(cases) == len(month.cases)
    truth = {c.truth.doc_no: c.truth for c in month.cases}
    dated = [c for c in cases if c["closed_on"]]  # a file scanned throughout has no dates to read
    assert dated
    for c in dated:
        t = truth[c["doc_no"]]
        assert dt.date.fromisoformat(c["opened_on"]) == t.opened_on
        assert dt.date.fromisoformat(c["closed_on"]) == t.closed_on  # an inspection closes with its recheck
        assert c["unit"] == t.unit  # read from the cover (承办单位) when no register says it

    readable = {c["doc_no"] for c in dated}
    fined = next((t for t in truth.values() if t.fine_fen and t.doc_no in readable),
                 next(t for t in truth.values() if t.doc_no in readable))
    code, out, _ = run(capsys, "--db", url, "case", "show", fined.doc_no, "--json")
    assert code == 0
    shown = json.loads(out)
    if fined.fine_fen:
        assert shown["fine"] == {"fen": fined.fine_fen, "yuan": f"{fined.fine_fen / 100:.2f}"}
    docs = [d for f in shown["files"] for d in f["documents"]]
    assert docs and all(1 <= d["first_page"] <= d["last_page"] for d in docs)
    assert {d["source"] for d in docs} <= {"bookmark", "detected", "manual"}
    for r in shown["recordings"]:
        assert r["duration_ms"] and dt.datetime.fromisoformat(r["started_at"]).tzinfo is not None

    code, out, _ = run(capsys, "--db", url, "case", "show", fined.doc_no)
    assert code == 0 and fined.doc_no in out and "页" in out


def test_import_cli_password(capsys: pytest.CaptureFixture[str], tmp_path: Path, template_db: Path,
                             month: DemoMonth) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    case = month.cases[0]
    src = (month.out_dir / case.folder / case.pdfs[0].name).read_bytes()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(src)))
    w.encrypt(user_password="2023", owner_password="o", algorithm="AES-256")
    locked = tmp_path / "加密.pdf"
    with locked.open("wb") as fh:
        w.write(fh)
    db = tmp_path / "p.sqlite"
    shutil.copy(template_db, db)
    code, out, _ = run(capsys, "--db", sqlite_url(db), "import", str(locked), "--workers", "1")
    assert code == 1 and "密码" in out
    code, out, _ = run(capsys, "--db", sqlite_url(db), "import", str(locked), "--password", "2023",
                       "--workers", "1", "--json")
    assert code == 0 and json.loads(out)["items"][0]["status"] == "imported"
