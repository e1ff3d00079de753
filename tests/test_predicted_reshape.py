"""A NumPy reshape of what ``predict`` returned, written for a vector the model does not give (real Keras; r721).

The features of a convolutional extractor are (n, 4, 4, 8); the script flattens them as if they were
pooled, ``.reshape((len(batch), 8))``, and NumPy refuses. The reshape is the root cause and takes -1
for the second axis, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

extractor = keras.Sequential([keras.Input(shape=(16, 16, 3)), layers.Conv2D(8, 3, padding="same"),
                              layers.MaxPooling2D(4)])
batch = np.random.default_rng(0).random((5, 16, 16, 3)).astype("float32")
features = extractor.predict(batch, verbose=0).reshape((len(batch), 8))
print(features.shape)
'''


def test_the_reshape_flattens_each_prediction_whole(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "features = extractor.predict(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "features = extractor.predict(batch, verbose=0).reshape((len(batch), -1))"
