"""Labels of a joined batch joined on the feature axis in a custom ``train_step`` (real Keras).

keras-io GAN guide (r507): images joined with ``axis=0``, their real/fake labels with ``axis=1``:
(n, 2) labels for (2n, 1) predictions. The labels' line is the root cause and the fix joins them
with ``axis=0``, proven by the patched run; no fix resizes the model to the wrong labels.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras


class Critic(keras.Model):
    def train_step(self, data):
        real = data
        n = tf.shape(real)[0]
        fake = tf.random.uniform(tf.shape(real))
        both = tf.concat([fake, real], axis=0)
        targets = tf.concat([tf.zeros((n, 1)), tf.ones((n, 1))], axis=-1)
        with tf.GradientTape() as tape:
            loss = keras.losses.binary_crossentropy(targets, self(both))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply(grads, self.trainable_weights)
        return {"loss": tf.reduce_mean(loss)}


inp = keras.Input((6,))
critic = Critic(inp, keras.layers.Dense(1, activation="sigmoid")(inp))
critic.compile(optimizer="adam")
critic.fit(np.random.default_rng(4).random((32, 6)).astype("float32"), epochs=1, batch_size=8, verbose=0)
'''


def test_labels_joined_on_the_sample_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "targets = tf.concat(")
    assert [f["code"] for f in finding["fixes"]] == [
        "targets = tf.concat([tf.zeros((n, 1)), tf.ones((n, 1))], axis=0)"]
    assert "tf.ones((n, 1))], axis=0)" in written_and_run(run_cli, tmp_path)
