"""Per-field layers made in a loop with a size computed per field, then stacked along a new axis.

DeepFM (shenweichen/DeepCTR#260, r692) embeds each categorical field on its own and stacks the embeddings
along a field axis, ``Concatenate(axis=1)`` of ``(None, 1, k)`` tensors, for the factorisation-machine term
that sums over the fields. With ``embedding_dim="auto"`` each field gets its own size (6 * vocabulary ** 0.25)
and the stack fails. The maintainer: FM-based models need every field's embedding the same size.

Joining along the last axis instead would build, but the FM term would then sum over an axis of 1: a
verified fix that is wrong. Evidence, recorded and read: a ``Concatenate`` along an axis other than the
last refused inputs that agree on every axis but the last, every one made by a layer of one class created
on the same line (a loop), whose size argument there is an expression, not a literal. That line is the root
cause; the fix writes one size for all (the power of two nearest the sizes' geometric mean), proven by
running the patched script, and the join along the last axis is no longer offered.
"""

from __future__ import annotations

import ast
import linecache
import math
from typing import Any

_SIZE = {"Embedding": ("output_dim", 1), "Dense": ("units", 0), "Conv1D": ("filters", 0), "Conv2D": ("filters", 0)}


def stacked_sizes(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (SD104) aimed at the loop line whose per-field sizes the stack refused, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD104":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    import keras

    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    if not isinstance(layer, keras.layers.Concatenate) or layer.axis in (-1,) or not failure.call.args:
        return None
    items = failure.call.args[0]
    if not isinstance(items, (list, tuple)) or len(items) < 2:
        return None
    shapes = [tuple(t.shape) for t in items]
    if layer.axis == len(shapes[0]) - 1 or len({s[:-1] for s in shapes}) != 1 or len({s[-1] for s in shapes}) < 2:
        return None
    producers = [recorder.producer_of(t) for t in items]
    if any(p is None for p in producers):
        return None
    kinds = {type(p.layer).__name__ for p in producers}
    sites = {recorder.creation_site(p.layer) for p in producers}
    if len(kinds) != 1 or len(sites) != 1 or None in sites or next(iter(kinds)) not in _SIZE:
        return None
    cls, site = next(iter(kinds)), next(iter(sites))
    keyword, position = _SIZE[cls]
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) == cls]
    if len(calls) != 1:
        return None
    size = next((k.value for k in calls[0].keywords if k.arg == keyword), None)
    if size is None and position < len(calls[0].args):
        size = calls[0].args[position]
    if size is None or isinstance(size, ast.Constant) or size.lineno != size.end_lineno:
        return None
    sizes = [s[-1] for s in shapes]
    mean = math.exp(sum(math.log(s) for s in sizes) / len(sizes))
    new = 2 ** round(math.log2(mean))
    return site, size, cls, sizes, new, layer.name


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, size, cls, sizes, new, joined = found
    path = site.file
    text = linecache.getline(path, size.lineno)[size.col_offset:size.end_col_offset]
    edit = TextEdit.replacing(path, size, str(new))
    fix = script_checked_fix(f"one size for every {cls} the loop makes: {new} in place of {text}", edit.shown(),
                             display_path(path), size.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", cls, cls, path, site.line)
    finding.explanation = (
        f"`{joined}` stacks {len(sizes)} tensors along a new axis, one per {cls} the loop on line {site.line} makes; "
        f"stacked, they must all have the same size, but `{text}` gives each its own ({', '.join(map(str, sizes))}). "
        "Joining them along the last axis instead would build, but what reads the stack per item (a sum over "
        "the stacked axis) would then see one item. Give every one the same size.")
    finding.fixes = [fix] + [f for f in finding.fixes if "axis=-1" not in (f.code or "")]
    return finding
