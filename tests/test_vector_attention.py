"""An attention layer given one vector per sample as its value (real Keras; SD211, silent; r702).

Keras 3's ``Attention`` multiplies a (batch, d) value as it is and scores each query step against the
other samples of the batch; nothing raises. The recurrent layer that made the value is the root cause and
returns its sequence, proven by running the patched script; the same model with the sequence is left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

source_in = keras.Input(shape=(7,))
target_in = keras.Input(shape=(5,))
encoded = layers.GRU(12)(layers.Embedding(30, 8)(source_in))
decoded = layers.GRU(12, return_sequences=True)(layers.Embedding(30, 8)(target_in))
context = layers.Attention()([decoded, encoded])
model = keras.Model([source_in, target_in], layers.Dense(30, activation="softmax")(context))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([np.random.randint(0, 30, (16, 7)), np.random.randint(0, 30, (16, 5))], np.random.randint(0, 30, (16, 5)),
          batch_size=8, epochs=1, verbose=0)
print("trained")
'''


def test_attention_over_an_encoders_last_output_asks_for_its_sequence(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stdout[-2000:]
    [finding] = [f for f in report["findings"] if f["id"] == "SD211"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "encoded = layers.GRU(12)(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "encoded = layers.GRU(12, return_sequences=True)(layers.Embedding(30, 8)(source_in))"


def test_attention_over_a_sequence_is_left_alone(tmp_path):
    right = SCRIPT.replace("encoded = layers.GRU(12)(", "encoded = layers.GRU(12, return_sequences=True)(")
    report, _, proc = run_json(run_cli, tmp_path, right)
    assert proc.returncode == 0 and report["status"] == "ok", proc.stdout[-2000:]
