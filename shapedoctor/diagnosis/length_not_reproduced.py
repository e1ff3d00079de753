"""An autoencoder whose strides cannot give back the window length it is trained to reproduce.

keras-io's timeseries anomaly detector halves its 288-step windows twice with ``padding="same"`` and
doubles them back twice: 288 -> 144 -> 72 -> 144 -> 288. A user who cuts 150-step windows gets 150 -> 75 ->
38 -> 76 -> 152, and the loss refuses 152 steps against the 150 it compares them with (r892: "Dimensions
must be equal, but are 150 and 152"). Keras names the loss; the cause is the window length, which the
strides do not divide.

Evidence, recorded and read, Keras the oracle: the failing ``fit`` trains the model to give back its own
input (``fit(x, x)``) and the loss names labels and an output of the same rank differing on one axis; the
model (a Sequential) maps that axis's length to another length; the script binds that
length once at its top level as an int literal (``TIME_STEPS = 150``) read to make the data. The nearest
lengths the model maps to themselves (each layer's ``compute_output_shape`` asked in turn, for each length
near it) are the fix, the
nearest first (ties: the longer, which keeps every reading a window had), written on that binding and
proven by running the patched script.
"""

from __future__ import annotations

from typing import Any


def length_not_reproduced(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the window length the model cannot reproduce (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import script_frame
    from shapedoctor.trace.sites import constant_statements, module_ints, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is exc and c.method == "fit"]
    if exc is None or len(calls) != 1 or calls[0].y_ref is None or calls[0].y_ref is not calls[0].x_ref:
        return None
    call = calls[0]
    shape = call.x_shapes if isinstance(call.x_shapes, tuple) else None
    if shape is None or len(shape) < 3 or not all(isinstance(d, int) for d in shape):
        return None
    import keras

    model = call.model
    if type(model) is not keras.Sequential:
        return None
    out = tuple(model.compute_output_shape((None,) + tuple(shape[1:])))
    differ = [i for i in range(1, len(shape)) if out[i] != shape[i]]
    if len(out) != len(shape) or len(differ) != 1:
        return None
    axis, length = differ[0], shape[differ[0]]
    kept = []
    for step in range(1, 33):  # the lengths nearest to the window the model gives back unchanged
        for candidate in (length + step, length - step):
            if candidate > 1 and _reproduces(model, shape, axis, candidate):
                kept.append(candidate)
        if kept:
            break
    where = script_frame(exc)
    if not kept or where is None:
        return None
    path = where[0].f_code.co_filename
    tree = source_tree(path)
    bound = [name for name, value in module_ints(tree).items() if value == length]
    if len(bound) != 1:
        return None
    statement = constant_statements(tree).get(bound[0])
    if statement is None:
        return None
    return path, statement, bound[0], length, sorted(kept, reverse=True), out[axis]


def _reproduces(model: Any, shape: tuple, axis: int, length: int) -> bool:
    """The Sequential *model*'s layers, each asked its ``compute_output_shape`` in turn (the model's own
    would refuse any length but the declared one), give back a window of *length*."""
    wanted = (None,) + tuple(length if i == axis else d for i, d in enumerate(shape))[1:]
    out = wanted
    try:
        for layer in model.layers:
            out = tuple(layer.compute_output_shape(out))
    except Exception:  # noqa: BLE001 - a length the layers refuse is no answer
        return False
    return out[1:] == wanted[1:]


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, name, length, kept, returned = found
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", name, "data", path, statement.lineno)
    finding.explanation = (
        f"The model is trained to give back its input, windows of {name} = {length} steps, but its strides turn "
        f"{length} into {returned}: each stride halves (or divides) the length, rounding up, and the upsampling "
        f"multiplies it back, so only lengths the strides divide come back unchanged. "
        f"{' or '.join(str(k) for k in kept)} {'does' if len(kept) == 1 else 'do'}: cut the windows that long. "
        + (finding.explanation or ""))
    fixes = []
    for cost, new in enumerate(kept, start=1):
        edit = TextEdit.replacing(path, statement.value, str(new))
        fixes.append(script_checked_fix(f"make the window a length the model gives back: {name} = {new}",
                                        f"{name} = {new}", display_path(path), statement.lineno, [edit], cost=cost))
    finding.fixes = fixes
    return finding
