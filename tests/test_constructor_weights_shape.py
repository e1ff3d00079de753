"""A pretrained matrix given to ``Embedding(..., weights=[matrix])`` with other sizes than the layer (real Keras).

The matrix is made with two rows more than the vocabulary the Embedding is built with; Keras sets the
weights when the layer is built and refuses the shape. The root cause is the matrix's line; the fix makes
it with the layer's size, spelled as the layer was made (``vocab``), proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

vocab = 30
vectors = np.random.rand(vocab + 2, 8).astype("float32")
embed = layers.Embedding(vocab, 8, weights=[vectors], trainable=False)
inp = keras.Input(shape=(5,), dtype="int32")
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(embed(inp)))
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.randint(0, vocab, size=(16, 5)), np.ones(16), epochs=1, verbose=0)
'''


def test_the_matrix_is_made_with_the_layers_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "vectors = np.random.rand(vocab + 2, 8)")
    first = finding["fixes"][0]
    assert first["code"] == 'vectors = np.random.rand(vocab, 8).astype("float32")' and first["proven"]
