"""A stateful RNN fitted on a number of samples that its fixed batch size does not divide.

A stateful layer keeps one state per row of the batch, so the model is built for one batch size
(``Input(batch_shape=(8, steps, features))``) and every batch must have exactly that many samples.
``fit`` cuts the data into batches of ``batch_size`` and the last one holds the remainder (205
samples in batches of 8 leave 5): Keras fails at the end of the first epoch with a broadcast error
that names no sample count (``Incompatible shapes: [5,16] vs. [8,16]``). The root cause is the
data; the fix, the idiom of the answers, trims inputs and labels together to a multiple of the
batch size before the call: ``X = X[:len(X) - len(X) % batch_size]`` (and the same for ``y``).
The samples dropped are fewer than one batch; the invariant on dropped samples still applies.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, all_layers, flat_items, model_inputs
from shapedoctor.trace.recorder import shape_of


def fixed_batch(model: Any) -> int | None:
    """The batch size a model was built for (``batch_shape=``), when every input fixes the same one."""
    sizes = {s[0] for s in model_inputs(model) if s}
    size = sizes.pop() if len(sizes) == 1 else None
    return size if isinstance(size, int) else None


def _stateful(model: Any) -> bool:

    return any(getattr(layer, "stateful", False) for layer in all_layers(model))


def batch_remainder(call: Any, model: Any) -> Problem | None:
    """The samples of a ``fit`` of a stateful model leave a last batch smaller than the fixed one."""
    size = fixed_batch(model)
    if call.method != "fit" or call.batched or size is None or size < 2 or not _stateful(model):
        return None
    counts = {(shape_of(a) or (None,))[0] for a in flat_items(call.x_ref) + flat_items(call.y_ref)}
    if len(counts) != 1:
        return None
    n = counts.pop()
    if not isinstance(n, int) or n % size == 0:
        return None
    keep = n - n % size
    prob = Problem("SD203", f"{n} samples do not fill whole batches of {size}: the stateful model was built for "
                   f"batches of exactly {size}", "data", expected=f"a multiple of {size} samples",
                   received=f"{n} samples ({n // size} batches of {size} and one of {n % size})")
    prob.explanation = (f"A stateful layer keeps one state per row of the batch, so the model takes batches of exactly "
                        f"{size} (its batch_shape). {n} samples in batches of {size} leave a last batch of {n % size}, "
                        "which fails once the first epoch reaches it. Trim inputs and labels to a multiple of the "
                        f"batch size ({keep} samples) before the call.")
    edit = _trim_edit(call, size)
    if edit is not None:
        prob.fixes.append(TrainingFix(f"trim the data to whole batches: x[:len(x) - len(x) % {edit[5]}]", "data",
                                      apply=lambda a, keep=keep: a[:keep], counts_to=keep, cost=1,
                                      line_edit=edit[:5]))
    return prob


def _trim_edit(call: Any, size: int) -> tuple | None:
    """An inserted line before the call trimming x and y (by the names the call passes) to whole batches."""
    import linecache

    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.repair.codegen import indentation

    site = call.site
    xvar, yvar = argument_name(site, 0, "x"), argument_name(site, 1, "y")
    if site is None or xvar is None or yvar is None:
        return None
    batch = _batch_argument(site) or str(size)
    lines = [f"{v} = {v}[:len({v}) - len({v}) % {batch}]" for v in (xvar, yvar)]
    pad = indentation("".join(linecache.getlines(site.file)), site.line)
    text = "".join(pad + line + "\n" for line in lines)
    return site.line, 0, 0, text, "\n".join(lines), batch


def _batch_argument(site: Any) -> str | None:
    """The text of the call's ``batch_size=`` argument when it is a plain name or number."""
    try:
        tree = ast.parse(site.code.strip().rstrip(":"))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            value = next((kw.value for kw in node.keywords if kw.arg == "batch_size"), None)
            if isinstance(value, (ast.Name, ast.Constant)):
                return ast.unparse(value)
    return None
