"""The checklist side of the workspace: live score, the items by section, and the current item in full.

The score header (total, grade, progress, veto banner) and the section subtotals come
from the `ReviewDTO` the core returns after each autosaved change. The detail pane
shows the item's rule, guidance and the documents it concerns (click to jump; the
ones missing from the file are listed as such), and the finding with its cited pages
and recording times (click to jump).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.checklist import Item
from review_tool.domain.enums import Outcome
from review_tool.gui import labels
from review_tool.gui.models.checklist_model import ChecklistModel, Col
from review_tool.i18n import translate
from review_tool.services.dto import DocumentDTO, ReviewDTO


class ScoreHeader(QFrame):
    """Total, grade and progress in large type; a red banner when a veto applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreHeader")
        self.setStyleSheet("#scoreHeader { background: #f4f6f9; border: 1px solid #d5dbe3; border-radius: 4px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        row = QHBoxLayout()
        self.total = QLabel("—", self)
        self.total.setStyleSheet("font-size: 26px; font-weight: bold; color: #1f3b5c;")
        self.full = QLabel("", self)
        self.full.setStyleSheet("color: #555; font-size: 14px;")
        self.grade = QLabel("", self)
        self.grade.setStyleSheet("font-size: 20px; font-weight: bold; padding: 0 8px;")
        self.progress = QLabel("", self)
        self.progress.setStyleSheet("color: #444;")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.total)
        row.addWidget(self.full)
        row.addWidget(self.grade)
        row.addStretch(1)
        row.addWidget(self.progress)
        lay.addLayout(row)
        self.veto = QLabel(self)
        self.veto.setWordWrap(True)
        self.veto.setStyleSheet(f"background: {labels.ERROR_COLOUR}; color: white; font-weight: bold; padding: 4px 8px;"
                                "border-radius: 3px;")
        self.veto.hide()
        lay.addWidget(self.veto)
        self.locked = QLabel(self)
        self.locked.setWordWrap(True)
        self.locked.setStyleSheet("background: #e8eef8; color: #1f4e99; padding: 3px 8px; border-radius: 3px;")
        self.locked.hide()
        lay.addWidget(self.locked)

    def show_review(self, review: ReviewDTO) -> None:
        sc = review.score
        self.total.setText(labels.points(sc.total))
        self.full.setText(self.tr("/ {full}").format(full=labels.points(sc.full_marks)))
        colour = labels.ERROR_COLOUR if sc.grade == review.checklist.fail_grade else (
            "#1d7a35" if sc.grade == review.checklist.top_grade else "#1f3b5c")
        self.grade.setStyleSheet(f"font-size: 20px; font-weight: bold; padding: 0 8px; color: {colour};")
        self.grade.setText(sc.grade)
        progress = self.tr("{done} of {total} items reviewed").format(done=sc.reviewed, total=sc.items)
        if sc.deductions:
            progress += self.tr(", {n} deductions").format(n=sc.deductions)
        if not sc.complete:
            progress += "\n" + self.tr("Provisional: items not yet reviewed count as passing")
        self.progress.setText(progress)
        if sc.veto is not None:
            self.veto.setText(self.tr("{veto} — item {items}").format(
                veto=labels.label(sc.veto), items="、".join(sc.veto_items)))
            self.veto.show()
        else:
            self.veto.hide()
        if review.locked:
            self.locked.setText(self.tr("Submitted {time}: this review is read-only. A legal officer can reopen it."
                                        ).format(time=labels.local_time(review.submitted_at)))
            self.locked.show()
        elif review.reopened:
            self.locked.setText(self.tr("Reopened after submission: every change asks for its reason and is kept "
                                        "in the history."))
            self.locked.show()
        else:
            self.locked.hide()


class ChecklistPanel(QWidget):
    """Attributes:
    model: the ChecklistModel.
    tree: the sections and items (keyboard focus lives here during a review).
    detail: the current item in full, with clickable citations.
    _documents_of_type: doc type code -> the case's documents of that type.
    _doc_title: doc type code -> standard title.
    _recording_name: recording id -> file name.
    """

    current_item_changed = Signal(object)  # item id or None
    link_activated = Signal(str)  # page:<file>:<n> | doc:<id> | time:<recording>:<ms>

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self._documents_of_type: Callable[[str], list[DocumentDTO]] = lambda code: []
        self._doc_title: Callable[[str], str] = lambda code: code
        self._recording_name: Callable[[int], str] = lambda rid: f"#{rid}"

        self.header = ScoreHeader(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        h = self.tree.header()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(Col.ITEM, QHeaderView.ResizeMode.Stretch)
        # fixed widths from the font, not ResizeToContents: that asks the model for every row (slow in Python)
        fm = self.fontMetrics()
        samples = {
            Col.POINTS: ["100"],
            Col.RESULT: [translate("ChecklistModel", "{done}/{total} done").format(done=88, total=88), labels.label(None)],
            Col.DEDUCTED: [translate("ChecklistModel", "{score} left").format(score="88.5"), "−88.5"],
        }
        for c, texts in samples.items():
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            texts.append(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            h.resizeSection(c, max(fm.horizontalAdvance(t) for t in texts) + 28)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self.tree.expandAll)

        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.detail.anchorClicked.connect(self._anchor)
        self.detail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.detail.setStyleSheet("QTextBrowser { background: #fbfbf8; }")

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.splitter = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.header)
        lay.addWidget(split, 1)

    def configure(self, *, documents_of_type: Callable[[str], list[DocumentDTO]], doc_title: Callable[[str], str],
                  recording_name: Callable[[int], str]) -> None:
        self._documents_of_type = documents_of_type
        self._doc_title = doc_title
        self._recording_name = recording_name

    # -- the review ------------------------------------------------------------------------------------
    def set_review(self, review: ReviewDTO) -> None:
        current = self.current_item_id()
        self.model.set_review(review)
        self.header.show_review(review)
        if current is not None and self.current_item_id() != current:
            self.select_item(current)
        self.refresh_detail()

    @property
    def review(self) -> ReviewDTO | None:
        return self.model.review

    # -- navigation -------------------------------------------------------------------------------------
    def current_item_id(self) -> str | None:
        item = self.model.item_at(self.tree.currentIndex())
        return item.id if item else None

    def current_item(self) -> Item | None:
        return self.model.item_at(self.tree.currentIndex())

    def select_item(self, item_id: str, *, center: bool = False) -> bool:
        idx = self.model.index_of(item_id)
        if not idx.isValid():
            return False
        sel = self.tree.selectionModel()
        sel.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter if center
                           else QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _step(self, step: int) -> str | None:
        ids = self.model.item_ids()
        if not ids:
            return None
        cur = self.current_item_id()
        if cur is None:
            target = ids[0] if step > 0 else ids[-1]
        else:
            i = ids.index(cur) + step
            if not (0 <= i < len(ids)):
                return None
            target = ids[i]
        self.select_item(target)
        return target

    def next_item(self) -> str | None:
        return self._step(+1)

    def previous_item(self) -> str | None:
        return self._step(-1)

    def next_unreviewed(self) -> str | None:
        """The next item without a result after the current one (wrapping around), selected."""
        review = self.model.review
        ids = self.model.item_ids()
        if review is None or not ids:
            return None
        cur = self.current_item_id()
        start = ids.index(cur) + 1 if cur in ids else 0
        for item_id in ids[start:] + ids[:start]:
            if item_id not in review.results:
                self.select_item(item_id)
                return item_id
        return None

    def unreviewed(self) -> list[str]:
        review = self.model.review
        return [i for i in self.model.item_ids() if review is None or i not in review.results]

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        self.refresh_detail()
        self.current_item_changed.emit(item.id if item else None)

    # -- detail -------------------------------------------------------------------------------------------
    def _anchor(self, url: QUrl) -> None:
        self.link_activated.emit(url.toString())

    def refresh_detail(self) -> None:
        item = self.current_item()
        review = self.model.review
        if item is None or review is None:
            idx = self.tree.currentIndex()
            section = idx.data(Qt.ItemDataRole.DisplayRole) if idx.isValid() else ""
            self.detail.setHtml(f"<p style='color:#666'>{html.escape(str(section or ''))}</p>"
                                + "<p style='color:#666'>" + html.escape(self.tr(
                                    "Choose an item (J/K or ↓/↑) and rate it: P pass, D deduct, N not applicable."))
                                + "</p>")
            return
        self.detail.setHtml(self._item_html(item, review))

    def _item_html(self, item: Item, review: ReviewDTO) -> str:
        e = html.escape
        # the words first (tr() inside an f-string is invisible to lupdate)
        t_look, t_docs, t_missing = self.tr("What to look at:"), self.tr("Documents:"), self.tr("not found in the file")
        t_cited, t_jump, t_note = self.tr("Cited:"), self.tr("(G jumps there)"), self.tr("Note:")
        t_basis = self.tr("Basis:")
        parts = [f"<p><b>{e(item.id)}</b>　{e(item.text)}</p>",
                 f"<p style='color:#444'>{e(labels.rule_text(item))}"
                 + (f"　<span style='color:{labels.ERROR_COLOUR}'><b>{e(labels.label(item.veto))}</b></span>" if item.veto else "")
                 + "</p>"]
        if item.guidance:
            parts.append(f"<p style='color:#333'>{e(t_look)} {e(item.guidance)}</p>")
        if item.documents:
            links = []
            for code in item.documents:
                docs = self._documents_of_type(code)
                if docs:
                    for d in docs:
                        pages = str(d.first_page) if d.first_page == d.last_page else f"{d.first_page}–{d.last_page}"
                        where = self.tr("p. {pages}").format(pages=pages)
                        links.append(f"<a href='doc:{d.id}'>{e(d.type_title)}</a> "
                                     f"<span style='color:#666'>{e(where)}</span>")
                else:
                    links.append(f"<span style='color:#b36b00'>{e(self._doc_title(code))}（{e(t_missing)}）</span>")
            parts.append(f"<p>{e(t_docs)} " + "　".join(links) + "</p>")
        r = review.results.get(item.id)
        if r is not None:
            colour = {Outcome.PASS: "#1d7a35", Outcome.DEDUCT: "#c0392b"}.get(r.outcome, "#6b6b6b")
            head = labels.label(r.outcome)
            if r.outcome is Outcome.DEDUCT:
                head += " −" + labels.points(r.points)
                if r.occurrences:
                    head += self.tr(" ({n} occurrences)").format(n=r.occurrences)
            parts.append(f"<hr><p><b style='color:{colour}'>{e(head)}</b>"
                         + (f"　{e(r.reason)}" if r.reason else "") + "</p>")
            cites = []
            for p in r.pages:
                label = self.tr("page {n}").format(n=p.page)
                cites.append(f"<a href='page:{p.file_id or ''}:{p.page}'>{e(label)}</a>")
            cites += [f"<a href='time:{t.recording_id}:{t.ms}'>{e(self._recording_name(t.recording_id))} "
                      f"{labels.ms_text(t.ms)}</a>" for t in r.timestamps]
            if cites:
                parts.append(f"<p>{e(t_cited)} " + "　".join(cites)
                             + f"　<span style='color:#888'>{e(t_jump)}</span></p>")
            if r.note:
                parts.append(f"<p>{e(t_note)} {e(r.note)}</p>")
            saved = self.tr("Saved {time} by {who}").format(
                time=labels.local_time(r.updated_at, "%m-%d %H:%M:%S"), who=r.updated_by)
            parts.append(f"<p style='color:#888'>{e(saved)}</p>")
        if item.basis:
            parts.append(f"<p style='color:#666'>{e(t_basis)} {e(item.basis)}</p>")
        return "".join(parts)
