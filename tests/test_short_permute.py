"""A Permute given fewer axes than its input has (real Keras).

keras-team/keras #3507 (r647): ``Permute((2, 1))`` on a (None, 8, 24, 32) map, meant to swap the first two
axes. Keras wants ``dims`` to name every non-batch axis. The Permute is the cause (not the pooling before
it), and the fix names the axis it leaves in place: ``Permute((2, 1, 3))``.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

clip = keras.Input((6, 10, 4))
h = layers.Conv2D(8, 3, padding="same")(clip)
h = layers.Permute((2, 1))(h)
h = layers.Reshape((10, 48))(h)
out = layers.Dense(1)(layers.LSTM(4)(h))
model = keras.Model(clip, out)
print(model.predict(np.zeros((2, 6, 10, 4)), verbose=0).shape)
'''


def test_the_permute_names_every_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Permute((2, 1))")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "h = layers.Permute((2, 1, 3))(h)", first
