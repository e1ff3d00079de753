"""A ``Normalization`` adapted on a 1-D array of one feature: it learned one mean per sample.

TensorFlow's Auto MPG tutorial normalizes the single horsepower column with ``layers.Normalization(axis=None)``.
Without ``axis=None``, ``adapt(train_hp)`` on the (250,) column takes its last (only) axis as the features and
keeps 250 means; the model's ``Input(shape=(1,))`` values then broadcast against them to (None, 250), and the
``Dense`` after the normalizer refuses that width at ``fit`` (r1146). Keras names the Dense; the cause is how
the normalizer was made.

Evidence, recorded: the program made one ``Normalization`` layer (not inverted) whose statistics have more
than one value on the last axis while the model feeds it one feature per sample. Its constructor line is the
root cause; the fix gives it ``axis=None`` (one mean and variance for the whole column), proven by running the
patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def flat_adapt(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the Normalization adapted on a flat column (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.trace.sites import called_name, source_tree

    layers = [layer for layer in recorder.created_layers() if type(layer).__name__ == "Normalization"]
    if len(layers) != 1:
        return None
    layer = layers[0]
    mean = getattr(layer, "mean", None)
    shape = tuple(getattr(mean, "shape", ()) or ())
    if getattr(layer, "invert", False) or not shape or shape[-1] in (None, 1) or tuple(layer.axis) != (-1,):
        return None
    # the model feeds it one feature per sample: the shape path shows (None, 1) going in
    steps = finding.path
    fed = [steps[i - 1].output_shape for i, step in enumerate(steps) if step.cls == "Normalization" and i > 0]
    if len(fed) != 1 or not fed[0].replace(" ", "").endswith(",1)"):
        return None
    site = recorder.creation_site(layer)
    if site is None or not site.file:
        return None
    made = [n for n in ast.walk(source_tree(site.file)) if isinstance(n, ast.Call) and n.lineno == site.line
            and called_name(n.func) == "Normalization"]
    text = linecache.getline(site.file, site.line)
    if len(made) != 1 or made[0].end_lineno != site.line or not text.isascii() \
            or any(k.arg == "axis" for k in made[0].keywords) or made[0].args:
        return None
    return site, made[0], shape[-1]


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, node, width = found
    edit = TextEdit.appending_argument(site.file, node, "axis=None")
    fix = script_checked_fix("one mean and variance for the whole column: Normalization(axis=None)", edit.shown(),
                             display_path(site.file), site.line, [edit], cost=1)
    finding.clear_culprit_marks()
    text = linecache.getline(site.file, site.line).strip()
    finding.culprit = Place("layer", "normalization", "Normalization", display_path(site.file), site.line, text)
    for step in finding.path:
        if step.cls == "Normalization":
            step.role = "culprit"
    # not a layer called twice: the normalizer's own statistics widened the data
    finding.id, finding.family = "SD102", "wrong-axis-size"
    finding.message = (f"the Normalization adapted on a 1-D column holds {width} means: it turns (None, 1) into "
                       f"(None, {width})")
    finding.explanation = (
        f"The Normalization made on line {site.line} was adapted on a 1-D array: with its default axis=-1 it takes "
        f"that array's only axis as the features and keeps {width} means, one per sample. The model gives it one "
        f"feature per sample, (None, 1), which broadcasts against the {width} means to (None, {width}), a width the "
        f"next layer was not built for. axis=None computes one mean and variance over all the values (or adapt it on "
        f"the column as (n, 1)).")
    finding.fixes = [fix]
    return finding
