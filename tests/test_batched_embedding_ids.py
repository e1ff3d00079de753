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


TABLE = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

words = ["the", "movie", "was", "great", "bad", "plot", "zany", "meh", "gem", "flop"]
rng = np.random.default_rng(0)
reviews = [" ".join(rng.choice(words, size=6)) for _ in range(64)]
stars = rng.integers(0, 2, size=64)
vocab_size = 6
init = tf.lookup.KeyValueTensorInitializer(tf.constant(words[:vocab_size]), tf.range(vocab_size, dtype=tf.int64))
num_oov_buckets = 5
table = tf.lookup.StaticVocabularyTable(init, num_oov_buckets)
data = tf.data.Dataset.from_tensor_slices((reviews, stars)).batch(16)
data = data.map(lambda x, y: (table.lookup(tf.strings.split(x).to_tensor(default_value=b"<pad>")), y))
model = keras.Sequential([keras.Input(shape=[None], dtype="int64"), layers.Embedding(vocab_size, 8),
                          layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(data, epochs=1, verbose=0)
'''


def test_a_vocabulary_table_with_oov_buckets_sizes_the_embedding(tmp_path):
    # r1107 (Hands-on ML 2, chapter 16): ids from a StaticVocabularyTable reach vocab_size + num_oov_buckets.
    report, _, proc = run_json(run_cli, tmp_path, TABLE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(TABLE, "layers.Embedding(vocab_size, 8)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert "layers.Embedding(11, 8)" in first["code"] and first["verified"], first
