"""A generator's seed map reshaped to a side written for another size (real Keras; ``run --json``).

The "Customizing what happens in fit()" guide's GAN generator makes ``Dense(7 * 7 * 128)`` and reshapes it to
``(7, 7, 128)`` before two stride-2 transposed convolutions (28 x 28 images). Written ``(14, 14, 128)`` (r1099),
the Reshape refuses: the fix keeps the 128 channels on the square map that holds every value, ``(7, 7,
128)``, and is proven by the patched script; making the Dense four times wider also builds, but its images
come out 56 x 56, and the proof says so.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

latent_dim = 16
generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(7 * 7 * 8),
    layers.Reshape((14, 14, 8)),
    layers.Conv2DTranspose(8, 4, strides=2, padding="same"),
    layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="sigmoid"),
])
noise = np.random.default_rng(0).normal(size=(4, latent_dim)).astype("float32")
real = np.random.default_rng(1).random((4, 28, 28, 1)).astype("float32")
combined = np.concatenate([generator.predict(noise, verbose=0), real], axis=0)
print(combined.shape)
'''


def test_the_seed_map_keeps_its_channels_on_the_side_that_holds_every_value(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD103"
    first = finding["fixes"][0]
    assert first["code"] == "layers.Reshape((7, 7, 8)),"
    assert first["line"] == line_of(SCRIPT, "layers.Reshape((14, 14, 8)),") and first["proven"]
    assert not any(f["proven"] for f in finding["fixes"][1:])
