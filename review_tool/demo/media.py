"""Tiny but real recordings made with PyAV: body-camera style video and audio-only files.

Each file lasts 2–5 seconds (160×120, 5 fps MPEG-4 video; mono AAC or PCM audio) and carries its
start time: `creation_time` in the container metadata (MP4/MOV/MKV/M4A: Beijing time written as UTC,
e.g. 14:30 Beijing → "…T06:30:00.000000Z") and the device as `model` (MP4/MOV/M4A through
``movflags=use_metadata_tags``; MKV as ``MODEL``). WAV files carry a BWF `bext` chunk instead, with
the local (Beijing) date and time, which PyAV reports as metadata `date` ("2023-05-06") and
`creation_time` ("14:30:00"), and the device (bext originator) as `encoded_by`. The file name also
holds the start time, as body cameras write it.
"""

from __future__ import annotations

import array
import datetime as dt
import functools
import math
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.video.stream import VideoStream
from PIL import Image, ImageDraw, ImageFont

from review_tool.demo.model import RecordingPlan

W, H, FPS = 160, 120, 5
_FORMATS = {"mp4": ("mp4", "mpeg4"), "mov": ("mov", "mpeg4"), "mkv": ("matroska", "mpeg4"),
            "m4a": ("ipod", "aac"), "wav": ("wav", "pcm_s16le")}


def utc_stamp(local: dt.datetime) -> str:
    """Beijing wall-clock time → the UTC ISO stamp ffmpeg writes as creation_time."""
    utc = local - dt.timedelta(hours=8)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.000000Z")


@functools.cache
def _font() -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default()


def _second_luma(sec: int, start: dt.datetime, device: str, shade: int) -> bytes:
    """The picture for one second of footage (the overlay clock ticks once a second)."""
    img = Image.new("L", (W, H), shade)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 70, W, H), fill=max(0, shade - 50))  # floor
    x = (sec * 37) % (W + 40) - 40
    draw.rectangle((x, 40, x + 36, 95), fill=min(255, shade + 60))  # something passing by
    stamp = start + dt.timedelta(seconds=sec)
    draw.rectangle((0, 0, W, 12), fill=16)
    draw.text((2, 1), stamp.strftime("%Y-%m-%d %H:%M:%S"), fill=235, font=_font())
    draw.text((2, H - 12), device, fill=235, font=_font())
    return img.tobytes()


def _write_video(path: Path, rec: RecordingPlan, fmt: str, codec: str) -> None:
    frames = int(rec.seconds * FPS)
    shade = 90 + sum(map(ord, rec.name)) % 64
    options = {"movflags": "use_metadata_tags"} if fmt in ("mp4", "mov") else {}
    with av.open(str(path), "w", format=fmt, options=options) as out:
        out.metadata["creation_time"] = utc_stamp(rec.start)
        out.metadata["model"] = rec.device
        out.metadata["comment"] = rec.officer
        stream = out.add_stream(codec, rate=FPS)
        assert isinstance(stream, VideoStream)
        stream.width, stream.height = W, H
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = 48_000
        chroma_u = bytes([118]) * ((W // 2) * (H // 2))
        chroma_v = bytes([134]) * ((W // 2) * (H // 2))
        luma = b""
        for i in range(frames):
            frame = av.VideoFrame(W, H, "yuv420p")
            y, u, v = frame.planes
            if i % FPS == 0:
                luma = _second_luma(i // FPS, rec.start, rec.device, shade)
            if y.line_size != W:  # pad rows to the plane's stride
                luma = b"".join(luma[r * W:(r + 1) * W].ljust(y.line_size, b"\0") for r in range(H))
            y.update(luma)
            u.update(chroma_u if u.line_size == W // 2 else chroma_u.ljust(u.buffer_size, b"\x80"))
            v.update(chroma_v if v.line_size == W // 2 else chroma_v.ljust(v.buffer_size, b"\x80"))
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@functools.cache
def _tone_block(rate: int, samples: int, k: int) -> bytes:
    """One block of a quiet, warbling tone (stands in for speech)."""
    f = 220 + 40 * (k % 5)
    env = 0.05 + 0.05 * (k % 3)
    data = array.array("f", (env * math.sin(2 * math.pi * f * n / rate) for n in range(samples)))
    return data.tobytes()


def _write_audio(path: Path, rec: RecordingPlan, fmt: str, codec: str) -> None:
    rate = 8000 if fmt == "wav" else 16000
    options = {"write_bext": "1"} if fmt == "wav" else {"movflags": "use_metadata_tags"}
    with av.open(str(path), "w", format=fmt, options=options) as out:
        if fmt == "wav":
            out.metadata["origination_date"] = rec.start.strftime("%Y-%m-%d")
            out.metadata["origination_time"] = rec.start.strftime("%H:%M:%S")
            out.metadata["originator"] = rec.device
        else:
            out.metadata["creation_time"] = utc_stamp(rec.start)
            out.metadata["model"] = rec.device
        stream = out.add_stream(codec, rate=rate)
        assert isinstance(stream, AudioStream)
        stream.layout = "mono"
        total = int(rec.seconds * rate)
        pts = 0
        k = 0
        while pts < total:
            n = min(1024, total - pts)
            frame = av.AudioFrame(format="fltp", layout="mono", samples=1024)
            block = _tone_block(rate, 1024, k // 4)
            if n < 1024:
                block = block[: n * 4] + bytes(4 * (1024 - n))
            frame.planes[0].update(block)
            frame.sample_rate = rate
            frame.pts = pts
            pts += 1024
            k += 1
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def write_recording(folder: Path, rec: RecordingPlan) -> Path:
    path = folder / rec.name
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt, codec = _FORMATS[rec.container]
    if rec.container in ("m4a", "wav"):
        _write_audio(path, rec, fmt, codec)
    else:
        _write_video(path, rec, fmt, codec)
    return path


def is_audio(rec: RecordingPlan) -> bool:
    return rec.container in ("m4a", "wav")
