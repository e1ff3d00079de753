"""SD102 wrong axis size: a layer built for one width received another.

The producer's width and the projection come from the family generator; this advisor
adds the matmul reading of raw TensorFlow texts and the data-side alternatives.
"""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, fix, layer_place, rule_for, shape_of, who
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


@advisor("SD102")
def advise_axis(f: ErrorFacts, ranked: list) -> Advice:
    want = f.details.get("expected_size")
    have = f.details.get("received_size")
    axis = f.details.get("axis", -1)
    axis_txt = "its last axis" if axis == -1 else f"axis {axis}"
    matmul = f.details.get("operation") == "matmul"
    if matmul and not f.layer:
        kernel = f.details.get("kernel_shape")
        message = f"a matrix product needs {want} on the inner axis, received {f.received}"
        explanation = (
            f"A matrix product pairs the last axis of the left operand with the first axis of the right one: "
            f"{f.received} against a {kernel or 'right operand'} needs {want} on that axis, it has {have}. "
            f"In a Keras model this is a Dense (or other) kernel built for {want} input features. "
        ) + rule_for("SD102", f)
    else:
        unit = "feature" if want == 1 else "features"
        message = f"{who(f)} expects {want} {unit} on {axis_txt}, received {f.received}"
        explanation = (
            f"{f.layer_class or who(f)} was built for inputs with {want} on {axis_txt} (its weights are sized for "
            f"{want}); the tensor arriving has {have} there: {f.received}. "
        ) + rule_for("SD102", f)
    fixes: list[FixReport] = []  # the producer's width: from the family generator (run's ranking)
    if matmul and not f.layer:
        kernel = f.details.get("kernel_shape")
        fixes.insert(0, fix(
            f"In your own matmul, the inner sizes must agree: the left operand needs {want} on its last axis",
            f"a @ b   # a: (..., {want}), b: {kernel or f'({want}, ...)'}; transpose or reshape the one that is off",
        ))
    recv = shape_of(f.received)
    if recv is not None and len(recv) == 2 and have is not None:
        fixes.append(fix("Or, if the data is right and the model wrong, declare the width the data has",
                         f"keras.Input(shape=({have},))"))
    if recv is not None and recv[0] is None:
        fixes.append(fix("If this layer object is shared (called on two inputs), give each input its own layer (see SD106)",
                         "dense_a = layers.Dense(units)(a)\ndense_b = layers.Dense(units)(b)"))
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text cannot tell whether the model or the tensor (or the data) has the wrong width.")
