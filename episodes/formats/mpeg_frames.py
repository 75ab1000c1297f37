"""An MP3's MPEG frames followed one by one, from the first to the end: the check that refuses a
cut or corrupt file, which mutagen alone cannot see. No ORM."""

import io

from mutagen.mp3 import HeaderNotFoundError, MPEGFrame
from mutagen.mp3._util import XingHeader, XingHeaderError


class FrameChain:
    """An MP3's frames, followed header by header across streamed chunks from the first to the end.

    mutagen reads only the first frames of an MP3, then trusts the Xing header or the file size,
    so it cannot see a cut or corrupt file; we run its MPEGFrame header parser on every frame.
    """

    def __init__(self, first, start, end):
        self.first, self.start, self.end = first, start, end
        self.next = start  # file offset of the next expected frame header
        self.frames = 0
        self.bitrates = set()
        self.broken = False
        self._carry = b""  # the start of a frame header cut by a chunk boundary

    def feed(self, offset, chunk):
        """Follow the frames whose header lies in this chunk of the file, starting at `offset`."""
        lo, hi = max(offset, self.start), min(offset + len(chunk), self.end)
        if self.broken or lo >= hi:
            return
        data = self._carry + chunk[lo - offset : hi - offset]
        base = lo - len(self._carry)
        view, pos = io.BytesIO(data), self.next - base
        while pos + 4 <= len(data):
            view.seek(pos)
            try:
                frame = MPEGFrame(view)
            except HeaderNotFoundError:
                frame = None
            if frame is None or stream_shape(frame) != stream_shape(self.first):
                self.broken = True
                return
            self.frames += 1
            self.bitrates.add(frame.bitrate)
            pos = view.tell()
        self.next, self._carry = base + pos, data[pos:]

    @property
    def audio_frames(self):
        # A Xing/Info or VBRI header frame (mutagen then calls it not "sketchy") holds no audio.
        return self.frames - (0 if self.first.sketchy else 1)

    @property
    def walked_seconds(self):
        return self.frames * (1152 if self.first.version == 1 else 576) / self.first.sample_rate

    @property
    def duration(self):
        # mutagen's length from a LAME header leaves out the encoder delay and padding: more exact.
        return getattr(self.first, "length", 0) or self.walked_seconds

    @property
    def bitrate(self):
        if not self.first.sketchy or len(self.bitrates) == 1:
            return self.first.bitrate  # mutagen's average from the Xing header, or a constant one
        return round((self.end - self.start) * 8 / self.walked_seconds)


def stream_shape(frame):
    # The bitrate may change from frame to frame (VBR); the rest stays the same along the stream.
    return frame.version, frame.layer, frame.sample_rate, frame.channels


def xing_bytes(fileobj, first):
    # mutagen keeps only the length derived from a Xing/Info header; its own (internal) XingHeader
    # parser gives the stream's byte count too. 0 when unknown.
    fileobj.seek(first.frame_offset + XingHeader.get_offset(first))
    try:
        return max(XingHeader(fileobj).bytes, 0)
    except XingHeaderError:
        return 0


def audio_end(fileobj, size):
    """Offset where MPEG audio ends: before a trailing ID3v1 tag and an APEv2 tag."""
    end = size
    if size >= 128:
        fileobj.seek(size - 128)
        if fileobj.read(3) == b"TAG":
            end -= 128
    if end >= 32:
        fileobj.seek(end - 32)
        footer = fileobj.read(32)
        if footer.startswith(b"APETAGEX"):
            flags = int.from_bytes(footer[20:24], "little")
            end -= int.from_bytes(footer[12:16], "little") + (32 if flags & 1 << 31 else 0)
    return end
