"""A Reshape target computed on its own line, stale after a layer above it changed (real Keras; ``run --json``).

The handwriting-recognition example computes the Reshape before its RNN from the conv stack:
``new_shape = ((width // 4), (height // 4) * 64)`` for a last convolution of 64 filters. Widened to
128 filters, the Reshape (which Keras names) refuses the map. The target is fixed where it is
written, in the user's own terms (``(height // 4) * 128``), that line is the root cause, and the
fix is proven by the patched script; a Reshape whose target is written on its own line keeps the
plain edit there (r410).
"""

from __future__ import annotations

import ast

from conftest import line_of, run_cli, run_json

from shapedoctor.repair.size_origin import _scaled_product

SCRIPT = '''import numpy as np
import keras
from keras import layers

width, height = 32, 16
images = np.random.rand(8, width, height, 1).astype("float32")
targets = np.random.rand(8, width // 4, 4).astype("float32")

inputs = keras.Input(shape=(width, height, 1))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
new_shape = ((width // 4), (height // 4) * 8)
x = layers.Reshape(target_shape=new_shape)(x)
x = layers.Dense(4)(x)
model = keras.Model(inputs, x)
model.compile(optimizer="adam", loss="mse")
model.fit(images, targets, epochs=1, verbose=0)
'''


def test_a_stale_target_is_fixed_where_it_is_computed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "new_shape = ")
    first = finding["fixes"][0]
    assert first["code"] == "new_shape = ((width // 4), (height // 4) * 16)" and first["proven"]
    assert any(fix["code"] == "new_shape = ((width // 4), -1)" for fix in finding["fixes"])


def test_a_target_written_on_the_reshape_line_is_edited_there(tmp_path):
    inline = SCRIPT.replace("new_shape = ((width // 4), (height // 4) * 8)\n", "").replace(
        "target_shape=new_shape", "target_shape=(8, 32)")
    report, _, proc = run_json(run_cli, tmp_path, inline)
    finding = report["findings"][0]
    assert proc.returncode == 1 and finding["id"] == "SD103"
    assert finding["culprit"]["line"] == line_of(inline, "layers.Reshape(")
    assert finding["fixes"][0]["code"] == "x = layers.Reshape(target_shape=(8, 64))(x)"


def test_a_product_keeps_its_form_with_a_new_factor():
    def scaled(text, old, new):
        return _scaled_product(text, ast.parse(text, mode="eval").body, old, new)

    assert scaled("(h // 4) * 64", 512, 1024) == "(h // 4) * 128"
    assert scaled("64 * h", 512, 256) == "32 * h"
    assert scaled("h * 64", 512, 100) is None  # 100 is not a multiple of h = 8
    assert scaled("h + 64", 72, 136) is None  # not a product


OFFSET = '''import keras
from keras import layers

CHANNELS = 2
seed_units = 49 * CHANNELS // 2
latent = keras.Input(shape=(8,))
h = layers.Dense(seed_units, activation="relu")(latent)
h = layers.Dense(seed_units * 2 + 1, activation="relu")(h)
h = layers.Reshape((7, 7, CHANNELS))(h)
h = layers.Conv2DTranspose(1, 4, strides=4, padding="same")(h)
print(keras.Model(latent, h).output.shape)
'''


def test_units_written_with_an_offset_lose_the_offset(tmp_path):
    # Dense(seed_units * 2 + 1) before Reshape((7, 7, 2)): seed_units * 2 alone is the 98 values (r713).
    report, _, proc = run_json(run_cli, tmp_path, OFFSET)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(OFFSET, "seed_units * 2 + 1")
    assert finding["fixes"][0]["proven"]
    assert finding["fixes"][0]["code"] == 'h = layers.Dense(seed_units * 2, activation="relu")(h)'
    # removing the Reshape would hand the transposed convolution a vector: not offered
    assert all("remove the Reshape" not in fix["title"] for fix in finding["fixes"])
