"""Paths that overlap or repeat in one import: a month folder AND one of its case folders or volumes, the same
file twice. Each file is read once and belongs to one case, nothing is silently dropped (a case's other
volumes and recordings used to be left out when one of its PDFs was also given on its own), and a repeat is
reported as skipped, not as a failure. Also: a symbolic link loop inside a case folder is named as a loop, and
`review-tool import --replace-changed` (which the "changed" message tells the user to use) exists."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from review_tool.demo.casefiles import DemoCase, DemoMonth, generate_month
from review_tool.ingest.results import ImportReport, ImportStatus
from review_tool.storage.orm import Case, CaseFile, Document, Recording
from review_tool.workspace import Workspace


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> DemoMonth:
    # seed 99: the first case has two volumes, case.json and two recordings
    return generate_month(tmp_path_factory.mktemp("重叠 月份"), year=2023, month=5, seed=99, n_cases=3)


def two_volumes(month: DemoMonth) -> DemoCase:
    case = next(c for c in month.cases if len(c.pdfs) >= 2 and c.media)
    return case


def counts(ws: Workspace) -> tuple[int, int, int, int]:
    with ws.session_factory() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0  # type: ignore[return-value]
                     for t in (Case, CaseFile, Document, Recording))


def assert_each_file_once(report: ImportReport, month: DemoMonth) -> None:
    """Every PDF and recording of the month is reported exactly once, imported, under one case per folder."""
    files = [i for i in report.items if i.kind in ("pdf", "recording")]
    paths = [i.path.resolve() for i in files]
    assert len(paths) == len(set(paths)), sorted(map(str, paths))
    expected = {(month.out_dir / c.folder / x.name).resolve() for c in month.cases for x in (*c.pdfs, *c.media)}
    assert set(paths) == expected
    assert {i.status for i in files} == {ImportStatus.IMPORTED}, [(i.path.name, i.status, i.message) for i in files]
    for c in month.cases:
        folder = (month.out_dir / c.folder).resolve()
        assert len({i.case_id for i in files if folder in i.path.resolve().parents}) == 1


def assert_month_stored(ws: Workspace, month: DemoMonth) -> None:
    n_cases, n_files, _, n_recs = counts(ws)
    assert n_cases == len(month.cases)
    assert n_files == sum(len(c.pdfs) for c in month.cases)
    assert n_recs == sum(len(c.media) for c in month.cases)


@pytest.mark.parametrize("order", ["folder_then_volume", "volume_then_folder", "volume_twice"])
def test_a_volume_given_beside_its_month_is_read_once(order: str, ws: Workspace, month: DemoMonth) -> None:
    case = two_volumes(month)
    vol = month.out_dir / case.folder / case.pdfs[0].name
    paths = {"folder_then_volume": [month.out_dir, vol], "volume_then_folder": [vol, month.out_dir],
             "volume_twice": [vol, month.out_dir, vol]}[order]
    report = ws.imports.import_paths(paths, workers=1)
    assert_each_file_once(report, month)
    assert report.ok and not report.cancelled
    assert_month_stored(ws, month)


def test_the_same_loose_pdf_twice_is_one_file(ws: Workspace, month: DemoMonth, tmp_path: Path) -> None:
    case = two_volumes(month)
    loose = tmp_path / "散件.pdf"
    shutil.copy(month.out_dir / case.folder / case.pdfs[0].name, loose)
    report = ws.imports.import_paths([loose, tmp_path / "." / "散件.pdf"], workers=1)
    assert [(i.path.name, i.status) for i in report.items] == [(loose.name, ImportStatus.IMPORTED)]
    assert counts(ws)[:2] == (1, 1)


@pytest.mark.parametrize("case_first", [True, False], ids=["case_then_month", "month_then_case"])
def test_a_case_folder_given_beside_its_month_is_skipped_not_failed(case_first: bool, ws: Workspace,
                                                                   month: DemoMonth, english: None) -> None:
    folder = month.out_dir / two_volumes(month).folder
    paths = [folder, month.out_dir] if case_first else [month.out_dir, folder]
    report = ws.imports.import_paths(paths, workers=1)
    repeats = [i for i in report.items if i.kind == "folder"]
    assert len(repeats) == 1 and repeats[0].status is ImportStatus.SKIPPED
    assert "already scanned" in repeats[0].message
    assert report.ok  # nothing failed: the repeated folder's files were imported once
    assert_each_file_once(report, month)
    assert_month_stored(ws, month)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_loop_inside_a_case_folder_is_named_and_the_case_imports(ws: Workspace, month: DemoMonth,
                                                                         tmp_path: Path, english: None) -> None:
    case = two_volumes(month)
    folder = tmp_path / case.folder
    shutil.copytree(month.out_dir / case.folder, folder)
    a, b = folder / "附件 a.pdf", folder / "附件 b.pdf"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    report = ws.imports.import_paths([folder], workers=1)
    for p in (a, b):
        item = next(i for i in report.items if i.path == p)
        assert item.status is ImportStatus.FAILED and "loop" in item.message, item.message
    good = [i for i in report.items if i.kind in ("pdf", "recording")]
    assert len(good) == len(case.pdfs) + len(case.media)
    assert {i.status for i in good} == {ImportStatus.IMPORTED}
    assert counts(ws)[0] == 1
    with ws.session_factory() as s:
        assert not {a.name, b.name} & set(s.scalars(select(CaseFile.relpath)))


def test_cli_replace_changed(capsys: pytest.CaptureFixture[str], sqlite_db: str, month: DemoMonth,
                             tmp_path: Path, rules, monkeypatch: pytest.MonkeyPatch) -> None:
    import review_tool.workspace as workspace
    from review_tool.cli import main

    monkeypatch.setattr(workspace, "load_rules", lambda root, overlay=None: rules)  # loaded once per session

    def run(*argv: str) -> tuple[int, dict]:
        capsys.readouterr()
        code = main(["--db", sqlite_db, "import", *argv, "--workers", "1", "--json"])
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        return code, json.loads(out.out)

    case = two_volumes(month)
    folder = tmp_path / case.folder
    shutil.copytree(month.out_dir / case.folder, folder)
    vol = folder / case.pdfs[0].name
    code, _ = run(str(folder))
    assert code == 0
    other = next(c for c in month.cases if c is not case)
    shutil.copy(month.out_dir / other.folder / other.pdfs[0].name, vol)  # same name, another content

    code, report = run(str(folder))
    item = next(i for i in report["items"] if i["path"] == str(vol))
    assert code == 0 and item["status"] == "changed" and "--replace-changed" in item["message"]
    code, report = run(str(folder), "--replace-changed")
    item = next(i for i in report["items"] if i["path"] == str(vol))
    assert code == 0 and item["status"] == "replaced"
    code, report = run(str(folder))
    assert {i["status"] for i in report["items"]} == {"unchanged"}
