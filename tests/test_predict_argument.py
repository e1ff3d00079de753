"""The array given to ``predict`` made the way the training data was (real Keras).

Hands-On ML chapter 10 (r637): a wide & deep model trained on ``(X[:, :5], X[:, 2:])`` is asked
``predict(X_new)`` with all 8 columns; the same column slices of ``X_new`` are the fix.
tensorflow/tensorflow #48286 (r619): ``predict(x_test[0:1, :10, :])`` on an LSTM built for 28 rows;
``x_test`` has the model's per-sample shape, so the slice of that axis is the slip. Both fixes rewrite
the argument of the failing call and are proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

TWO_INPUTS = '''import numpy as np
import keras
from keras import layers

table = np.random.rand(40, 7).astype("float32")
target = np.random.rand(40, 1).astype("float32")
left_in, right_in = keras.Input((3,)), keras.Input((5,))
joined = layers.Concatenate()([left_in, layers.Dense(4)(right_in)])
net = keras.Model([left_in, right_in], layers.Dense(1)(joined))
net.compile(loss="mse", optimizer="adam")
part_a, part_b = table[:, :3], table[:, 2:]
net.fit([part_a, part_b], target, epochs=1, verbose=0)
fresh = np.random.rand(4, 7).astype("float32")
print(net.predict(fresh, verbose=0).shape)
'''

CUT_AXIS = '''import numpy as np
import keras
from keras import layers

series = np.random.rand(30, 12, 3).astype("float32")
net = keras.Sequential([keras.Input((12, 3)), layers.Flatten(), layers.Dense(1)])
net.compile(loss="mse", optimizer="adam")
net.fit(series, np.random.rand(30, 1), epochs=1, verbose=0)
print(net.predict(series[:2, :6], verbose=0).shape)
'''


def test_one_array_is_split_like_the_training_inputs(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, TWO_INPUTS)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(TWO_INPUTS, "net.predict(fresh")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "print(net.predict((fresh[:, :3], fresh[:, 2:]), verbose=0).shape)"


def test_a_slice_that_cut_a_needed_axis_keeps_it_whole(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, CUT_AXIS)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == "print(net.predict(series[:2, :], verbose=0).shape)", first
