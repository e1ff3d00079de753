"""One value per sample declared ``Input(shape=(1,))`` for a function that works on maps (real Keras).

A diffusion model embeds its noise variance with sin and cos joined on axis 3, then ``UpSampling2D`` stretches
that 1x1 map to the image size (r1172). Declared as a vector, the Lambda's function fails and Keras only says it
"could not automatically infer the shape of the Lambda's output". The declaration gets the 1x1 map's rank,
``Input(shape=(1, 1, 1))``, verified through the whole model (a rank-3 ``(1, 1)`` would fail at UpSampling2D).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

SIZE = 8


def embed(v):
    freqs = tf.exp(tf.linspace(0.0, 3.0, 4))
    return tf.concat([tf.sin(v * freqs), tf.cos(v * freqs)], axis=3)


images = keras.Input(shape=(SIZE, SIZE, 3))
variances = keras.Input(shape=(1,))
e = layers.UpSampling2D(size=SIZE)(layers.Lambda(embed)(variances))
x = layers.Conv2D(8, 3, padding="same")(layers.Concatenate()([layers.Conv2D(8, 1)(images), e]))
model = keras.Model([images, variances], layers.Conv2D(3, 1)(x))
model.compile(optimizer="adam", loss="mse")
imgs = np.random.rand(16, SIZE, SIZE, 3).astype("float32")
model.fit([imgs, np.random.rand(16, 1, 1, 1).astype("float32")], imgs, epochs=1, verbose=0)
'''


def test_the_vector_input_becomes_a_one_by_one_map(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "variances = keras.Input(shape=(1,))")
    assert finding["fixes"][0]["code"] == "variances = keras.Input(shape=(1, 1, 1))" and finding["fixes"][0]["proven"]
    assert all(f["code"] != "variances = keras.Input(shape=(1, 1))" or not f["verified"] for f in finding["fixes"])
