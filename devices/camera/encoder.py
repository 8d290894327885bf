"""Video files for the segment recorder, written through PyAV (the `av` package: FFmpeg's libavcodec
and libavformat, bundled in its wheels).

The encoder codes YUV 4:2:0. A V4L2 camera's YUYV frame goes in as the I420 planes sliced out of it
(`Frame.i420()`, shared with the analysis), without any colour arithmetic. OpenCV's VideoWriter,
used before, took BGR only: the camera's YUYV was converted to BGR on every read and back to
YUV 4:2:0 (swscale, bicubic) before the same FFmpeg encoder, a round trip that cost about as much
as the encoding. A BGR or grey frame (a file, a stream, the simulator) is still converted by
swscale, bicubic, as OpenCV's writer did.

The encoders are FFmpeg's own, under the LGPL (the wheels' FFmpeg is configured LGPL v3; they also
carry GPL libraries such as libx264, which nothing here uses): `mpeg4` (MPEG-4 Part 2: "mp4v" in
.mp4, or tagged "XVID" in .avi) and `mjpeg` ("MJPG" in .avi). The settings are OpenCV's
VideoWriter's: a bit rate of 1.5 bits a pixel a frame with qmin 3 (in practice a constant
quantiser of 3) and a key frame every 12 frames, so segments are as large as before and at least as
good (no BGR round trip). One encoder thread a camera: the cameras run side by side already.

`av` is imported when the first file is opened, so a process that records nothing never loads a
second FFmpeg beside OpenCV's.
"""

from __future__ import annotations

import errno
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np

from devices.camera.frames import Frame, Layout
from devices.camera.pixels import even_size

if TYPE_CHECKING:
    import av.container
    import av.video.reformatter
    import av.video.stream


class RecorderError(Exception):
    """`code` is stable (the GUI translates it): codec_unavailable, unknown_codec, out_dir_unwritable,
    write_failed (a full disk or an I/O error while recording), finalise_failed."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Codec:
    encoder: str  # FFmpeg's encoder name
    ext: str  # the container, by its extension
    tag: str | None = None  # a FourCC other than the container's default for the encoder
    options: dict[str, str] = field(default_factory=dict)


# MPEG-4 part 2 without a motion search: a paper-room camera is fixed to the wall, so its picture
# does not move and a search finds zero vectors anyway; skipping it costs the encoder 12 % less
# (5.1 → 4.5 ms a 720p frame here, files ~3 % larger with a person crossing).
_FIXED_CAMERA = {"motion_est": "zero"}

CODECS: dict[str, Codec] = {
    "mp4v": Codec("mpeg4", ".mp4", options=_FIXED_CAMERA),
    "XVID": Codec("mpeg4", ".avi", "XVID", options=_FIXED_CAMERA),
    # Motion-JPEG is full range by the standard; FFmpeg takes video-range planes as "unofficial".
    "MJPG": Codec("mjpeg", ".avi", options={"strict": "unofficial"}),
}
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR, errno.EISDIR}


def extension(codec: str) -> str:
    if codec not in CODECS:
        raise RecorderError("unknown_codec", f"unknown codec {codec!r} (known: {', '.join(CODECS)})")
    return CODECS[codec].ext


class VideoFile:
    """One video file being written: `write()` each frame (all of one size), then `close()` (which
    writes the index; an MP4 is not playable before). Raises `RecorderError` on every failure."""

    def __init__(self, path: Path, codec: str, fps: float, width: int, height: int, *,
                 name_working: bool = True) -> None:
        import av

        spec = CODECS[codec]
        self.path = path
        self.frames = 0
        self._reformatter = av.video.reformatter.VideoReformatter()
        # The container by the extension; the file itself is opened by start_encoding() below.
        self._container: av.container.OutputContainer = av.open(str(path), mode="w")
        try:
            stream = cast("av.video.stream.VideoStream", self._container.add_stream(
                spec.encoder, rate=Fraction(fps).limit_denominator(1001), options={"qmin": "3", **spec.options}))
            stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
            context = stream.codec_context
            context.bit_rate = int(1.5 * width * height * fps)
            context.gop_size = 12
            context.thread_count = 1
            if spec.tag:
                context.codec_tag = spec.tag
            self._stream = stream
            self._container.start_encoding()  # opens the file and the encoder now, not at the first frame
        except OSError as exc:
            self._abandon()
            code = "out_dir_unwritable" if exc.errno in _UNWRITABLE else "write_failed"
            raise RecorderError(code, f"cannot write {path}: {exc}") from exc
        except Exception as exc:  # PyAV's codec errors: no such encoder, or it refuses these settings
            self._abandon()
            working = ", ".join(c for c, ok in probe_codecs().items() if ok) if name_working else "?"
            raise RecorderError(
                "codec_unavailable",
                f"this FFmpeg build cannot write {codec} into {spec.ext} at {width}x{height}: {exc} "
                f"(codecs that work here: {working or 'none'})",
            ) from exc

    def write(self, frame: Frame) -> None:
        import av

        if frame.layout is Layout.YUYV:
            picture = av.VideoFrame.from_numpy_buffer(frame.i420(), format="yuv420p")
        else:
            w, h = even_size(frame.width, frame.height)
            picture = self._reformatter.reformat(  # one reformatter: its swscale context is made once
                av.VideoFrame.from_numpy_buffer(np.ascontiguousarray(frame.pixels[:h, :w]),
                                                format="bgr24" if frame.layout is Layout.BGR else "gray"),
                format="yuv420p", interpolation="BICUBIC")
        picture.pts = self.frames
        try:
            self._container.mux(self._stream.encode(picture))
        except Exception as exc:  # a full disk, a vanished drive, an encoder error
            self._abandon()
            raise RecorderError("write_failed", f"could not write {self.path}: {exc}") from exc
        self.frames += 1

    def close(self) -> None:
        """Flush the encoder and write the index (raises `RecorderError` finalise_failed when the
        disk refuses; the file is closed either way)."""
        try:
            self._container.mux(self._stream.encode(None))
            self._container.close()
        except Exception as exc:
            self._abandon()
            raise RecorderError("finalise_failed", f"could not close {self.path}: {exc}") from exc

    def _abandon(self) -> None:
        """Give up on the file: close it as it is (the partial file stays for inspection)."""
        try:
            self._container.close()
        except Exception:  # closing a file that already failed may fail again; nothing left to do
            pass


def probe_codecs(codecs: dict[str, Codec] | None = None) -> dict[str, bool]:
    """Which codecs this PyAV build can actually write (a few frames each into a temp dir)."""
    result: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in (codecs or CODECS).items():
            path = Path(tmp) / f"probe{spec.ext}"
            try:
                video = VideoFile(path, name, 15.0, 64, 48, name_working=False)
                for i in range(3):
                    video.write(Frame(np.full((48, 64), i * 60, dtype=np.uint8), i, 0.0, 0.0))
                video.close()
                result[name] = path.stat().st_size > 0
            except (RecorderError, OSError):
                result[name] = False
    return result
