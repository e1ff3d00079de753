"""A discriminator given a generator's samples of the wrong width after training on real ones (real Keras).

MachineLearningMastery's 1-D function GAN (r1078): the real samples are (x, x^2) pairs, the generator is
built with ``n_outputs=1``; ``discriminator.train_on_batch(generator.predict(noise), zeros)`` fails after the
same discriminator trained on the real pairs. The generator's output layer is the root cause, fixed where
its size is chosen (the parameter's default), proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def make_critic(n_inputs=2):
    critic = keras.Sequential([keras.Input(shape=(n_inputs,)), layers.Dense(8, activation="relu"),
                               layers.Dense(1, activation="sigmoid")])
    critic.compile(loss="binary_crossentropy", optimizer="adam")
    return critic


def make_maker(noise_dim, n_outputs=1):
    return keras.Sequential([keras.Input(shape=(noise_dim,)), layers.Dense(8, activation="relu"),
                             layers.Dense(n_outputs)])


critic, maker = make_critic(), make_maker(4)
x = np.random.rand(16) - 0.5
real = np.stack([x, x * x], axis=1)
critic.train_on_batch(real, np.ones((16, 1)))
fake = maker.predict(np.random.randn(16, 4), verbose=0)
critic.train_on_batch(fake, np.zeros((16, 1)))
'''


def test_the_generators_output_width_is_fixed_where_it_is_chosen(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "def make_maker(noise_dim, n_outputs=1):")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "def make_maker(noise_dim, n_outputs=2):" and first["verified"]


def test_without_a_training_step_on_real_data_the_generator_is_not_blamed(tmp_path):
    script = SCRIPT.replace("critic.train_on_batch(real, np.ones((16, 1)))\n", "")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert report["findings"][0]["culprit"]["line"] != line_of(script, "def make_maker(noise_dim, n_outputs=1):")
