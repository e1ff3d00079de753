"""Keras loss objects called by the user's code on shapes they broadcast (real Keras, silent).

Three sources: Hands-On ML chapter 18's DQN (r561: masked Q-values never summed, (32, 2) against (32, 1)
targets), keras-io's Atari DQN (r583: the masked sum without ``axis=1``, one number against (32,)
targets), and the custom ``train_step`` guide (r590: targets drawn with the inputs' width, (None, 32)
against a one-unit output). Keras's loss objects run without a word; the loss watch notes the call,
and the line that made the wrong shape is named with a fix proven by running the patched script.
The correct programs, and a sparse loss given class ids, stay silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

MASKED = '''import numpy as np
import tensorflow as tf
import keras

n_actions = 3
net = keras.Sequential([keras.Input((5,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(n_actions)])
criterion = keras.losses.Huber()
opt = keras.optimizers.Adam(1e-3)
rng = np.random.default_rng(0)
for _ in range(3):
    obs = rng.normal(size=(16, 5)).astype("float32")
    acts = rng.integers(0, n_actions, size=16)
    goals = rng.normal(size=(16, 1)).astype("float32")
    chosen = tf.one_hot(acts, n_actions)
    with tf.GradientTape() as tape:
        q = net(obs)
        picked = q * chosen
        loss = criterion(goals, picked)
    opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))
print(float(loss))
'''

SUMMED = MASKED.replace("goals = rng.normal(size=(16, 1))", "goals = rng.normal(size=(16,))").replace(
    "picked = q * chosen", "picked = keras.ops.sum(keras.ops.multiply(q, chosen))")

STEP = '''import numpy as np
import tensorflow as tf
import keras


class Regressor(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = keras.losses.MeanAbsoluteError()

    def train_step(self, data):
        feats, wanted = data
        with tf.GradientTape() as tape:
            guess = self(feats, training=True)
            loss = self.criterion(wanted, guess)
        self.optimizer.apply(tape.gradient(loss, self.trainable_variables), self.trainable_variables)
        return {"loss": loss}


inp = keras.Input(shape=(12,))
model = Regressor(inp, keras.layers.Dense(1)(inp))
model.compile(optimizer="adam")
rng = np.random.default_rng(3)
feats = rng.random((200, 12))
wanted = rng.random((200, 12))
model.fit(feats, wanted, epochs=1, verbose=0)
'''


def _warning(tmp_path, script):
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    return report["findings"][0]


def test_masked_q_values_are_summed_over_the_action_axis(tmp_path):
    finding = _warning(tmp_path, MASKED)
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line_of(MASKED, "picked = q * chosen")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "picked = tf.reduce_sum(q * chosen, axis=1, keepdims=True)", first


def test_a_sum_without_axis_gets_axis_1(tmp_path):
    finding = _warning(tmp_path, SUMMED)
    assert finding["culprit"]["line"] == line_of(SUMMED, "picked = keras.ops.sum(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "picked = keras.ops.sum(keras.ops.multiply(q, chosen), axis=1)", first


def test_train_step_labels_of_the_inputs_width_are_drawn_with_one_column(tmp_path):
    finding = _warning(tmp_path, STEP)
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(STEP, "wanted = rng.random((200, 12))")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "wanted = rng.random((200, 1))", first


def test_the_correct_programs_and_a_sparse_loss_stay_silent(tmp_path):
    fixed = MASKED.replace("picked = q * chosen", "picked = tf.reduce_sum(q * chosen, axis=1, keepdims=True)")
    sparse = MASKED.replace("criterion = keras.losses.Huber()",
                            "criterion = keras.losses.SparseCategoricalCrossentropy(from_logits=True)").replace(
        "loss = criterion(goals, picked)", "loss = criterion(acts, q)")
    for script in (fixed, sparse, STEP.replace("rng.random((200, 12))\nmodel.fit", "rng.random((200, 1))\nmodel.fit")):
        report, _, proc = run_json(run_cli, tmp_path, script)
        assert proc.returncode == 0 and report["status"] == "ok", (script, report["findings"])
