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


POOLING = '''import numpy as np
import keras
from keras import layers, ops


class Pooling(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.score = layers.Dense(1)

    def call(self, x):
        weights = ops.softmax(self.score(x), axis=1)
        pooled = ops.matmul(weights, x)
        return ops.squeeze(pooled, -2)


tokens = keras.Input(shape=(10, 6))
model = keras.Model(tokens, layers.Dense(2)(Pooling()(tokens)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 10, 6), np.random.rand(8, 2), epochs=1, verbose=0)
'''


def test_attention_weights_over_the_steps_are_transposed_before_the_product(tmp_path):
    """keras-io CCT's SequencePooling (r1057): softmax weights (batch, n, 1) times the tokens (batch, n, d)
    inside a layer's own call(); the weights need their last two axes swapped, (batch, 1, n)."""
    report, _, proc = run_json(run_cli, tmp_path, POOLING)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(POOLING, "pooled = ops.matmul(weights, x)")
    first = finding["fixes"][0]
    assert first["code"] == "pooled = ops.matmul(ops.transpose(weights, axes=(0, 2, 1)), x)" and first["verified"]


SCORES = '''import numpy as np
import keras
from keras import layers, ops


class DotAttention(layers.Layer):
    def call(self, queries, keys, values):
        scores = ops.matmul(queries, keys) / 4.0
        return ops.matmul(ops.softmax(scores, axis=-1), values)


steps = keras.Input(shape=(10, 6))
q, k, v = layers.Dense(16)(steps), layers.Dense(16)(steps), layers.Dense(16)(steps)
pooled = layers.GlobalAveragePooling1D()(DotAttention()(q, k, v))
model = keras.Model(steps, layers.Dense(2, activation="softmax")(pooled))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(32, 10, 6), np.random.randint(0, 2, 32), epochs=1, verbose=0)
'''


def test_queries_times_keys_of_one_shape_transpose_the_keys_not_the_queries(tmp_path):
    """d2l's dot-product attention (r1139): queries and keys are both (batch, 10, 16); the scores are
    queries times the keys' transpose, (batch, 10, 10). Transposing the queries was offered before (its proof
    failed): it multiplies features by steps."""
    report, _, proc = run_json(run_cli, tmp_path, SCORES)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCORES, "scores = ops.matmul(queries, keys) / 4.0")
    first = finding["fixes"][0]
    assert first["code"] == "scores = ops.matmul(queries, ops.transpose(keys, axes=(0, 2, 1))) / 4.0"
    assert first["verified"]


LOSS_IN_GRAPH = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class TwoTower(keras.Model):
    def __init__(self):
        super().__init__()
        self.users = layers.Dense(8)
        self.items = layers.Dense(8)

    def call(self, inputs):
        return {"users": self.users(inputs["user"]), "items": self.items(inputs["item"])}

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        scores = keras.ops.matmul(y_pred["users"], y_pred["items"])
        labels = keras.ops.eye(keras.ops.shape(scores)[0])
        return keras.losses.categorical_crossentropy(labels, scores, from_logits=True)


model = TwoTower()
model.compile(optimizer="adam")
data = {"user": np.random.rand(32, 5).astype("float32"), "item": np.random.rand(32, 6).astype("float32")}
model.fit(tf.data.Dataset.from_tensor_slices(data).batch(16), epochs=1, verbose=0)
'''


def test_a_product_in_a_graph_mode_loss_with_no_line_named_is_found_in_the_file(tmp_path):
    # fit runs compute_loss as a graph: TensorFlow's error names no line ("<stack traces unavailable>", r1209)
    report, _, proc = run_json(run_cli, tmp_path, LOSS_IN_GRAPH)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(LOSS_IN_GRAPH, "scores = keras.ops.matmul(")
    assert finding["culprit"]["line"] == line
    [fix] = finding["fixes"]
    assert fix["code"] == 'scores = keras.ops.matmul(y_pred["users"], keras.ops.transpose(y_pred["items"]))'
    assert fix["proven"]
