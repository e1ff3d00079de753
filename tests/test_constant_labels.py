"""Constant labels filled in one shape for a model that scores every patch (real Keras).

A PatchGAN discriminator ends in a one-filter convolution: one real/fake score per image patch, by
design. The super-resolution GAN's author fills its labels in that shape
(``np.ones((batch_size,) + disc_patch)``); labels filled as ``(batch_size, 1)`` are the cause, and
flattening the model would undo its design (r548). A discriminator that ends in a ``Dense(1)`` without
``Flatten`` is the other case: there the model is wrong and the fill is not touched (t010).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

PATCH = '''import numpy as np
import keras
from keras import layers

critic = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(1, 3, padding="same", activation="sigmoid"),
])
critic.compile(loss="binary_crossentropy", optimizer="adam")

rng = np.random.default_rng(0)
n = 4
real = rng.random((n, 32, 32, 3)).astype("float32")
fake = rng.random((n, 32, 32, 3)).astype("float32")
real_y = np.ones((n, 1))
fake_y = np.zeros((n, 1))
for step in range(2):
    critic.train_on_batch(real, real_y)
    critic.train_on_batch(fake, fake_y)
'''

DENSE_HEAD = PATCH.replace('layers.Conv2D(1, 3, padding="same", activation="sigmoid")',
                           'layers.Dense(1, activation="sigmoid")')


def test_the_fill_takes_the_output_shape(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PATCH)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PATCH, "real_y = np.ones((n, 1))")
    marked = [step["class"] for step in finding["path"] if step["role"] == "culprit"]
    assert marked == ["labels"]  # the path marks the fill, as the root cause line does
    first = finding["fixes"][0]
    assert first["code"].splitlines() == ["real_y = np.ones((n,) + critic.output_shape[1:])",
                                          "fake_y = np.zeros((n,) + critic.output_shape[1:])"]
    written = written_and_run(run_cli, tmp_path)
    assert "fake_y = np.zeros((n,) + critic.output_shape[1:])" in written


def test_a_dense_head_without_flatten_keeps_the_fill(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DENSE_HEAD)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(DENSE_HEAD, 'layers.Dense(1, activation="sigmoid")')
    assert not any("output_shape" in f["code"] for f in finding["fixes"])


HELPERS = '''import numpy as np
import keras
from keras import layers


def make_critic():
    pair = keras.Input(shape=(16, 16, 2))
    h = layers.Conv2D(8, 3, strides=2, padding="same")(pair)
    h = layers.LeakyReLU(negative_slope=0.2)(h)
    h = layers.Conv2D(1, 3, padding="same")(h)
    scores = layers.Activation("sigmoid")(h)
    model = keras.Model(pair, scores)
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model


def real_batch(pool, n_samples):
    picked = pool[np.random.randint(0, len(pool), n_samples)]
    target = np.ones((n_samples, 1))
    return picked, target


def fake_batch(n_samples):
    made = np.random.random((n_samples, 16, 16, 2))
    target = np.zeros((len(made), 1))
    return made, target


pool = np.random.random((12, 16, 16, 2))
critic = make_critic()
for step in range(2):
    x_real, y_real = real_batch(pool, 4)
    x_fake, y_fake = fake_batch(4)
    critic.train_on_batch(x_real, y_real)
    critic.train_on_batch(x_fake, y_fake)
'''


def test_fills_made_in_helpers_after_an_activation_take_the_output_shape(tmp_path):
    """pix2pix (r1040): the one-filter convolution is followed by Activation("sigmoid"); the labels are filled
    inside the helpers that make each batch, each with its own count."""
    report, _, proc = run_json(run_cli, tmp_path, HELPERS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(HELPERS, "target = np.ones((n_samples, 1))")
    first = finding["fixes"][0]
    assert first["code"].splitlines() == ["target = np.ones((n_samples,) + critic.output_shape[1:])",
                                          "target = np.zeros((len(made),) + critic.output_shape[1:])"]
    assert first["verified"] and first["proof"] == "passed"
    written = written_and_run(run_cli, tmp_path)
    assert "target = np.zeros((len(made),) + critic.output_shape[1:])" in written
