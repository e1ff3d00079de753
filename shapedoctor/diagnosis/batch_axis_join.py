"""A Concatenate layer told to join along axis 0, the batch axis, in a model that then failed.

keras-io's attention MIL example (r654) joins the weighted embeddings of a bag's instances along the
feature axis, ``layers.concatenate(weighted, axis=1)``. Written ``axis=0``, Keras builds the model: the
instances are stacked as extra samples, a bag of 3 gives 3 rows per sample, and only the loss notices,
with 8 labels against a (24, 2) output. Keras names the loss; the cause is the join.

Evidence, read: the program failed with a shape error, and a Concatenate layer made by the user's code
joins along axis 0 (the batch axis of every tensor a layer sees). Its line is the cause, and the fix
joins along the last axis, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def batch_axis_join(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    import keras

    hits = []
    for layer in recorder.created_layers():
        if not isinstance(layer, keras.layers.Concatenate) or getattr(layer, "axis", None) != 0:
            continue
        site = recorder.creation_site(layer)
        if site is None or not site.file:
            continue
        try:
            tree = source_tree(site.file)
        except (SyntaxError, ValueError):
            continue
        axes = [k.value for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= site.line <= (c.end_lineno or c.lineno)
                for k in c.keywords if k.arg == "axis" and isinstance(k.value, ast.Constant) and k.value.value == 0]
        if len(axes) == 1:
            hits.append((site, axes[0], layer))
    return hits[0] if len(hits) == 1 else None


def _aim(finding: Finding, found: Any) -> Finding:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    site, axis, layer = found
    edit = TextEdit.replacing(site.file, axis, "-1")
    code = linecache.getline(site.file, site.line).strip()
    finding.culprit = Place("layer", layer.name, "Concatenate", site.file, axis.lineno, code)
    finding.clear_culprit_marks()
    finding.fixes = [script_checked_fix("join along the last (feature) axis: axis=-1", edit.shown(), site.file,
                                        axis.lineno, [edit], cost=1)]
    finding.explanation = (
        f"`{code}` joins along axis 0, the batch axis: the tensors are stacked as extra samples, so every sample "
        "becomes several rows and the model's output no longer has one row per label. Join along the last "
        "axis, the features.")
    return finding
