"""Sequences vectorized to the model's length and then shifted into next-token pairs (real Keras).

The vectorizer makes 12 tokens, the map function keeps ``[:, :-1]`` as inputs and ``[:, 1:]`` as targets,
so the model (built for 12 tokens) gets 11 and refuses. The vectorizer's ``output_sequence_length`` is the
root cause; the fix vectorizes one token more, proven by running the patched script. The same script with
the model built for 11 tokens runs cleanly.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

SEQ = 12
texts = [" ".join(f"t{(i * 7 + j) % 30}" for j in range(5 + i % 9)) for i in range(40)]
vectorizer = layers.TextVectorization(max_tokens=40, output_sequence_length=SEQ)
vectorizer.adapt(texts)


def to_pairs(batch):
    tokens = vectorizer(batch)
    return tokens[:, :-1], tokens[:, 1:]


pairs = tf.data.Dataset.from_tensor_slices(texts).batch(8).map(to_pairs)
tokens_in = keras.Input(shape=(SEQ,), dtype="int64")
hidden = layers.Embedding(40, 8)(tokens_in)
model = keras.Model(tokens_in, layers.Dense(40)(hidden))
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(pairs, epochs=1, verbose=0)
'''


def test_the_vectorizer_makes_one_token_more(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "vectorizer = layers.TextVectorization(")
    first = finding["fixes"][0]
    assert first["code"].endswith("output_sequence_length=SEQ + 1)") and first["proven"]


def test_a_model_built_for_the_shifted_length_is_fine(tmp_path):
    script = SCRIPT.replace("keras.Input(shape=(SEQ,)", "keras.Input(shape=(SEQ - 1,)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
