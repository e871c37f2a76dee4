"""Which function draws which document type."""

from __future__ import annotations

from review_tool.demo import docs_common as c
from review_tool.demo import docs_decisions as d
from review_tool.demo import docs_records as r
from review_tool.demo.docs_common import DrawCtx, Drawer
from review_tool.demo.layout import Page
from review_tool.demo.model import DocPlan

DRAWERS: dict[str, Drawer] = {
    "cover": c.cover, "contents": c.contents, "filing_remarks": c.filing_remarks, "photo_sheet": c.photo_sheet,
    "identity_proof": c.identity_proof, "evidence_list": c.evidence_list, "av_evidence_list": c.av_evidence_list,
    "service_receipt": c.service_receipt, "fine_receipt": c.fine_receipt,
    "inspection_record": r.inspection_record, "site_record": r.site_record, "inquiry_record": r.inquiry_record,
    "collective_discussion": r.collective_discussion, "statement_record": r.statement_record, "waiver": r.waiver,
    "seal_record": r.seal_record, "scene_survey_record": r.scene_survey_record, "recheck_record": r.recheck_record,
    "complaint_register": r.complaint_register, "complaint_verification": r.complaint_verification,
    "seal_release_application": r.seal_release_application, "application_form": r.application_form,
    "commitment": r.commitment, "explanation_record": r.explanation_record, "hearing_record": r.hearing_record,
    "site_plan": r.site_plan, "scene_drawing": r.scene_drawing, "authorisation": r.authorisation,
    "witness_statement": r.witness_statement,
    "filing_approval": d.filing_approval, "fire_filing": d.fire_filing, "transfer_letter": d.transfer_letter,
    "investigation_report": d.investigation_report, "handling_approval": d.handling_approval,
    "legal_review": d.legal_review, "penalty_notice": d.penalty_notice, "seal_notice": d.seal_notice,
    "penalty_decision": d.penalty_decision, "stop_order": d.penalty_decision, "onsite_decision": d.onsite_decision,
    "seal_decision": d.seal_decision, "seal_release_decision": d.seal_release_decision,
    "rectification_notice": d.rectification_notice, "acceptance_notice": d.acceptance_notice,
    "opening_permit": d.opening_permit, "fire_determination": d.fire_determination,
    "closing_report": d.closing_report, "resumption_record": d.resumption_record,
    "complaint_reply": d.complaint_reply, "hearing_notice": d.hearing_notice, "hearing_report": d.hearing_report,
    "physical_evidence_record": d.physical_evidence_record, "loss_declaration": d.loss_declaration,
}


def draw(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    return DRAWERS.get(doc.code, c.stub)(ctx, doc)
