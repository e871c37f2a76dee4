"""The recordings panel: the case's recordings, a player, and "mark this moment".

The player (QtMultimedia) is created on first use, so opening a case never waits for
the media back end to load. Frames go to a QVideoSink painted by a plain widget, which
works on every platform (also offscreen, for screenshots). A recording that will not
play leaves a message in the panel; the rest of the workspace carries on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from review_tool.domain.enums import FileStatus
from review_tool.gui import labels
from review_tool.gui.models.recordings import Col, RecordingsModel
from review_tool.services.dto import RecordingDTO


class VideoSurface(QWidget):
    """Paints the latest frame of a QVideoSink, letter-boxed; or a line of text when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._frame)
        self._image: QImage | None = None
        self._text = ""
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self._image = frame.toImage()
            self.update()

    def clear(self, text: str = "") -> None:
        self._image = None
        self._text = text
        self.update()

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1b1e22"))
        if self._image is not None and not self._image.isNull():
            img = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - img.width()) / 2
            y = (self.height() - img.height()) / 2
            p.drawImage(QRectF(x, y, img.width(), img.height()), self._image)
        elif self._text:
            p.setPen(QColor("#c9ced6"))
            p.drawText(self.rect().adjusted(12, 12, -12, -12),
                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), self._text)
        p.end()


class RecordingPane(QWidget):
    """Attributes:
    model: the case's recordings.
    list: the table of recordings (Enter or double-click plays one).
    video: where frames are painted.
    player: the QMediaPlayer (None until the first recording is loaded).
    _current: the recording loaded in the player.
    _seek_on_load: a position to seek to once the media is loaded.
    """

    mark_requested = Signal(int, int)  # recording id, ms
    recording_loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordingsModel(self)
        self.player: QMediaPlayer | None = None
        self.audio: QAudioOutput | None = None
        self._current: RecordingDTO | None = None
        self._seek_on_load: int | None = None
        self._play_on_load = False
        self._slider_held = False

        title = QLabel(self.tr("Recordings"), self)
        title.setStyleSheet("font-weight: bold;")
        self.list = QTableView(self)
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        hh = self.list.horizontalHeader()
        hh.setSectionResizeMode(Col.NAME, QHeaderView.ResizeMode.Stretch)
        for c in (Col.STARTED, Col.DURATION):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.list.activated.connect(self._activated)
        self.list.doubleClicked.connect(self._activated)

        self.video = VideoSurface(self)
        self.video.set_text(self.tr("Choose a recording to play it (Enter)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(labels.ERROR_STYLE)
        self.message.hide()

        self.play_btn = QToolButton(self)
        self.play_btn.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_btn.setToolTip(self.tr("Play / pause (Space)"))
        self.play_btn.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.setToolTip(self.tr("Position; drag or use ←/→ to seek"))
        self.slider.sliderPressed.connect(self._slider_pressed)
        self.slider.sliderReleased.connect(self._slider_released)
        self.slider.valueChanged.connect(self._slider_moved)
        self.time = QLabel("0:00 / 0:00", self)
        self.mark_btn = QToolButton(self)
        self.mark_btn.setText(self.tr("Mark time"))
        self.mark_btn.setToolTip(self.tr("Cite the current moment in the current item's finding (Ctrl+T)"))
        self.mark_btn.clicked.connect(self.mark)
        self.clock = QLabel(self)
        self.clock.setStyleSheet("color: #555;")
        self._set_controls_enabled(False)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_btn)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time)
        controls.addWidget(self.mark_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(title)
        lay.addWidget(self.list, 2)
        lay.addWidget(self.video, 3)
        lay.addWidget(self.message)
        lay.addLayout(controls)
        lay.addWidget(self.clock)

    # -- recordings --------------------------------------------------------------------------------------
    def set_recordings(self, recordings: tuple[RecordingDTO, ...]) -> None:
        self.stop()
        self.model.set_recordings(recordings)
        self._current = None
        self.message.hide()
        self._set_controls_enabled(False)
        self.video.clear(self.tr("Choose a recording to play it (Enter)") if recordings
                         else self.tr("This case has no recordings"))
        self.clock.setText("")

    def recording_name(self, recording_id: int) -> str:
        """How a citation names the recording: its step (现场检查, 询问 …), else its file name."""
        r = self.model.recording(recording_id)
        if r is None:
            return f"#{recording_id}"
        same_step = [x for x in self.model.recordings() if x.step_name and x.step_name == r.step_name]
        if r.step_name and len(same_step) == 1:
            return r.step_name
        return Path(r.relpath).stem

    def _activated(self, index: QModelIndex) -> None:
        r = self.model.recordings()[index.row()] if index.isValid() else None
        if r is not None:
            self.load(r.id, play=True)

    @property
    def current_recording(self) -> RecordingDTO | None:
        return self._current

    def position_ms(self) -> int:
        return int(self.player.position()) if self.player is not None and self._current is not None else 0

    # -- the player ----------------------------------------------------------------------------------------
    def _ensure_player(self) -> QMediaPlayer:
        if self.player is None:
            self.player = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            self.player.setAudioOutput(self.audio)
            self.player.setVideoSink(self.video.sink)
            self.player.positionChanged.connect(self._position_changed)
            self.player.durationChanged.connect(self._duration_changed)
            self.player.playbackStateChanged.connect(self._state_changed)
            self.player.mediaStatusChanged.connect(self._status_changed)
            self.player.errorOccurred.connect(self._error)
        return self.player

    def load(self, recording_id: int, *, play: bool = False, position_ms: int | None = None) -> bool:
        """Load a recording (and seek / play). False, with a message in the panel, if it can't be played."""
        r = self.model.recording(recording_id)
        if r is None:
            return False
        row = self.model.row_of(recording_id)
        self.list.selectRow(row)
        if self._current is not None and self._current.id == recording_id and self.player is not None \
                and not self.message.isVisible():
            if position_ms is not None:
                self.player.setPosition(position_ms)
            if play:
                self.player.play()
            return True
        self.stop()
        self._current = r
        self.message.hide()
        self.clock.setText(self._clock_text(0))
        if r.path is None or not r.path.is_file():
            self._fail(self.tr("The recording file is not there: {path}").format(path=r.path or r.relpath))
            return False
        if r.status is FileStatus.CHANGED:
            self.message.setText(self.tr("Note: this recording has changed since it was imported."))
            self.message.show()
        player = self._ensure_player()
        self._seek_on_load = position_ms
        self._play_on_load = play
        self.video.clear(self.tr("Loading…"))
        player.setSource(QUrl.fromLocalFile(str(r.path)))
        self._set_controls_enabled(True)
        self.recording_loaded.emit(recording_id)
        return True

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def toggle_play(self) -> None:
        if self.player is None or self._current is None:
            rows = self.model.recordings()
            if rows:
                self.load(rows[max(0, self.list.currentIndex().row())].id, play=True)
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        if self.player is not None:
            self.player.setPosition(max(0, ms))

    def mark(self) -> None:
        if self._current is not None and self.player is not None and not self.message.isVisible():
            self.mark_requested.emit(self._current.id, self.position_ms())

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.video.clear(self.tr("This recording cannot be played"))
        self._set_controls_enabled(False)
        if self._current is not None:
            self.model.set_error(self._current.id, text)

    def _error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        self._fail(self.tr("This recording will not play: {reason}").format(reason=text or error.name))

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        player = self.player
        if player is None:
            return
        if status == QMediaPlayer.MediaStatus.InvalidMedia and not self.message.isVisible():
            self._fail(self.tr("This recording will not play: {reason}").format(
                reason=player.errorString() or self.tr("not a readable media file")))
        elif status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            if self._seek_on_load is not None:
                player.setPosition(self._seek_on_load)
                self._seek_on_load = None
            if self._play_on_load:
                self._play_on_load = False
                player.play()
            if not player.hasVideo():
                self.video.clear(self.tr("Audio only"))

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_btn.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))

    def _duration_changed(self, ms: int) -> None:
        self.slider.setRange(0, max(0, int(ms)))
        self._show_time()

    def _position_changed(self, ms: int) -> None:
        if not self._slider_held:
            self.slider.blockSignals(True)
            self.slider.setValue(int(ms))
            self.slider.blockSignals(False)
        self._show_time()

    def _slider_pressed(self) -> None:
        self._slider_held = True

    def _slider_released(self) -> None:
        self._slider_held = False
        self.seek(self.slider.value())

    def _slider_moved(self, value: int) -> None:
        if not self._slider_held:
            self.seek(value)

    def _show_time(self) -> None:
        pos = self.position_ms()
        dur = self.player.duration() if self.player is not None else 0
        self.time.setText(f"{labels.ms_text(pos)} / {labels.ms_text(dur)}")
        self.clock.setText(self._clock_text(pos))

    def _clock_text(self, pos: int) -> str:
        """The wall-clock time of the moment on screen, to compare with the 笔录's times."""
        r = self._current
        if r is None or r.started_at is None:
            return ""
        import datetime as dt

        at = r.started_at + dt.timedelta(milliseconds=pos)
        return self.tr("{step} · recorded at {time}").format(step=r.step_name or "—",
                                                               time=labels.local_time(at, "%Y-%m-%d %H:%M:%S"))

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (self.play_btn, self.slider, self.mark_btn):
            w.setEnabled(enabled)
