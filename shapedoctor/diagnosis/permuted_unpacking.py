"""A function's outputs unpacked in another order than it returns them, under the same names.

TensorFlow's audio transfer-learning tutorial (r612): YAMNet returns ``scores, embeddings,
spectrogram``, and the tutorial's map function unpacks ``scores, embeddings, spectrogram =
yamnet_model(wav_data)``. Written ``embeddings, scores, spectrogram = ...``, the "embeddings" are the 521
class scores, and the classifier declared for 1024 values refuses them at ``fit``. Keras names the
model's input; the cause is the unpacking.

Evidence, read: the program failed with a shape error; a function of the script returns a tuple of plain
names (``return scores, embeddings, spectrogram``), and exactly one statement unpacks a call of it into
the same names in another order. That statement is the cause, and the fix unpacks in the order the
function returns, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def permuted_unpacking(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    if finding is None or finding.id not in ("SD101", "SD102", "SD201", "SD202"):
        return finding
    try:
        return _reaimed(exc, finding) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(exc: BaseException, finding: Finding) -> Finding | None:
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    hits = []
    for path in user_files(exc):
        try:
            tree = source_tree(path)
        except (SyntaxError, ValueError):
            continue
        hits += [(path, stmt, order) for stmt, order in _permuted(tree)]
    if len(hits) != 1:
        return None
    path, stmt, order = hits[0]
    target = stmt.targets[0]
    if target.lineno != target.end_lineno:
        return None
    code = linecache.getline(path, stmt.lineno).strip()
    given = [e.id for e in target.elts]
    edit = TextEdit.replacing(path, target, ", ".join(order))
    finding.culprit = Place("data", None, "data", display_path(path), stmt.lineno, code)
    finding.clear_culprit_marks()
    finding.explanation = (
        f"`{ast.unparse(stmt.value.func)}` returns ({', '.join(order)}) in that order, and line {stmt.lineno} unpacks "
        f"it as ({', '.join(given)}): each name holds another output than it says, so the model gets the wrong "
        "tensor. Unpack in the order the function returns. " + (finding.explanation or ""))
    finding.fixes.insert(0, script_checked_fix("unpack the outputs in the order the function returns them",
                                               edit.shown(), display_path(path), stmt.lineno, [edit]))
    return finding


def _permuted(tree: ast.Module) -> list[tuple[ast.Assign, list[str]]]:
    """(statement, the function's return order) for each ``a, b, c = f(...)`` whose names are those ``f``
    returns, ``return b, a, c``, in another order."""
    returns = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        found = [r.value for r in ast.walk(fn) if isinstance(r, ast.Return) and r.value is not None]
        if len(found) == 1 and isinstance(found[0], ast.Tuple) and all(isinstance(e, ast.Name) for e in found[0].elts):
            names = [e.id for e in found[0].elts]
            if len(set(names)) == len(names) >= 2:
                returns[fn.name] = names
    out = []
    for stmt in ast.walk(tree):
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Tuple):
            continue
        call = stmt.value
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name) or call.func.id not in returns:
            continue
        elts = stmt.targets[0].elts
        if not all(isinstance(e, ast.Name) for e in elts):
            continue
        given, order = [e.id for e in elts], returns[call.func.id]
        if given != order and sorted(given) == sorted(order):
            out.append((stmt, order))
    return out
