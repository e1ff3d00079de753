"""A global pooling in a subclassed model's ``call`` that removed the positions the labels keep.

keras-io's NER transformer (r659) tags every token: the labels are one class id per token, (batch,
steps), and the model's head is applied per token. A model written like the text classifier it was
adapted from calls ``x = self.pool(x)`` (GlobalAveragePooling1D) after the transformer block, and the
output becomes one row per sentence; the loss refuses (batch, steps) ids against (batch, tags). The labels
are right; the pooling line is the cause, and removing it is the fix.

Evidence, read: a loss refused its target and output with the target of rank 2 or more and the output of
rank 2 (the positions gone); one model of the user's own class calls, in ``call``, a global pooling (or
Flatten) attribute on a name and binds the result to it (``x = self.pool(x)``), and only one. The fix
comments that line out, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.diagnosis.unused_flatten import FLATTENING, call_function, statements


def pooled_positions(exc: BaseException, finding: Any, recorder: Any) -> Any:
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import keras

    from shapedoctor.diagnosis.reaim import loss_shapes
    from shapedoctor.trace.sites import is_user_file

    shapes = loss_shapes(exc)
    if shapes is None or len(shapes[0]) < 2 or len(shapes[1]) != 2:
        return None
    hits = []
    for model in recorder.created_layers():
        code = getattr(getattr(type(model), "call", None), "__code__", None)
        if not isinstance(model, keras.Model) or code is None or not is_user_file(code.co_filename):
            continue
        fn = call_function(code)
        if fn is None:
            continue
        pooling = {name for name, layer in vars(model).items() if type(layer).__name__ in FLATTENING}
        hits += [(code.co_filename, s, type(vars(model)[s.value.func.attr]).__name__) for s in statements(fn)
                 if _pools_in_place(s, pooling)]
    return hits[0] if len(hits) == 1 else None


def _pools_in_place(stmt: ast.stmt, pooling: set) -> bool:
    """``x = self.pool(x)`` on one line, ``pool`` a global pooling or Flatten attribute."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name) \
            or stmt.lineno != stmt.end_lineno:
        return False
    value = stmt.value
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
            and isinstance(value.func.value, ast.Name) and value.func.value.id == "self" and value.func.attr in pooling
            and len(value.args) == 1 and isinstance(value.args[0], ast.Name) and value.args[0].id == stmt.targets[0].id)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, stmt, cls = found
    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    code = text.strip()
    edit = TextEdit(file, stmt.lineno, stmt.col_offset, stmt.lineno, stmt.end_col_offset, f"# {code}")
    finding.culprit = Place("layer", stmt.value.func.attr, cls, display_path(file), stmt.lineno, code)
    finding.clear_culprit_marks()
    finding.fixes = [script_checked_fix(f"remove the {cls}: the labels keep one value per position", f"# {code}",
                                        display_path(file), stmt.lineno, [edit], cost=1)]
    finding.explanation = (
        f"The labels hold one value per position, and line {stmt.lineno} pools the positions away (`{code}`, a "
        f"{cls}): the output is one row per sample. A head applied to every position needs the positions kept; "
        "remove the pooling.")
    return finding
