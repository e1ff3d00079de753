"""Sample and class weights shaped for another loss than the model's (real Keras; ``run --json``).

* A per-class weight matrix (N, classes) given as ``sample_weight`` (keras#389): the line that made
  it is the root cause, its row sums (one non-zero per row) the verified fix (r394).
* ``class_weight`` for per-step one-hot labels (keras#1624): the weights become per-step sample
  weights, written in place of ``class_weight`` at the ``fit`` call (r353).
* Weights that fit (one per sample, one per step, class weights of one class per sample) raise
  nothing and are left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

MATRIX = '''import numpy as np
import keras
from keras import layers

importance = np.array([1.0, 2.0, 4.0], dtype="float32")
docs = np.random.rand(64, 10).astype("float32")
targets = keras.utils.to_categorical(np.random.randint(0, 3, size=64), 3)
weights = targets * importance

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(docs, targets, sample_weight=weights, epochs=1, verbose=0)
'''

PER_STEP = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(32, 6, 4).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, size=(32, 6)), 3)
model = keras.Sequential([
    keras.Input(shape=(6, 4)),
    layers.LSTM(8, return_sequences=True),
    layers.TimeDistributed(layers.Dense(3, activation="softmax")),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
step_weights = {0: 1.0, 1: 5.0, 2: 5.0}
model.fit(x, y, class_weight=step_weights, epochs=1, verbose=0)
'''

VALID = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(32, 6, 4).astype("float32")
ids = np.random.randint(0, 3, size=(32, 6))
y = keras.utils.to_categorical(ids, 3)
tagger = keras.Sequential([keras.Input(shape=(6, 4)), layers.LSTM(8, return_sequences=True),
                           layers.Dense(3, activation="softmax")])
tagger.compile(optimizer="adam", loss="categorical_crossentropy")
tagger.fit(x, y, sample_weight=np.vectorize({0: 1.0, 1: 5.0, 2: 5.0}.get)(ids), epochs=1, verbose=0)

flat = x.reshape(32, -1)
labels = ids[:, 0]
classifier = keras.Sequential([keras.Input(shape=(24,)), layers.Dense(3, activation="softmax")])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
classifier.fit(flat, labels, class_weight={0: 1.0, 1: 2.0, 2: 2.0}, epochs=1, verbose=0)
print("done")
'''


def test_a_per_class_weight_matrix_is_summed_per_sample(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, MATRIX)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD202" and finding["culprit"]["line"] == line_of(MATRIX, "weights = targets")
    first = finding["fixes"][0]
    assert first["verified"] and "sample_weight=weights.sum(axis=1)" in first["code"]


def test_class_weight_for_per_step_labels_becomes_per_step_sample_weights(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PER_STEP)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PER_STEP, "model.fit(")
    first = finding["fixes"][0]
    assert first["verified"]
    assert "sample_weight=np.vectorize(step_weights.get)(y.argmax(axis=-1))" in first["code"]
    assert "class_weight" not in first["code"]


def test_weights_that_fit_the_loss_are_left_alone(tmp_path):
    report, out, proc = run_json(run_cli, tmp_path, VALID)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
