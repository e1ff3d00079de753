"""Read the error text to explain: a bounded tail of a file, a pipe, a device or stdin.

The error a user means is at the end of what they give, so only the last :data:`MAX_READ`
bytes are kept, whatever the source:

* a regular file is read from :data:`MAX_READ` bytes before its end (one seek);
* anything that cannot seek (standard input, a pipe given as a path such as
  ``/dev/stdin`` or ``<(...)``, a socket) is streamed in chunks and only the tail is kept,
  so memory stays bounded however much arrives; the stream is read up to
  :data:`MAX_STREAM` bytes, then reading stops;
* a device that never ends (``/dev/zero``, ``/dev/urandom``) is read for at most
  :data:`MAX_READ` bytes: it has no end whose tail could hold an error.

UTF-16 (PowerShell's ``>``) and UTF-8 are decoded; undecodable bytes become U+FFFD.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO, Optional

MAX_READ = 4 * 1024 * 1024  # bytes kept from the end; normalize keeps less
MAX_STREAM = 1024 * 1024 * 1024  # a stream is read up to this many bytes, then reading stops
CHUNK = 1024 * 1024


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # PowerShell's `>` writes UTF-16
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def read_tail(stream: BinaryIO, keep: int = MAX_READ, limit: int = MAX_STREAM) -> bytes:
    """The last *keep* bytes of *stream*, read in chunks up to *limit* bytes in all."""
    tail = bytearray()
    total = 0
    while total < limit:
        chunk = stream.read(min(CHUNK, limit - total))
        if not chunk:
            break
        total += len(chunk)
        tail += chunk
        if len(tail) > 2 * keep:  # trim now and then, not on every chunk
            del tail[: len(tail) - keep]
    return bytes(tail[-keep:])


def _read_fd_source(fh: BinaryIO) -> bytes:
    mode = os.fstat(fh.fileno()).st_mode
    if stat.S_ISREG(mode):
        size = os.fstat(fh.fileno()).st_size
        fh.seek(max(0, size - MAX_READ))
        return fh.read(MAX_READ)
    if stat.S_ISCHR(mode) and not os.isatty(fh.fileno()):
        return fh.read(MAX_READ)  # /dev/zero and friends never end
    return read_tail(fh)  # pipes, FIFOs, sockets, terminals


def read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise OSError("no standard input")
    if stream.isatty():
        print("Paste the error text, then press Ctrl-D (Ctrl-Z then Enter on Windows):", file=sys.stderr)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes (tests, IDEs)
        return stream.read()[-MAX_READ:].encode("utf-8", errors="replace")
    try:
        buffer.fileno()
    except (OSError, ValueError, AttributeError):
        return read_tail(buffer)
    return _read_fd_source(buffer)


def read_input(path: Optional[str]) -> str:
    """The text to explain; raises OSError (with a readable message) on I/O problems."""
    if path in (None, "-"):
        return decode(read_stdin())
    if not os.path.exists(path):
        raise OSError(f"no such file: {path}")
    if os.path.isdir(path):
        raise OSError(f"is a directory: {path}")
    try:
        with open(path, "rb", buffering=0) as fh:
            return decode(_read_fd_source(fh))
    except OSError as exc:
        raise OSError(f"cannot read {path}: {exc.strerror or exc}") from None
