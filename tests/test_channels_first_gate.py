"""A squeeze-and-excitation gate made channels-last for a channels-first map (real Keras).

The maintainer's fix (titu1994/keras-squeeze-excite-network, commit f27a863): with
``image_data_format() == "channels_first"`` the (1, 1, C) excitation must be permuted to (C, 1, 1)
before ``multiply([init, se])``. Giving the gate the map's last size instead would also build (and
scale the map's columns), so only the Permute is offered (r426).
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import keras
from keras import layers

keras.config.set_image_data_format("channels_first")
inputs = keras.Input(shape=(3, 24, 24))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
se = layers.GlobalAveragePooling2D()(x)
se = layers.Reshape((1, 1, 16))(se)
se = layers.Dense(4, activation="relu")(se)
se = layers.Dense(16, activation="sigmoid")(se)
x = layers.Multiply()([x, se])
model = keras.Model(inputs, layers.Dense(10, activation="softmax")(layers.GlobalAveragePooling2D()(x)))
'''


def test_the_gate_is_permuted_to_the_channels_first_axis_and_not_resized(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    verified = [f for f in finding["fixes"] if f["verified"]]
    assert verified and "Permute((3, 1, 2))" in verified[0]["code"]
    assert verified[0]["result_shape"] == "(None, 16, 24, 24)"  # the merge now gets equal maps
    assert not any("units=24" in f["code"] or "Dense(24" in f["code"] for f in verified)
