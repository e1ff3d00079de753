"""One scalar per sample, fed to a Sequential without ``Input`` whose first layer is a Dense (real Keras).

Physics-based Deep Learning, intro teaser (r574): ``X = rng.random(N)`` is fit on ``Sequential([Dense(8),
...])``. Keras builds the model from the first batch, (5,), and Dense refuses one axis. The data line
is the cause, and the fix an expert writes is ``X.reshape(-1, 1)``. The batch the model was built
from has 5 rows and the labels 200: the samples and pairing invariants must be judged on the whole
array the call was given, not on that batch, or the data fix is wrongly dropped.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

N = 200
rng = np.random.default_rng(10)
X = rng.random(N).astype("float32")
Y = np.sqrt(X)
model = keras.Sequential([
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, Y, epochs=1, batch_size=5, verbose=0)
'''


def test_a_vector_of_scalars_gets_its_feature_axis_as_reshape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "X = rng.random(N)")
    first = finding["fixes"][0]
    assert first["verified"] and "X.reshape(-1, 1)" in first["code"], finding["fixes"]
    # The one-sample reading (a batch axis in front) is dropped: it pairs 1 input with 200 labels.
    assert not any("expand_dims(X, 0)" in f["code"] for f in finding["fixes"])
