"""The deduction dialog: how much (by the item's rule), why, and where (pages, recording time).

It checks everything the core would refuse before anything is sent: a deduction
needs its reason, a per-occurrence rule a count, a range rule a value within the
range (`scoring.engine.deduction_for` is the single source of truth), pages must be
inside the file. Enter saves; a refusal says why, next to the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.checklist import Item
from review_tool.domain.enums import DeductionKind, Outcome
from review_tool.gui import labels
from review_tool.scoring.engine import ResultInput, RuleNotApplicable, deduction_for, score_review
from review_tool.services.dto import ItemResultDTO, PageRef, ReviewDTO, TimeRef


@dataclass(frozen=True)
class PlayerMark:
    """Where the player is, offered as a citation."""

    recording_id: int
    ms: int
    name: str


@dataclass(frozen=True)
class DeductionInput:
    occurrences: int | None
    value: Decimal | None
    points: Decimal
    reason: str
    note: str
    pages: tuple[PageRef, ...]
    timestamps: tuple[TimeRef, ...]
    change_reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class DeductionDialog(QDialog):
    """Attributes:
    item: the checklist item.
    review: the review (for the live total preview and the reopened-review rule); None for the meeting's
        own deduction (例会认定), which has no review of its own.
    _existing: the item's current result, if any (prefills the fields).
    _file_id / _page_count: the file on screen, for page citations.
    """

    def __init__(self, *, item: Item, review: ReviewDTO | None, page: int, file_id: int | None, page_count: int,
                 mark: PlayerMark | None = None, cite_mark: bool = False, recording_names: dict[int, str] | None = None,
                 pages: tuple[int, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.review = review
        self._existing: ItemResultDTO | None = review.results.get(item.id) if review is not None else None
        self._file_id = file_id
        self._page_count = page_count
        self._mark = mark
        self._names = recording_names or {}
        self.result: DeductionInput | None = None
        self.setWindowTitle(self.tr("Deduct: {item}").format(item=item.id))
        self.setMinimumWidth(560)

        lay = QVBoxLayout(self)
        text = QLabel(f"<b>{item.id}</b>　{item.text}", self)
        text.setWordWrap(True)
        lay.addWidget(text)
        rule = QLabel(labels.rule_text(item), self)
        rule.setStyleSheet("color: #444;")
        lay.addWidget(rule)
        if item.veto is not None:
            veto = QLabel(self.tr("This is a veto item: a deduction here applies {veto}.").format(
                veto=labels.label(item.veto)), self)
            veto.setStyleSheet(labels.ERROR_STYLE + " font-weight: bold;")
            veto.setWordWrap(True)
            lay.addWidget(veto)

        form = QFormLayout()
        lay.addLayout(form)
        self.count: QSpinBox | None = None
        self.value: QDoubleSpinBox | None = None
        kind = item.rule.kind
        existing = self._existing if self._existing and self._existing.outcome is Outcome.DEDUCT else None
        if kind is DeductionKind.PER_OCCURRENCE:
            self.count = QSpinBox(self)
            self.count.setRange(0, 999)
            self.count.setSpecialValueText(self.tr("how many?"))
            self.count.setValue(existing.occurrences or 1 if existing else 1)
            self.count.valueChanged.connect(self._update)
            self.count.setToolTip(self.tr("How many times the problem occurs in the file"))
            form.addRow(self.tr("Occurrences"), self.count)
        elif kind is DeductionKind.RANGE:
            assert item.rule.min is not None and item.rule.max is not None
            self.value = QDoubleSpinBox(self)
            self.value.setDecimals(2)
            self.value.setSingleStep(0.5)
            # wider than the rule on purpose: a value outside it is refused with the rule's own hint
            self.value.setRange(0.0, float(item.points))
            self.value.setSpecialValueText(self.tr("choose {min}–{max}").format(
                min=labels.points(item.rule.min), max=labels.points(item.rule.max)))
            self.value.setValue(float(existing.points) if existing else 0.0)
            self.value.valueChanged.connect(self._update)
            form.addRow(self.tr("Points to deduct"), self.value)
        self.preview = QLabel(self)
        self.preview.setStyleSheet("font-weight: bold;")
        form.addRow(self.tr("Deduction"), self.preview)

        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(list(item.phrasings))
        self.reason.setCurrentIndex(-1)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Required: pick a common phrasing or write your own"))
        line.returnPressed.connect(self.try_accept)  # an editable combo box keeps Enter from the dialog
        self.reason.setEditText(existing.reason if existing else "")
        self.reason.editTextChanged.connect(self._update)
        self.reason.setMinimumWidth(380)
        form.addRow(self.tr("Reason"), self.reason)

        self.pages = QLineEdit(self)
        cited = [p.page for p in (self._existing.pages if self._existing else ())] or list(pages)
        self.pages.setText(labels.pages_text(cited) if cited else (str(page) if page else ""))
        self.pages.setPlaceholderText(self.tr("e.g. 3, 5-7"))
        self.pages.setToolTip(self.tr("Pages of the case file that show the problem; the page on screen is "
                                      "filled in"))
        self.pages.textChanged.connect(self._update)
        form.addRow(self.tr("Pages"), self.pages)

        self._kept_times = tuple(self._existing.timestamps) if self._existing else ()
        if self._kept_times:
            kept = QLabel("、".join(self._time_text(t) for t in self._kept_times), self)
            form.addRow(self.tr("Cited recording times"), kept)
        self.cite = QCheckBox(self)
        if mark is not None:
            self.cite.setText(self.tr("Cite {name} at {time}").format(name=mark.name, time=labels.ms_text(mark.ms)))
            self.cite.setChecked(cite_mark)
        else:
            self.cite.setText(self.tr("No recording is open in the player"))
            self.cite.setEnabled(False)
        form.addRow(self.tr("Recording"), self.cite)

        self.note = QLineEdit(self)
        self.note.setText(self._existing.note if self._existing else "")
        self.note.setPlaceholderText(self.tr("Optional"))
        form.addRow(self.tr("Note"), self.note)

        self.change_reason: QLineEdit | None = None
        if review is not None and review.reopened:
            self.change_reason = QLineEdit(self)
            self.change_reason.setPlaceholderText(self.tr("Required: the review was reopened after submission"))
            self.change_reason.textChanged.connect(self._update)
            form.addRow(self.tr("Why change it"), self.change_reason)

        self.hint = QLabel(self)
        self.hint.setStyleSheet(labels.ERROR_STYLE)
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setToolTip(self.tr("Save (Enter)"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._touched = False
        self._update()
        self._touched = True
        (self.count or self.value or self.reason).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- helpers --------------------------------------------------------------------------------------
    def _time_text(self, t: TimeRef) -> str:
        return f"{self._names.get(t.recording_id, '#' + str(t.recording_id))} {labels.ms_text(t.ms)}"

    def _inputs(self) -> tuple[int | None, Decimal | None]:
        occurrences = self.count.value() if self.count is not None else None
        value = None
        if self.value is not None and self.value.value() > 0:
            value = Decimal(str(round(self.value.value(), 2)))
        return occurrences, value

    def _points(self) -> tuple[Decimal | None, str]:
        """The points the rule allows, or None and the rule's hint."""
        occurrences, value = self._inputs()
        try:
            return deduction_for(self.item, occurrences=occurrences or None, value=value), ""
        except RuleNotApplicable as exc:
            return None, self._rule_hint(str(exc))

    def _rule_hint(self, core: str) -> str:
        r = self.item.rule
        if r.kind is DeductionKind.PER_OCCURRENCE:
            return self.tr("Enter how many times the problem occurs (each deducts {per}).").format(
                per=labels.points(r.per))
        if r.kind is DeductionKind.RANGE:
            return self.tr("Choose the points to deduct between {min} and {max}.").format(
                min=labels.points(r.min), max=labels.points(r.max))
        return core

    def _page_refs(self) -> tuple[tuple[PageRef, ...], str]:
        try:
            pages = labels.parse_pages(self.pages.text(), last_page=self._page_count or None)
        except ValueError as exc:
            return (), str(exc)
        return tuple(PageRef(p, self._file_id) for p in pages), ""

    def _update(self) -> None:
        points, hint = self._points()
        if points is None:
            self.preview.setText("—")
        else:
            text = self.tr("−{points} points").format(points=labels.points(points))
            if self.count is not None and self.item.rule.per is not None:
                text = self.tr("{per} × {n} = −{points} points").format(
                    per=labels.points(self.item.rule.per), n=self.count.value(), points=labels.points(points))
                cap = self.item.rule.cap if self.item.rule.cap is not None else self.item.points
                if self.item.rule.per * self.count.value() > cap:
                    text += self.tr(" (capped at {cap})").format(cap=labels.points(cap))
            text += "　" + self._total_preview(points)
            self.preview.setText(text)
        if self._touched:
            self.hint.setText(hint or self._other_problem() or "")

    def _total_preview(self, points: Decimal) -> str:
        if self.review is None:
            return ""
        results = {k: ResultInput(v.outcome, v.points) for k, v in self.review.results.items()}
        results[self.item.id] = ResultInput(Outcome.DEDUCT, points)
        score = score_review(self.review.checklist, results)
        return self.tr("(total then {total}, {grade})").format(total=labels.points(score.total), grade=score.grade)

    def _other_problem(self) -> str:
        if not self.reason.currentText().strip():
            return self.tr("A deduction needs its reason.")
        _, page_error = self._page_refs()
        if page_error:
            return page_error
        if self.change_reason is not None and not self.change_reason.text().strip():
            return self.tr("Say why you change a submitted review.")
        return ""

    # -- accept ---------------------------------------------------------------------------------------
    def try_accept(self) -> bool:
        """Accept if everything is valid; otherwise say why next to the fields and stay open."""
        if self.result is not None:
            return True
        points, hint = self._points()
        problem = hint or self._other_problem()
        if points is None or problem:
            self.hint.setText(problem)
            return False
        pages, _ = self._page_refs()
        occurrences, value = self._inputs()
        times = list(self._kept_times)
        if self._mark is not None and self.cite.isChecked():
            times.append(TimeRef(self._mark.recording_id, self._mark.ms))
        self.result = DeductionInput(
            occurrences=occurrences, value=value, points=points, reason=self.reason.currentText().strip(),
            note=self.note.text().strip(), pages=pages, timestamps=tuple(dict.fromkeys(times)),
            change_reason=self.change_reason.text().strip() if self.change_reason is not None else "",
        )
        self.accept()
        return True
