"""Enumerations shared by every layer.

Values are stable English identifiers (they are stored in the database and in
checklist files); Chinese labels come from `label()` so the UI and reports show
the words reviewers use.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a user may do. A person can hold one role per user record."""

    LEGAL_OFFICER = "legal_officer"  # 法制员: prepares rounds, reconciles, finalises
    REVIEWER = "reviewer"  # 评查员: reviews assigned cases
    CHIEF = "chief"  # 负责人: reads reports


class UnitKind(StrEnum):
    DETACHMENT = "detachment"  # 支队
    BRIGADE = "brigade"  # 大队
    SQUADRON = "squadron"  # 中队 / 站
    TOWNSHIP = "township"  # 乡镇街道
    OFFICE = "office"  # 科室 (e.g. 法制科 inside the 支队)


class Outcome(StrEnum):
    """The result a reviewer records for one checklist item."""

    PASS = "pass"  # 符合
    DEDUCT = "deduct"  # 扣分 (for a veto item with no points: the veto applies)
    NOT_APPLICABLE = "na"  # 不适用


class DeductionKind(StrEnum):
    FIXED = "fixed"  # a fixed number of points
    PER_OCCURRENCE = "per_occurrence"  # 每处扣 N 分, capped
    RANGE = "range"  # 扣 a–b 分, the reviewer picks
    FULL = "full"  # 扣全分 (the item's points)
    VETO_ONLY = "veto_only"  # an item that carries no points, only a veto


class VetoKind(StrEnum):
    FAIL = "fail"  # the file is 不合格 whatever its score
    ZERO = "zero"  # the total becomes 0 (and so the lowest grade)
    NO_EXCELLENT = "no_excellent"  # the file cannot get the top grade


class Severity(StrEnum):
    VETO = "veto"  # 否决
    MAJOR = "major"  # 重大
    GENERAL = "general"  # 一般
    MINOR = "minor"  # 轻微


class Aspect(StrEnum):
    """The eight aspects a complete checklist covers (issue 2, item 5)."""

    PROCEDURE = "procedure"  # 程序
    EVIDENCE = "evidence"  # 证据
    RECORDING = "recording"  # 执法全过程记录 / 音像
    DRAFTING = "drafting"  # 文书
    LAW = "law"  # 法律适用 / 裁量
    LEGAL_REVIEW = "legal_review"  # 法制审核 / 集体议案
    SERVICE = "service"  # 送达 / 执行
    FILING = "filing"  # 归档


class IndexSource(StrEnum):
    """Where a document's page range came from."""

    BOOKMARK = "bookmark"
    DETECTED = "detected"
    MANUAL = "manual"


class CaseStatus(StrEnum):
    IMPORTED = "imported"  # in the database, not in a round yet
    SELECTED = "selected"  # in a round, not assigned yet
    UNDER_REVIEW = "under_review"
    REVIEWED = "reviewed"  # all assigned reviews submitted
    FINALISED = "finalised"


class ReviewStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class RoundStatus(StrEnum):
    DRAFT = "draft"  # cases being selected
    PROPOSED = "proposed"  # an assignment is proposed, not deployed
    IN_PROGRESS = "in_progress"  # assignment deployed, reviews under way
    FINALISED = "finalised"


class AssignmentStatus(StrEnum):
    PROPOSED = "proposed"
    DEPLOYED = "deployed"
    WITHDRAWN = "withdrawn"  # replaced by a reassignment; kept for the record


class FileStatus(StrEnum):
    OK = "ok"
    CHANGED = "changed"  # content differs from the sha256 recorded at import
    MISSING = "missing"


class FindingStatus(StrEnum):
    OPEN = "open"  # 待整改
    RECTIFIED = "rectified"  # 已整改 (reported by the unit)
    VERIFIED = "verified"  # 已核实 (checked by the legal officer)


LABELS_ZH: dict[StrEnum, str] = {
    Role.LEGAL_OFFICER: "法制员",
    Role.REVIEWER: "评查员",
    Role.CHIEF: "负责人",
    UnitKind.DETACHMENT: "支队",
    UnitKind.BRIGADE: "大队",
    UnitKind.SQUADRON: "中队",
    UnitKind.TOWNSHIP: "乡镇街道",
    UnitKind.OFFICE: "科室",
    Outcome.PASS: "符合",
    Outcome.DEDUCT: "扣分",
    Outcome.NOT_APPLICABLE: "不适用",
    DeductionKind.FIXED: "固定扣分",
    DeductionKind.PER_OCCURRENCE: "每处扣分",
    DeductionKind.RANGE: "区间扣分",
    DeductionKind.FULL: "扣全分",
    DeductionKind.VETO_ONLY: "否决项",
    VetoKind.FAIL: "一票否决（不合格）",
    VetoKind.ZERO: "一票否决（计零分）",
    VetoKind.NO_EXCELLENT: "不得评为优秀",
    Severity.VETO: "否决",
    Severity.MAJOR: "重大",
    Severity.GENERAL: "一般",
    Severity.MINOR: "轻微",
    Aspect.PROCEDURE: "程序",
    Aspect.EVIDENCE: "证据",
    Aspect.RECORDING: "执法全过程记录",
    Aspect.DRAFTING: "文书制作",
    Aspect.LAW: "法律适用与裁量",
    Aspect.LEGAL_REVIEW: "法制审核与集体议案",
    Aspect.SERVICE: "送达与执行",
    Aspect.FILING: "立卷归档",
    IndexSource.BOOKMARK: "书签",
    IndexSource.DETECTED: "识别",
    IndexSource.MANUAL: "人工",
    CaseStatus.IMPORTED: "已导入",
    CaseStatus.SELECTED: "已抽取",
    CaseStatus.UNDER_REVIEW: "评查中",
    CaseStatus.REVIEWED: "已评查",
    CaseStatus.FINALISED: "已定稿",
    ReviewStatus.IN_PROGRESS: "评查中",
    ReviewStatus.SUBMITTED: "已提交",
    RoundStatus.DRAFT: "抽取中",
    RoundStatus.PROPOSED: "待确认分配",
    RoundStatus.IN_PROGRESS: "评查中",
    RoundStatus.FINALISED: "已定稿",
    AssignmentStatus.PROPOSED: "拟分配",
    AssignmentStatus.DEPLOYED: "已分配",
    AssignmentStatus.WITHDRAWN: "已撤回",
    FileStatus.OK: "完好",
    FileStatus.CHANGED: "已变更",
    FileStatus.MISSING: "找不到文件",
    FindingStatus.OPEN: "待整改",
    FindingStatus.RECTIFIED: "已整改",
    FindingStatus.VERIFIED: "已核实",
}


def label(value: StrEnum) -> str:
    """The Chinese label for an enum value (falls back to the raw value)."""
    return LABELS_ZH.get(value, str(value))
