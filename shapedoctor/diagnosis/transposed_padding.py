"""A decoder whose transposed convolutions lack ``padding="same"``: the output outgrows the targets.

A stride-2 ``Conv2DTranspose`` with ``padding="same"`` doubles its input, 7 -> 14 -> 28: the mirror of
the encoder's stride-2 ``padding="same"`` convolutions. Left at the default ``"valid"``, each one adds
``kernel - stride`` more, 7 -> 17 -> 37 for 5x5 kernels (TensorFlow's data-compression tutorial with
the padding left out, r955), and the loss refuses 37x37 reconstructions of 28x28 images. Keras names
the loss (or nothing it recorded, in a subclassed model); the cause is the decoder's layers, and the
fix the tutorial's ``padding="same"`` on them.

Evidence, recorded and read: the training call that raised has labels of one array whose spatial axes
(all but the batch and the last) differ from the output's it was compared with, each larger in the
output; the model holds transposed convolutions with ``padding="valid"``, stride above 1 and kernels
wider than their strides. With ``"same"`` each would give ``kernel - stride`` fewer positions, times
the strides of the transposed convolutions after it; the rule applies when that gives exactly the
labels' sizes on every spatial axis (arithmetic only: the replay is the patched script). The fix adds
``padding="same"`` to each of those layers where it is created, proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.report.model import Finding, Place


def transposed_padding(exc: BaseException | None, finding: Finding | None, recorder: Any) -> Finding | None:
    """*finding* aimed at the decoder's unpadded transposed convolutions (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    """([(layer, site, ast call)], labels' spatial sizes, output's), or None."""
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is exc
             and c.method in ("fit", "evaluate", "train_on_batch", "test_on_batch")]
    if len(calls) != 1:
        return None
    call = calls[0]
    labels = call.y_shapes
    if not _is_shape(labels) or len(labels) < 3:
        return None
    output = _output_shape(call)
    if output is None or len(output) != len(labels):
        return None
    want, got = tuple(labels[1:-1]), tuple(output[1:-1])
    if any(not isinstance(d, int) for d in want + got) or not all(g > w for g, w in zip(got, want)):
        return None
    from shapedoctor.diagnosis.training_base import all_layers

    layers = [layer for layer in all_layers(call.model)
              if type(layer).__name__.endswith("Transpose") and getattr(layer, "padding", None) == "valid"]
    extra = []
    for layer in layers:
        kernel, strides = _per_axis(layer.kernel_size, len(want)), _per_axis(layer.strides, len(want))
        if kernel is None or strides is None or any(s < 2 for s in strides):
            return None  # a stride-1 transposed convolution made wide on purpose: not this story
        extra.append((layer, kernel, strides))
    if not extra or any(all(k <= s for k, s in zip(kernel, strides)) for _, kernel, strides in extra):
        return None
    for axis in range(len(want)):
        shrink, scale = 0, 1
        for _, kernel, strides in reversed(extra):
            shrink += max(kernel[axis] - strides[axis], 0) * scale
            scale *= strides[axis]
        if got[axis] - shrink != want[axis]:
            return None
    edits = []
    for layer, _, _ in extra:
        site = recorder.creation_site(layer)
        node = _constructor(site, type(layer).__name__) if site is not None else None
        if node is None:
            return None
        edits.append((layer, site, node))
    return edits, want, got


def _is_shape(value: Any) -> bool:
    return isinstance(value, tuple) and all(d is None or isinstance(d, int) for d in value)


def _output_shape(call: Any) -> tuple | None:
    seen = [s for s in call.outputs_seen or [] if _is_shape(s)]
    if seen:
        return tuple(seen[-1])
    try:
        shape = tuple(call.model.output_shape)
    except Exception:  # noqa: BLE001 - a model with several outputs or none known
        return None
    return shape if _is_shape(shape) else None


def _per_axis(value: Any, n: int) -> tuple | None:
    values = tuple(value) if isinstance(value, (tuple, list)) else (value,) * n
    return values if len(values) == n and all(isinstance(v, int) for v in values) else None


def _constructor(site: Any, cls: str) -> ast.Call | None:
    """The one ``...Conv2DTranspose(...)`` call that starts on the creation line, without a padding keyword."""
    from shapedoctor.trace.sites import source_tree

    tree = source_tree(site.file)
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == site.line
             and (getattr(n.func, "attr", None) or getattr(n.func, "id", None)) == cls]
    if len(found) != 1 or any(k.arg == "padding" or k.arg is None for k in found[0].keywords) or len(found[0].args) > 3:
        return None  # padding given positionally (4th argument) or through **kwargs: not written here
    return found[0]


def _aim(finding: Finding, found: Any) -> Finding:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.trace.sites import display_path

    edits, want, got = found
    layer, site, node = edits[0]
    text_edits = [TextEdit.appending_argument(s.file, n, 'padding="same"') for _, s, n in edits]
    file = site.file
    if any(s.file != file for _, s, _ in edits):
        return finding
    source = "".join(linecache.getlines(file))
    patched = apply_edits(source, text_edits).splitlines()
    shown = "\n".join(patched[n.lineno - 1].strip() for _, _, n in edits
                      if n.lineno == n.end_lineno and n.lineno - 1 < len(patched))
    names = ", ".join(f"`{lay.name}`" for lay, _, _ in edits)
    size = " x ".join(map(str, got))
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, type(layer).__name__, file, node.lineno)
    finding.explanation = (
        f"The output is {size} per channel where the targets are {' x '.join(map(str, want))}: the transposed "
        f"convolution{'s' if len(edits) > 1 else ''} {names} use the default padding=\"valid\", so each adds "
        f"kernel - stride positions beyond multiplying its input by the stride. With padding=\"same\" a stride-s "
        f"transposed convolution gives exactly s times its input, the mirror of a stride-s convolution with "
        f"padding=\"same\", and the output comes back to {' x '.join(map(str, want))}.")
    finding.fixes = [script_checked_fix(f"padding=\"same\" on {names}", shown or 'padding="same"',
                                        display_path(file), node.lineno, text_edits)]
    return finding

