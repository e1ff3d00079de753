"""SD104 merge: Add, Multiply, Concatenate and element-wise ops given inputs that do not line up."""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, cap, fix, layer_place, rule_for, shape_of
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


@advisor("SD104")
def advise_merge(f: ErrorFacts, ranked: list) -> Advice:
    shapes = [shape_of(s) for s in f.shapes]
    shapes = [s for s in shapes if s is not None]
    op = f.details.get("operation", "elementwise")
    who = f.layer_class or (f.layer if f.layer else None)
    # The producers' widths, a projection, Flatten or pooling, cropping or downsampling one
    # branch come from the family generator (run's ranking); the text's reader adds the axis
    # to join on, concatenation instead of an element-wise merge, and broadcasting.
    fixes: list[FixReport] = []
    off_last_axis = False
    low = min(shapes, key=len) if len(shapes) == 2 else None
    high = max(shapes, key=len) if len(shapes) == 2 else None
    if op == "concatenate" and low is not None and len(high) == len(low) + 1 and tuple(high[:-1]) == tuple(low) \
            and high[-1] == 1:
        # tf.concat of (32, 28, 28, 1) generated images and (32, 28, 28) real ones: one lacks the axis of 1
        message = f"{who or 'the concatenation'} got {f.received}: inputs of different ranks"
        explanation = (f"A concatenation joins tensors of one rank (number of axes); here one has {len(high)} axes "
                       f"and the other {len(low)}. The {sh.fmt(low)} input lacks the trailing axis of size 1 that "
                       f"{sh.fmt(high)} has (a channel axis, for grayscale images): add it to that input.")
        fixes.append(fix(f"add the missing axis of 1 to the {sh.fmt(low)} input", "x[..., None]",
                         result_shape=sh.fmt(high)))
        return Advice(message, explanation, fixes, consumer=layer_place(f),
                      cannot_tell="The text does not show where the input without that axis was made.",
                      replaces_ranked=True)
    if op == "concatenate":
        differing = f.details.get("differing_axes") or []
        rank = len(shapes[0]) if shapes else 0
        if (rank >= 3 and all(len(s) == rank for s in shapes) and [a % rank for a in differing] == [rank - 1]
                and (f.layer_class or "Concatenate") == "Concatenate"):
            # Inputs that differ only on the last axis are what a Concatenate joins by default: this
            # one was told another axis. Changing a branch's width would stack maps along a spatial
            # or time axis; the axis is the fix.
            off_last_axis = True
            joined = list(shapes[0])
            joined[-1] = sum(s[-1] for s in shapes) if all(s[-1] is not None for s in shapes) else None
            fixes.append(fix(f"join along the last (feature) axis: axis=-1 on {f.layer or 'the Concatenate'}",
                             "layers.Concatenate(axis=-1)([...])", result_shape=sh.fmt(joined)))
            differing = []
        message = f"{who or 'the concatenation'} got {f.received}, which differ on more than the joined axis"
        explanation = (
            f"Concatenate stacks its inputs along one axis (the last, unless `axis=` says otherwise); on every "
            f"other axis the sizes must be equal. The inputs {f.received} differ on axis "
            f"{', '.join(str(a) for a in differing) or '?'}. "
        ) + rule_for("SD104", f)
        if off_last_axis:
            explanation += (" These inputs differ only on the last axis, which is the axis a Concatenate joins "
                            "by default: this one was given another `axis=`.")
        elif len(differing) == 1 and shapes:
            ax = differing[0]
            rank = len(shapes[0])
            joined = list(shapes[0])
            joined[ax] = sum(s[ax] for s in shapes) if all(s[ax] is not None for s in shapes) else None
            ax_code = -1 if ax == rank - 1 else ax
            if shapes[0][0] is None:
                joined[0] = None
            fixes.append(fix(f"If you meant to join them along axis {ax_code}, say so",
                             f"layers.Concatenate(axis={ax_code})([...])", result_shape=sh.fmt(joined)))
            sizes = sorted({s[ax] for s in shapes if s[ax] is not None})
            fixes.append(fix(f"Otherwise make axis {ax} the same size in every input ({' vs '.join(str(x) for x in sizes)})",
                             "# e.g. the same number of steps, the same pooling or padding in each branch"))
        else:
            fixes.append(fix("Make every axis but the joined one the same size in all inputs",
                             "layers.Concatenate(axis=-1)([a, b])   # a, b: equal sizes except on axis -1"))
    else:
        what = who or "An element-wise operation"
        message = f"{who or 'an element-wise operation'} got {f.received}, which do not line up"
        per = " (per-sample shapes: the batch axis is left out)" if f.details.get("per_sample") else ""
        explanation = f"{cap(what)} pairs values one to one; it received {f.received}{per}. " + rule_for("SD104", f)
        if len(shapes) == 2:
            a, b = shapes
            if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] and b[-1]:
                per_sample = f.details.get("per_sample")
                lead = (None,) + tuple(a[:-1]) if per_sample else tuple(a[:-1])
                fixes.append(fix("Or, if the two should be joined rather than added, concatenate them",
                                 "layers.Concatenate()([a, b])",
                                 result_shape=sh.fmt(lead + (a[-1] + b[-1],))))
            elif len(a) + 1 == len(b) and tuple(a) == tuple(b[: len(a)]):
                fixes.append(fix(f"To repeat {sh.fmt(a)} along the last axis, give it a size-1 axis there",
                                 "a = keras.ops.expand_dims(a, -1)",
                                 result_shape=sh.fmt(tuple(a) + (1,))))
            elif len(b) + 1 == len(a) and tuple(b) == tuple(a[: len(b)]):
                fixes.append(fix(f"To repeat {sh.fmt(b)} along the last axis, give it a size-1 axis there",
                                 "b = keras.ops.expand_dims(b, -1)",
                                 result_shape=sh.fmt(tuple(b) + (1,))))
        spatial = len(shapes) == 2 and len(shapes[0]) == len(shapes[1]) >= 3 and shapes[0][-1] == shapes[1][-1]
        if not fixes and spatial:
            fixes.append(fix("Give both branches the same spatial size: the same pooling, strides and padding in each",
                             "# e.g. strides=2 on the shortcut's convolution, or padding=\"same\" in both branches"))
        elif not fixes:
            fixes.append(fix("Give both inputs the same shape, e.g. the same units in both branches",
                             "layers.Dense(n)(a), layers.Dense(n)(b)"))
            fixes.append(fix("Or concatenate instead, if they should be joined rather than combined value by value",
                             "layers.Concatenate()([a, b])"))
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text does not show which branches produced these tensors.",
                  replaces_ranked=off_last_axis)
