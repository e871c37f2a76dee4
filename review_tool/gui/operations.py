"""Operations: the Workspace calls behind each user action (style §8.3), run by the TaskRunner.

Each function here runs on a worker thread (the DB worker for `ws` functions, the I/O
pool for file checks) and returns frozen DTOs; none touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from review_tool.domain.enums import DeductionKind, FileStatus, Outcome
from review_tool.i18n import translate
from review_tool.ingest.fingerprint import sha256_file
from review_tool.services.dto import CaseDetail, FileDTO, ReviewDTO, TimeRef, UserDTO

if TYPE_CHECKING:
    from review_tool.workspace import Workspace


@dataclass(frozen=True)
class OpenBundle:
    """Everything the workspace needs to show a case, fetched in one trip to the DB worker."""

    detail: CaseDetail
    review: ReviewDTO
    vocabulary: dict[str, str]  # doc type code -> standard title
    user: UserDTO | None
    round_id: int | None
    handler_hidden: bool = False  # a blind round hides the handlers from reviewers


def load_bundle(ws: Workspace, *, case_id: int, round_id: int | None, review_id: int | None) -> OpenBundle:
    """The case and the review (the current user's, created on first opening, or the one asked for)."""
    detail = ws.cases.get(case_id, reviewer_id=ws.user_id)
    review = ws.reviews.get(review_id) if review_id is not None else ws.reviews.open(case_id, round_id=round_id)
    vocabulary = {code: d.title for code, d in ws.rules.doc_types.items()}
    user = ws.org.user(ws.user_id) if ws.user_id is not None else None
    hidden = ws.meeting.handler_hidden(review.round_id) if review.round_id is not None and user else False
    return OpenBundle(detail, review, vocabulary, user, review.round_id, hidden)


def check_file(f: FileDTO) -> tuple[int, FileStatus, str]:
    """Is the file on disk the one imported? (I/O pool; hashing a large PDF takes a moment.)"""
    if f.path is None:
        return f.id, FileStatus.MISSING, translate("gui", "the case folder is not known")
    path = Path(f.path)
    if not path.is_file():
        return f.id, FileStatus.MISSING, translate("gui", "{path} is not there (moved or deleted?)").format(path=path)
    try:
        digest = sha256_file(path)
    except OSError as exc:
        return f.id, FileStatus.MISSING, translate("gui", "{path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)
    if digest != f.sha256:
        return f.id, FileStatus.CHANGED, str(path)
    return f.id, FileStatus.OK, ""


def add_timestamp(ws: Workspace, *, review_id: int, item_id: str, mark: TimeRef, change_reason: str = "") -> ReviewDTO:
    """Cite one more recording moment in an item's existing result, keeping everything else as it is."""
    review = ws.reviews.get(review_id)
    r = review.results[item_id]
    item = review.checklist.item(item_id)
    value: Decimal | None = r.points if (r.outcome is Outcome.DEDUCT and item.rule.kind is DeductionKind.RANGE) \
        else None
    times = list(dict.fromkeys([*r.timestamps, mark]))
    return ws.reviews.record(review_id, item_id, r.outcome, occurrences=r.occurrences, value=value,
                             reason=r.reason, timestamps=times, change_reason=change_reason)


def mark_remaining(ws: Workspace, *, review_id: int, change_reason: str = "") -> tuple[int, ReviewDTO]:
    n = ws.reviews.mark_remaining_pass(review_id, change_reason=change_reason)
    return n, ws.reviews.get(review_id)


def set_note(ws: Workspace, *, review_id: int, item_id: str, note: str, change_reason: str = "") -> ReviewDTO:
    return ws.reviews.set_note(review_id, item_id, note, change_reason=change_reason)
