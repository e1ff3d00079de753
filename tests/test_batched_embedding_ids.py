"""Ids beyond an Embedding's rows in a tf.data dataset: sized to the vocabulary the head names (real Keras).

A next-character model reads batches of ids from a dataset; its Embedding has 40 rows while its softmax
head predicts one of VOCAB = 64 ids with a sparse loss. TensorFlow's lookup names the first id beyond the
rows; the batches give no largest id, but the head's classes are the vocabulary: the Embedding gets
``input_dim=VOCAB``, verified. Without that evidence (a binary head) the rule stays silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

VOCAB = 64
ids = np.random.randint(0, VOCAB, size=(256, 11))
ds = tf.data.Dataset.from_tensor_slices((ids[:, :-1], ids[:, -1])).batch(32)
inputs = keras.Input(shape=(None,))
x = layers.Embedding(input_dim=40, output_dim=16)(inputs)
x = layers.GRU(32)(x)
model = keras.Model(inputs, layers.Dense(VOCAB, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ds, epochs=1, verbose=0)
'''


def test_the_embedding_gets_a_row_for_every_id_the_head_predicts(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Embedding(input_dim=40")
    first = finding["fixes"][0]
    assert "Embedding(input_dim=VOCAB, output_dim=16)" in first["code"] and first["verified"], first


def test_a_binary_head_names_no_vocabulary(tmp_path):
    binary = SCRIPT.replace('layers.Dense(VOCAB, activation="softmax")', 'layers.Dense(1, activation="sigmoid")').replace(
        '"sparse_categorical_crossentropy"', '"binary_crossentropy"').replace("ids[:, -1]", "ids[:, -1] % 2")
    report, _, proc = run_json(run_cli, tmp_path, binary)
    assert proc.returncode == 1, proc.stderr
    assert not any("input_dim=VOCAB" in f["code"] for f in report["findings"][0]["fixes"])
