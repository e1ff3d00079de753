"""Run a Jupyter notebook's code cells as one program, and map its lines back to cells.

The code cells are joined in order into one program; IPython magics (``%...``, ``!...``) and
cell magics (``%%...``) become blank lines, so every program line keeps a fixed place:
*cell N, line M*. The program is registered with ``linecache`` under a pseudo file name, so
tracing, diagnosis and patching read it like any script. :func:`cell_edits` turns edits of
the program back into edits of the notebook's cells (with ``nbformat``, outputs and metadata
kept).
"""

from __future__ import annotations

import linecache
import warnings
from dataclasses import dataclass, field

SUFFIX = "::code-cells"  # pseudo file name of the joined program: "<notebook>::code-cells"


@dataclass
class NotebookProgram:
    path: str
    source: str
    places: list[tuple[int, int]] = field(default_factory=list)  # program line -> (cell index, line in cell)
    original: list[str] = field(default_factory=list)  # program line -> the cell's own text (magics kept)
    code_cells: list[int] = field(default_factory=list)  # notebook cell indices of the code cells

    @property
    def filename(self) -> str:
        return self.path + SUFFIX

    def locate(self, line: int) -> tuple[int, int] | None:
        """(cell number as shown, 1-based among all cells; line within the cell) of a program line."""
        if 1 <= line <= len(self.places):
            index, in_cell = self.places[line - 1]
            return index + 1, in_cell
        return None


_LOADED: dict[str, NotebookProgram] = {}


def is_notebook(path: str) -> bool:
    return path.endswith(".ipynb")


# Cell magics whose body is Python run in the user's namespace: the body runs, the magic line
# is blank. Other cell magics (%%bash, %%writefile, %%html, %%python3 in its own process...)
# are skipped whole, as before.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
# Line magics that run the statement after them: the statement runs, the magic word is dropped.
PYTHON_LINE_MAGICS = ("%time ", "%timeit ")


class NotebookError(Exception):
    """The notebook cannot be run (the message says why, for the user)."""


def load(path: str) -> NotebookProgram:
    """The code cells of *path* as one program; raises NotebookError when it is not a usable notebook."""
    import nbformat

    try:
        with warnings.catch_warnings():  # nbformat's notes on ids and schema are not the user's concern here
            warnings.simplefilter("ignore")
            nb = nbformat.read(path, as_version=4)
        cells = [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
        sources = [_text(cell.source) for _, cell in cells]
    except Exception as exc:  # noqa: BLE001 - nbformat's and json's many error types
        raise NotebookError(f"{path} is not a readable notebook ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    program = NotebookProgram(path, "")
    for (index, _), source in zip(cells, sources):
        program.code_cells.append(index)
        cell_lines = source.splitlines() or [""]
        first = cell_lines[0].lstrip()
        skip_all = first.startswith("%%") and first[2:].split(" ", 1)[0].strip() not in PYTHON_CELL_MAGICS
        for i, text in enumerate(cell_lines, 1):
            program.original.append(text)
            stripped = text.lstrip()
            if skip_all or stripped.startswith(("%%", "!")):
                text = ""
            elif stripped.startswith(PYTHON_LINE_MAGICS) and len(stripped.split()) > 1 \
                    and not stripped.split()[1].startswith("-"):
                text = text[: len(text) - len(stripped)] + stripped.split(" ", 1)[1].lstrip()
            elif stripped.startswith("%"):
                text = ""
            lines.append(text)
            program.places.append((index, i))
    program.source = "\n".join(lines) + "\n"
    if "\0" in program.source:
        raise NotebookError(f"{path} has a code cell with a NUL character")
    linecache.cache[program.filename] = (len(program.source), None, program.source.splitlines(True), program.filename)
    _LOADED[program.filename] = program
    return program


def _text(source) -> str:
    if isinstance(source, list) and all(isinstance(x, str) for x in source):
        return "".join(source)
    if not isinstance(source, str):
        raise TypeError(f"a code cell's source is {type(source).__name__}, not text")
    return source


def program_for(filename: str | None) -> NotebookProgram | None:
    return _LOADED.get(filename) if filename else None


def display(filename: str | None, line: int | None) -> tuple[str | None, int | None, int | None]:
    """(file, line, cell) as reported: the notebook, the line within the cell, and the cell number."""
    program = program_for(filename)
    if program is None or line is None:
        return filename, line, None
    where = program.locate(line)
    if where is None:
        return program.path, line, None
    cell, in_cell = where
    return program.path, in_cell, cell


def cell_sources(program: NotebookProgram, new_program: str) -> dict[int, str]:
    """The new source of every code cell whose lines changed in *new_program*.

    Lines inserted by a patch belong to the cell of the line after them. A changed line that
    was a ``%time`` line keeps its magic.
    """
    import difflib

    old = program.source.splitlines()
    new = new_program.splitlines()
    per_cell: dict[int, list[str]] = {}
    owner = [program.places[i][0] for i in range(len(old))]
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                per_cell.setdefault(owner[i1 + k], []).append(program.original[i1 + k])
            continue
        cell = owner[i1] if i1 < len(owner) else (owner[i1 - 1] if owner else 0)
        changed.add(cell)
        for k in range(j2 - j1):
            line = new[j1 + k]
            if tag == "replace" and i2 - i1 == j2 - j1:
                line = _with_magic(program.original[i1 + k], old[i1 + k], line)
            per_cell.setdefault(cell, []).append(line)
    return {cell: "\n".join(per_cell.get(cell, [])) for cell in changed}


def _with_magic(original: str, ran: str, new: str) -> str:
    """*new* with the line magic of *original* back (``%time x = f()`` ran as ``x = f()``)."""
    statement = ran.lstrip()
    indent = ran[: len(ran) - len(statement)]
    if original == ran or not statement or not (original.startswith(indent) and original.endswith(statement)):
        return new
    magic = original[len(indent): len(original) - len(statement)]
    body = new.lstrip()
    return new[: len(new) - len(body)] + magic + body


def code_cell_paths(document) -> list[tuple[tuple, str]]:
    """(JSON path of the cell, key of its source) of every code cell, in order; nbformat 3 and 4."""
    if not isinstance(document, dict):
        raise ValueError("the notebook is not a JSON object")
    if document.get("nbformat") == 3 or "worksheets" in document:
        places = [(("worksheets", w, "cells", i), cell) for w, sheet in enumerate(document.get("worksheets") or [])
                  for i, cell in enumerate(sheet.get("cells") or [])]
        key = "input"
    else:
        places = [(("cells", i), cell) for i, cell in enumerate(document.get("cells") or [])]
        key = "source"
    return [(path, key) for path, cell in places if isinstance(cell, dict) and cell.get("cell_type") == "code"]


def write_cells(program: NotebookProgram, new_program: str, expected_digest: str, backup_suffix: str = ".orig"):
    """Write the changed cells into the notebook; returns the :class:`~shapedoctor.patch.write.Written`.

    Only the changed cells' sources are rewritten, in the style they had (one string or a list
    of lines, same indentation and escapes); every other byte of the file stays as it was, so a
    notebook saved by any tool keeps its layout, outputs and metadata. nbformat 3 and 4.
    """
    import json
    import os

    from shapedoctor.patch.apply import Patch
    from shapedoctor.patch.jsonedit import dump_like, replace, spans
    from shapedoctor.patch.sourcefile import read
    from shapedoctor.patch.write import WriteRefused, write_patch

    try:
        text = read(program.path).text
        document, where = spans(text)
        paths = code_cell_paths(document)
    except (OSError, UnicodeError, ValueError, AttributeError, TypeError) as exc:
        raise WriteRefused(f"{program.path} cannot be read as a notebook now ({exc})") from exc
    if len(paths) != len(program.code_cells):
        raise WriteRefused(f"{program.path} changed on disk since it was analysed; run shapedoctor again")
    changes, expected = [], json.loads(text)
    for index, source in cell_sources(program, new_program).items():
        path, key = paths[program.code_cells.index(index)]
        cell = _at(document, path)
        old = cell.get(key, "")
        if isinstance(old, list) and all(isinstance(x, str) for x in old):
            if "".join(old).endswith("\n") and not source.endswith("\n"):
                source += "\n"
            new: str | list[str] = source.splitlines(True)
        elif isinstance(old, str):
            new = source + ("\n" if old.endswith("\n") and not source.endswith("\n") else "")
        else:
            raise WriteRefused(f"cell {index + 1} of {program.path} has a source that is not text")
        if key not in cell or path + (key,) not in where:
            raise WriteRefused(f"cell {index + 1} of {program.path} has no source to edit")
        start, end = where[path + (key,)]
        changes.append((start, end, dump_like(text[start:end], new, text)))
        _at(expected, path)[key] = new
    after = replace(text, changes)
    if json.loads(after) != expected:  # pragma: no cover - a guard: never write what we did not mean
        raise WriteRefused("the edited notebook would not be the notebook intended; nothing was written")
    return write_patch(Patch(os.path.relpath(program.path), text, after), expected_digest, backup_suffix,
                       check_python=False)


def _at(document, path: tuple):
    for key in path:
        document = document[key]
    return document
