"""Feature maps of two heads joined, then flattened: the heads meant to join vectors (real Keras).

The MLM multi-headed model of two views (r1035): each head has its own kernel size, so its maps end at
13x13 and 10x10; ``concatenate([pool12, pool22])`` refuses, and the next line flattens the join. The
tutorial flattens each head and joins the vectors. That is the first fix (every value kept), with the
join as the culprit, proven; a crop of the larger view stays behind it. Without a Flatten after the join
(the joined maps go on into a convolution) the flattening fix is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

near = keras.Input(shape=(40, 40, 1))
a = layers.Conv2D(8, kernel_size=3, activation="relu")(near)
a = layers.MaxPooling2D()(a)
far = keras.Input(shape=(40, 40, 1))
b = layers.Conv2D(8, kernel_size=7, activation="relu")(far)
b = layers.MaxPooling2D()(b)
both = layers.concatenate([a, b])
flat = layers.Flatten()(both)
score = layers.Dense(1, activation="sigmoid")(flat)
model = keras.Model([near, far], score)
model.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(4)
x1, x2 = rng.random((16, 40, 40, 1)), rng.random((16, 40, 40, 1))
model.fit([x1, x2], rng.integers(0, 2, (16, 1)), epochs=1, verbose=0)
'''


def test_the_heads_are_flattened_before_the_join(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "both = layers.concatenate([a, b])")
    first = finding["fixes"][0]
    assert first["code"] == "a = layers.Flatten()(a)\nb = layers.Flatten()(b)"
    assert first["verified"] and first["proof"] == "passed"
    written = written_and_run(run_cli, tmp_path)
    assert "a = layers.Flatten()(a)" in written and "b = layers.Flatten()(b)" in written


def test_maps_joined_for_a_convolution_are_not_flattened(tmp_path):
    script = SCRIPT.replace("flat = layers.Flatten()(both)",
                            "flat = layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(both))")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(script, "both = layers.concatenate([a, b])")
    assert not any("Flatten()" in fix["code"] for fix in finding["fixes"])
