"""A layer sized against the pretrained matrix it is initialised with (real Keras).

Deep Learning with Python, chapter 11 (r483): ``Embedding(max_tokens, 256,
embeddings_initializer=Constant(embedding_matrix))`` with a (max_tokens, 100) GloVe matrix fails
while Keras creates the weight (``Incompatible shapes: [2000,100] vs. [2000,256]``). The layer's size
argument is the root cause; the fix writes the matrix's width there, with the script's own name.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

vocab_size = 50
vector_size = 8
matrix = np.random.default_rng(0).normal(size=(vocab_size, vector_size))

tokens = keras.Input(shape=(None,), dtype="int32")
vectors = layers.Embedding(vocab_size, 32, embeddings_initializer=keras.initializers.Constant(matrix),
                           trainable=False)(tokens)
score = layers.Dense(1, activation="sigmoid")(layers.GlobalAveragePooling1D()(vectors))
model = keras.Model(tokens, score)
print(model.predict(np.ones((2, 5), dtype="int32"), verbose=0).shape)
'''


def test_embedding_sized_against_its_constant_matrix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD102"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Embedding(vocab_size, 32")
    fix = finding["fixes"][0]
    assert fix["verified"]
    assert "layers.Embedding(vocab_size, vector_size, embeddings_initializer" in fix["code"]
    assert "Embedding(vocab_size, vector_size," in written_and_run(run_cli, tmp_path)
