"""Data-side fixes at fit time, written where the data is made (session 13): the line that made the
layout is found past the casts and scalings after it, the same fix is written for the other array made
the same way (X_test like X_train), batches of one kept in a list are joined with np.concatenate where the
list is made, an axis of size 1 added to an array that already ends with one is dropped on the making
line (a tf.data pipeline included), a PyDataset returning single samples returns batches (sliced by its
own batch size), and a batch axis added to the whole training data is never verified against N labels.

Real Keras in this process (``diagnose_as_run``, as ``run`` does); one ``shapedoctor run --write`` end to
end, whose written script then runs cleanly under python. Corpus cases t215-t219 hold the real patterns.
"""

from __future__ import annotations

import os
import subprocess
import sys

from training_calls import data_finding, first_fix_on
from training_calls import write_body as _write

SIBLINGS = '''X_train = np.random.rand(40, 8, 8)
X_test = np.random.rand(16, 8, 8)
X_train = X_train.reshape(X_train.shape[0], 1, 8, 8)
X_test = X_test.reshape(X_test.shape[0], 1, 8, 8)
X_train = X_train.astype("float32") / 255
X_test = X_test.astype("float32") / 255
model = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3), layers.Flatten(), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(X_train, np.zeros(40), epochs=1, verbose=0)
print(model.evaluate(X_test, np.zeros(16), verbose=0))
'''

LISTED = '''first = np.random.rand(8, 8, 3).reshape((1, 8, 8, 3))
second = np.random.rand(8, 8, 3).reshape((1, 8, 8, 3))
pair = [first, second]
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Flatten(), layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.fit(pair, np.array([1, 0]), epochs=1, verbose=0)
'''

TWICE = '''import tensorflow as tf
images = np.random.rand(32, 8, 8, 1).astype("float32")
ds = tf.data.Dataset.from_tensor_slices((images[..., np.newaxis], np.zeros(32))).batch(8)
model = keras.Sequential([layers.Conv2D(2, 3), layers.Flatten(), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(ds, epochs=1, verbose=0)
'''

ROWS = '''X = np.random.rand(40, 12).astype("float32")
model = keras.Sequential([layers.Conv1D(2, 3), layers.GlobalMaxPooling1D(), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(X, np.zeros(40), epochs=1, verbose=0)
'''

PYDATASET = '''class Items(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return len(self.x) // self.batch_size

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.fit(Items(np.random.rand(24, 6), np.random.randint(0, 3, size=24), batch_size=4), epochs=1, verbose=0)
'''


def test_the_reshape_that_made_the_layout_is_fixed_for_train_and_test_written_and_run(tmp_path):
    script = _write(tmp_path, SIBLINGS)
    first = first_fix_on(script, "X_train = X_train.reshape(")
    assert first.code == ("X_train = X_train.reshape(X_train.shape[0], 8, 8, 1)\n"
                          "X_test = X_test.reshape(X_test.shape[0], 8, 8, 1)")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    wrote = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--write", "--quick", script.name],
                           cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert wrote.returncode == 0, wrote.stdout + wrote.stderr
    lines = script.read_text().splitlines()
    assert "X_test = X_test.reshape(X_test.shape[0], 8, 8, 1)" in lines
    again = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, env=env,
                           timeout=300, check=False)
    assert again.returncode == 0, again.stderr


def test_batches_of_one_in_a_list_are_concatenated_where_the_list_is_made(tmp_path):
    first = first_fix_on(_write(tmp_path, LISTED), "pair = [")
    assert first.code == "pair = np.concatenate([first, second])"
    assert first.checks.get("samples") is True


def test_an_axis_added_to_images_that_have_it_is_dropped_in_the_pipeline(tmp_path):
    first = first_fix_on(_write(tmp_path, TWICE), "ds = tf.data")
    assert first.code == "ds = tf.data.Dataset.from_tensor_slices((images, np.zeros(32))).batch(8)"


def test_a_batch_axis_around_all_the_training_data_is_never_verified(tmp_path):
    finding = data_finding(_write(tmp_path, ROWS))
    assert finding.fixes[0].verified and finding.fixes[0].code == "X = np.expand_dims(X, -1)"
    assert not any(f.verified and "np.expand_dims(X, 0)" in (f.code or "") for f in finding.fixes)


def test_a_pydataset_returning_one_sample_returns_a_batch_of_its_own_size(tmp_path):
    first = first_fix_on(_write(tmp_path, PYDATASET), "return self.x[idx]")
    assert first.code == ("return self.x[idx * self.batch_size:(idx + 1) * self.batch_size], "
                          "self.y[idx * self.batch_size:(idx + 1) * self.batch_size]")
