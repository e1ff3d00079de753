"""A stride computed by floor division from two sizes that 'same' padding rounded up.

A 3-D ResNet's shortcut (r650) infers its stride from the sizes of the block's input and of its
residual branch: ``stride = block_in.shape[1] // residual.shape[1]``. A stride-2 'same' convolution
makes 4 of 7 (it rounds up), and ``7 // 4`` is 1: the shortcut keeps 7 where the branch has 4, and
the ``add`` fails. The classic keras-resnet code rounds the ratio, ``int(round(a / b))``, which gives 2.

Evidence, read: the finding blames a layer whose constructor, on the culprit line, passes
``strides=NAME``; ``NAME`` is bound once in the enclosing function, as ``A // B``. That line is the root
cause and the fix rounds the ratio, ``round(A / B)``, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def floor_ratio(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at a stride that floor division truncated (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, exc)


def _found(finding: Any, exc: BaseException):
    from shapedoctor.diagnosis.reaim import culprit_function

    culprit = finding.culprit
    found = culprit_function(finding, exc) if finding.id == "SD104" and culprit and culprit.kind == "layer" else None
    if found is None:
        return None
    path, _tree, helper = found
    names = {k.value.id for c in ast.walk(helper) if isinstance(c, ast.Call) and c.lineno == culprit.line
             for k in c.keywords if k.arg == "strides" and isinstance(k.value, ast.Name)}
    if len(names) != 1:
        return None
    name = names.pop()
    binds = [s for s in ast.walk(helper) if isinstance(s, (ast.Assign, ast.AugAssign, ast.AnnAssign))
             and any(isinstance(t, ast.Name) and t.id == name
                     for t in (s.targets if isinstance(s, ast.Assign) else [s.target]))]
    if len(binds) != 1 or not isinstance(binds[0], ast.Assign) or not isinstance(binds[0].value, ast.BinOp) \
            or not isinstance(binds[0].value.op, ast.FloorDiv) or binds[0].lineno != binds[0].end_lineno:
        return None
    statement = binds[0]
    if not linecache.getline(path, statement.lineno).isascii():
        return None
    return path, statement, name


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, name = found
    ratio = statement.value
    text = linecache.getline(path, statement.lineno)
    left = text[ratio.left.col_offset:ratio.left.end_col_offset]
    right = text[ratio.right.col_offset:ratio.right.end_col_offset]
    edit = TextEdit.replacing(path, ratio, f"round({left} / {right})")
    fix = script_checked_fix(f"round the ratio instead of flooring it: {name} = round({left} / {right})",
                             edit.shown(), display_path(path), statement.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", name, None, display_path(path), statement.lineno, text.strip())
    finding.explanation = (
        f"{finding.explanation or ''} The stride is computed on line {statement.lineno} as `{left} // {right}`. "
        "A strided layer with 'same' padding rounds its output size up (an odd 7 halves to 4), so the ratio of "
        "the two sizes is not a whole number (7 / 4 = 1.75) and floor division truncates it (to 1, not 2): the "
        "layer keeps the size the other branch reduced. Round the ratio instead.").strip()
    finding.fixes = [fix] + list(finding.fixes)
    return finding
