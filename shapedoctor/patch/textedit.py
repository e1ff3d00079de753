"""Minimal text edits of a source file, and the unified diff they make.

A :class:`TextEdit` replaces the text between two (line, column) positions — 1-based lines,
0-based columns, as libcst reports them — so everything outside the edited spans stays
byte for byte as it was (formatting, comments, line endings).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class TextEdit:
    file: str
    start_line: int
    start_col: int
    end_line: int
    end_col: int
    text: str

    @classmethod
    def replacing(cls, file: str, node, text: str) -> "TextEdit":
        """An edit writing *text* in place of the one-line ast *node* of *file*."""
        return cls(file, node.lineno, node.col_offset, node.lineno, node.end_col_offset, text)

    @classmethod
    def appending_argument(cls, file: str, call, argument: str) -> "TextEdit":
        """An edit adding *argument* (``name=value``) as the last argument of the ast *call* of *file*, right
        before its closing parenthesis (after a comma when the call has arguments)."""
        at = call.end_col_offset - 1
        text = f", {argument}" if call.args or call.keywords else argument
        return cls(file, call.end_lineno, at, call.end_lineno, at, text)

    def shown(self) -> str:
        """The line of a one-line edit as it reads once edited, stripped: the code a fix shows."""
        import linecache

        line = linecache.getline(self.file, self.start_line)
        return (line[:self.start_col] + self.text + line[self.end_col:]).strip()

    @classmethod
    def insert_line(cls, file: str, line: int, text: str) -> "TextEdit":
        """Insert *text* as a whole line before *line* (text without the newline)."""
        return cls(file, line, 0, line, 0, text + "\n")

    @classmethod
    def delete_line(cls, file: str, line: int) -> "TextEdit":
        return cls(file, line, 0, line + 1, 0, "")


def _offset(lines: list[str], line: int, col: int) -> int:
    return sum(len(x) for x in lines[: line - 1]) + col


def apply_edits(source: str, edits: list[TextEdit]) -> str:
    """*source* with *edits* applied (edits must not overlap)."""
    lines = source.splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    # Applied from the end of the text backwards; insertions at one place keep the order of *edits*
    # (the later one is applied first, the earlier one then lands in front of it).
    spans = sorted(((_offset(lines, e.start_line, e.start_col), _offset(lines, e.end_line, e.end_col), i, e.text)
                    for i, e in enumerate(edits)), reverse=True)
    last = None
    for start, end, _order, text in spans:
        if last is not None and end > last:
            raise ValueError("overlapping edits")
        source = source[:start] + text.replace("\n", eol) + source[end:]
        last = start
    return source


def indentation(source: str, line: int) -> str:
    lines = source.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text[: len(text) - len(text.lstrip())]


def unified_diff(path: str, before: str, after: str) -> str:
    a, b = (path, path) if path.startswith("/") else (f"a/{path}", f"b/{path}")
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=a, tofile=b))
