"""An inference decoder's state ``Input`` declared unlike the recurrent layer it starts (real Keras).

Keras 3 builds ``decoder_gru(inputs, initial_state=Input(shape=(16,)))`` for a ``GRU(latent_dim)`` of 32 units
without a word; the first ``predict`` with the encoder's real (1, 32) state then "expects (None, 16)". The
root cause is the ``Input``, declared as wide as the layer with the layer's own spelling of its units.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

DECODER = '''import numpy as np
import keras
from keras import layers

latent_dim = 32
source = np.random.rand(40, 5, 3).astype("float32")
target = np.random.rand(40, 5, 2).astype("float32")

enc_in = keras.Input(shape=(None, 3))
_, enc_state = layers.GRU(latent_dim, return_state=True)(enc_in)
dec_in = keras.Input(shape=(None, 2))
decoder_gru = layers.GRU(latent_dim, return_sequences=True, return_state=True)
dec_seq, _ = decoder_gru(dec_in, initial_state=enc_state)
head = layers.Dense(2)
model = keras.Model([enc_in, dec_in], head(dec_seq))
model.compile(optimizer="adam", loss="mse")
model.fit([source, target], target, epochs=1, verbose=0)

encoder_model = keras.Model(enc_in, enc_state)
state_in = keras.Input(shape=(16,))
step_seq, step_state = decoder_gru(dec_in, initial_state=state_in)
decoder_model = keras.Model([dec_in, state_in], [head(step_seq), step_state])

state = encoder_model.predict(source[:1], verbose=0)
step = np.zeros((1, 1, 2), "float32")
for _ in range(3):
    step, state = decoder_model.predict([step, state], verbose=0)
print(step.shape)
'''


def test_the_state_input_is_declared_as_wide_as_the_decoder(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DECODER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(DECODER, "state_in = keras.Input(shape=(16,))")
    assert [f["code"] for f in finding["fixes"]] == ["state_in = keras.Input(shape=(latent_dim,))"]
    assert finding["fixes"][0]["proven"]


def test_a_state_input_as_wide_as_the_decoder_is_fine(tmp_path):
    fine = DECODER.replace("keras.Input(shape=(16,))", "keras.Input(shape=(latent_dim,))")
    report, _, proc = run_json(run_cli, tmp_path, fine)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
