"""Data made by another model's ``predict`` that the trained model refuses: the producing model's output layer.

A GAN trains its discriminator on real samples, then on the generator's samples: ``x_fake =
generator.predict(noise)`` then ``discriminator.train_on_batch(x_fake, zeros)``. MachineLearningMastery's
1-D function GAN makes each sample a pair (x, x^2) and builds the generator with ``n_outputs=2``; left at
``n_outputs=1``, the fake samples are ``(32, 1)`` for a discriminator of ``(None, 2)`` (r1078). Keras names
the discriminator's input; the discriminator is right (it just trained on the real pairs), the generator's
output layer is not.

Evidence, recorded: the refused data is a name made on one line by ``M.predict(...)`` of another recorded
model; the refusing model already ran a training step on data of its declared shape; the shapes differ
only in the last axis, and ``M``'s last layer is a Dense with the refused width. The fix gives that Dense the
declared width, written where its size is chosen (a parameter's default, a constant), proven by running the
patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def generated_data(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when the refused data came from another model's predict (see the module)."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place
    from shapedoctor.repair.size_origin import argument_rebinding
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.sites import display_path, source_tree

    recorder = rec.CURRENT
    if recorder is None or prob.data_shapes is None or call.site is None or not call.site.file:
        return None
    want, got = (tuple(s) for s in prob.data_shapes)
    if len(want) != len(got) or got[-1] == want[-1] or tuple(got[1:-1]) != tuple(want[1:-1]):
        return None
    calls = list(getattr(recorder, "training_calls", None) or [])
    trained = any(c is not call and c.model is call.model and c.error is None and c.method in (
        "fit", "train_on_batch") and (shape_of(c.x_ref) or ())[1:] == want[1:] for c in calls)
    arg = argument_node(call.site, 0, "x")
    if not trained or not isinstance(arg, ast.Name):
        return None
    file = call.site.file
    stmt = last_assignment(enclosing_scope(source_tree(file), call.site.line), arg.id, call.site.line)
    if stmt is None or not (isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Attribute)
                            and stmt.value.func.attr == "predict"):
        return None
    made = [c for c in calls if c.method == "predict" and c.error is None and c.site is not None
            and c.site.file == file and c.site.line == stmt.lineno and c.model is not call.model]
    producer = made[-1].model if made else None
    last = (getattr(producer, "layers", None) or [None])[-1]
    if last is None or type(last).__name__ != "Dense" or last.units != got[-1]:
        return None
    site = recorder.creation_site(last)
    if site is None or not site.file:
        return None
    bound = argument_rebinding(site, type(last), "units", last.units, want[-1])
    if bound is None:
        return None
    fix = script_checked_fix(f"make `{producer.name}` give {want[-1]} values per sample: units={want[-1]} on its "
                             f"output layer, where the size is chosen", bound.shown, display_path(bound.file),
                             bound.line, list(bound.text_edits), cost=1)
    place = Place("layer", last.name, "Dense", display_path(bound.file), bound.line,
                  linecache.getline(bound.file, bound.line).strip())
    why = (f"`{arg.id}` is made by `{producer.name}.predict` (line {stmt.lineno}): {got[-1]} value(s) per sample from "
           f"its output layer `{last.name}`. `{call.model.name}` already trained on data of its declared shape "
           f"{tuple(want)}: it is right, and the model that made the data must give {want[-1]} values per sample.")
    return place, fix, why, True
