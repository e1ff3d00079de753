"""A layer of the user's own that indexes a time axis its input lost at a recurrent layer upstream.

keras-io's captcha OCR ends in a CTC layer of its own that transposes the softmax output time-major,
``ops.transpose(y_pred, axes=[1, 0, 2])``: one distribution per time step. Both Bidirectional LSTMs of
the example return sequences; without ``return_sequences=True`` on the last one the softmax gives one
vector per image and the transpose fails, "axis 2 is out of bounds for an array with dimension 2"
(r801). Keras names the CTC layer (and shapedoctor, reading the first input, the labels).

Evidence, recorded and read: the error is NumPy/Keras's "axis K is out of bounds for an array with
dimension D", raised in the ``call`` of a layer of the user's own at a line that reads exactly one of
``call``'s parameters of rank D; the argument given for it was made, through layers that keep every axis
but the last (Dense, Dropout, Activation, normalisations), by a recurrent layer (or a ``Bidirectional``
around one) built without ``return_sequences``. That recurrent layer's creation is the root cause; the
fix adds ``return_sequences=True`` there, proven by running the patched script.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_OUT_OF_BOUNDS = re.compile(r"axis (-?\d+) is out of bounds for (?:an )?array (?:of|with) dimension (\d+)")
_PER_STEP = {"Dense", "Dropout", "Activation", "BatchNormalization", "LayerNormalization", "GaussianNoise",
             "SpatialDropout1D"}


def dropped_time_axis(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the recurrent layer that dropped the time axis a user layer indexes (see the
    module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from keras import tree

    from shapedoctor.diagnosis.attention_context import return_sequences_edit
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import source_tree

    match = _OUT_OF_BOUNDS.search(str(exc))
    failure = getattr(recorder, "failure", None)
    where = innermost_user_frame(exc)
    if match is None or failure is None or where is None:
        return None
    rank = int(match.group(2))
    frame, line = where
    layer = failure.call.layer
    if frame.f_code.co_name != "call" or frame.f_locals.get("self") is not layer:
        return None
    code = frame.f_code
    params = list(code.co_varnames[1:code.co_argcount])
    module = source_tree(code.co_filename)
    read = {node.id for node in ast.walk(module) if isinstance(node, ast.Name) and getattr(node, "lineno", 0) == line}
    # of several, the one an axis-taking call on the line (transpose(x, axes=...), x.swapaxes) operates on
    operated = {c.args[0].id for c in ast.walk(module) if isinstance(c, ast.Call) and c.lineno <= line <= c.end_lineno
                and c.args and isinstance(c.args[0], ast.Name) and any(k.arg in ("axes", "axis", "perm")
                                                                       for k in c.keywords)}
    given = {name: (failure.call.args[i] if i < len(failure.call.args) else failure.call.kwargs.get(name))
             for i, name in enumerate(params)}
    short = [name for name in params if name in read and shape_of(given[name]) is not None
             and len(shape_of(given[name])) == rank]
    if len(short) > 1:
        short = [name for name in short if name in operated]
    if len(short) != 1:
        return None
    tensor = given[short[0]]
    records = [r for r in list(failure.earlier) + list(recorder.producers.values()) if r.error is None]
    for _ in range(8):
        made = [r for r in records if any(o is tensor for o in tree.flatten(r.outputs))]
        if not made:
            return None
        record = max(made, key=lambda r: r.depth)
        if type(record.layer).__name__ not in _PER_STEP:
            found = return_sequences_edit(recorder, record.layer)
            return None if found is None else (*found, layer, short[0], rank)
        if not record.args:
            return None
        tensor = record.args[0]
    return None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    rnn, made, file, line, code, edits, layer, param, rank = found
    fix = script_checked_fix(f"return the whole sequence: return_sequences=True on {rnn}", code,
                             display_path(file), line, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", made.name, rnn.split("(")[0], display_path(file), line,
                            linecache.getline(file, line).strip())
    finding.fixes = [fix]
    finding.explanation = (
        f"`{layer.name}` ({type(layer).__name__}) reads `{param}` as a sequence, with a time axis, but it got "
        f"{rank} axes: {rnn} was built without return_sequences=True, so it returns only its last step and the "
        f"layers after it keep that (batch, features) shape. Return every step, (batch, steps, units), for "
        f"`{layer.name}` to read.")
    return finding
