"""MultiHeadAttention given a flat query or a (batch, steps) attention_mask (real Keras; r667, r673).

Both fail deep inside the layer, where Keras names an inner Softmax ("tuple index out of range") or an
op ("Dimensions must be equal"). The flat query is aimed at the Input it came from (a trailing axis of 1),
the mask at the argument that passes it (``expand_dims(mask, axis=1)``), both proven by running the
patched script. A mask with its query axis is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

FLAT = '''import numpy as np
import keras
from keras import layers

N_READINGS = 24
rng = np.random.default_rng(3)
curves = rng.normal(size=(64, N_READINGS)).astype("float32")
grade = curves[:, :4].mean(axis=1, keepdims=True).astype("float32")
curve_in = keras.Input(shape=[N_READINGS])
mixed = layers.MultiHeadAttention(num_heads=2, key_dim=4)(curve_in, curve_in)
out = layers.Dense(1)(layers.Flatten()(mixed))
model = keras.Model(curve_in, out)
model.compile(optimizer="adam", loss="mse")
model.fit(curves, grade, batch_size=16, epochs=1, verbose=0)
print(model.predict(curves[:2], verbose=0).shape)
'''

MASKED = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

STEPS, WIDTH = 10, 8
tokens_in = keras.Input(shape=(STEPS, WIDTH))
keep_in = keras.Input(shape=(STEPS,), dtype="bool")
mixed = layers.MultiHeadAttention(num_heads=2, key_dim=4)(tokens_in, tokens_in, attention_mask=keep_in)
pooled = layers.GlobalAveragePooling1D()(mixed)
model = keras.Model([tokens_in, keep_in], layers.Dense(1)(pooled))
model.compile(optimizer="adam", loss="mse")
rng = np.random.default_rng(6)
keep = np.arange(STEPS)[None, :] < rng.integers(3, STEPS + 1, size=(48, 1))
model.fit([rng.normal(size=(48, STEPS, WIDTH)), keep], rng.normal(size=(48, 1)), batch_size=12, epochs=1, verbose=0)
print("trained")
'''


def _errors(report: dict) -> list:
    return [f for f in report["findings"] if f["severity"] == "error"]


def test_a_flat_query_is_aimed_at_its_input_which_gets_a_feature_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, FLAT)
    assert proc.returncode == 1, proc.stderr
    [finding] = _errors(report)
    assert finding["id"] == "SD101" and "flat query (16, 24)" in finding["message"]
    assert finding["culprit"]["line"] == line_of(FLAT, "curve_in = keras.Input(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "curve_in = keras.Input(shape=[N_READINGS, 1])"
    assert "shape=[N_READINGS, 1]" in written_and_run(run_cli, tmp_path)


def test_a_padding_mask_given_as_attention_mask_gets_a_query_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, MASKED)
    assert proc.returncode == 1, proc.stderr
    [finding] = _errors(report)
    assert finding["message"].startswith("attention_mask (None, 10) of `multi_head_attention`") \
        or finding["message"].startswith("attention_mask (12, 10) of `multi_head_attention`"), finding["message"]
    assert finding["culprit"]["line"] == line_of(MASKED, "mixed = layers.MultiHeadAttention(")
    [fix] = finding["fixes"]
    assert fix["proven"], fix
    assert "attention_mask=keras.ops.expand_dims(keep_in, axis=1))" in fix["code"]


def test_a_mask_with_its_query_axis_is_left_alone(tmp_path):
    right = MASKED.replace("attention_mask=keep_in", "attention_mask=keras.ops.expand_dims(keep_in, axis=1)")
    report, _, proc = run_json(run_cli, tmp_path, right)
    assert proc.returncode == 0 and report["status"] == "ok", proc.stdout[-2000:]
