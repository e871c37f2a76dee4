"""Broken rule files are reported with file, line and field, and never stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from review_tool.rules.loader import load_rules

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
schema: 1
id: {id}
case_type: {case_type}
title: 测试评查表
version: "1.0"
effective_from: 2024-01-01
total: 10
grade_bands:
  - {{grade: 优秀, min: 9}}
  - {{grade: 不合格, min: 0}}
sections:
  - id: A
    title: 立案
    points: 10
    items:
      - id: A-01
        text: 立案审批表齐全
        points: 6
        rule: {{kind: fixed, points: 6}}
        aspect: procedure
        category: P-CX
        documents: [filing_approval]
      - id: A-02
        text: 文书规范
        points: 4
        rule: {{kind: range, min: 1, max: 4}}
        aspect: drafting
        category: P-WS
"""


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    d = tmp_path / "规则 目录"
    shutil.copytree(REPO / "checklists", d, ignore=shutil.ignore_patterns("standards"))
    (d / "standards").mkdir()
    return d


def write(d: Path, name: str, text: str) -> Path:
    p = d / "standards" / name
    p.write_text(text, encoding="utf-8")
    return p


def problems_of(d: Path, file: Path) -> list[str]:
    rs = load_rules(d)
    return [f"{p.line}|{p.field}|{p.message}" for p in rs.problems if p.file == file]


def test_good_file_loads(rules_dir: Path) -> None:
    f = write(rules_dir, "t.yaml", GOOD.format(id="t", case_type="penalty_general"))
    rs = load_rules(rules_dir)
    assert problems_of(rules_dir, f) == []
    assert rs.checklist_for("penalty_general").id == "t"


@pytest.mark.parametrize(("edit", "line", "field", "message"), [
    # sections that don't add up to the total
    (("total: 10", "total: 12"), 7, "total", "sections add up to 10, not the total 12"),
    # a duplicate item id points at the second one
    (("id: A-02", "id: A-01"), 23, "sections[0].items[1].id", "duplicate item id 'A-01'"),
    # unknown document type
    (("[filing_approval]", "[no_such_doc]"), 22, "sections[0].items[0].documents[0]",
     "unknown document type 'no_such_doc'"),
    # negative points
    (("points: 6\n        rule", "points: -6\n        rule"), 18, "sections[0].items[0].points",
     "greater than or equal to 0"),
    # a range inside-out
    (("{kind: range, min: 1, max: 4}", "{kind: range, min: 4, max: 1}"), 26, "sections[0].items[1].rule.min",
     "inside-out"),
    # unknown case type
    (("case_type: penalty_general", "case_type: parking"), 3, "case_type", "unknown case type 'parking'"),
    # unknown category
    (("category: P-WS", "category: P-QQ"), 28, "sections[0].items[1].category", "unknown problem category"),
    # misspelt field
    (("aspect: drafting", "aspekt: drafting"), 27, "sections[0].items[1].aspekt", "unknown field"),
    # a deduction bigger than the item
    (("{kind: fixed, points: 6}", "{kind: fixed, points: 7}"), 19, "sections[0].items[0].rule.points",
     "more than the item's points"),
])
def test_problems_name_file_line_field(rules_dir: Path, edit: tuple[str, str], line: int, field: str,
                                       message: str) -> None:
    text = GOOD.format(id="t", case_type="penalty_general").replace(*edit, 1)
    f = write(rules_dir, "bad.yaml", text)
    found = problems_of(rules_dir, f)
    assert any(p.startswith(f"{line}|{field}|") and message in p for p in found), found


def test_yaml_syntax_error_has_line(rules_dir: Path) -> None:
    f = write(rules_dir, "broken.yaml", "schema: 1\nid: x\n  bad: [unclosed\n")
    (p,) = [x for x in load_rules(rules_dir).problems if x.file == f]
    assert p.line == 3 and "not valid YAML" in p.message


def test_duplicate_key_is_refused(rules_dir: Path) -> None:
    f = write(rules_dir, "dup.yaml", GOOD.format(id="t", case_type="penalty_general") + "total: 10\n")
    assert any("appears twice" in p for p in problems_of(rules_dir, f))


def test_broken_file_does_not_stop_the_others(rules_dir: Path) -> None:
    write(rules_dir, "good.yaml", GOOD.format(id="good", case_type="inspection"))
    bad = write(rules_dir, "bad.yaml", GOOD.format(id="bad", case_type="complaint").replace("total: 10", "total: 99"))
    write(rules_dir, "binary.yaml", "")
    (rules_dir / "standards" / "binary.yaml").write_bytes(b"\xff\xfe\x00garbage")
    rs = load_rules(rules_dir)
    assert rs.checklist_for("inspection").id == "good"
    assert "complaint" not in rs.checklists  # never score with a half-valid standard
    assert any(p.file == bad for p in rs.problems)
    assert any("UTF-8" in p.message for p in rs.problems)


def test_user_overlay_replaces_bundled_file(rules_dir: Path, tmp_path: Path) -> None:
    write(rules_dir, "t.yaml", GOOD.format(id="t", case_type="penalty_general"))
    overlay = tmp_path / "mine"
    (overlay / "standards").mkdir(parents=True)
    (overlay / "standards" / "t.yaml").write_text(
        GOOD.format(id="t", case_type="penalty_general").replace('"1.0"', '"1.1-本地"'), encoding="utf-8")
    rs = load_rules(rules_dir, overlay=overlay)
    assert rs.checklist_for("penalty_general").version == "1.1-本地"


def test_version_in_force_by_closing_date(rules_dir: Path) -> None:
    import datetime as dt

    old = GOOD.format(id="t", case_type="penalty_general").replace(
        "effective_from: 2024-01-01", "effective_from: 2020-01-01\neffective_until: 2023-12-31").replace(
        '"1.0"', '"0.9"')
    write(rules_dir, "t_old.yaml", old)
    write(rules_dir, "t.yaml", GOOD.format(id="t", case_type="penalty_general"))
    rs = load_rules(rules_dir)
    assert rs.checklist_for("penalty_general", dt.date(2023, 6, 1)).version == "0.9"
    assert rs.checklist_for("penalty_general", dt.date(2024, 6, 1)).version == "1.0"
    assert rs.checklist_for("penalty_general").version == "1.0"


def test_calendar_and_settings_are_validated(rules_dir: Path) -> None:
    (rules_dir / "calendars" / "2030.yaml").write_text(
        "schema: 1\nyear: 2030\nholidays: [2031-01-01]\n", encoding="utf-8")
    (rules_dir / "settings.yaml").write_text(
        (rules_dir / "settings.yaml").read_text(encoding="utf-8").replace("reviewers_per_case: 2",
                                                                          "reviewers_per_case: 0"),
        encoding="utf-8")
    rs = load_rules(rules_dir)
    msgs = [str(p) for p in rs.problems]
    assert any("2030.yaml" in m and "not in 2030" in m for m in msgs)
    assert any("settings.yaml:" in m and "reviewers_per_case" in m for m in msgs)
