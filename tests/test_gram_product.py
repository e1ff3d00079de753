"""A similarity matrix of two (n, d) batches written without transposing the second (real TensorFlow).

keras-io's SimCLR (r651): ``tf.matmul(proj_a, proj_b)`` where ``transpose_b=True`` was meant. TensorFlow
raises in the user's ``train_step`` with two operands of one shape; the matmul line is the cause and the
transposed product the fix, proven by running the patched script (``transpose_b=True`` for ``tf.matmul``,
``ops.transpose`` for keras's).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

emb = keras.Sequential([keras.Input((5,)), layers.Dense(3)])
a = emb(np.random.rand(4, 5).astype("float32"))
b = emb(np.random.rand(4, 5).astype("float32"))
scores = tf.matmul(a, b)
print(scores.shape)
'''


def test_tf_matmul_gets_transpose_b(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "scores = tf.matmul(a, b)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "scores = tf.matmul(a, b, transpose_b=True)", first


def test_keras_matmul_gets_the_transposed_operand(tmp_path):
    ops_script = SCRIPT.replace("scores = tf.matmul(a, b)", "scores = ops.matmul(a, b)")
    report, _, proc = run_json(run_cli, tmp_path, ops_script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"] and first["code"] == "scores = ops.matmul(a, ops.transpose(b))", first
