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


HELPER_TWICE = '''import keras
from keras import layers

keras.config.set_image_data_format("channels_first")


def excite(block):
    channels = block.shape[1]
    gate = layers.GlobalAveragePooling2D()(block)
    gate = layers.Reshape((1, 1, channels))(gate)
    gate = layers.Dense(channels, activation="sigmoid")(gate)
    return layers.Multiply()([block, gate])


inputs = keras.Input(shape=(3, 16, 16))
x = excite(layers.Conv2D(8, 3, padding="same")(inputs))
x = excite(layers.Conv2D(16, 3, padding="same")(x))
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))
print(model.output_shape)
'''


def test_gate_fixed_in_a_helper_whose_first_call_failed_is_written_there(tmp_path):
    """The SE block of r426: the helper is called twice, its first call failed, so no call of it worked
    without the fix; the Permute is written in the helper, and the patched script (both calls) proves it."""
    from conftest import line_of, run_cli, run_json, written_and_run

    report, _, proc = run_json(run_cli, tmp_path, HELPER_TWICE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(HELPER_TWICE, "return layers.Multiply()")
    assert finding["fixes"][0]["code"] == "gate = layers.Permute((3, 1, 2))(gate)"
    written = written_and_run(run_cli, tmp_path)
    assert "    gate = layers.Permute((3, 1, 2))(gate)\n    return layers.Multiply()" in written
