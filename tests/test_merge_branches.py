"""Merge mismatches (SD104) whose cause is a layer on one branch: which branch changed (families/sd104_branches.py).

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend), written for these
tests (not the corpus scripts, c156-c161 in other shapes):

* a 1-D decoder's transposed convolution with the default 'valid' padding and a window wider than its
  stride made one step too many: the transposed convolution, ``padding="same"``;
* a squeeze-and-excitation gate reshaped to ``(1, 1, C)`` whose Dense has another width than the map
  it multiplies: that Dense (the map has the network's width) and its Reshape's target, written and run;
* a gate helper handed a skip map and a coarser gating signal whose projection of the skip is not
  strided: the helper's projection, not the caller's pooling (which is never offered for removal);
* a decoder residual (functional ``layers.add``) whose shortcut missed the upsampling: the shortcut's
  1x1 projection, fixed by upsampling the shortcut inside the ``add`` call.

The causal padding of c159 is left to the corpus run (each script here costs a Keras start).
"""

from __future__ import annotations

from conftest import line_of, report_of, written_and_run

DECODER_1D = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32, 2))
e1 = layers.Conv1D(8, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling1D(2)(e1)
mid = layers.Conv1D(16, 3, padding="same", activation="relu")(p1)
up = layers.Conv1DTranspose(8, 4, strides=2)(mid)
joined = layers.Concatenate()([up, e1])
outputs = layers.Conv1D(1, 1)(joined)
model = keras.Model(inputs, outputs)
print(model.output_shape)
'''

SQUEEZE_EXCITE = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(12, 12, 3))
x = layers.Conv2D(24, 3, padding="same", activation="relu")(inputs)
s = layers.GlobalAveragePooling2D()(x)
s = layers.Dense(6, activation="relu")(s)
s = layers.Dense(12, activation="sigmoid")(s)
s = layers.Reshape((1, 1, 12))(s)
x = layers.Multiply()([x, s])
outputs = layers.Dense(2, activation="softmax")(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs)
print(model.predict(np.random.rand(2, 12, 12, 3), verbose=0).shape)
'''

GATE_HELPER = '''import numpy as np
import keras
from keras import layers


def gate(skip, coarse, channels):
    a = layers.Conv1D(channels, 1)(skip)
    b = layers.Conv1D(channels, 1)(coarse)
    w = layers.Activation("sigmoid")(layers.Add()([a, b]))
    return layers.Multiply()([skip, layers.UpSampling1D(2)(layers.Conv1D(1, 1)(w))])


inputs = keras.Input(shape=(40, 3))
c1 = layers.Conv1D(8, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling1D(2)(c1)
c2 = layers.Conv1D(16, 3, padding="same", activation="relu")(p1)
g1 = gate(c1, c2, 8)
model = keras.Model(inputs, g1)
print(model.output_shape)
'''

DECODER_RESIDUAL = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(8, 8, 16))
x = inputs
previous = x
for filters in [16, 8]:
    x = layers.Conv2DTranspose(filters, 3, padding="same", activation="relu")(x)
    x = layers.UpSampling2D(2)(x)
    residual = layers.Conv2D(filters, 1, padding="same")(previous)
    x = layers.add([x, residual])
    previous = x
model = keras.Model(inputs, x)
print(model.output_shape)
'''


def _named(cli, tmp_path, text: str, culprit: str) -> dict:
    """The SD104 finding of *text*, checked to name the line holding *culprit*."""
    (tmp_path / "script.py").write_text(text)
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(text, culprit)
    return finding


def test_a_valid_transposed_convolution_wider_than_its_stride_is_the_culprit(cli, tmp_path):
    finding = _named(cli, tmp_path, DECODER_1D, "Conv1DTranspose")  # not the skip's convolution
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'up = layers.Conv1DTranspose(8, 4, strides=2, padding="same")(mid)'


def test_a_gate_vector_of_another_width_names_its_dense_and_the_fix_is_written(cli, tmp_path):
    finding = _named(cli, tmp_path, SQUEEZE_EXCITE, "Dense(12")  # not the map's Conv2D
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"].splitlines() == ['s = layers.Dense(24, activation="sigmoid")(s)', "s = layers.Reshape((1, 1, 24))(s)"]
    assert not any("Conv2D(12" in (f["code"] or "") for f in finding["fixes"])  # the map keeps its width
    written = written_and_run(cli, tmp_path)
    assert 's = layers.Dense(24, activation="sigmoid")(s)\ns = layers.Reshape((1, 1, 24))(s)\n' in written


def test_a_helper_handed_two_scales_strides_its_own_projection_not_the_callers_pooling(cli, tmp_path):
    finding = _named(cli, tmp_path, GATE_HELPER, "a = layers.Conv1D")
    codes = [f["code"] for f in finding["fixes"] if f["verified"]]
    assert codes[0] == "a = layers.Conv1D(channels, 1, strides=2)(skip)"
    assert not any("delete this line" in (c or "") for c in codes)  # the U-Net's own pooling stays


def test_a_decoder_shortcut_that_missed_the_upsampling_is_upsampled_inside_the_add(cli, tmp_path):
    finding = _named(cli, tmp_path, DECODER_RESIDUAL, "residual = layers.Conv2D")
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == "x = layers.add([x, layers.UpSampling2D(2)(residual)])"
    assert not any("MaxPooling2D" in (f["code"] or "") for f in finding["fixes"])  # the decoder is not undone
