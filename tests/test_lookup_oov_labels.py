"""Class names numbered by a StringLookup that keeps its out-of-vocabulary slot (real Keras).

The TF course's BBC-news assignment (r1126): ``label_encoder = layers.StringLookup()`` numbers five topics 1..5
(index 0 is ``[UNK]``), and a ``Dense(5)`` softmax refuses the label 5 inside ``fit``. The lookup's line is the
root cause and ``num_oov_indices=0`` the fix, proven by running the patched script; a TextVectorization beside it
(which makes a lookup of its own) does not confuse the rule.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
topics = ["sport", "tech", "politics"]
names = rng.choice(topics, size=90)
texts = [f"{t} news item {i}" for i, t in enumerate(names)]
vectorizer = layers.TextVectorization(max_tokens=60, output_sequence_length=6)
vectorizer.adapt(texts)
label_encoder = layers.StringLookup()
label_encoder.adapt(names)
dataset = tf.data.Dataset.from_tensor_slices((texts, names))
dataset = dataset.map(lambda text, name: (vectorizer(text), label_encoder(name))).batch(16)

model = keras.Sequential([keras.Input(shape=(6,)), layers.Embedding(60, 8), layers.GlobalAveragePooling1D(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(dataset, epochs=1, verbose=0)
'''


def test_the_label_lookup_gets_no_oov_slot(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "label_encoder = layers.StringLookup()")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "label_encoder = layers.StringLookup(num_oov_indices=0)" and first["verified"]
