"""Clean a pasted error text and cut it into error blocks.

Real pastes carry ANSI colour codes (IPython, Keras 3's bold message), Windows line
endings, interpreter prompts (``>>> ``, ``In [3]: ``), Markdown quote marks, pytest's ``E``
prefix, progress bars,
TensorFlow log lines, whole tracebacks or only the last line, sometimes several errors. This
module makes the text plain and bounded:

* :func:`normalize` keeps the last :data:`MAX_CHARS` characters, strips escapes and
  prompts, unifies line endings and shortens every line to :data:`MAX_LINE` characters
  (keeping its head and its tail, where Keras puts the shapes);
* :func:`split_errors` cuts the text at exception headers (``ValueError: ...``) into
  :class:`Block` objects, the last one being the error the user most likely means.

Every regular expression here is anchored or bounded, so the cost is linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

MAX_CHARS = 256 * 1024  # keep only the end of huge pastes
MAX_LINE = 2000  # longer lines keep their first and last MAX_LINE // 2 characters
MAX_LINES = 4000  # keep only the last lines
BEFORE_LINES = 1200  # traceback lines kept in front of a block, for context clues

_CSI = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]")
_OSC = re.compile(r"\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?")
_ESC = re.compile(r"\x1b[@-Z\\-_]?")
# SGR codes whose escape character got lost on the way ("[1m...[0m" in a web page).
_ORPHAN_SGR = re.compile(r"\[(?:\d{1,3};){0,6}\d{1,3}m")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\ufeff]")
# Prompts and quote marks at the start of a line (pytest prefixes error lines with "E   ").
_PROMPT = re.compile(
    r"^(?:(?:>>>|\.\.\.)(?: |$)|In \[\d{1,6}\]: ?|Out\[\d{1,6}\]: ?|[ \t]{0,12}\.\.\.: ?|E {3,}|> ?)+"
)
# Line that starts an exception: "ValueError: ...", "tensorflow...InvalidArgumentError: ...",
# "    ValueError: ..." (TensorFlow's "in user code" block), "Exception: ..." (Keras 1).
_HEADER = re.compile(
    r"^[ \t`]{0,16}((?:[A-Za-z_]\w{0,60}\.){0,8}((?=[A-Za-z_])\w{0,60}?(?:Error|Exception)))"
    r"(?: \(see above for traceback\))?(?::[ \t]?(.*))?$"
)
# Lines that end an error block: a new traceback starts after them.
_END_MARKERS = (
    "Traceback (most recent call last)",
    "During handling of the above exception",
    "The above exception was the direct cause",
)


@dataclass
class Block:
    """One error: its header line and the message lines that follow it."""

    text: str  # the header and message lines, newline-joined
    exception: Optional[str]  # "ValueError", "InvalidArgumentError", ... (None: no header found)
    before: str  # up to BEFORE_LINES lines of text in front of the block (the traceback)
    whole: str  # the whole normalised paste (for dialect and backend clues)
    index: int = 0  # position among the blocks of the paste, 0 = first

    @property
    def context(self) -> str:
        """Traceback and message together."""
        return self.before + "\n" + self.text


def _shorten(line: str) -> str:
    if len(line) <= MAX_LINE:
        return line
    half = MAX_LINE // 2
    return line[:half] + " … " + line[-half:]


def normalize(text: str) -> str:
    """Plain, bounded text: no escapes, no prompts, LF line endings, short lines."""
    if not isinstance(text, str):
        text = str(text)
    # Escapes can double the size of a coloured paste: cut generously first.
    if len(text) > 4 * MAX_CHARS:
        text = text[-4 * MAX_CHARS :]
    if "\x1b" in text:
        text = _CSI.sub("", text)
        text = _OSC.sub("", text)
        text = _ESC.sub("", text)
    if "m" in text and "[" in text:
        text = _ORPHAN_SGR.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    if len(text) > MAX_CHARS:
        text = text[-MAX_CHARS:]
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        lines = lines[-MAX_LINES:]
    out = []
    for line in lines:
        line = _shorten(line)
        if line[:1] in (">", "I", "O", ".", " ", "E"):
            line = _PROMPT.sub("", line, count=1)
        out.append(line.rstrip())
    return "\n".join(out).strip("\n")


def _header(line: str) -> Optional[re.Match]:
    if "Error" not in line and "Exception" not in line:
        return None
    if len(line) > 600 and ":" in line[:300]:
        # A long line: only its start can be a header.
        return _HEADER.match(line[: line.index(":") + 1])
    return _HEADER.match(line)


def split_errors(text: str) -> list[Block]:
    """Cut normalised *text* into error blocks, in order of appearance.

    A block starts at an exception header and runs until the next header or the start of
    a new traceback. A text without any header is one block (a message pasted alone).
    """
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        m = _header(line)
        if m:
            starts.append((i, m.group(2)))
    if not starts:
        return [Block(text=text, exception=None, before="", whole=text, index=0)]
    blocks: list[Block] = []
    for k, (start, exc) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        end = start + 1
        while end < stop and not lines[end].lstrip().startswith(_END_MARKERS):
            end += 1
        before = "\n".join(lines[max(0, start - BEFORE_LINES) : start])
        blocks.append(
            Block(
                text="\n".join(lines[start:end]).strip("\n"),
                exception=exc,
                before=before,
                whole=text,
                index=k,
            )
        )
    return blocks
