"""TensorFlow's graph-mode reshape text, "Cannot reshape a tensor with N elements to shape [...] (M elements)",
raised in the user's own code inside a ``tf.function`` (a hypernetwork's generated weights reshaped into a
kernel, r1155): it used to end as "not a shape error"; it is SD103, under ``explain`` and under ``run``."""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.explain.from_text import diagnose_text

TEXT = """Traceback (most recent call last):
  File "hyper.py", line 25, in train_step
    kernel = tf.reshape(weights[:w_size], (64, 16))
ValueError: Cannot reshape a tensor with 32768 elements to shape [64,16] (1024 elements) for '{{node Reshape}} = \
Reshape[T=DT_FLOAT, Tshape=DT_INT32](strided_slice, Reshape/shape)' with input shapes: [32,1024], [2] and with \
input tensors computed as partial shapes: input[1] = [64,16].
"""


def test_the_graph_text_is_a_reshape_size_error():
    finding = diagnose_text(TEXT).findings[0]
    assert finding.id == "SD103"
    assert (finding.expected, finding.received) == ("size 1024", "size 32768")


SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

hyper = keras.Sequential([keras.Input((8,)), layers.Dense(64 * 16)])


@tf.function
def make_kernel(features):
    weights = hyper(features)
    return tf.reshape(weights, (64, 16))


print(make_kernel(np.random.rand(32, 8).astype("float32")).shape)
'''


def test_a_reshape_in_a_tf_function_is_diagnosed_at_its_line(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    place = finding["culprit"] or finding["consumer"]
    assert place["line"] == line_of(SCRIPT, "return tf.reshape(weights"), finding
