"""A model's one output column minus targets of several columns in a hand-written loss (real Keras; r704).

The difference stretches the (n, 1) prediction over the k target columns and nothing raises. The one-unit
Dense that makes the output is the root cause and gets k units, proven by running the patched script. The
opposite orientation (the model's (n, k) values minus a (n, 1) target, a Q-learning update) is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
opt = keras.optimizers.SGD(0.05)
x = np.random.rand(16, 4).astype("float32")
y = np.random.rand(16, 3).astype("float32")
for _ in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    opt.apply(tape.gradient(loss, model.trainable_weights), model.trainable_weights)
print(float(loss) > 0)
'''


def test_one_output_column_against_three_target_columns_gets_three_units(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stdout[-2000:]
    [finding] = [f for f in report["findings"] if f["id"] == "SD204"]
    assert "(16, 1) output over (16, 3) targets" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model = keras.Sequential(")
    [fix] = finding["fixes"]
    assert fix["proven"] and "keras.layers.Dense(3)])" in fix["code"]


def test_a_q_update_of_many_values_minus_one_target_is_left_alone(tmp_path):
    q_update = SCRIPT.replace("keras.layers.Dense(1)])", "keras.layers.Dense(3)])").replace(
        "y = np.random.rand(16, 3)", "y = np.random.rand(16, 1)")
    report, _, proc = run_json(run_cli, tmp_path, q_update)
    assert proc.returncode == 0 and report["status"] == "ok", proc.stdout[-2000:]
