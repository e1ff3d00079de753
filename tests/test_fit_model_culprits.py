"""A model fed the output of another model of the wrong size (``critic(generator(z))``): when the
consuming model already ran on tensors of its declared input shape, the producing model's layer
stack is the culprit, and the fix adds or removes one of its upsampling stages
(shapedoctor/diagnosis/upstream_model.py).

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend): the culprit line,
the verified fix, and a written fix that really runs; then the cases where the rule must not apply.
"""

from __future__ import annotations

import subprocess

from conftest import report_of, run_plain

# A functional generator of UpSampling2D stages and a Sequential critic, trained by an eager loop.
GAN = '''import numpy as np
import keras
from keras import layers

latent = 8
real = np.random.rand(4, 16, 16, 1).astype("float32")

z = keras.Input(shape=(latent,))
h = layers.Dense({seed} * {seed} * 8)(z)
h = layers.Reshape(({seed}, {seed}, 8))(h)
h = layers.UpSampling2D()(h)
h = layers.Conv2D(8, 3, padding="same")(h)
h = layers.UpSampling2D()(h)
img = layers.Conv2D(1, 3, padding="same")(h)
generator = keras.Model(z, img)

critic = keras.Sequential([keras.Input(shape=(16, 16, 1)), layers.Conv2D(4, 3, strides=2, padding="same"),
                           layers.Flatten(), layers.Dense(1)])

for step in range(2):
    {real_call}
    fake_score = critic(generator(np.random.normal(size=(4, latent)).astype("float32")))
'''
REAL_CALL = "real_score = critic(real)"
GENERATOR_LINES = set(range(9, 16))


def _run(cli, tmp_path, text: str, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "script.py").write_text(text)
    return cli("run", *args, "script.py", cwd=tmp_path)


def test_generator_one_stage_too_many_names_its_first_upsampling_and_removes_it(cli, tmp_path):
    # 8 -> 16 -> 32 against the critic's declared 16x16, while the real 16x16 images passed.
    finding = report_of(_run(cli, tmp_path, GAN.format(seed=8, real_call=REAL_CALL), "--json"))["findings"][0]
    assert finding["id"] == "SD102"
    assert finding["culprit"]["line"] == 11  # the first UpSampling2D after the seed, not the critic's Dense
    assert finding["expected"] == "(None, 16, 16, 1)"
    first = finding["fixes"][0]
    assert first["verified"] and first["result_shape"] == "(None, 16, 16, 1)"


def test_the_written_fix_for_a_generator_one_stage_too_many_runs(cli, tmp_path):
    proc = _run(cli, tmp_path, GAN.format(seed=8, real_call=REAL_CALL), "--write")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_generator_one_stage_short_gets_one_more_upsampling_stage_that_runs(cli, tmp_path):
    # 2 -> 4 -> 8 against 16x16: one more stage after the last UpSampling2D (line 13).
    finding = report_of(_run(cli, tmp_path, GAN.format(seed=2, real_call=REAL_CALL), "--json"))["findings"][0]
    assert finding["id"] == "SD102"
    assert finding["culprit"]["line"] == 13
    first = finding["fixes"][0]
    assert first["verified"] and "UpSampling2D((2, 2))" in first["code"]
    proc = _run(cli, tmp_path, GAN.format(seed=2, real_call=REAL_CALL), "--write")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_a_generator_of_the_right_size_is_not_flagged(cli, tmp_path):
    proc = _run(cli, tmp_path, GAN.format(seed=4, real_call=REAL_CALL), "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert report_of(proc)["status"] == "ok"


def test_without_a_call_on_the_declared_shape_the_generator_is_not_blamed(cli, tmp_path):
    # The critic never took a tensor of its declared shape: nothing says its Input is the right one.
    text = GAN.format(seed=8, real_call="pass")
    finding = report_of(_run(cli, tmp_path, text, "--json"))["findings"][0]
    assert finding["culprit"]["line"] not in GENERATOR_LINES


def test_a_wrongly_sized_array_from_the_data_is_not_blamed_on_a_model(cli, tmp_path):
    # The second critic input comes from the data, not from another model: the rule has no producer.
    text = GAN.format(seed=4, real_call=REAL_CALL).replace(
        'critic(generator(np.random.normal(size=(4, latent)).astype("float32")))',
        'critic(np.random.rand(4, 32, 32, 1).astype("float32"))')
    finding = report_of(_run(cli, tmp_path, text, "--json"))["findings"][0]
    assert finding["culprit"]["line"] not in GENERATOR_LINES
    assert "produced" not in finding["explanation"]


# A 1-D convolutional autoencoder (two models) trained by a custom train_step that compares the
# decoder's output with the data itself: the subtraction raises, not a layer.
AUTOENCODER = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

signals = np.random.rand(8, 32, 2).astype("float32")
inp = keras.Input(shape=(32, 2))
h = layers.Conv1D(8, 3, strides=2, padding="same")(inp)
h = layers.Conv1D(8, 3, strides=2, padding="same")(h)
encoder = keras.Model(inp, h)
code = keras.Input(shape=(8, 8))
h = layers.UpSampling1D(2)(code)
h = layers.Conv1D(8, 3, padding="same")(h)
h = layers.UpSampling1D({last})(h)
out = layers.Conv1D(2, 3, padding="same")(h)
decoder = keras.Model(code, out)


class AE(keras.Model):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def train_step(self, data):
        with tf.GradientTape() as tape:
            rebuilt = self.decoder(self.encoder(data))
            loss = tf.reduce_mean(tf.abs({target} - rebuilt))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {{"loss": loss}}


ae = AE(encoder, decoder)
ae.compile(optimizer="adam")
ae.fit(signals, epochs=1, batch_size=4, verbose=0)
'''
DECODER_LINES = set(range(11, 17))


def test_a_decoder_compared_with_its_own_data_in_a_train_step_is_the_culprit_and_its_fix_runs(cli, tmp_path):
    # UpSampling1D(4) on line 14: 8 -> 16 -> 64 against the 32-step signals the encoder took.
    text = AUTOENCODER.format(last=4, target="data")
    finding = report_of(_run(cli, tmp_path, text, "--json"))["findings"][0]
    assert finding["id"] == "SD202"
    assert finding["culprit"]["line"] == 14  # the stage that upsamples 4x: size 2 there is one value
    assert finding["consumer"]["line"] == 36  # the fit call
    assert finding["fixes"][0]["verified"] and finding["fixes"][0]["result_shape"] == "(None, 32, 2)"
    proc = _run(cli, tmp_path, text, "--write")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_an_op_on_a_tensor_that_is_not_the_data_does_not_blame_the_decoder(cli, tmp_path):
    # The decoder is right (32 steps); the code compares it with every other step of the data.
    text = AUTOENCODER.format(last=2, target="data[:, ::2]")
    proc = _run(cli, tmp_path, text, "--json")
    finding = report_of(proc)["findings"][0]
    assert finding["culprit"] is None or finding["culprit"]["line"] not in DECODER_LINES
    assert "produced" not in finding["explanation"]
