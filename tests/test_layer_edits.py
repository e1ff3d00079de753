"""Layer-side fixes an expert writes: wrap a layer in TimeDistributed, stride a residual projection,
pool a token sequence before its classifier (issue #9).

Each rule is checked on real Keras (corpus cases c060, c061, t120 in miniature), with a
counter-example the rule must leave alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

from conftest import report_of  # noqa: E402
from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402


def _finding(cli, tmp_path, text: str) -> dict:
    (tmp_path / "script.py").write_text(text)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


FRAMES = '''import keras
from keras import layers

inputs = keras.Input(shape=(4, 28, 28, 1))
x = layers.TimeDistributed(layers.Conv2D(8, 3))(inputs)
x = layers.Conv2D(16, 3, activation="relu")(x)
x = layers.TimeDistributed(layers.Flatten())(x)
outputs = layers.LSTM(8)(x)
model = keras.Model(inputs, outputs)
'''


def test_a_conv_left_out_of_time_distributed_is_wrapped_in_it(cli, tmp_path):
    """Conv2D's InputSpec accepts 5-D input; the rank comes from Keras's kernel message."""
    finding = _finding(cli, tmp_path, FRAMES)
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == 6
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == 6
    assert first["code"] == 'x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(x)'


def test_clips_fed_straight_to_a_conv_blame_the_input_not_the_conv(cli, tmp_path):
    """No TimeDistributed layer steps over axis 1: nothing says it is a time axis."""
    text = FRAMES.replace("x = layers.TimeDistributed(layers.Conv2D(8, 3))(inputs)\n", "x = inputs\n")
    finding = _finding(cli, tmp_path, text)
    assert finding["id"] == "SD101" and finding["culprit"]["line"] != 6
    assert "TimeDistributed(" not in (finding["fixes"][0]["code"] if finding["fixes"] else "")


POOLED_BLOCK = '''import keras
from keras import layers

inputs = keras.Input(shape=(128, 3))
x = layers.Conv1D(32, 3, padding="same")(inputs)
residual = x
x = layers.Conv1D(64, 3, padding="same")(x)
x = layers.MaxPooling1D(2, padding="same")(x)
residual = layers.Conv1D(64, {kernel})(residual)
x = layers.add([x, residual])
model = keras.Model(inputs, x)
'''


def test_a_1x1_projection_is_strided_as_the_user_writes_strides(cli, tmp_path):
    first = _finding(cli, tmp_path, POOLED_BLOCK.format(kernel=1))["fixes"][0]
    assert first["verified"] and first["code"] == "residual = layers.Conv1D(64, 1, strides=2)(residual)"


def test_a_wider_projection_window_keeps_padding_same_with_its_stride(cli, tmp_path):
    first = _finding(cli, tmp_path, POOLED_BLOCK.format(kernel=3))["fixes"][0]
    assert first["verified"] and first["code"] == 'residual = layers.Conv1D(64, 3, strides=2, padding="same")(residual)'


def _head_on_sequence(tokens: bool):
    inputs = keras.Input(shape=(12,) if tokens else (12, 6))
    x = layers.Embedding(50, 6)(inputs) if tokens else inputs
    if tokens:
        attn = layers.MultiHeadAttention(num_heads=2, key_dim=6)(x, x)
        x = layers.LayerNormalization()(layers.Add()([x, attn]))
    x = layers.Dense(8, activation="relu")(x)
    model = keras.Model(inputs, layers.Dense(3, activation="softmax")(x))
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x_data = np.random.randint(0, 50, size=(16, 12)) if tokens else np.random.rand(16, 12, 6).astype("float32")
    call, _, _ = capture("fit", model, None, (x_data, np.random.randint(0, 3, size=(16,))), {})
    (prob,) = check(call)
    return sorted(prob.fixes, key=lambda f: f.cost)[0]


def test_an_attention_encoder_is_pooled_over_its_tokens_before_the_head():
    assert _head_on_sequence(tokens=True).edits[0][2] == "GlobalAveragePooling1D"


def test_matrix_samples_without_tokens_are_still_flattened_first():
    assert _head_on_sequence(tokens=False).edits[0][2] == "Flatten"


def test_a_variable_is_rebound_only_when_nothing_reads_it_again(tmp_path):
    from shapedoctor.repair.codegen import _read_after

    script = tmp_path / "script.py"
    script.write_text("x = f()\ny = g(x)\nz = h(x)\nfor i in range(3):\n    w = k(x)\n")
    assert _read_after(str(script), 2, "x")  # line 3 reads x again
    assert _read_after(str(script), 3, "x")  # line 5 reads it
    assert _read_after(str(script), 5, "x")  # inside a loop: the next iteration reads it
    assert not _read_after(str(script), 2, "y")
