"""Culprits of sizes made inside custom training code, and of build errors no specific family names.

Real Keras, in-process (one TensorFlow start for the file): each script is written to a file and
run under the recorder as ``shapedoctor run`` would, then diagnosed by the same pipeline. A size
that surfaces in a ``train_step`` or a ``GradientTape`` loop is traced back to the layer of the
model that made it; a build error is traced to the producer the consumer's needs contradict.
One subprocess test checks that a valid custom-``train_step`` GAN behaves exactly as under python.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from conftest import line_of
from training_calls import diagnose_script

pytest.importorskip("keras")


def _diagnose(tmp_path, name: str, source: str):
    """(exception, error findings) of *source* run as a script under the recorder."""
    script = tmp_path / name
    script.write_text(textwrap.dedent(source))
    outcome, diagnosis = diagnose_script(script)
    return outcome.exception, [f for f in diagnosis.findings if f.severity == "error"]


def _line(source: str, text: str) -> int:
    return line_of(textwrap.dedent(source), text)


# A GAN whose generator's last transposed convolution keeps the size: the discriminator's own
# input check refuses the 8x8 images inside train_step (not a layer inside it).
GAN_STEP = """
import numpy as np
import tensorflow as tf
import keras
from keras import layers

real = np.random.rand(8, 16, 16, 1).astype("float32")

z_in = keras.Input(shape=(4,))
h = layers.Dense(4 * 4 * 8, activation="relu")(z_in)
h = layers.Reshape((4, 4, 8))(h)
h = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(h)
img = layers.Conv2DTranspose(1, 3, padding="same", activation="sigmoid")(h)
generator = keras.Model(z_in, img)

d_in = keras.Input(shape=(16, 16, 1))
d = layers.Conv2D(4, 3, strides=2, padding="same")(d_in)
d = layers.GlobalAveragePooling2D()(d)
critic = keras.Model(d_in, layers.Dense(1)(d))


class Gan(keras.Model):
    def __init__(self, g, d):
        super().__init__()
        self.g, self.d = g, d

    def train_step(self, images):
        z = tf.random.normal((tf.shape(images)[0], 4))
        with tf.GradientTape() as tape:
            real_score = self.d(images)
            fake_score = self.d(self.g(z))
            loss = tf.reduce_mean(fake_score) - tf.reduce_mean(real_score)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}


gan = Gan(generator, critic)
gan.compile(optimizer="adam")
gan.fit(real, epochs=1, batch_size=4, verbose=0)
"""


def test_model_input_check_in_train_step_names_the_generator_layer(tmp_path):
    exc, findings = _diagnose(tmp_path, "gan_step.py", GAN_STEP)
    assert exc is not None
    finding = findings[0]
    assert finding.culprit.line == _line(GAN_STEP, "img = layers.Conv2DTranspose(1, 3")
    assert finding.consumer.line == _line(GAN_STEP, "fake_score = self.d(self.g(z))")
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified and "strides=(2, 2)" in verified[0] and "Conv2DTranspose(1, 3" in verified[0]
    assert "expected (None, 16, 16, 1)" in finding.message and "8, 8, 1)" in finding.message


# An image-to-image network whose head is a valid 3x3 convolution: the map comes out 2 pixels short
# of the images a hand-written loss compares it with.
DENOISER = """
import numpy as np
import tensorflow as tf
import keras
from keras import layers

clean = np.random.rand(8, 12, 12, 2).astype("float32")

inp = keras.Input(shape=(12, 12, 2))
h = layers.Conv2D(6, 3, padding="same", activation="relu")(inp)
h = layers.Conv2D(6, 3, padding="same", activation="relu")(h)
out = layers.Conv2D(2, 3)(h)
net = keras.Model(inp, out)


class Denoiser(keras.Model):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def train_step(self, images):
        noisy = images + 0.1 * tf.random.normal(tf.shape(images))
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.abs(images - self.net(noisy)))
        grads = tape.gradient(loss, self.net.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.net.trainable_weights))
        return {"loss": loss}


model = Denoiser(net)
model.compile(optimizer="adam")
model.fit(clean, epochs=1, batch_size=4, verbose=0)
"""


def test_hand_loss_on_image_to_image_network_names_its_valid_head(tmp_path):
    exc, findings = _diagnose(tmp_path, "denoiser.py", DENOISER)
    assert exc is not None
    finding = findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.line == _line(DENOISER, "out = layers.Conv2D(2, 3)(h)")
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified == ['out = layers.Conv2D(2, 3, padding="same")(h)']


# A GradientTape loop of the user's own (no fit), in a tf.function: the decoder mirrors the
# encoder's two strides, but its seed is reshaped to a grid twice too large.
TAPE_LOOP = """
import numpy as np
import tensorflow as tf
import keras
from keras import layers

data = np.random.rand(8, 16, 16, 1).astype("float32")

encoder = keras.Sequential([
    keras.Input(shape=(16, 16, 1)),
    layers.Conv2D(4, 3, strides=2, padding="same"),
    layers.Conv2D(8, 3, strides=2, padding="same"),
    layers.Flatten(),
    layers.Dense(3),
])
decoder = keras.Sequential([
    keras.Input(shape=(3,)),
    layers.Dense(4 * 4 * 16),
    layers.Reshape((8, 8, 4)),
    layers.Conv2DTranspose(8, 3, strides=2, padding="same"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same"),
])
optimizer = keras.optimizers.SGD(0.01)


@tf.function
def step(x):
    with tf.GradientTape() as tape:
        recon = decoder(encoder(x))
        loss = tf.reduce_mean(tf.keras.losses.mse(x, recon))
    weights = encoder.trainable_weights + decoder.trainable_weights
    optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))


for batch in tf.data.Dataset.from_tensor_slices(data).batch(4):
    step(batch)
"""


def test_tape_loop_without_fit_names_the_seed_reshape(tmp_path):
    exc, findings = _diagnose(tmp_path, "tape_loop.py", TAPE_LOOP)
    assert exc is not None
    finding = findings[0]
    assert finding.culprit.line == _line(TAPE_LOOP, "layers.Reshape((8, 8, 4))")
    assert finding.consumer.line == _line(TAPE_LOOP, "loss = tf.reduce_mean(")  # the user's line, not AutoGraph's
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified[0] == "layers.Reshape((4, 4, 16)),"


# Build errors: the producer the consumer's needs contradict.
MIXER = """
import keras
from keras import layers

tokens, width = 9, 12
inp = keras.Input(shape=(tokens, width))
y = layers.Permute((2, 1))(inp)
y = layers.Dense(20, activation="gelu")(y)
y = layers.Dense(width)(y)
y = layers.Permute((2, 1))(y)
out = layers.Add()([inp, y])
"""


def test_permuted_axis_names_the_dense_that_made_it(tmp_path):
    exc, findings = _diagnose(tmp_path, "mixer.py", MIXER)
    assert exc is not None
    finding = findings[0]
    assert finding.id == "SD104"
    assert finding.culprit.line == _line(MIXER, "y = layers.Dense(width)(y)")
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified[0] == "y = layers.Dense(tokens)(y)"


BOTTLENECK = """
import keras
from keras import layers

inp = keras.Input(shape=(16, 16, 8))
shortcut = layers.Conv2D(16, 1, strides=2)(inp)
x = layers.Conv2D(4, 1, strides=2)(inp)
x = layers.Conv2D(4, 3, strides=2, padding="same")(x)
x = layers.Conv2D(16, 1)(x)
out = layers.Add()([shortcut, x])
"""


def test_doubly_strided_main_branch_gets_one_stride_removed(tmp_path):
    exc, findings = _diagnose(tmp_path, "bottleneck.py", BOTTLENECK)
    assert exc is not None
    finding = findings[0]
    assert finding.culprit.line == _line(BOTTLENECK, "layers.Conv2D(4, 3, strides=2")
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified[:2] == ['x = layers.Conv2D(4, 3, strides=1, padding="same")(x)',
                            "x = layers.Conv2D(4, 1, strides=1)(inp)"]


SUBPIXEL = """
import tensorflow as tf
import keras
from keras import layers


class DepthToSpace(layers.Layer):
    def __init__(self, block, **kwargs):
        super().__init__(**kwargs)
        self.block = block

    def call(self, x):
        return tf.nn.depth_to_space(x, self.block)


r = 3
inp = keras.Input(shape=(None, None, 8))
x = layers.Conv2D(2 * r, 3, padding="same")(inp)
x = DepthToSpace(r)(x)
"""


def test_depth_to_space_names_the_convolution_and_its_missing_factor(tmp_path):
    exc, findings = _diagnose(tmp_path, "subpixel.py", SUBPIXEL)
    assert exc is not None
    finding = findings[0]
    assert finding.id == "SD103"
    assert finding.culprit.line == _line(SUBPIXEL, "x = layers.Conv2D(2 * r")
    assert finding.consumer.line == _line(SUBPIXEL, "x = DepthToSpace(r)(x)")  # not its super().__init__
    verified = [f.code for f in finding.fixes if f.verified]
    assert verified == ['x = layers.Conv2D(18, 3, padding="same")(inp)']


def test_valid_token_mixer_and_bottleneck_are_not_flagged(tmp_path):
    mixer = MIXER.replace("y = layers.Dense(width)(y)", "y = layers.Dense(tokens)(y)")
    bottleneck = BOTTLENECK.replace('layers.Conv2D(4, 3, strides=2, padding="same")', 'layers.Conv2D(4, 3, padding="same")')
    for name, source in (("mixer_ok.py", mixer), ("bottleneck_ok.py", bottleneck)):
        exc, findings = _diagnose(tmp_path, name, source)
        assert exc is None and findings == []


VALID_GAN = GAN_STEP.replace('img = layers.Conv2DTranspose(1, 3, padding="same"',
                             'img = layers.Conv2DTranspose(1, 3, strides=2, padding="same"') + """
keras.utils.set_random_seed(1)
print("generated", tuple(generator(np.zeros((2, 4), "float32")).shape), sorted(gan.history.history))
"""


def test_valid_custom_train_step_gan_runs_as_under_python(tmp_path):
    script = tmp_path / "valid_gan.py"
    script.write_text(textwrap.dedent(VALID_GAN))
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0", PYTHONWARNINGS="ignore")  # no timestamped native logs
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    doctor = subprocess.run([sys.executable, "-m", "shapedoctor", "run", str(script)], capture_output=True, text=True,
                            env=env, timeout=300)
    assert plain.returncode == 0, plain.stderr
    assert doctor.returncode == 0, doctor.stderr
    assert plain.stdout == "generated (2, 16, 16, 1) ['loss']\n"
    assert doctor.stdout.startswith(plain.stdout) and doctor.stderr == plain.stderr
    assert "no shape problem found" in doctor.stdout[len(plain.stdout):]
