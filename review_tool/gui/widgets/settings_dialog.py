"""Settings: the interface language, the font size (projector), the report font."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from review_tool.gui.settings import GuiSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: GuiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language"), self.language)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, 28)
        self.font_size.setSpecialValueText(self.tr("system default"))
        self.font_size.setValue(settings.ui_font_size)
        self.font_size.setToolTip(self.tr("Larger text for a projector at the enforcement meeting"))
        form.addRow(self.tr("Font size"), self.font_size)
        self.report_font = QLineEdit(settings.report_font, self)
        self.report_font.setPlaceholderText(self.tr("The bundled font"))
        pick = QPushButton(self.tr("Choose…"), self)
        pick.clicked.connect(self._pick_font)
        row = QHBoxLayout()
        row.addWidget(self.report_font, 1)
        row.addWidget(pick)
        form.addRow(self.tr("Report font"), row)
        note = QLabel(self.tr("A new language or font size applies to the window at once; "
                              "your review stays where it is."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick_font(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, self.tr("A font with Chinese characters"), "",
                                           self.tr("Fonts (*.ttf *.ttc *.otf)"))
        if f:
            self.report_font.setText(f)

    def values(self) -> dict[str, object]:
        return {"language": self.language.currentData(), "ui_font_size": self.font_size.value(),
                "report_font": self.report_font.text().strip()}
