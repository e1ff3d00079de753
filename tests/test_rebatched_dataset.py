"""A tf.data dataset that already yields batches, batched again (real Keras).

tensorflow/tensorflow #78621 (r592): ``image_dataset_from_directory`` batches, and the EfficientNet
example's ``ds_train.batch(batch_size, drop_remainder=True)`` batches again: each element becomes a batch
of batches, ``(16, None, 64, 64, 3)`` against ``Input((64, 64, 3))``. The second ``.batch`` is the cause,
and the fix unbatches before it, proven by running the patched script; wrapping the model in
TimeDistributed is not offered. A dataset so small that ``drop_remainder`` leaves it empty is still
recorded (its element spec says the shapes).

The distillation recipe (r1022): the split comes batched, and the script's own ``prepare_dataset`` batches
it again inside; the trainer is a subclassed model whose ``train_step`` calls a teacher and a student
declared alike. The ``.batch`` inside the helper is the cause.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

photos = np.random.default_rng(0).random((40, 24, 24, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 3, size=40)
stream = tf.data.Dataset.from_tensor_slices((photos, kinds)).batch(8)
stream = stream.map(lambda a, b: (a, tf.one_hot(b, 3)))
stream = stream.batch(4)

inputs = keras.Input((24, 24, 3))
h = layers.Conv2D(4, 3, activation="relu")(inputs)
outputs = layers.Dense(3, activation="softmax")(layers.GlobalAveragePooling2D()(h))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(stream, epochs=1, verbose=0)
'''


def test_the_second_batch_is_the_cause_and_gets_an_unbatch(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "stream = stream.batch(4)")
    assert [f["code"] for f in finding["fixes"]] == ["stream = stream.unbatch().batch(4)"]
    assert finding["fixes"][0]["verified"]


def test_a_dataset_left_empty_by_drop_remainder_is_still_diagnosed(tmp_path):
    script = SCRIPT.replace("stream = stream.batch(4)", "stream = stream.batch(8, drop_remainder=True)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "stream = stream.batch(8, drop_remainder=True)")
    assert finding["fixes"][0]["code"] == "stream = stream.unbatch().batch(8, drop_remainder=True)"


HELPER = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

photos = np.random.default_rng(0).random((48, 16, 16, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 3, size=48)
train = tf.data.Dataset.from_tensor_slices((photos, kinds)).batch(8)


def prepare(dataset, size=8):
    dataset = dataset.shuffle(64)
    dataset = dataset.batch(size)
    return dataset.prefetch(2)


def convnet(width):
    return keras.Sequential([keras.Input((16, 16, 3)), layers.Conv2D(width, 3), layers.GlobalAveragePooling2D(),
                             layers.Dense(3)])


class Trainer(keras.Model):
    def __init__(self, student, teacher):
        super().__init__()
        self.student, self.teacher = student, teacher

    def train_step(self, data):
        x, _ = data
        target = self.teacher(x)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self.student(x) - target))
        grads = tape.gradient(loss, self.student.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.student.trainable_variables))
        return {"loss": loss}


train = prepare(train)
trainer = Trainer(convnet(4), convnet(8))
trainer.compile(optimizer="adam")
trainer.fit(train, epochs=1, verbose=0)
'''


def test_a_batch_inside_the_scripts_own_helper_is_the_cause_for_a_subclassed_trainer(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, HELPER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(HELPER, "dataset = dataset.batch(size)")
    assert [f["code"] for f in finding["fixes"]] == ["dataset = dataset.unbatch().batch(size)"]
    assert finding["fixes"][0]["verified"]


WINDOWS = '''import numpy as np
import keras

readings = np.random.default_rng(2).normal(size=(300, 4)).astype("float32")
targets = readings[:, 0]
windows = keras.utils.timeseries_dataset_from_array(
    readings,
    targets,
    sequence_length=10,
    batch_size=16,
)
windows = windows.batch(16)

inputs = keras.Input(shape=(10, 4))
model = keras.Model(inputs, keras.layers.Dense(1)(keras.layers.LSTM(8)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=1, verbose=0)
'''


def test_a_dataset_batched_by_its_loader_and_again_gets_an_unbatch(tmp_path):
    """keras-io's weather forecaster (r1065): ``timeseries_dataset_from_array`` batches (its ``batch_size``
    defaults to 128, here written over several lines), so a later ``.batch`` is the second one; the element's
    window axis is unknown (``(None, None, None, 4)``), which still fits the declared ``(None, 10, 4)``."""
    report, _, proc = run_json(run_cli, tmp_path, WINDOWS)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(WINDOWS, "windows = windows.batch(16)")
    assert [f["code"] for f in finding["fixes"]] == ["windows = windows.unbatch().batch(16)"]
    assert finding["fixes"][0]["verified"]


NAMED = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

ids = np.random.default_rng(3).integers(1, 50, size=(64, 12))
stars = np.random.default_rng(4).integers(0, 2, size=64)
reviews = tf.data.Dataset.from_tensor_slices((ids, stars)).batch(16)


def make_dataset(dataset):
    dataset = dataset.map(lambda x, y: ({"input_ids": x}, y))
    return dataset.batch(16).prefetch(2)


reviews = make_dataset(reviews)
tokens = keras.Input(shape=(None,), dtype="int32", name="input_ids")
pooled = layers.GlobalAveragePooling1D()(layers.Embedding(50, 8)(tokens))
model = keras.Model(tokens, layers.Dense(1, activation="sigmoid")(pooled))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(reviews, epochs=1, verbose=0)
'''


def test_named_inputs_batched_again_in_a_helper_of_a_declared_model(tmp_path):
    # r986 (the float8 recipe): the model declares its input, so the mismatch is found before the call fails;
    # the cause is the .batch inside the helper, and the fix, checked on the dict of inputs, unbatches there.
    report, _, proc = run_json(run_cli, tmp_path, NAMED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(NAMED, "return dataset.batch(16).prefetch(2)")
    first = finding["fixes"][0]
    assert first["code"] == "return dataset.unbatch().batch(16).prefetch(2)" and first["verified"]
