"""A model called on another model's tensor whose ``Input`` declares a leading axis it lacks (real Keras; r689).

Keras names the called model; the cause is its ``Input`` declaration. The fix keeps the trailing entries of
the declared shape, as written, proven by running the patched script; repeating the tensor over the extra
axis (which builds) is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

HISTORY, N_FEATURES = 3, 5
scorer_in = keras.Input(shape=(HISTORY, N_FEATURES))
scorer = keras.Model(scorer_in, layers.Dense(1)(layers.Flatten()(scorer_in)))

raw = keras.Input(shape=(8,))
features = layers.Dense(N_FEATURES)(raw)
pipeline = keras.Model(raw, scorer(features))
pipeline.compile(optimizer="adam", loss="mse")
pipeline.fit(np.random.rand(16, 8), np.random.rand(16, 1), epochs=1, verbose=0)
print("ok")
'''


def test_the_called_models_input_loses_the_axis_its_tensor_lacks(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "scorer_in = keras.Input(")
    assert [f["code"] for f in finding["fixes"]] == ["scorer_in = keras.Input(shape=(N_FEATURES,))"]
    assert finding["fixes"][0]["proven"]
