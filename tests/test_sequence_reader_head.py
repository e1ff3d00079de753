"""Per-step output after attention over an RNN's steps: the Dense after the attention is the root cause (real Keras).

A keras-self-attention reply (CyberZHG/keras-self-attention#46): a BiLSTM with return_sequences=True feeds
self-attention, whose output still has one vector per step, and the softmax Dense gives one prediction per
step (r453). The RNN's steps are meant to be there (attention reads them); the reduction is missing before
the first Dense after the attention, so that Dense is named, not the RNN.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

tokens = np.random.randint(1, 300, size=(40, 12))
classes = keras.utils.to_categorical(np.random.randint(0, 2, 40), 2)
inputs = keras.Input(shape=(12,))
steps = layers.LSTM(8, return_sequences=True)(layers.Embedding(300, 8)(inputs))
attended = layers.MultiHeadAttention(num_heads=2, key_dim=4)(steps, steps)
hidden = layers.Dense(16, activation="relu")(attended)
outputs = layers.Dense(2, activation="softmax")(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(tokens, classes, epochs=1, verbose=0)
'''


def test_the_first_dense_after_attention_is_named_not_the_rnn(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "hidden = layers.Dense(")
    first = finding["fixes"][0]
    assert first["verified"] and "Pooling1D()(attended)" in first["code"], first
    assert not any("return_sequences=False" in f["code"] for f in finding["fixes"])
