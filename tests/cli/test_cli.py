"""`review-tool` in-process: --help everywhere, exit codes (0 ok, 1 failed, 2 usage), JSON shapes, the
database commands and every way a database can be unusable, rule validation, and a month's round."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from svc_world import FIXED, MONTH, PER, World

from review_tool.storage.engine import sqlite_url
from review_tool.storage.orm import Assignment, AuditEvent

Cli = Any  # the `cli` fixture (tests/cli/conftest.py): cli(*argv) -> Result(code, out, err)


def _commands() -> list[list[str]]:
    """Every command path of the parser, e.g. ["round", "create"]."""
    from review_tool.cli import build_parser

    out: list[list[str]] = [[]]

    def walk(p: argparse.ArgumentParser, path: list[str]) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return out


COMMANDS = _commands()


def test_the_command_tree_is_complete() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"db upgrade", "db status", "checklists validate", "round create", "round assign", "round list",
            "round status", "round finalize", "round reopen", "round override", "round decide"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "review-tool")
def test_help_everywhere(cli: Cli, path: list[str]) -> None:
    r = cli(*path, "--help")
    assert r.code == 0 and "usage: review-tool" in r.out and "--db" in r.out


@pytest.mark.parametrize("argv", [
    ["nosuch"],
    ["round"],
    ["round", "create"],  # --month is required
    ["round", "create", "--month", MONTH, "--seed", "abc"],
    ["round", "decide", MONTH, "1", "S1-01", "--outcome", "maybe"],
    ["round", "decide", MONTH, "1", "S1-01", "--outcome", "deduct", "--points", "abc"],
    ["round", "reopen", MONTH],  # --reason is required
    ["user", "add", "某人", "--role", "boss"],
    ["db"],
    ["--lang", "fr", "round", "list"],
])
def test_usage_errors_exit_2(cli: Cli, argv: list[str], tmp_path: Path) -> None:
    r = cli(*argv, "--db", sqlite_url(tmp_path / "x.sqlite"))
    assert r.code == 2 and "usage:" in r.err
    assert not (tmp_path / "x.sqlite").exists()  # refused before anything was opened


# -- databases -----------------------------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_upgrade_and_status(cli: Cli, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "新 库" / "评查.sqlite")
    r = cli("db", "status", "--db", url, "--json")
    assert r.code == 1  # nothing there yet: needs an upgrade
    assert r.json()["current"] is None and r.json()["up_to_date"] is False
    assert not (tmp_path / "新 库").exists()  # looking created nothing
    r = cli("db", "upgrade", "--db", url)
    assert r.code == 0 and "->" in r.out
    r = cli("db", "upgrade", "--db", url)
    assert r.code == 0 and "already at" in r.out
    r = cli("db", "status", "--db", url, "--json")
    assert r.code == 0
    data = r.json()
    assert set(data) == {"url", "current", "head", "up_to_date", "known"}
    assert data["up_to_date"] and data["current"] == data["head"] and data["known"]
    r = cli("--db", url, "db", "status")  # --db before the command works too
    assert r.code == 0 and "up to date" in r.out


def test_an_unreachable_server_is_a_clear_message(cli: Cli) -> None:
    url = "postgresql+psycopg://reviewer:secret@127.0.0.1:1/review"
    for argv in (["round", "list"], ["db", "upgrade"], ["db", "status"]):
        r = cli(*argv, "--db", url)
        assert r.code == 1 and "127.0.0.1" in r.err and "secret" not in r.err
    r = cli("round", "list", "--db", "this is not a url")
    assert r.code == 1 and "this is not a url" in r.err


def test_a_read_only_database_file_is_refused_and_left_untouched(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "只读.sqlite"
    assert cli("db", "upgrade", "--db", sqlite_url(path)).code == 0
    before = _digest(path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        for argv in (["unit", "add", "甲大队", "--kind", "brigade"], ["round", "list"], ["db", "upgrade"]):
            r = cli(*argv, "--db", sqlite_url(path))
            assert r.code == 1 and str(path) in r.err
            assert "只读" in r.err or "read-only" in r.err
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert _digest(path) == before


def test_a_database_newer_than_the_app_is_refused_and_left_untouched(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "新版.sqlite"
    assert cli("db", "upgrade", "--db", sqlite_url(path)).code == 0
    raw = create_engine(sqlite_url(path))
    with raw.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = 'f00dface9999'"))
    raw.dispose()
    before = _digest(path)
    for argv in (["round", "list"], ["db", "upgrade"], ["unit", "add", "甲大队", "--kind", "brigade"]):
        r = cli(*argv, "--db", sqlite_url(path))
        assert r.code == 1 and "f00dface9999" in r.err
    r = cli("db", "status", "--db", sqlite_url(path), "--json")
    assert r.code == 1 and r.json()["known"] is False
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.bak-*"))


def test_an_internal_error_is_a_short_message_and_a_log_file(cli: Cli, world: World,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from review_tool.services.rounds import RoundService

    def broken(self: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(RoundService, "list", broken)
    r = cli("round", "list", "--db", world.url)
    assert r.code == 1 and "internal error" in r.err and "boom" not in r.err
    log = Path(r.err.rsplit(" ", 1)[-1].strip())
    assert log.is_file() and "RuntimeError: boom" in log.read_text(encoding="utf-8")


# -- rules --------------------------------------------------------------------------------------------------


def test_checklists_validate_reports_every_problem_with_file_line_and_field(cli: Cli, tmp_path: Path) -> None:
    from review_tool.paths import checklists_dir

    r = cli("checklists", "validate")
    assert r.code == 0 and "valid" in r.out
    rules = tmp_path / "rules"
    shutil.copytree(checklists_dir(), rules)
    broken = rules / "standards" / "penalty_general.yaml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    i = lines.index("        rule: {kind: fixed, points: 1}", lines.index("      - id: S1-01"))
    lines[i] = "        rule: {kind: fixed, points: 3}"  # more than the item's 1 point
    j = lines.index("      - id: S1-03")
    lines.insert(j + 1, "        colour: red")  # not a field of an item
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("checklists", "validate", "--rules", str(rules), "--json")
    assert r.code == 1
    problems = r.json()
    assert all(set(p) == {"file", "line", "field", "message"} for p in problems)
    mine = [p for p in problems if p["file"].endswith("penalty_general.yaml")]
    assert len(mine) >= 2 and all(p["line"] for p in mine)
    assert any(p["line"] == i + 1 and "points" in p["field"] for p in mine)
    assert any(p["line"] in (j + 1, j + 2) and "colour" in (p["field"] + p["message"]) for p in mine)
    r = cli("checklists", "validate", "--rules", str(rules), str(broken))
    assert r.code == 1 and f"{broken}:{i + 1}" in r.out and "problem(s)" in r.out
    r = cli("checklists", "validate", str(rules / "standards" / "inspection.yaml"))
    assert r.code == 0
    r = cli("checklists", "validate", str(tmp_path / "nosuch.yaml"))
    assert r.code == 1 and "no such file" in r.out
    r = cli("checklists", "list", "--json")
    assert r.code == 0 and {"case_type", "id", "version", "effective_from", "items", "file"} <= set(r.json()[0])


# -- organisation ------------------------------------------------------------------------------------------


def test_org_commands_and_their_json(cli: Cli, tmp_path: Path) -> None:
    db = ["--db", sqlite_url(tmp_path / "org.sqlite")]
    assert cli("unit", "add", "平安支队", "--kind", "detachment", *db).code == 0
    assert cli("unit", "add", "平安区大队", "--kind", "brigade", "--parent", "平安支队", "--code", "平消", *db).code == 0
    r = cli("unit", "add", "孤儿中队", "--kind", "squadron", "--parent", "没有的单位", *db)
    assert r.code == 1 and "没有的单位" in r.err
    assert cli("unit", "add", "平安区大队", "--kind", "brigade", *db).code == 1  # exists
    assert cli("officer", "add", "王建国", "--unit", "平安区大队", "--cert", "F001", *db).code == 0
    assert cli("user", "add", "王建国", "--role", "reviewer", "--unit", "平安区大队", "--officer", "王建国", *db).code == 0
    r = cli("user", "add", "刘洋", "--role", "legal_officer", "--officer", "没有这个人", *db)
    assert r.code == 2
    units = cli("unit", "list", "--json", *db).json()
    assert [(u["name"], u["kind"]) for u in units] == [("平安支队", "detachment"), ("平安区大队", "brigade")]
    assert units[1]["parent_id"] == units[0]["id"] and units[1]["code"] == "平消"
    (officer,) = cli("officer", "list", "--json", *db).json()
    assert (officer["name"], officer["unit_name"], officer["cert_no"]) == ("王建国", "平安区大队", "F001")
    (user,) = cli("user", "list", "--json", *db).json()
    assert (user["name"], user["role"], user["officer_id"], user["available"]) == ("王建国", "reviewer",
                                                                                   officer["id"], True)
    r = cli("user", "list", *db)
    assert r.code == 0 and "评查员" in r.out
    assert cli("round", "list", "--user", "nobody", *db).code == 1


# -- a month's round ----------------------------------------------------------------------------------------


def _assignments(world: World) -> int:
    with world.ws.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(Assignment)) or 0)


def test_a_month_from_the_command_line(cli: Cli, world: World) -> None:
    cases = world.standard_cases()
    db = ["--db", world.url]
    lo = [*db, "--user", "法制员"]
    # bad input first
    r = cli("round", "create", "--month", MONTH, *db, "--user", "甲评")
    assert r.code == 1 and "法制员" in r.err
    r = cli("round", "create", "--month", "2025-05", *lo)
    assert r.code == 2 and "2025-05" in r.err  # no cases that month
    assert cli("round", "create", "--month", "2025-13", *lo).code == 2
    assert cli("round", "create", "--month", MONTH, "--rule", "nosuch", *lo).code == 2
    assert cli("round", "create", "--month", MONTH, "--per-case", "0", *lo).code == 2
    assert cli("round", "list", "--json", *db).json() == []
    # create
    r = cli("round", "create", "--month", MONTH, "--rule", "all", "--seed", "5", "--json", *lo)
    assert r.code == 0
    created = r.json()
    assert {"id", "month", "title", "status", "rule_name", "seed", "per_case", "blind", "hide_handler", "cases",
            "created_at", "finalised_at"} == set(created)
    assert (created["month"], created["seed"], created["cases"], created["status"]) == (MONTH, 5, 3, "draft")
    # too few eligible reviewers: the cases and the constraint, and nothing written
    r = cli("round", "assign", MONTH, "--per-case", "4", *lo)
    assert r.code == 1 and ("同单位" in r.err or "承办人" in r.err)
    docs = {c.id: c.doc_no for c in world.ws.cases.list_cases()}
    assert all(doc in r.err for doc in docs.values())
    assert _assignments(world) == 0
    # assign, with JSON
    r = cli("round", "assign", MONTH, "--json", *lo)
    assert r.code == 0
    proposal = r.json()
    assert set(proposal) == {"round_id", "assigned_cases", "kept_cases", "spread", "warnings", "loads", "deployed"}
    assert proposal["assigned_cases"] == 3 and proposal["deployed"] == 0 and proposal["spread"] <= 1
    assert all(len(x) == 4 for x in proposal["loads"])
    assert cli("round", "deploy", MONTH, *lo).code == 0
    rounds = cli("round", "list", "--json", *db).json()
    assert [(x["month"], x["status"], x["cases"]) for x in rounds] == [(MONTH, "in_progress", 3)]
    r = cli("round", "explain", MONTH, docs[cases["甲"]], *db)
    assert r.code == 0 and all(n in r.out for n in world.reviewers_of(created["id"], cases["甲"]))
    work = cli("round", "workload", MONTH, "--json", *db).json()
    assert {w["name"] for w in work} == {"甲评", "乙评", "丙评", "科评"}
    assert {"cases", "pages", "minutes", "submitted", "in_progress", "not_started", "available"} <= set(work[0])
    # reviews come in
    rid = created["id"]
    x, y = world.reviewers_of(rid, cases["乙"])
    world.review(x, cases["乙"], rid, {FIXED: {"reason": "封面缺案由"}, PER: {"occurrences": 2}})
    world.review(y, cases["乙"], rid, {FIXED: {"reason": "案由未填"}})
    r = cli("round", "finalize", MONTH, *lo)
    assert r.code == 1 and docs[cases["甲"]] in r.err
    # status: handler, the handler's unit, reviewers with their units, who submitted, scores, flags
    r = cli("round", "status", MONTH, "--json", *lo)
    assert r.code == 0
    st = r.json()
    assert set(st) == {"round", "counts", "cases", "blind_view", "handlers_hidden"}
    assert st["counts"] == {"cases": 3, "submitted_reviews": 2, "assigned_reviews": 6, "flagged": 0}
    row = next(c for c in st["cases"] if c["case_id"] == cases["乙"])
    assert set(row) == {"case_id", "doc_no", "case_type", "handlers", "handler_unit", "origin", "submitted",
                        "reviewers", "mean_total", "final_total", "final_grade", "flags"}
    assert (row["handlers"], row["handler_unit"], row["submitted"], row["mean_total"]) == (["乙官1"], "乙大队", 2,
                                                                                           "98.50")
    assert {(v["name"], v["review"], v["total"]) for v in row["reviewers"]} == {(x, "submitted", "98.00"),
                                                                               (y, "submitted", "99.00")}
    assert all(v["unit"] and set(v) == {"id", "name", "unit", "assignment", "review", "total", "grade", "override"}
               for v in row["reviewers"])
    text_status = cli("round", "status", MONTH, *lo).out
    assert docs[cases["乙"]] in text_status and "乙官1" in text_status and "乙大队" in text_status
    blind = cli("round", "status", MONTH, *db, "--user", next(n for n in ("甲评", "丙评", "科评")
                                                               if n not in (x, y)))
    assert blind.code == 0 and "98.00" not in blind.out and "背对背" in blind.out
    # a manual override: warned and refused, then forced and recorded
    r = cli("round", "override", MONTH, docs[cases["甲"]], "--add", "甲评", "--reason", "熟悉业务", *lo)
    assert r.code == 1 and "承办人" in r.err
    r = cli("round", "override", MONTH, docs[cases["甲"]], "--add", "甲评", "--reason", "熟悉业务", "--force", *lo)
    assert r.code == 0 and "! " in r.out and "甲评" in r.out
    assert cli("round", "override", MONTH, docs[cases["甲"]], "--reason", "x", *lo).code == 2
    # everyone else reviews; the meeting reconciles 乙 from the command line
    for c in (cases["甲"], cases["丙"]):
        for name in world.reviewers_of(rid, c):
            world.review(name, c, rid, {})
    r = cli("round", "compare", MONTH, docs[cases["乙"]], "--json", *lo)
    assert r.code == 0
    cmp = r.json()
    assert [i["item"] for i in cmp["items"][:1]] == [PER] and cmp["items"][0]["agreed"] is False
    assert cmp["provisional_total"] == "98.50" and cmp["score"] is None
    assert cli("round", "compare", MONTH, docs[cases["乙"]], *db, "--user", x).code == 1  # legal officers, chiefs
    assert "不一致" in cli("round", "compare", MONTH, docs[cases["乙"]], *lo).out
    r = cli("round", "accept", MONTH, docs[cases["乙"]], *lo)
    assert r.code == 0 and "58" in r.out
    r = cli("round", "decide", MONTH, docs[cases["乙"]], PER, "--outcome", "deduct", "--occurrences", "1",
            "--proposed-by", x, "--note", "仅一处", *lo)
    assert r.code == 0 and x in r.out
    r = cli("round", "decide", MONTH, docs[cases["乙"]], PER, "--outcome", "deduct", "--occurrences", "1",
            "--proposed-by", "甲评", *lo)
    assert r.code in (1, 2)
    assert cli("round", "compare", MONTH, docs[cases["乙"]], "--json", *lo).json()["score"]["total"] == "98.50"
    r = cli("round", "finalize", MONTH, *lo)
    assert r.code == 0 and "3" in r.out
    st = cli("round", "status", MONTH, "--json", *db).json()  # finalised: no longer blind, for anyone
    assert st["round"]["status"] == "finalised" and not st["blind_view"]
    assert next(c for c in st["cases"] if c["case_id"] == cases["乙"])["final_total"] == "98.50"
    # after finalisation: refused until reopened with a reason (exit 1), audited
    assert cli("round", "add-case", MONTH, docs[cases["乙"]], "--reason", "x", *lo).code == 1
    assert cli("round", "reopen", MONTH, "--reason", " ", *lo).code == 2
    assert cli("round", "reopen", MONTH, "--reason", "复核", *db, "--user", x).code == 1
    assert cli("round", "reopen", MONTH, "--reason", "当事人申请复核", *lo).code == 0
    with world.ws.session_factory() as s:
        assert s.scalar(select(AuditEvent.reason).where(AuditEvent.action == "round_reopen")) == "当事人申请复核"
    assert cli("round", "remove-case", MONTH, docs[cases["丙"]], "--reason", "移送", *lo).code == 0
    assert cli("round", "add-case", MONTH, docs[cases["丙"]], "--reason", "撤回移送", *lo).code == 0
    assert cli("round", "finalize", MONTH, *lo).code == 0
    # calibration: legal officers only
    r = cli("round", "calibration", MONTH, "--json", *lo)
    assert r.code == 0
    cal = {c["reviewer"]: c for c in r.json()}
    # agreed 98.5: x (98, deducted more) is harsh, y (99) lenient
    assert (cal[x]["倾向"], cal[x]["mean_signed_deviation"]) == ("偏严", "-0.5000")
    assert (cal[y]["倾向"], cal[y]["mean_signed_deviation"]) == ("偏宽", "0.5000")
    assert cli("round", "calibration", *lo).code == 0
    assert cli("round", "calibration", *db, "--user", x).code == 1
    assert cli("round", "calibration", *db).code == 1


def test_conflicts_and_availability_from_the_command_line(cli: Cli, world: World) -> None:
    cases = world.standard_cases()
    rid = world.round(seed=2)
    case = cases["甲"]
    name = world.reviewers_of(rid, case)[0]
    doc_no = next(r.doc_no for r in world.ws.cases.list_cases() if r.id == case)
    db = ["--db", world.url]
    # someone else cannot declare it for them; a reason and a target are required
    r = cli("user", "conflict", name, "--case", doc_no, "--reason", "亲属", *db, "--user", "乙评" if name != "乙评"
            else "甲评")
    assert r.code == 1 and name in r.err
    assert cli("user", "conflict", name, "--case", doc_no, *db, "--user", name).code == 2  # no --reason
    assert cli("user", "conflict", name, "--reason", "亲属", *db, "--user", name).code == 2  # no target
    r = cli("user", "conflict", name, "--case", "没有这个文号", "--reason", "亲属", *db, "--user", name)
    assert r.code != 0 and "没有这个文号" in r.err
    r = cli("user", "conflict", name, "--case", doc_no, "--reason", "当事人系其亲属", *db, "--user", name)
    assert r.code == 0 and doc_no in r.out and "需法制员调整" in r.out
    r = cli("user", "conflict", name, "--unit", "乙大队", "--reason", "配偶在乙大队", *db, "--user", "法制员")
    assert r.code == 0 and "乙大队" in r.out
    rows = cli("user", "conflicts", "--json", *db).json()
    assert [(x["user_name"], x["doc_no"] or x["unit_name"], x["reason"]) for x in rows] == [
        (name, "乙大队", "配偶在乙大队"), (name, doc_no, "当事人系其亲属")]
    assert rows[1]["still_assigned"] == [doc_no]
    r = cli("user", "conflicts", name, *db)
    assert r.code == 0 and "当事人系其亲属" in r.out
    status = cli("round", "status", MONTH, "--json", *db, "--user", "法制员").json()
    row = next(c for c in status["cases"] if c["doc_no"] == doc_no)
    assert any("回避" in f for f in row["flags"])
    # availability: the person or a legal officer, audited
    assert cli("user", "available", name, "no", "--reason", "外出培训", *db, "--user", "法制员").code == 0
    (me,) = [u for u in cli("user", "list", "--json", *db).json() if u["name"] == name]
    assert me["available"] is False
    assert cli("user", "available", name, "maybe", *db).code == 2
    # a declaration withdrawn: listed as such, the flag gone
    conflict_id = rows[1]["id"]
    assert cli("user", "withdraw-conflict", str(conflict_id), *db, "--user", name).code == 2  # no --reason
    r = cli("user", "withdraw-conflict", str(conflict_id), "--reason", "申报有误", *db, "--user", name)
    assert r.code == 0 and "申报有误" in r.out
    r = cli("user", "withdraw-conflict", str(conflict_id), "--reason", "申报有误", *db, "--user", name)
    assert r.code == 1 and "已于" in r.err
    again = {x["id"]: x for x in cli("user", "conflicts", "--json", *db).json()}
    assert again[conflict_id]["withdrawn_at"] and again[conflict_id]["still_assigned"] == []
    assert "已撤回" in cli("user", "conflicts", *db).out
    status = cli("round", "status", MONTH, "--json", *db, "--user", "法制员").json()
    assert not any("回避" in f for c in status["cases"] if c["doc_no"] == doc_no for f in c["flags"])
