"""A softmax the user's code took over the batch axis (SD208, silent; real Keras).

keras-io's knowledge distillation example (r633) softens the teacher's and the student's logits with a
softmax over the class axis; written ``axis=0``, each class is normalised over the samples of the
batch. Keras runs it without a word. The softmax watch notes the lines, the first is the culprit, and
one fix writing ``axis=-1`` in each of them is proven by running the patched script; a softmax over an
axis of size 1 (r661) is SD207, taken over the one other axis of several values. A softmax over the
rows of a weight matrix, or over the class axis, stays silent, and the wrapped functions look like
Keras's own to introspection.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

LOOP = '''import numpy as np
import tensorflow as tf
import keras

teacher = keras.Sequential([keras.Input((12,)), keras.layers.Dense(24, activation="relu"), keras.layers.Dense(5)])
pupil = keras.Sequential([keras.Input((12,)), keras.layers.Dense(5)])
kl = keras.losses.KLDivergence()
opt = keras.optimizers.SGD(0.01)
rng = np.random.default_rng(1)
feats = rng.normal(size=(64, 12)).astype("float32")
T = 4.0
for start in range(0, 64, 16):
    batch = feats[start:start + 16]
    with tf.GradientTape() as tape:
        soft_teacher = tf.nn.softmax(teacher(batch) / T, 0)
        soft_pupil = tf.nn.softmax(pupil(batch) / T, axis=0)
        loss = kl(soft_teacher, soft_pupil)
    opt.apply_gradients(zip(tape.gradient(loss, pupil.trainable_variables), pupil.trainable_variables))
print(round(float(loss), 3) >= 0)
'''

VALID = '''import inspect
import numpy as np
import keras
from keras import ops

mix = keras.Variable(np.ones((3, 4), dtype="float32"))
weights = ops.softmax(mix, axis=0)  # rows of a weight matrix: not a batch
net = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4)])
probs = ops.softmax(net(np.ones((8, 6), dtype="float32")), axis=-1)
print(weights.shape, probs.shape, ops.softmax.__name__, list(inspect.signature(ops.softmax).parameters))
'''


def test_softmax_over_the_batch_axis_is_named_and_fixed_on_both_lines(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, LOOP)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD208"
    assert finding["culprit"]["line"] == line_of(LOOP, "soft_teacher = tf.nn.softmax(")
    first = finding["fixes"][0]
    assert first["verified"], first
    assert first["code"] == ("soft_teacher = tf.nn.softmax(teacher(batch) / T, -1)\n"
                             "soft_pupil = tf.nn.softmax(pupil(batch) / T, axis=-1)"), first
    written = written_and_run(run_cli, tmp_path)
    assert "tf.nn.softmax(teacher(batch) / T, -1)" in written and "axis=0" not in written


def test_a_weight_matrix_softmax_and_the_class_axis_stay_silent_and_the_watch_is_invisible(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, VALID)
    assert proc.returncode == 0 and report["status"] == "ok", report["findings"]
    plain = (tmp_path / "plain.py")
    plain.write_text(VALID)
    import subprocess
    import sys

    alone = subprocess.run([sys.executable, "plain.py"], cwd=tmp_path, capture_output=True, text=True)
    assert alone.stdout.strip().endswith("softmax ['x', 'axis']"), alone.stdout
    assert alone.stdout in proc.stdout or alone.stdout.strip() in (proc.stdout + proc.stderr), proc.stdout


SINGLE = '''import numpy as np
import keras
from keras import layers, ops


class Pooling(layers.Layer):
    def build(self, shape):
        self.score = self.add_weight(shape=(shape[-1], 1), name="score")

    def call(self, steps):
        weights = ops.softmax(ops.matmul(steps, self.score))
        return ops.sum(weights * steps, axis=1)


seq = keras.Input((7, 5))
model = keras.Model(seq, layers.Dense(1)(Pooling()(seq)))
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(16, 7, 5), np.random.rand(16, 1), epochs=1, verbose=0)
'''


def test_a_softmax_over_an_axis_of_one_value_is_taken_over_the_steps(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SINGLE)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD207"
    assert finding["culprit"]["line"] == line_of(SINGLE, "weights = ops.softmax(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "weights = ops.softmax(ops.matmul(steps, self.score), axis=1)", first
