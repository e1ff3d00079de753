"""A softmax over more classes than the script names and its labels use (SD213, silent).

udacity/intro-to-ml-tensorflow's cats-and-dogs notebook (r1120, fixed by the maintainer's commit) kept the
``Dense(10, activation="softmax")`` of the MNIST example it was copied from: with 0/1 labels under
``sparse_categorical_crossentropy`` nothing raises, the eight extra units take probability from the two real
classes, and the accuracy falls below chance.

Evidence, recorded: a ``fit`` under a sparse categorical cross-entropy of one softmax output of k units, on whole
number labels below m, m at most k / 2; the script (its module, when it ended) binds a list or tuple of m strings whose name speaks of classes or
labels (``class_names = ["cat", "dog"]``). The output layer is the culprit; the fix gives it m units (verified by a
training step of the clone).
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Finding


def unused_classes_findings(recorder: Any) -> list[Finding]:
    """One SD213 warning per model trained with more output classes than its script names and uses."""
    from shapedoctor.diagnosis.training_base import findings_per_call

    return findings_per_call(recorder, lambda call: id(call.model) if call.method == "fit" else None,
                             lambda call: _finding(call, recorder))


def _finding(call: Any, recorder: Any) -> Finding | None:
    import numpy as np

    from shapedoctor.diagnosis.training import units_fix
    from shapedoctor.diagnosis.training_base import SPARSE, Problem, flat_items, loss_name, output_layer
    from shapedoctor.diagnosis.training_fixes import findings_for

    head = output_layer(call.model, 0)
    units = getattr(head, "units", None)
    activation = getattr(getattr(head, "activation", None), "__name__", None)
    ys = flat_items(call.y_ref) if call.y_ref is not None else []
    if call.batched or not isinstance(units, int) or activation != "softmax" or len(ys) != 1 \
            or len(list(getattr(call.model, "outputs", None) or [])) != 1 or loss_name(call.loss) not in SPARSE:
        return None
    y = np.asarray(ys[0])
    if y.dtype.kind not in "iuf" or not y.size or not np.all(np.mod(y, 1) == 0) or y.min() < 0:
        return None
    used = int(y.max()) + 1
    if used < 2 or 2 * used > units:
        return None
    scope = {**(getattr(recorder, "module_globals", None) or {}), **(getattr(call, "names", None) or {})}
    names = [name for name, value in scope.items()
             if isinstance(value, (list, tuple)) and len(value) == used and all(isinstance(v, str) for v in value)
             and any(word in name.lower() for word in ("class", "label", "categor"))]
    if len(names) != 1:
        return None
    prob = Problem("SD213", f"the output has {units} units but the script names {used} classes (`{names[0]}`) and "
                   f"its labels use {used}", "layer", expected=f"{used} units", received=f"{units} units", layer=head)
    prob.explanation = (f"`{names[0]}` names {used} classes and the labels are ids 0..{used - 1}, but the softmax has "
                        f"{units} units: {units - used} of them stand for classes that never occur. A sparse "
                        "cross-entropy accepts that silently; the extra units take probability from the real classes. "
                        f"Give the output layer {used} units.")
    prob.fixes.append(units_fix(head, used))
    found = findings_for(call, [prob], recorder)
    return found[0] if found and found[0].fixes else None
