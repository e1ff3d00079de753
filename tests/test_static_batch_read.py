"""A layer of the user's own reads its input's static batch size inside a functional model (real Keras).

``tf.random.normal((x.shape[0], 4))`` in ``call``: the functional model is built on symbolic inputs whose batch
axis is None, and Keras stops with "Could not automatically infer the output shape ... Expected int32, but got
None of type 'NoneType'", a text with no shape in it. The one ``Input`` is declared with the batch size the
script trains with (proven), and the read can be made dynamic, ``ops.shape(x)[0]``.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

BATCH = 8


class NoisyCode(layers.Layer):
    def call(self, x):
        noise = tf.random.normal((x.shape[0], 4))
        return ops.concatenate([x, noise], axis=-1)


inputs = keras.Input(shape=(6,))
outputs = layers.Dense(1)(NoisyCode()(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(32, 6), np.random.rand(32, 1), batch_size=BATCH, epochs=1, verbose=0)
'''


def test_the_input_gets_the_batch_size_the_script_trains_with(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD107"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "inputs = keras.Input(shape=(6,))")
    assert [f["code"] for f in finding["fixes"]] == [
        "inputs = keras.Input(shape=(6,), batch_size=BATCH)",
        "noise = tf.random.normal((ops.shape(x)[0], 4))"]
    assert finding["fixes"][0]["proven"]


def test_without_a_fixed_batch_size_the_read_is_made_dynamic(tmp_path):
    script = SCRIPT.replace("batch_size=BATCH, ", "")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "noise = tf.random.normal(")
    assert [f["code"] for f in finding["fixes"]] == ["noise = tf.random.normal((ops.shape(x)[0], 4))"]
    assert finding["fixes"][0]["proven"]
