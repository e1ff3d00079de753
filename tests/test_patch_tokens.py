"""A patch map read into tokens with a wrong token count (real Keras, `shapedoctor run --json`).

The Reshape keeps the convolution's channels but asks for another number of tokens than the map
has positions: the line that computed the count is named when the Reshape uses a name for it, the
first fix lets the token axis take the positions (``(-1, C)``), and no fix folds positions into the
channels. A literal count keeps the Reshape as the culprit; a right count reports nothing.
"""

from __future__ import annotations


from conftest import line_of, run_json

PROGRAM = """\
import numpy as np
import keras
from keras import layers

SIDE = {side}
PATCH = 4
DIM = 12
tokens = (SIDE // PATCH) * (SIDE // PATCH)
inputs = keras.Input((28, 28, 1))
x = layers.Conv2D(DIM, PATCH, strides=PATCH)(inputs)
x = layers.Reshape(({count}, DIM))(x)
x = layers.MultiHeadAttention(num_heads=2, key_dim=6)(x, x)
model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
print(model.predict(np.zeros((2, 28, 28, 1)), verbose=0).shape)
"""






def test_a_token_count_computed_for_another_image_size_is_named_where_it_is_computed(cli, tmp_path):
    report, source, _proc = run_json(cli, tmp_path, PROGRAM.format(side=32, count="tokens"))
    assert report["status"] == "mismatch", report
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    assert finding["culprit"]["line"] == line_of(source, "tokens = (SIDE // PATCH)")
    assert finding["consumer"]["line"] == line_of(source, "layers.Reshape(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "x = layers.Reshape((-1, DIM))(x)", first
    assert not any(", -1))" in f["code"] for f in finding["fixes"])  # positions never folded into channels


def test_a_literal_token_count_keeps_the_reshape_as_the_culprit(cli, tmp_path):
    report, source, _proc = run_json(cli, tmp_path, PROGRAM.format(side=32, count="64"))
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(source, "layers.Reshape(")
    assert finding["fixes"][0]["code"] == "x = layers.Reshape((-1, DIM))(x)"


def test_the_right_token_count_reports_nothing(cli, tmp_path):
    report, _source, proc = run_json(cli, tmp_path, PROGRAM.format(side=28, count="tokens"))
    assert proc.returncode == 0, proc.stderr
    assert report["status"] == "ok", report
