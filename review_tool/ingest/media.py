"""Recordings: duration and start time from the media file itself (PyAV), with
the body camera's file-name timestamp as a fallback.

Why PyAV rather than mutagen: mutagen reads tags of audio formats and MP4 but
not AVI or Matroska, and gives no container-level creation time for them; PyAV
(FFmpeg) reads every container body cameras produce. It is also what makes the
demo's short real recordings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from review_tool.domain.timeutil import CHINA_TZ
from review_tool.i18n import translate

MEDIA_SUFFIXES = frozenset({".mp4", ".mov", ".avi", ".mkv", ".wav", ".mp3", ".m4a"})

# DSJ_20230506143000_0001.MP4, 20230506_143000.mp4, VID20230506-143000.mp4, 2023-05-06 14.30.00.mp4
_NAME_TS = [
    re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})[_\-T ]?(\d{2})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(20\d{2})-(\d{2})-(\d{2})[ _T](\d{2})[.:\-](\d{2})[.:\-](\d{2})(?!\d)"),
]


class MediaUnreadable(Exception):
    """Not a recording this tool can read; the message says why."""


@dataclass(frozen=True)
class MediaInfo:
    duration_ms: int | None
    started_at: dt.datetime | None
    start_source: str | None  # "metadata" | "filename"
    device: str | None
    has_video: bool


def time_from_name(name: str) -> dt.datetime | None:
    """The start time a body camera writes into the file name (Beijing time), if any."""
    for pattern in _NAME_TS:
        m = pattern.search(name)
        if m:
            try:
                y, mo, d, h, mi, s = (int(x) for x in m.groups())
                return dt.datetime(y, mo, d, h, mi, s, tzinfo=CHINA_TZ)
            except ValueError:
                continue
    return None


def _parse_creation_time(value: str) -> dt.datetime | None:
    v = value.strip()
    if not v or v.startswith("1970") or v.startswith("1904") or v.startswith("0000"):
        return None  # unset clocks write the epoch
    v = v.replace("Z", "+00:00")
    try:
        t = dt.datetime.fromisoformat(v)
    except ValueError:
        try:
            t = dt.datetime.strptime(v[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return None
    if t.tzinfo is None:  # FFmpeg's creation_time is UTC by convention
        t = t.replace(tzinfo=dt.UTC)
    return t


def probe(path: Path) -> MediaInfo:
    """Read a recording's duration, start time and device.

    Raises:
        MediaUnreadable: empty, not media, or damaged.
    """
    import av

    if path.stat().st_size == 0:
        raise MediaUnreadable(translate("import", "the recording is empty (0 bytes)"))
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, OSError) as exc:
        raise MediaUnreadable(translate("import", "not a recording that can be read ({error})").format(
            error=str(exc).strip()[:120])) from exc
    try:
        streams = list(container.streams)
        if not any(s.type in ("video", "audio") for s in streams):
            raise MediaUnreadable(translate("import", "the file holds no audio or video"))
        duration_ms: int | None = None
        if container.duration is not None and container.duration > 0:
            duration_ms = int(container.duration // 1000)  # microseconds (AV_TIME_BASE)
        else:
            for s in streams:
                if s.duration and s.time_base:
                    ms = int(s.duration * s.time_base * 1000)
                    duration_ms = max(duration_ms or 0, ms)
        meta = {k.lower(): v for k, v in (container.metadata or {}).items()}
        for s in streams:
            for k, v in (s.metadata or {}).items():
                meta.setdefault(k.lower(), v)
        started = _parse_creation_time(meta.get("creation_time", "") or meta.get("date", ""))
        source = "metadata" if started else None
        if started is None:
            started = time_from_name(path.name)
            source = "filename" if started else None
        device = meta.get("model") or meta.get("com.apple.quicktime.model") or meta.get("encoder_device") or None
        return MediaInfo(duration_ms, started, source, device,
                         has_video=any(s.type == "video" for s in streams))
    finally:
        container.close()
