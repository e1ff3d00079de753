"""A preprocessing layer adapted on batches of single values, without its feature axis (real Keras).

``Normalization().adapt(ds)`` of a dataset of (batch,) values fails: "All `axis` values to be kept must
have a known shape" (r681). The adapt argument is the root cause; the fix maps the feature axis in, as
keras-io's structured-data example does, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

ages = np.random.default_rng(0).random(40).astype("float32")
age_ds = tf.data.Dataset.from_tensor_slices(ages).batch(8)
norm = keras.layers.Normalization()
norm.adapt(age_ds)
inp = keras.Input((1,))
net = keras.Model(inp, keras.layers.Dense(1)(norm(inp)))
net.compile(optimizer="adam", loss="mse")
net.fit(ages[:, None], ages[:, None], epochs=1, verbose=0)
'''


def test_adapt_on_single_values_gets_the_feature_axis_mapped_in(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "norm.adapt(age_ds)")
    first = finding["fixes"][0]
    assert first["code"] == "norm.adapt(age_ds.map(lambda x: tf.expand_dims(x, -1)))" and first["proven"]
