"""The bundled 评查表 (checklists/standards/*.yaml) are complete, consistent standards.

Every bundled checklist must load without problems, add up to 100, cover all eight
aspects, carry a real veto layer, offer reviewers ready-made reasons, and use only
known document types and automated-check names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import Aspect, DeductionKind, VetoKind
from review_tool.rules.loader import RuleSet, load_rules

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "checklists"
STANDARDS = RULES / "standards"

CASE_TYPES = (
    "penalty_general",
    "penalty_simple",
    "temporary_seal",
    "three_stops",
    "inspection",
    "pre_opening",
    "fire_investigation",
    "complaint",
)

# Names of the automated checks a checklist item may refer to (implemented elsewhere).
CHECK_NAMES = frozenset(
    {
        "document_present",
        "filing_before_evidence",
        "notice_before_decision",
        "decision_served_in_time",
        "hearing_rights_offered",
        "legal_review_present",
        "collective_discussion_present",
        "fine_in_legal_range",
        "fine_within_simple_limit",
        "two_officers_signed",
        "recording_present_for_step",
        "recording_time_matches_record",
        "rectification_notice_in_time",
        "recheck_in_time",
        "seal_decision_in_time",
        "seal_period_within_limit",
        "fire_determination_in_time",
        "determination_served_in_time",
        "complaint_checked_in_time",
        "pre_opening_in_time",
    }
)

STANDARD_FILES = sorted(STANDARDS.glob("*.yaml"))


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(RULES)


def _checklist(rules: RuleSet, file: Path) -> Checklist:
    for (cid, version), f in rules.checklist_files.items():
        if f == file:
            found = rules.checklist_version(cid, version)
            assert found is not None
            return found
    problems = [str(p) for p in rules.problems if p.file == file]
    pytest.fail(f"{file.name} did not load: {problems}")


def test_every_case_type_has_a_bundled_checklist(rules: RuleSet) -> None:
    assert STANDARD_FILES, "no checklist files in checklists/standards"
    for code in CASE_TYPES:
        assert rules.checklists.get(code), f"no usable checklist for {code}"


def test_no_problems_in_standards(rules: RuleSet) -> None:
    problems = [str(p) for p in rules.problems if STANDARDS in p.file.parents or p.file == STANDARDS]
    assert problems == []


def test_penalty_general_versions_follow_the_closing_date(rules: RuleSet) -> None:
    versions = [c.version for c in rules.checklists["penalty_general"]]
    assert versions == ["2023.1", "2025.1"]
    assert rules.checklist_for("penalty_general", dt.date(2024, 6, 30)).version == "2023.1"
    assert rules.checklist_for("penalty_general", dt.date(2024, 12, 31)).version == "2023.1"
    assert rules.checklist_for("penalty_general", dt.date(2025, 1, 1)).version == "2025.1"
    assert rules.checklist_for("penalty_general", dt.date(2025, 10, 1)).version == "2025.1"


@pytest.mark.parametrize("file", STANDARD_FILES, ids=lambda p: p.stem)
class TestBundledChecklist:
    def test_loads_without_problems(self, rules: RuleSet, file: Path) -> None:
        assert [str(p) for p in rules.problems if p.file == file] == []
        c = _checklist(rules, file)
        assert c.id == c.case_type
        assert c.case_type in CASE_TYPES

    def test_total_is_100_and_sections_add_up(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        assert c.total == Decimal(100)
        assert sum((s.points for s in c.sections), Decimal(0)) == Decimal(100)
        for s in c.sections:
            if s.points:
                assert sum((i.points for i in s.items), Decimal(0)) >= s.points, s.id

    def test_grade_bands(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        assert [(b.grade, b.min) for b in c.grade_bands] == [
            ("优秀", Decimal(90)),
            ("良好", Decimal(80)),
            ("合格", Decimal(60)),
            ("不合格", Decimal(0)),
        ]

    def test_all_eight_aspects_are_covered(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        scored = {i.aspect for i in c.items() if i.rule.kind is not DeductionKind.VETO_ONLY}
        assert scored == set(Aspect), f"missing: {sorted(a.value for a in set(Aspect) - scored)}"

    def test_veto_layer(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        first = c.sections[0]
        assert first.points == 0
        assert all(i.rule.kind is DeductionKind.VETO_ONLY for i in first.items)
        vetoes = [i for i in c.items() if i.veto is not None]
        assert len(vetoes) >= 3
        assert any(i.veto is VetoKind.FAIL for i in vetoes)

    def test_every_scored_item_offers_phrasings(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        for i in c.items():
            if i.rule.kind is not DeductionKind.VETO_ONLY:
                assert len(i.phrasings) >= 2, i.id
                assert len(set(i.phrasings)) == len(i.phrasings), i.id

    def test_item_ids_follow_their_section(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        for s in c.sections:
            for i in s.items:
                assert i.id.startswith(s.id), (s.id, i.id)

    def test_document_codes_exist(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        assert rules.doc_types, "doc_types.yaml did not load"
        for i in c.items():
            for d in i.documents:
                assert d in rules.doc_types, (i.id, d)

    def test_check_names_are_known(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        for i in c.items():
            if i.check is not None:
                assert i.check in CHECK_NAMES, (i.id, i.check)

    def test_categories_exist(self, rules: RuleSet, file: Path) -> None:
        c = _checklist(rules, file)
        assert rules.categories, "categories.yaml did not load"
        for i in c.items():
            assert i.category in rules.categories, (i.id, i.category)
