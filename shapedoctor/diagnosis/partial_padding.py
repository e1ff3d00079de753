"""Convolutions made through a ``functools.partial`` that lost its ``padding="same"``.

Hands-On ML builds its CNNs from ``DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3,
padding="same", activation="relu", ...)``: every convolution keeps the spatial size and only the poolings
halve it. Without ``padding="same"`` in the partial, each convolution trims its borders and a deep one
gets a 1x1 map: "Computed output size would be zero or negative" (r701). Keras names the convolution that
noticed; the cause is the partial every convolution shares, and the book's fix is there.

Evidence, recorded and read: the failing layer is a convolution (SD105), created by calling a name the
user's module binds once to ``partial(<...>.Conv<n>D, ...)`` with no ``padding`` keyword. The partial is
the root cause; the fix adds ``padding="same"`` to it, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def partial_padding(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (SD105) aimed at the ``partial`` its convolutions were made with, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD105":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    import keras

    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.trace.sites import called_name, source_tree, source_tree_and_calls_at

    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    if not isinstance(layer, keras.layers.Layer) or not type(layer).__name__.startswith("Conv") \
            or getattr(layer, "padding", None) != "valid":
        return None
    site = recorder.creation_site(layer)
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    named = {c.func.id for c in around if isinstance(c.func, ast.Name)}
    bound = single_assignments(source_tree(site.file))
    partials = [(name, bound[name].value) for name in named if name in bound]
    partials = [(n, v) for n, v in partials if isinstance(v, ast.Call) and called_name(v.func) in ("partial",
                                                                                                     "functools.partial")
                and v.args and (called_name(v.args[0]) or "").split(".")[-1] == type(layer).__name__]
    if len(partials) != 1:
        return None
    name, made = partials[0]
    if any(k.arg in ("padding", None) for k in made.keywords):
        return None
    return site.file, name, made


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, name, made = found
    last = [*made.args, *made.keywords][-1]
    line = linecache.getline(path, last.end_lineno)
    quote = "'" if "'" in line and '"' not in line else '"'
    edit = TextEdit(path, last.end_lineno, last.end_col_offset, last.end_lineno, last.end_col_offset,
                    f", padding={quote}same{quote}")
    fix = script_checked_fix(f"give every convolution made by `{name}` padding=\"same\"", edit.shown(),
                             display_path(path), last.end_lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", name, "partial", path, made.lineno)
    finding.explanation += (
        f" Every convolution here is made by `{name}`, a `partial` with no `padding`, so each one is 'valid' and "
        f"trims its borders. With padding=\"same\" in `{name}`, the convolutions keep the size and only the "
        "poolings reduce it.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
