"""Labels against an output of another shape: when no verified repair changes the labels, the data
or the loss, the layer the verified repair changes is the root cause (diagnosis/repaired_side.py);
and a target that only reorders the user's own tuple keeps their names (repair/codegen.py)."""

from __future__ import annotations

import textwrap

from conftest import report_of

SWAPPED = """\
    import numpy as np
    import keras
    from keras import layers

    steps, feats = 6, 4
    x = np.random.rand(32, 10).astype("float32")
    y = np.random.rand(32, steps, feats).astype("float32")
    inputs = keras.Input(shape=(10,))
    h = layers.Dense(steps * feats)(inputs)
    out = layers.Reshape((feats, steps))(h)
    model = keras.Model(inputs, out)
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=1, verbose=0)
    """


def test_the_layer_every_verified_repair_changes_is_the_root_cause_and_keeps_the_users_names(cli, tmp_path):
    script = tmp_path / "swap.py"
    script.write_text(textwrap.dedent(SWAPPED))
    first = report_of(cli("run", "--json", script.name, cwd=tmp_path))["findings"][0]
    assert first["id"] == "SD202"
    assert (first["culprit"]["kind"], first["culprit"]["line"]) == ("layer", 10)
    assert "the verified repair changes reshape" in first["explanation"]
    fix = first["fixes"][0]
    assert fix["verified"] and fix["code"] == "out = layers.Reshape((steps, feats))(h)"
    assert all(f["line"] == 10 for f in first["fixes"] if f["verified"])


TWO_INPUTS = """\
import numpy as np
import keras
from keras import layers

photos = keras.Input(shape=(4096,))
words = keras.Input(shape=(6,))
merged = layers.add([layers.Dense(8)(photos), layers.Dense(8)(words)])
model = keras.Model([photos, words], layers.Dense(3, activation="softmax")(merged))
model.compile(loss="categorical_crossentropy", optimizer="adam")
rng = np.random.default_rng(0)
features, seqs = rng.random((40, 2048)), rng.random((40, 6))
model.fit([features, seqs], keras.utils.to_categorical(rng.integers(0, 3, 40), 3), epochs=1, verbose=0)
"""


def test_one_input_of_several_declared_for_other_features_is_the_culprit(cli, tmp_path):
    """Photo features of another extractor (2048 where the Input was written for 4096, r1005): the only
    verified repair declares that input anew, so its line is the root cause, not the data's."""
    from conftest import line_of, run_json

    report, _, _ = run_json(cli, tmp_path, TWO_INPUTS)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(TWO_INPUTS, "photos = keras.Input(shape=(4096,))")
    assert "photos = keras.Input(shape=(2048,))" in finding["fixes"][0]["code"]
