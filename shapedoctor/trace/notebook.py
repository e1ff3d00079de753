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


def load(path: str) -> NotebookProgram:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    lines: list[str] = []
    program = NotebookProgram(path, "")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        program.code_cells.append(index)
        cell_lines = cell.source.splitlines() or [""]
        magic_cell = cell_lines[0].lstrip().startswith("%%")
        for i, text in enumerate(cell_lines, 1):
            program.original.append(text)
            stripped = text.lstrip()
            if magic_cell or stripped.startswith(("%", "!")):
                text = ""
            lines.append(text)
            program.places.append((index, i))
    program.source = "\n".join(lines) + "\n"
    linecache.cache[program.filename] = (len(program.source), None, program.source.splitlines(True), program.filename)
    _LOADED[program.filename] = program
    return program


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

    Lines inserted by a patch belong to the cell of the line after them.
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
            per_cell.setdefault(cell, []).append(new[j1 + k])
    return {cell: "\n".join(per_cell.get(cell, [])) for cell in changed}


def write_cells(program: NotebookProgram, new_program: str, expected_digest: str, backup_suffix: str = ".orig"):
    """Write the changed cells into the notebook (outputs, metadata untouched); returns the backup path."""
    import os

    import nbformat

    from shapedoctor.patch.apply import Patch
    from shapedoctor.patch.write import WriteRefused, write_patch

    with open(program.path, encoding="utf-8") as fh:
        text = fh.read()
    nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    for cell, source in cell_sources(program, new_program).items():
        if nb.cells[cell].cell_type != "code":
            raise WriteRefused(f"cell {cell + 1} is not a code cell")
        nb.cells[cell].source = source
    after = nbformat.writes(nb)
    if not after.endswith("\n"):
        after += "\n"
    patch = Patch(os.path.relpath(program.path), text, after)
    return write_patch(patch, expected_digest, backup_suffix, check_python=False)
