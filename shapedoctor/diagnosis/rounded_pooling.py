"""An encoder-decoder whose pooling size does not divide the length it pools.

Deep temporal clustering (FlorentF9/DeepTemporalClustering#26, r693) pools 128 timesteps by 10 and
upsamples the latent sequence by 10 again: 128 // 10 = 12 steps, 12 * 10 = 120, and the reconstruction
loss refuses 120 steps against the 128 of the labels ("Dimensions must be equal, but are 128 and 120").
The maintainer's answer: the pooling size must divide the number of timesteps (he made the default 8).

Evidence, recorded and Keras's own: the failed training call's labels and the model's output have the
same rank and differ on one axis, the labels' size L and the output's ``(L // p) * p``; the model holds
exactly one pooling layer whose input has L on that axis and whose pool size p does not divide it, and an
``UpSampling`` layer of size p. The fix gives both the divisor of L nearest p (the smaller one on a tie),
written where the size is: the module constant both layers read (``POOL_SIZE = 8``), else both literals;
proven by running the patched script. The constant (or the pooling layer) is the root cause.
"""

from __future__ import annotations

import ast
from typing import Any


def rounded_pooling(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the pooling size that does not divide the length it pools, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _first_size(layer: Any, attribute: str) -> int | None:
    value = getattr(layer, attribute, None)
    value = value[0] if isinstance(value, (tuple, list)) and value else value
    return value if isinstance(value, int) else None


def _found(recorder: Any):
    import keras

    from shapedoctor.diagnosis.training_base import model_outputs

    failed = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    call = failed[-1] if failed else None
    if call is None or not isinstance(call.y_shapes, tuple) or not all(isinstance(d, int) for d in call.y_shapes):
        return None
    outputs = model_outputs(call.model)
    if len(outputs) != 1 or len(outputs[0]) != len(call.y_shapes):
        return None
    out, labels = outputs[0], call.y_shapes
    axes = [a for a in range(1, len(out)) if out[a] != labels[a]]
    if len(axes) != 1 or not isinstance(out[axes[0]], int):
        return None
    axis = axes[0]
    length, got = labels[axis], out[axis]
    layers = getattr(call.model, "layers", [])
    pools = []
    for layer in layers:
        if "Pooling" not in type(layer).__name__ or "Global" in type(layer).__name__:
            continue
        size = _first_size(layer, "pool_size")
        try:
            seen = tuple(layer.input.shape)
        except (AttributeError, ValueError):
            continue
        if size and axis < len(seen) and seen[axis] == length and length % size and (length // size) * size == got:
            pools.append((layer, size))
    if len(pools) != 1:
        return None
    pool, size = pools[0]
    ups = [x for x in layers if type(x).__name__.startswith("UpSampling") and _first_size(x, "size") == size]
    if len(ups) != 1 or not isinstance(pool, keras.layers.Layer):
        return None
    divisors = [d for d in range(2, length + 1) if length % d == 0]
    if not divisors:
        return None
    new = min(divisors, key=lambda d: (abs(d - size), d))
    written = _written(recorder, pool, ups[0], ("pool_size", "size"))
    return (written, pool, size, new, length, got) if written is not None else None


def _argument(recorder: Any, layer: Any, keyword: str):
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    site = recorder.creation_site(layer)
    if site is None:
        return None, None
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) == type(layer).__name__
             or (called_name(c.func) or "").replace("Pool", "Pooling") == type(layer).__name__]
    if len(calls) != 1:
        return site, None
    node = next((k.value for k in calls[0].keywords if k.arg == keyword), None)
    return site, node if node is not None else (calls[0].args[0] if calls[0].args else None)


def _written(recorder: Any, pool: Any, up: Any, keywords: tuple):
    """Where the size is written: ("constant", path, the module statement) when both layers read one
    module name bound once to an int, ("literals", path, [nodes]) when both write it as an int; else None."""
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.trace.sites import source_tree

    (site, first), (_up_site, second) = (_argument(recorder, pool, keywords[0]), _argument(recorder, up, keywords[1]))
    if site is None or first is None or second is None or _up_site is None or _up_site.file != site.file:
        return None
    if isinstance(first, ast.Name) and isinstance(second, ast.Name) and first.id == second.id:
        statement = single_assignments(source_tree(site.file)).get(first.id)
        if statement is not None and isinstance(statement.value, ast.Constant) and type(statement.value.value) is int \
                and statement in source_tree(site.file).body:
            return "constant", site.file, statement
        return None
    if all(isinstance(n, ast.Constant) and type(n.value) is int for n in (first, second)):
        return "literals", site.file, [first, second]
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    (how, path, where), pool, size, new, length, got = found
    if how == "constant":
        edits = [TextEdit.replacing(path, where.value, str(new))]
        line = where.lineno
        culprit = Place.at_line("layer", where.targets[0].id, "constant", path, line)
    else:
        edits = [TextEdit.replacing(path, node, str(new)) for node in where]
        line = where[0].lineno
        culprit = Place.at_line("layer", pool.name, type(pool).__name__, path, line)
    shown = edits[0].shown()
    fix = script_checked_fix(f"pool by {new}, which divides the {length} steps (and upsample by it)", shown,
                             display_path(path), line, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = culprit
    finding.explanation = (
        f"`{pool.name}` pools {length} positions by {size}: {length} // {size} = {length // size}, the last "
        f"{length % size} are dropped, and upsampling by {size} rebuilds {got}, not {length}. A pooling size "
        f"must divide the length it pools for the decoder to come back to it; {new} divides {length}.")
    finding.fixes = [fix]
    return finding
