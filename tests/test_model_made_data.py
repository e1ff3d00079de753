"""Data another model made, refused by a model's declared input; a fix that only rewrites size constants.

An inference decoder declares its encoder-memory input ``Input(shape=(out_len, units))`` where the encoder returns
``in_len`` steps: ``decoder_model.predict([tokens, memory])`` of ``memory = encoder_model.predict(...)`` fails.
The memory is what the trained encoder makes, so the declaration is the root cause (r1180). Rewriting the
script's size constants (``in_len, out_len, units = 12, 12, 16``) also runs, but it makes every target 12 tokens
long: the patched script fits on other data, so that fix is not proven (the data-kept invariant).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

in_len, out_len, units = 12, 4, 16
x_data = np.random.randint(1, 20, size=(64, in_len))
y_data = np.random.randint(1, 20, size=(64, out_len))

enc_in = keras.Input(shape=(in_len,))
enc_seq = layers.GRU(units, return_sequences=True)(layers.Embedding(20, 8)(enc_in))
dec_in = keras.Input(shape=(out_len,))
dec_seq = layers.GRU(units, return_sequences=True)(layers.Embedding(20, 8)(dec_in))
attended = layers.Attention()([dec_seq, enc_seq])
head = layers.Dense(20, activation="softmax")
model = keras.Model([enc_in, dec_in], head(layers.Concatenate()([dec_seq, attended])))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([x_data, y_data], y_data, epochs=1, verbose=0)

encoder_model = keras.Model(enc_in, enc_seq)
memory_in = keras.Input(shape=(out_len, units))
step_attended = layers.Attention()([dec_seq, memory_in])
decoder_model = keras.Model([dec_in, memory_in], head(layers.Concatenate()([dec_seq, step_attended])))

memory = encoder_model.predict(x_data[:1], verbose=0)
print(decoder_model.predict([y_data[:1], memory], verbose=0).shape)
'''


def test_the_declaration_is_the_root_cause_and_the_constants_fix_is_disproved(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "input"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "memory_in = keras.Input(")
    assert finding["fixes"][0]["code"] == "memory_in = keras.Input(shape=(in_len, units))"
    constants = [f for f in finding["fixes"] if f["code"] == "in_len, out_len, units = 12, 12, 16"]
    assert constants and not constants[0]["proven"] and "also shape the data" in constants[0]["proof"]
