"""A per-sample vector broadcast against images: it lines up with their last axis, not the batch.

A WGAN-GP interpolates real and fake images with one random weight per sample: ``alpha =
tf.random.normal([batch_size, 1, 1, 1])``. Written ``[batch_size]``, ``real + alpha * diff`` lines the
vector up with the images' *last* axis (channels), so (16, 28, 28, 1) images become (16, 28, 28, 16),
and the discriminator refuses 16 channels where it was built for 1. Keras names the discriminator's
first layer; the cause is the line that made the vector (the keras-io WGAN-GP example).

Evidence, read: the refused tensor's last axis has the batch's size where the model expects 1; the
innermost line of the user's code passes a name to the model, assigned in the same function from an
expression that uses a name made there by a call whose shape is a one-item list or tuple (``[n]``,
``(n,)``). That call's line is the cause; the fix gives the shape the images' rank with axes of 1
(``[n, 1, 1, 1]``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree


def per_sample_vector(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that made the per-sample vector (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding)


def _dims(text: str | None) -> tuple | None:
    if not text:
        return None
    match = re.fullmatch(r"\s*\(([^()]*)\)\s*", text)
    if match is None:
        return None
    return tuple(None if v.strip() == "None" else int(v) for v in match.group(1).split(",") if v.strip())


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.sites import called_name

    want, got = _dims(finding.expected), _dims(finding.received)
    if not want or not got or len(want) != len(got) or len(got) < 3 or want[-1] != 1 \
            or got[0] is None or got[-1] != got[0] or got[0] == 1:
        return None
    inner = innermost_user_frame(exc)
    if inner is None:
        return None
    frame, line = inner
    file = frame.f_code.co_filename
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    function = min((f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and f.lineno <= line <= (f.end_lineno or f.lineno)), key=lambda f: (f.end_lineno or 0) - f.lineno,
                   default=None)
    if function is None:
        return None
    calls = [c for c in ast.walk(function) if isinstance(c, ast.Call) and c.lineno <= line <= (c.end_lineno or c.lineno)
             and c.args and isinstance(c.args[0], ast.Name)]
    if not calls:
        return None
    passed = calls[-1].args[0].id
    from shapedoctor.diagnosis.data_origin import assignments_by_name

    assigned = assignments_by_name(function)
    made = [a for a in assigned.get(passed, []) if a.lineno < line]
    if not made:
        return None
    used = {n.id for n in ast.walk(made[-1].value) if isinstance(n, ast.Name)}
    vectors = []
    for name in used:
        for stmt in assigned.get(name, []):
            value = stmt.value
            if not isinstance(value, ast.Call) or called_name(value.func) is None or stmt.lineno != stmt.end_lineno:
                continue
            shape = next((k.value for k in value.keywords if k.arg == "shape"), value.args[0] if value.args else None)
            if isinstance(shape, (ast.List, ast.Tuple)) and len(shape.elts) == 1:
                vectors.append((stmt, shape, name))
    if len(vectors) != 1:
        return None
    return file, vectors[0], len(want)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, (stmt, shape, name), rank = found
    text = linecache.getline(file, stmt.lineno)
    if not text.isascii():
        return finding
    size = text[shape.elts[0].col_offset:shape.elts[0].end_col_offset]
    ones = ", ".join(["1"] * (rank - 1))
    new_shape = f"[{size}, {ones}]" if isinstance(shape, ast.List) else f"({size}, {ones})"
    new = text[:shape.col_offset] + new_shape + text[shape.end_col_offset:]
    edit = TextEdit(file, stmt.lineno, shape.col_offset, stmt.lineno, shape.end_col_offset, new_shape)
    fix = script_checked_fix(f"give `{name}` one value per sample with the images' axes: {new_shape}", new.strip(),
                             display_path(file), stmt.lineno, [edit], cost=1)
    finding.culprit = Place("data", name, "data", display_path(file), stmt.lineno, text.strip())
    finding.fixes = [fix]  # the model and the data are right: a model edit would take the stretched channels
    finding.explanation = (f"`{name}` (line {stmt.lineno}) holds one value per sample, shape ({size},); multiplied "
                           "with images it lines up with their last axis, not the batch axis, so the channels are "
                           f"stretched to the batch size ({finding.received}). Give it the images' rank with axes of "
                           "1 so it broadcasts per sample. " + (finding.explanation or ""))
    for step in finding.path:
        step.role = "" if step.role == "culprit" else step.role
    return finding
