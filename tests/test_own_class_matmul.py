"""A layer written from scratch, made with the wrong input size (real TensorFlow ops).

Deep Learning with Python, chapter 2 (r611): ``NaiveDense(input_size, output_size)`` holds
``W = Variable(shape=(input_size, output_size))`` and multiplies in ``__call__``. The second layer made for
784 inputs after a 512-unit layer fails in its matmul. The class is right; the call that made this
instance is the cause, and the fix gives it the width it receives, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf


class Affine:
    def __init__(self, n_in, n_out):
        self.W = tf.Variable(tf.random.normal((n_in, n_out)))
        self.b = tf.Variable(tf.zeros((n_out,)))

    def __call__(self, x):
        return tf.matmul(x, self.W) + self.b


SIDE = 6
stack = [Affine(SIDE * SIDE, 20), Affine(SIDE * SIDE, 3)]
x = tf.constant(np.random.default_rng(0).random((8, SIDE * SIDE)), tf.float32)
for layer in stack:
    x = layer(x)
print(x.shape)
'''


def test_the_instance_made_for_the_wrong_width_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "stack = [Affine(")
    assert [(f["code"], f["verified"]) for f in finding["fixes"]] == [
        ("stack = [Affine(SIDE * SIDE, 20), Affine(20, 3)]", True)]
