"""Fixed vocabulary of the demo: printed titles, case-type names, violations, defect kinds.

Printed titles are the standard titles of `checklists/doc_types.yaml` or synonyms listed there (the
tests check this), so an importer that knows the vocabulary can recognise every generated document.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> (standard title, other printed titles seen in files)
TITLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cover": ("卷宗封面", ("消防行政执法案卷", "行政处罚案卷")),
    "contents": ("卷内目录", ("卷内文件目录",)),
    "complaint_register": ("举报投诉登记表", ("举报投诉受理登记表",)),
    "transfer_letter": ("案件移送函", ("移送函",)),
    "filing_approval": ("立案审批表", ("行政处罚立案审批表", "立案登记表")),
    "fire_filing": ("火灾事故调查立案登记表", ("火灾事故受理登记表",)),
    "inspection_record": ("消防监督检查记录", ("消防监督检查记录表",)),
    "site_record": ("现场检查笔录", ("现场笔录",)),
    "inquiry_record": ("询问笔录", ("调查询问笔录",)),
    "photo_sheet": ("现场照片", ("现场照片粘贴单", "照片粘贴单")),
    "av_evidence_list": ("视听资料说明", ("执法记录仪视频目录", "音像资料清单")),
    "evidence_list": ("证据清单", ("证据材料清单",)),
    "identity_proof": ("当事人身份证明", ("营业执照复印件", "身份证复印件", "法定代表人身份证明书")),
    "authorisation": ("授权委托书", ()),
    "witness_statement": ("证人证言", ("情况说明",)),
    "investigation_report": ("案件调查终结报告", ("调查终结报告",)),
    "handling_approval": ("案件处理审批表", ("行政处罚审批表", "案件处理呈批表")),
    "legal_review": ("法制审核意见书", ("重大执法决定法制审核意见书", "法制审核表")),
    "collective_discussion": ("集体议案记录", ("集体讨论记录", "重大案件集体讨论记录")),
    "penalty_notice": ("行政处罚告知笔录", ("行政处罚告知书", "行政处罚事先告知书")),
    "seal_notice": ("临时查封告知书", ()),
    "statement_record": ("陈述申辩笔录", ()),
    "waiver": ("放弃陈述申辩和听证声明", ()),
    "hearing_notice": ("举行听证通知书", ("听证通知书",)),
    "hearing_record": ("听证笔录", ()),
    "hearing_report": ("听证报告书", ()),
    "penalty_decision": ("行政处罚决定书", ("消防行政处罚决定书",)),
    "onsite_decision": ("当场行政处罚决定书", ("当场处罚决定书",)),
    "seal_decision": ("临时查封决定书", ()),
    "seal_record": ("临时查封现场笔录", ("实施临时查封笔录",)),
    "seal_release_application": ("解除临时查封申请书", ()),
    "seal_release_decision": ("同意解除临时查封决定书", ()),
    "rectification_notice": ("责令限期改正通知书", ()),
    "recheck_record": ("复查记录", ("消防监督检查复查记录",)),
    "application_form": ("公众聚集场所投入使用营业前消防安全检查申请表", ("消防安全检查申报表",)),
    "commitment": ("公众聚集场所投入使用营业消防安全告知承诺书", ("消防安全告知承诺书",)),
    "acceptance_notice": ("受理凭证", ("消防行政许可受理凭证",)),
    "site_plan": ("场所平面布置图", ("平面布置图",)),
    "opening_permit": ("公众聚集场所投入使用营业前消防安全检查合格证", ("投入使用营业前消防安全检查合格证",)),
    "stop_order": ("责令停产停业决定书", ()),
    "resumption_record": ("恢复使用审批表", ()),
    "complaint_verification": ("举报投诉核查记录", ("举报投诉核查情况记录",)),
    "complaint_reply": ("举报投诉处理结果告知记录", ("举报投诉答复记录",)),
    "scene_survey_record": ("火灾现场勘验笔录", ()),
    "scene_drawing": ("火灾现场图", ("火灾现场示意图",)),
    "physical_evidence_record": ("火灾痕迹物品提取清单", ("痕迹物证提取清单",)),
    "loss_declaration": ("火灾直接财产损失申报统计表", ("火灾直接财产损失申报表",)),
    "explanation_record": ("火灾事故认定说明记录", ("火灾事故认定说明会记录",)),
    "fire_determination": ("火灾事故认定书", ()),
    "service_receipt": ("送达回证", ("文书送达回证", "法律文书送达回证")),
    "fine_receipt": ("罚没款收据", ("非税收入缴款书", "罚款缴纳凭证")),
    "closing_report": ("结案报告", ("结案审批表",)),
    "filing_remarks": ("备考表", ("卷内备考表",)),
}

# Documents kept in the 副卷 when a file is split into 正卷 and 副卷.
SUB_VOLUME = frozenset({"investigation_report", "handling_approval", "legal_review", "collective_discussion",
                        "hearing_report", "closing_report"})

# code -> (name, aliases seen in registers); mirrors checklists/case_types.yaml
CASE_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "penalty_general": ("行政处罚（一般程序）", ("行政处罚", "一般程序", "行政处罚一般程序")),
    "penalty_simple": ("行政处罚（简易程序）", ("简易程序", "当场处罚")),
    "temporary_seal": ("临时查封", ("查封",)),
    "three_stops": ("责令三停（停产停业/停止使用/停止施工）", ("三停", "责令停产停业")),
    "inspection": ("消防监督检查（日常/双随机/专项）", ("监督检查", "双随机检查", "日常检查")),
    "pre_opening": ("公众聚集场所投入使用、营业前消防安全检查", ("开业前检查", "营业前检查")),
    "fire_investigation": ("火灾事故调查", ("火灾调查", "火灾事故认定")),
    "complaint": ("举报投诉核查", ("举报投诉", "投诉举报")),
}

# The month's mix (weights); every type appears at least once when there are 8 cases or more.
CASE_MIX: dict[str, int] = {
    "penalty_general": 14, "inspection": 7, "penalty_simple": 4, "complaint": 4, "temporary_seal": 3,
    "pre_opening": 3, "fire_investigation": 3, "three_stops": 2,
}

# 文号 kind (the part before 字) of each case type's number
DOC_NO_KIND: dict[str, str] = {
    "penalty_general": "行罚决", "three_stops": "行罚决", "penalty_simple": "当罚决", "temporary_seal": "封",
    "inspection": "限", "pre_opening": "安许", "fire_investigation": "火认", "complaint": "举",
}


@dataclass(frozen=True)
class DefectKind:
    kind: str
    category: str  # problem category (checklists/categories.yaml)
    hint: str  # short Chinese description, as a checklist item would say it
    case_types: tuple[str, ...]


_PEN = ("penalty_general", "three_stops")
DEFECT_KINDS: tuple[DefectKind, ...] = (
    DefectKind("missing_service_receipt", "P-SD", "处罚决定书无送达回证", _PEN),
    DefectKind("late_decision_service", "P-SX", "处罚决定书未在7日内送达", _PEN),
    DefectKind("decision_before_notice", "P-CX", "先作出处罚决定后告知，程序倒置", ("penalty_general",)),
    DefectKind("fine_out_of_range", "P-CL", "罚款数额超出法定幅度", ("penalty_general",)),
    DefectKind("missing_legal_review", "P-CX", "较大数额罚款未经法制审核", ("penalty_general",)),
    DefectKind("inquiry_without_recording", "P-YX", "询问未进行音像记录", ("penalty_general", "fire_investigation",
                                                                     "three_stops")),
    DefectKind("single_officer_record", "P-ZJ", "笔录仅有一名执法人员签名", ("penalty_general", "inspection",
                                                                     "complaint", "temporary_seal")),
    DefectKind("late_seal_decision", "P-SX", "临时查封决定书超过3个工作日作出", ("temporary_seal",)),
    DefectKind("late_rectification_notice", "P-SX", "责令限期改正通知书超过3个工作日送达", ("inspection", "complaint")),
    DefectKind("wrong_document_order", "P-GD", "卷内文书排列顺序错误", ("penalty_general", "inspection",
                                                                "temporary_seal", "three_stops")),
    DefectKind("register_mismatch", "P-XT", "案件台账与案卷记载不一致", ("penalty_general", "three_stops")),
)
DEFECTS_BY_KIND: dict[str, DefectKind] = {d.kind: d for d in DEFECT_KINDS}
CONFLICTS: frozenset[frozenset[str]] = frozenset({
    frozenset({"missing_service_receipt", "late_decision_service"}),
    frozenset({"fine_out_of_range", "missing_legal_review"}),
    frozenset({"decision_before_notice", "wrong_document_order"}),
})

LAW = "《中华人民共和国消防法》"


@dataclass(frozen=True)
class ViolationTemplate:
    name: str
    violated: str
    basis: str
    facts: str  # {place}: the premises
    items: tuple[str, ...]
    captions: tuple[str, ...]
    min_yuan: int
    max_yuan: int


UNIT_VIOLATIONS: tuple[ViolationTemplate, ...] = (
    ViolationTemplate(
        "消防设施、器材未保持完好有效", f"{LAW}第十六条第一款第二项", f"{LAW}第六十条第一款第一项",
        "{place}二层东侧走道3具应急照明灯损坏不亮，一层大厅2具灭火器压力不足，三层室内消火栓箱内水带缺失，"
        "消防设施、器材未保持完好有效",
        ("二层东侧走道3具应急照明灯损坏", "一层大厅2具灭火器压力不足", "三层室内消火栓箱内水带缺失"),
        ("二层东侧走道应急照明灯损坏", "一层大厅灭火器压力表指针位于红区", "三层室内消火栓箱内无水带"),
        5000, 50000),
    ViolationTemplate(
        "擅自停用消防设施", f"{LAW}第二十八条", f"{LAW}第六十条第一款第二项",
        "{place}擅自关闭自动喷水灭火系统湿式报警阀前端信号蝶阀，火灾自动报警系统控制器长期处于手动状态，"
        "擅自停用消防设施",
        ("自动喷水灭火系统信号蝶阀处于关闭状态", "火灾自动报警控制器处于手动状态"),
        ("湿式报警阀前端信号蝶阀处于关闭状态", "火灾报警控制器显示手动状态"),
        5000, 50000),
    ViolationTemplate(
        "占用、堵塞、封闭疏散通道、安全出口", f"{LAW}第二十八条", f"{LAW}第六十条第一款第三项",
        "{place}一层东侧安全出口被货物堵塞，二层疏散走道堆放杂物，西侧疏散门上锁，占用、堵塞、封闭疏散通道、安全出口",
        ("一层东侧安全出口被货物堵塞", "二层疏散走道堆放杂物", "西侧疏散门上锁"),
        ("一层东侧安全出口被纸箱货物堵塞", "二层疏散走道堆放杂物", "西侧疏散门被铁链锁闭"),
        5000, 50000),
    ViolationTemplate(
        "遮挡、圈占消火栓", f"{LAW}第二十八条", f"{LAW}第六十条第一款第四项",
        "{place}北侧室外消火栓被建筑材料圈占，一层室内消火栓被广告展板遮挡",
        ("北侧室外消火栓被建筑材料圈占", "一层室内消火栓被广告展板遮挡"),
        ("北侧室外消火栓被建筑材料圈占", "一层室内消火栓被展板遮挡"),
        5000, 50000),
    ViolationTemplate(
        "占用、堵塞消防车通道", f"{LAW}第二十八条", f"{LAW}第六十条第一款第五项",
        "{place}在消防车通道上设置地锁、停放车辆并堆放物品，妨碍消防车通行",
        ("消防车通道设置地锁5处", "消防车通道停放车辆并堆放物品"),
        ("消防车通道上设置的地锁", "消防车通道被车辆及杂物占用"),
        5000, 50000),
    ViolationTemplate(
        "人员密集场所门窗设置影响逃生障碍物", f"{LAW}第二十八条", f"{LAW}第六十条第一款第六项",
        "{place}在二层、三层外窗设置金属防盗网，影响逃生和灭火救援",
        ("二层外窗设置金属防盗网", "三层外窗设置金属防盗网"),
        ("二层外窗设置的金属防盗网", "三层外窗设置的金属防盗网"),
        5000, 50000),
)

PERSON_VIOLATION = ViolationTemplate(
    "占用消防车通道", f"{LAW}第二十八条", f"{LAW}第六十条第二款",
    "{place}将私家车停放在小区消防车通道上，占用消防车通道，妨碍消防车通行",
    ("私家车占用消防车通道",), ("车辆停放在消防车通道标线内", "消防车通道标识"), 0, 500)

SEAL_VIOLATION = ViolationTemplate(
    "疏散通道、安全出口严重堵塞", f"{LAW}第二十八条", f"{LAW}第五十四条、《消防监督检查规定》第二十二条第一款第一项",
    "{place}营业期间一层、二层安全出口被货物严重堵塞，疏散通道堆满可燃物品，已不具备安全疏散条件，"
    "不及时消除可能严重威胁公共安全",
    ("一层、二层安全出口被货物严重堵塞", "疏散通道堆满可燃物品"),
    ("一层安全出口被货物严重堵塞", "二层疏散通道堆满可燃物品", "营业场所内人员较多"), 0, 0)

STOP_VIOLATION = ViolationTemplate(
    "公众聚集场所未经消防安全检查擅自投入使用、营业", f"{LAW}第十五条第一款", f"{LAW}第五十八条第一款第四项",
    "{place}未经消防救援机构许可，擅自投入使用、营业", ("未取得投入使用、营业前消防安全检查合格证擅自营业",),
    ("场所正在营业", "场所内顾客就餐情况"), 30000, 300000)

FIRE_CAUSES: tuple[str, ...] = (
    "电动自行车蓄电池故障引发火灾", "电气线路短路引燃周围可燃物", "厨房油锅过热起火引燃排烟管道油垢",
    "遗留火种引燃可燃物", "电热设备使用不当引燃周围可燃物",
)

PHOTO_TAGS = ("现场全景", "违法行为细部", "整改情况", "场所入口")
