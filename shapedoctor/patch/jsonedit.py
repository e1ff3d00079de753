"""Replace values inside a JSON text in place, keeping every other byte of the text as it was.

Used to write notebook cells: a notebook saved by another tool (other indentation, key order,
escapes, sources as one string or as a list of lines) keeps its layout, and only the changed
values are rewritten, in the style of the value they replace. The stdlib decoder parses every
scalar; :func:`spans` only records where each value starts and ends.
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def spans(text: str) -> tuple[object, dict[tuple, tuple[int, int]]]:
    """The document and the (start, end) offsets in *text* of every value, keyed by its path
    from the root (e.g. ``("cells", 3, "source")``). Raises ValueError for anything but one JSON
    document (too deep a nesting included)."""
    found: dict[tuple, tuple[int, int]] = {}

    def skip(i: int) -> int:
        return _WS.match(text, i).end()

    def expect(i: int, char: str) -> int:
        if text[i:i + 1] != char:
            raise json.JSONDecodeError(f"expected {char!r}", text, i)
        return i + 1

    def value(start: int, path: tuple) -> tuple[object, int]:
        i = start
        char = text[i:i + 1]
        if char == "{":
            result: object = {}
            i = skip(i + 1)
            if text[i:i + 1] != "}":
                while True:
                    key, i = _DECODER.raw_decode(text, i)
                    if not isinstance(key, str):
                        raise json.JSONDecodeError("expected a key", text, i)
                    i = skip(expect(skip(i), ":"))
                    result[key], i = value(i, path + (key,))
                    i = skip(i)
                    if text[i:i + 1] != ",":
                        break
                    i = skip(i + 1)
            end = expect(i, "}")
        elif char == "[":
            result = []
            i = skip(i + 1)
            if text[i:i + 1] != "]":
                while True:
                    item, i = value(i, path + (len(result),))
                    result.append(item)
                    i = skip(i)
                    if text[i:i + 1] != ",":
                        break
                    i = skip(i + 1)
            end = expect(i, "]")
        else:
            result, end = _DECODER.raw_decode(text, i)
        found[path] = (start, end)
        return result, end

    try:
        document, end = value(skip(0), ())
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    if skip(end) != len(text):
        raise json.JSONDecodeError("extra data", text, skip(end))
    return document, found


def dump_like(old_text: str, new: str | list[str], document: str) -> str:
    """*new* (a string, or a list of strings) as JSON in the style of *old_text*, the value it
    replaces inside *document*: same escaping of non-ASCII characters, a list on one line or
    one item a line with the same indentation."""
    ascii_only = all(ord(c) < 128 for c in document) and re.search(r"\\u(?!00[0-7])[0-9a-fA-F]{4}", document)
    dump = lambda value: json.dumps(value, ensure_ascii=bool(ascii_only))  # noqa: E731
    if isinstance(new, str):
        return dump(new)
    if not new:
        return "[]"
    if "\n" not in old_text:
        separator = "," if old_text.count(",") and ", " not in old_text else ", "
        return "[" + separator.join(dump(item) for item in new) + "]"
    close = old_text[old_text.rindex("\n") + 1:-1]  # the whitespace before "]"
    first = re.match(r"\[[ \t]*\r?\n([ \t]*)", old_text)
    items = first.group(1) if first and first.group(1) and old_text.strip()[1:-1].strip() else close + _unit(document)
    newline = "\r\n" if "\r\n" in old_text else "\n"
    return "[" + newline + ("," + newline).join(items + dump(item) for item in new) + newline + close + "]"


def _unit(document: str) -> str:
    """The document's indentation step (the leading whitespace of its second line), at least one space."""
    lines = document.splitlines()
    second = lines[1] if len(lines) > 1 else ""
    return second[: len(second) - len(second.lstrip())] or " "


def replace(text: str, changes: list[tuple[int, int, str]]) -> str:
    """*text* with each (start, end) span replaced by its new text (spans must not overlap)."""
    for start, end, new in sorted(changes, reverse=True):
        text = text[:start] + new + text[end:]
    return text
