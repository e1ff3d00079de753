"""Data reshaped with its sizes in the wrong order: one recording of 240 steps made 240 samples of one step.

Deep temporal clustering (FlorentF9/DeepTemporalClustering#21, r697): a single multichannel recording of
``(TIMESTEPS, N_CHANNELS)`` fed to an autoencoder declared ``Input(shape=(TIMESTEPS, N_CHANNELS))`` must be
one sample, ``recording.reshape(1, TIMESTEPS, N_CHANNELS)``; reshaped ``(TIMESTEPS, 1, N_CHANNELS)`` it is
240 samples of one step, and the model refuses them.

Evidence, recorded and read: the data the call got, of the declared rank, is refused; the line that made it
is ``NAME = <array>.reshape(a, b, ...)`` with one argument per axis; exactly one other order of those same
arguments gives the declared shape after the batch axis. The call's labels are the same array (an
autoencoder) or there are none (``predict``), so the new number of samples pairs with them. The fix writes
the arguments in that order, proven by running the patched script.
"""

from __future__ import annotations

import ast
import itertools
import linecache
from typing import Any


def reordered_reshape(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (SD201) fixed by putting its data's reshape arguments in the declared order, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD201" or finding.culprit is None or finding.culprit.kind != "data":
        return finding
    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.trace.sites import module_ints, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    call = calls[-1] if calls else None
    if call is None or call.site is None:
        return None
    if call.method not in ("predict", "predict_on_batch") and call.y_ref is not call.x_ref:
        return None
    shapes, inputs = flat_items(call.x_shapes), list(getattr(call.model, "inputs", None) or [])
    if len(shapes) != 1 or len(inputs) != 1:
        return None
    got, want = tuple(shapes[0]), tuple(inputs[0].shape)
    if len(got) != len(want) or None in want[1:]:
        return None
    tree = source_tree(call.site.file)
    line = finding.culprit.line
    statement = next((s for s in tree.body if isinstance(s, ast.Assign) and s.lineno == line), None)
    value = statement.value if statement is not None else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "reshape"
            and len(value.args) == len(got) and not value.keywords and value.lineno == value.end_lineno):
        return None
    constants = module_ints(tree)
    values = []
    for arg in value.args:
        number = arg.value if isinstance(arg, ast.Constant) and type(arg.value) is int else \
            constants.get(arg.id) if isinstance(arg, ast.Name) else None
        values.append(number)
    if values != list(got):
        return None
    orders = {order for order in itertools.permutations(range(len(values)))
              if order != tuple(range(len(values))) and tuple(values[i] for i in order)[1:] == want[1:]}
    results = {tuple(values[i] for i in order) for order in orders}
    if len(results) != 1:
        return None
    order = min(orders)
    return call.site.file, value, order, got, next(iter(results))


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    path, call, order, got, new = found
    line = linecache.getline(path, call.lineno)
    texts = [line[a.col_offset:a.end_col_offset] for a in call.args]
    first, last = call.args[0], call.args[-1]
    edit = TextEdit(path, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset,
                    ", ".join(texts[i] for i in order))
    fix = script_checked_fix(f"reshape in the declared order: {format_shape(new)} instead of {format_shape(got)}",
                             edit.shown(), display_path(path), call.lineno, [edit], cost=1)
    finding.explanation += (f" The reshape on line {call.lineno} writes the right sizes in another order: "
                            f"{format_shape(got)} makes {got[0]} samples, where the model reads "
                            f"{format_shape(new)}.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
