"""Convolutions made through a ``functools.partial`` without ``padding="same"`` (real Keras; r701).

Hands-On ML's ``DefaultConv2D = partial(Conv2D, kernel_size=3, padding="same", ...)``: left out, each
convolution trims its borders until a deep one gets a 1x1 map. The partial is the root cause and gets
``padding="same"``, proven by running the patched script; a partial that states its padding is not blamed.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''from functools import partial
import numpy as np
import keras

Conv = partial(keras.layers.Conv2D, kernel_size=3, activation="relu")
net = keras.Sequential([
    keras.Input(shape=(12, 12, 1)),
    Conv(filters=8),
    keras.layers.MaxPooling2D(),
    Conv(filters=16),
    Conv(filters=16),
    Conv(filters=16),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(3, activation="softmax"),
])
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(np.random.rand(16, 12, 12, 1), np.random.randint(0, 3, 16), epochs=1, verbose=0)
print("ok")
'''


def test_the_partial_the_convolutions_share_gets_same_padding(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "Conv = partial(")
    first = finding["fixes"][0]
    assert first["proven"]
    assert first["code"] == 'Conv = partial(keras.layers.Conv2D, kernel_size=3, activation="relu", padding="same")'


def test_a_partial_that_states_its_padding_is_not_blamed(tmp_path):
    stated = SCRIPT.replace('activation="relu")', 'activation="relu", padding="valid")')
    report, _, proc = run_json(run_cli, tmp_path, stated)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] != line_of(stated, "Conv = partial(")
