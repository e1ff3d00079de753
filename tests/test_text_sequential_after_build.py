"""A Sequential that starts with an adapted TextVectorization and has no ``Input`` (real Keras).

The TensorFlow word-embeddings guide without its GlobalAveragePooling1D: strings cannot be checked
before Keras builds the model, but ``fit`` builds it before the loss refuses the (batch,) labels
against the (batch, 20, 1) output. The call is checked again on the model as it was built: the
first Dense on the token vectors is the root cause, and the pooling and Flatten fixes are verified
on a copy whose TextVectorization keeps the vocabulary ``adapt`` gave it (r439, r414).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.graph.model import LayerSpec
from shapedoctor.infer.propagate import fresh_layer

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

texts = ["good fun film", "dull boring plot", "great acting", "weak silly story"] * 16
labels = np.array([1, 0, 1, 0] * 16, "int32")
train_ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(16)
vectorize = layers.TextVectorization(max_tokens=50, output_sequence_length=6)
vectorize.adapt(train_ds.map(lambda text, label: text))
model = keras.Sequential([
    vectorize,
    layers.Embedding(50, 8),
    layers.Dense(8, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(train_ds, epochs=1, verbose=0)
'''


def test_the_model_is_checked_as_fit_built_it_and_the_pooling_is_verified(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'layers.Dense(8, activation="relu"),')
    codes = [f["code"].strip() for f in finding["fixes"] if f["verified"]]
    assert "layers.GlobalAveragePooling1D()," in codes and "layers.Flatten()," in codes


def test_a_rebuilt_lookup_layer_keeps_the_adapted_vocabulary():
    import keras

    layer = keras.layers.StringLookup()
    layer.adapt(["cat", "dog", "dog"])
    copy = fresh_layer(LayerSpec(layer.name, "StringLookup", layer.get_config(), klass=type(layer), live=layer))
    assert copy(["dog", "cat", "eel"]).numpy().tolist() == layer(["dog", "cat", "eel"]).numpy().tolist() == [1, 2, 0]
