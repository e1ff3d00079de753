"""A user's file as text, decoded the way its own reader decodes it, and encoded back the same way.

Python files follow Python's rules (PEP 263 coding cookie, UTF-8 byte-order mark; read with
``tokenize.detect_encoding``), notebooks are UTF-8 with an optional byte-order mark. Newlines are
never translated, so a CRLF file stays CRLF, and ``encode(decode(data)) == data`` for every file
that decodes.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str  # the codec that gives the file's bytes back ("utf-8-sig" keeps a byte-order mark)

    def encode(self, text: str) -> bytes:
        """*text* in this file's encoding (UnicodeEncodeError when a character has no place in it)."""
        return text.encode(self.encoding)


def decode(data: bytes, python: bool = True) -> SourceText:
    """The text of *data*; raises UnicodeDecodeError, or SyntaxError for a bad coding cookie."""
    if python:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    else:
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    return SourceText(data.decode(encoding), encoding)


def is_python(path: str) -> bool:
    return not path.endswith(".ipynb")


def read(path: str) -> SourceText:
    """The file at *path* decoded (OSError, UnicodeDecodeError or SyntaxError when it cannot be)."""
    with open(path, "rb") as fh:
        return decode(fh.read(), is_python(path))
