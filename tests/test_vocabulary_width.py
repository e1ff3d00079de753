"""Multi-hot text features declared ``max_tokens`` wide instead of the adapted vocabulary's width (real Keras).

The keras-io guide *Working with preprocessing layers* declares
``keras.Input(shape=(text_vectorizer.vocabulary_size(),))``; ``max_tokens`` only caps the vocabulary,
and adapted on a small corpus the multi-hot rows are narrower (r467). The Input line is the root
cause and the fix declares it from the adapted layer; no fix rebinds the cap to today's width.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

vocab_cap = 300
tags = layers.StringLookup(max_tokens=vocab_cap, output_mode="multi_hot")
tags.adapt(np.array(["red", "green", "blue", "red", "cyan"]))

inputs = keras.Input(shape=(vocab_cap,))
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
model.compile(optimizer="adam", loss="binary_crossentropy")
features = tags(np.array([["red", "blue"], ["cyan", "green"], ["green", "red"], ["blue", "blue"]]))
model.fit(features, np.array([1.0, 0.0, 1.0, 0.0]), epochs=1, verbose=0)
'''


def test_multi_hot_input_is_declared_from_the_adapted_layer(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "inputs = keras.Input(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "inputs = keras.Input(shape=(tags.vocabulary_size(),))"
    assert not any("vocab_cap = " in f["code"] for f in finding["fixes"])
    assert "keras.Input(shape=(tags.vocabulary_size(),))" in written_and_run(run_cli, tmp_path)


FILLED_CAP = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

words = [f"w{i}" for i in range(40)]
rng = np.random.default_rng(0)
texts = [" ".join(rng.choice(words, size=12)) for _ in range(64)]
labels = rng.integers(0, 2, size=64)
train_ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(16)
vectorizer = layers.TextVectorization(max_tokens=20, output_mode="multi_hot")
vectorizer.adapt(train_ds.map(lambda x, y: x))
encoded_ds = train_ds.map(lambda x, y: (vectorizer(x), y))


def get_model(max_tokens=30):
    inputs = keras.Input(shape=(max_tokens,))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
    model.compile(optimizer="rmsprop", loss="binary_crossentropy")
    return model


model = get_model()
model.fit(encoded_ds, epochs=1, verbose=0)
'''


def test_a_filled_cap_aligns_the_model_size_chosen_elsewhere(tmp_path):
    # Deep Learning with Python, chapter 11 (r443): the vectorizer's 20 tokens filled its cap, the model's
    # size is the default of get_model's parameter; the size is written where it is chosen, proven.
    report, _, proc = run_json(run_cli, tmp_path, FILLED_CAP)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "def get_model(max_tokens=20):" and first["proven"]
    assert any("vectorizer.vocabulary_size()" in f["code"] for f in report["findings"][0]["fixes"][1:])
