"""A teacher-forced input left whole beside targets shifted by one (real Keras; r727).

In a ``train_step`` the targets are the token sequence shifted by one, ``tokens[:, 1:]``, but the
model's input keeps the whole sequence, ``tokens[:, :]``: one prediction more than there are targets,
and the loss refuses them. The input's line is the root cause and ends with ``:-1``, proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class NextToken(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Embedding(30, 8)
        self.rnn = layers.GRU(16, return_sequences=True)
        self.head = layers.Dense(30)
        self.loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    def call(self, ids):
        return self.head(self.rnn(self.embed(ids)))

    def train_step(self, tokens):
        with tf.GradientTape() as tape:
            given = tokens[:, :]
            wanted = tokens[:, 1:]
            loss = self.loss_fn(wanted, self(given, training=True))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


corpus = np.random.default_rng(1).integers(1, 30, size=(32, 9))
model = NextToken()
model.compile(optimizer="adam")
model.fit(corpus, batch_size=8, epochs=1, verbose=0)
print("trained")
'''


def test_the_whole_input_is_cut_to_the_targets_length(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "given = tokens[:, :]")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "given = tokens[:, :-1]"
