"""A preprocessing layer adapted on batches of single values, without the feature axis it keeps.

keras-io's structured-data example adapts one ``Normalization`` per numeric column on that column's
dataset, mapped through ``lambda x: tf.expand_dims(x, -1)``: the layer keeps one mean and variance per
entry of its last axis, so each batch must be (batch, 1). Adapted on the column as it comes, (batch,),
the only axis left to keep is the batch axis, whose size is unknown, and ``adapt`` fails: "All `axis`
values to be kept must have a known shape" (r681).

Evidence, read: the message, raised in a ``.adapt(data)`` call on the user's line (the innermost of the
traceback) whose one argument names a dataset. The fix adds the feature axis at that argument, in the
example's words: ``data.map(lambda x: tf.expand_dims(x, -1))`` for a dataset (``tf`` imported); proven by
running the patched script. (A 1-D NumPy array raises nothing: it is adapted as that many features.)
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def adapt_feature_axis(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the data an ``adapt`` call got without its feature axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.messages import parse
    from shapedoctor.trace.sites import imported_names, source_tree

    facts = parse(str(exc))
    inner = innermost_user_frame(exc)
    if facts is None or "kept_axis_unknown" not in (facts.details or {}) or inner is None:
        return None
    frame, line = inner
    path = frame.f_code.co_filename
    tree = source_tree(path)
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
             and c.func.attr == "adapt" and c.lineno == line == c.end_lineno and len(c.args) == 1
             and isinstance(c.args[0], ast.Name)]
    if len(calls) != 1 or not linecache.getline(path, line).isascii():
        return None
    data = calls[0].args[0]
    value = frame.f_locals.get(data.id, frame.f_globals.get(data.id))
    imported = imported_names(tree)
    if hasattr(value, "element_spec") and "tf" in imported:
        return path, data, f"{data.id}.map(lambda x: tf.expand_dims(x, -1))"
    return None  # a 1-D array is adapted without an error, as that many features: not this mistake


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, data, spelled = found
    edit = TextEdit.replacing(path, data, spelled)
    fix = script_checked_fix(f"give the data its feature axis before adapting: {spelled}", edit.shown(),
                             display_path(path), data.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("data", data.id, "data", display_path(path), data.lineno,
                            linecache.getline(path, data.lineno).strip())
    finding.message = f"`{data.id}` is adapted as single values per sample, without the feature axis the layer keeps"
    finding.explanation = (
        "A preprocessing layer such as Normalization keeps its statistics along the last axis, one mean and "
        f"variance per feature, so it expects (batch, features). `{data.id}` gives one value per sample, "
        "(batch,): the only axis left to keep is the batch axis, whose size is not known. Add the feature axis "
        f"before adapting, `{spelled}`.")
    finding.fixes = [fix]
    return finding
