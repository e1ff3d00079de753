"""A (1, 1, C) embedding concatenated with an (H, W, C') map is upsampled over it (real Keras; r728).

The DDIM example broadcasts the noise-variance embedding over the image with ``UpSampling2D`` before
joining it to the first feature map. The candidate that upsamples the smaller input by the maps'
ratio was never offered: the ratio was popped from the set the next check reads.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import keras
from keras import layers

SIDE = 8
images = keras.Input(shape=(SIDE, SIDE, 3))
level = keras.Input(shape=(1, 1, 1))
embedded = layers.Dense(4)(level)
features = layers.Conv2D(6, 1)(images)
joined = layers.Concatenate()([features, embedded])
print(keras.Model([images, level], joined).output.shape)
'''


def test_the_vector_is_upsampled_over_the_map(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["id"] == "SD104"
    fix = finding["fixes"][0]
    assert fix["verified"] and fix["code"] == "embedded = layers.UpSampling2D(8)(embedded)"
    assert fix["line"] == line_of(SCRIPT, "joined = layers.Concatenate()")
