"""A one-input model called on another model's whole list of outputs (real Keras).

The Keras VAE structure (r1075): the encoder returns ``[z_mean, z_log_var, z]``; ``decoder(encoder(inputs))``
hands the decoder all three. The fix indexes the sampled code, ``encoder(inputs)[2]``, named by its layer
(``z``) among outputs of equal shape; with outputs of different shapes, the one the decoder declares.
Among equal outputs with no name to tell them apart, nothing is guessed.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import keras
from keras import layers, ops

latent = 2
inputs = keras.Input(shape=(12,))
h = layers.Dense(8, activation="relu")(inputs)
z_mean = layers.Dense(latent, name="z_mean")(h)
z_log_var = layers.Dense(latent, name="z_log_var")(h)
z = layers.Lambda(lambda t: t[0] + ops.exp(0.5 * t[1]), name="z")([z_mean, z_log_var])
encoder = keras.Model(inputs, [z_mean, z_log_var, z], name="encoder")
codes = keras.Input(shape=(latent,))
decoder = keras.Model(codes, layers.Dense(12, activation="sigmoid")(layers.Dense(8)(codes)), name="decoder")
outputs = decoder(encoder(inputs))
vae = keras.Model(inputs, outputs)
'''


def test_the_sampled_code_among_equal_outputs_is_handed_on(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "outputs = decoder(encoder(inputs))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "outputs = decoder(encoder(inputs)[2])" and first["verified"]
    assert "read from the error text" not in finding["explanation"]


def test_equal_outputs_without_a_sample_name_are_not_guessed(tmp_path):
    script = SCRIPT.replace('name="z")', 'name="mix")')
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("encoder(inputs)[" in f["code"] for f in report["findings"][0]["fixes"])
