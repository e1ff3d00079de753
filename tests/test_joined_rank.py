"""A ``tf.concat`` in the user's loop joining tensors of different ranks (real Keras and TensorFlow).

Hands-On ML chapter 17's DCGAN (r634): the generator makes (n, 28, 28, 1) images, the real grayscale
batch is (n, 28, 28), and ``tf.concat`` in the training loop raises "Ranks of all input tensors should
match". Only the error's text is known (no layer raised), but it names both shapes and their places in
the joined list: the tensor missing the trailing axis of 1 is named on the user's line, and the fix that
adds it there is proven by running the patched script. A model output missing the axis gets no such fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(2)
pictures = rng.random((40, 12, 12)).astype("float32")
maker = keras.Sequential([keras.Input((8,)), keras.layers.Dense(6 * 6 * 4), keras.layers.Reshape((6, 6, 4)),
                          keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="tanh")])
judge = keras.Sequential([keras.Input((12, 12, 1)), keras.layers.Conv2D(8, 3, strides=2), keras.layers.Flatten(),
                          keras.layers.Dense(1, activation="sigmoid")])
judge.compile(loss="binary_crossentropy", optimizer="adam")
stream = tf.data.Dataset.from_tensor_slices(pictures * 2.0 - 1.0).batch(10, drop_remainder=True)
for real in stream:
    fake = maker(tf.random.normal((10, 8)))
    both = tf.concat([fake, real], axis=0)
    judge.train_on_batch(both, tf.constant([[0.0]] * 10 + [[1.0]] * 10))
print("done")
'''


def test_the_batch_missing_its_channel_axis_gets_it_at_the_join(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["kind"] == "data"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "both = tf.concat(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "both = tf.concat([fake, real[..., None]], axis=0)", first
    written = written_and_run(run_cli, tmp_path)
    assert "real[..., None]" in written


def test_a_model_output_missing_the_axis_gets_no_fix_at_the_join(tmp_path):
    flat = SCRIPT.replace('pictures = rng.random((40, 12, 12))', 'pictures = rng.random((40, 12, 12, 1))').replace(
        'activation="tanh")])', 'activation="tanh"), keras.layers.Reshape((12, 12))])')
    report, _, proc = run_json(run_cli, tmp_path, flat)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert not any("[..., None]" in f["code"] and f["verified"] for f in finding["fixes"]), finding["fixes"]
