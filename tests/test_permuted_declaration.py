"""An input declared with the right sizes in the wrong order, where the order is written (real Keras).

A clip model declares ``input_shape = (n_channels, im_height, im_width)`` (channels first) and
``Input(shape=(nt,) + input_shape)`` while the generator yields channels-last frames made with the
same names. Rewriting the sizes as numbers would break the data made with those names; the expert
reorders the written tuple: ``input_shape = (im_height, im_width, n_channels)``, the root cause
line, proven by the patched script (r393, coxlab/prednet#10).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

nt = 4
n_channels, im_height, im_width = 3, 12, 16
input_shape = (n_channels, im_height, im_width)


def clips(batch_size):
    while True:
        yield (np.random.rand(batch_size, nt, im_height, im_width, n_channels).astype("float32"),
               np.zeros((batch_size, 1), dtype="float32"))


inputs = keras.Input(shape=(nt,) + input_shape)
x = layers.TimeDistributed(layers.Conv2D(4, 3, padding="same"))(inputs)
x = layers.TimeDistributed(layers.Flatten())(x)
x = layers.LSTM(4)(x)
model = keras.Model(inputs, layers.Dense(1)(x))
model.compile(loss="mae", optimizer="adam")
model.fit(clips(2), steps_per_epoch=2, epochs=1, verbose=0)
'''


def test_the_written_tuple_is_reordered_where_it_is_written(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "input_shape = (")
    first = finding["fixes"][0]
    assert first["code"] == "input_shape = (im_height, im_width, n_channels)" and first["proven"]
