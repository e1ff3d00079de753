"""Apply a fix's text edits to the user's source: the patched text and its unified diff."""

from __future__ import annotations

import linecache
from dataclasses import dataclass

from shapedoctor.patch.imports import import_edits
from shapedoctor.patch.textedit import TextEdit, apply_edits, unified_diff


@dataclass
class Patch:
    file: str
    before: str
    after: str

    @property
    def diff(self) -> str:
        return unified_diff(self.file, self.before, self.after)

    @property
    def written_lines(self) -> set[int]:
        """The 1-based lines of the patched text that the patch wrote (inserted or replaced)."""
        import difflib

        matcher = difflib.SequenceMatcher(None, self.before.splitlines(), self.after.splitlines(), autojunk=False)
        return {j + 1 for tag, _i1, _i2, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert")
                for j in range(j1, j2)}


def read_source(file: str) -> str | None:
    """The text of *file* in its own encoding, newlines untranslated (linecache's copy when it has no file)."""
    from shapedoctor.patch.sourcefile import read

    try:
        return read(file).text
    except (OSError, UnicodeDecodeError, SyntaxError):
        text = "".join(linecache.getlines(file))
        return text or None


def make_patch(edits: list[TextEdit], sources: dict[str, str | None] | None = None) -> Patch | None:
    """The patch for *edits* (all in one file), with the imports the new code needs.

    *sources* maps real paths to the text that was analysed; the patch is made from that
    text, not from whatever the file holds now.
    """
    return make_patch_or_reason(edits, sources)[0]


def make_patch_or_reason(edits: list[TextEdit], sources: dict[str, str | None] | None = None
                         ) -> tuple[Patch | None, str]:
    """:func:`make_patch`, and when there is no patch, why not."""
    if not edits:
        return None, "shapedoctor could not locate the code to change; apply it by hand"
    files = {e.file for e in edits}
    if len(files) != 1:
        return None, f"it changes {len(files)} files ({', '.join(sorted(files))}); apply it by hand"
    file = files.pop()
    import os

    before = (sources or {}).get(os.path.realpath(file)) or read_source(file)
    if before is None:
        return None, f"{file} could not be read"
    try:
        fixed = apply_edits(before, list(edits))
        after = apply_edits(before, list(edits) + import_edits(file, before, fixed))
    except ValueError:
        return None, "its edits overlap; apply it by hand"
    try:
        compile(after, file, "exec")
    except SyntaxError as exc:
        return None, f"the patched file would not parse ({exc.msg}, line {exc.lineno}); apply it by hand"
    return Patch(file, before, after), ""


SCRIPT_PROOF_NOTE = "it is checked on the patched script instead (--diff)"  # app/patching.py replaces it


def attach(fix, edits: list[TextEdit], why_not: str | None = None):
    """Give a FixReport its edits and the unified diff they make (None when not writable).

    A fix that cannot be written says why in ``fix.proof`` (*why_not*: the line and the
    construct that prevent it), so the report never offers it as something ``--write`` can do.
    """
    fix.edits = list(edits)
    patch, reason = make_patch_or_reason(fix.edits)
    fix.patch = patch.diff if patch is not None else None
    if patch is None:
        fix.proof = f"cannot be written automatically: {why_not or reason}"
    fix.lines = sorted({n for e in fix.edits for n in range(e.start_line, max(e.start_line, e.end_line - (
        1 if e.end_col == 0 and e.end_line > e.start_line else 0)) + 1)})
    return fix


def script_checked_fix(title: str, code: str, file: str, line: int, edits: list[TextEdit], cost: int = 1):
    """An unverified FixReport with its *edits* attached that only the patched script can check
    (``needs_proof`` when it has edits): the failure came before any model could be cloned and
    replayed, so ``run`` proves it by running the patched script (app/patching.py)."""
    from shapedoctor.report.model import FixReport

    fix = attach(FixReport(title, code, file, line, False, None, SCRIPT_PROOF_NOTE, cost=cost), edits)
    fix.needs_proof = bool(edits)
    return fix
