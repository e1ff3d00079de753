"""SD201 data fixes written on the line that made x (diagnosis/data_remake.py): each rule names that
line as the culprit, writes its fix there with the user's names, and the fix is verified by Keras on
the fixed data; and the evidence each rule needs is checked (a channel that varies is never dropped,
whole-valued floats are not one-hot encoded, two real axes are never swapped inside a reshape).

Real Keras in this process (``run_script`` + the pipeline, as ``run`` does); one
``shapedoctor run --write`` end to end, whose written script then runs cleanly under python.
Corpus cases t201-t206 hold the real-world patterns.
"""

from __future__ import annotations

import os
import subprocess
import sys

from training_calls import data_finding, first_fix_on
from training_calls import write_body as _write


WINDOWS = '''series = np.random.rand(90).astype("float32")
X = np.array([series[i:i + 4] for i in range(80)])
y = series[4:84]
X = X.reshape(X.shape[0], 1, X.shape[1])
model = keras.Sequential([keras.Input(shape=(4, 1)), layers.GRU(4), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
'''

IDS = '''tokens = np.random.randint(0, 12, size=(60, 7))
labels = np.random.randint(0, 2, size=(60,))
model = keras.Sequential([keras.Input(shape=(7, 12)), layers.LSTM(4), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss="binary_crossentropy")
model.fit(tokens, labels, epochs=1, verbose=0)
'''

PICTURES = '''model = keras.Sequential([keras.Input(shape=(16, 16, 3)), layers.Conv2D(4, 3), layers.Flatten(),
                          layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(24, 16, 16, 3), np.random.randint(0, 2, size=24), epochs=1, verbose=0)
colour = np.random.randint(0, 256, size=(5, 16, 16, 3))
fourth = {fourth}
photos = np.concatenate([colour, fourth], axis=-1) / 255.0
print(model.predict(photos, verbose=0).shape)
'''

GRAY = '''model = keras.Sequential([keras.Input(shape=(16, 16, 3)), layers.Conv2D(4, 3), layers.Flatten(),
                          layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(24, 16, 16, 3), np.random.randint(0, 2, size=24), epochs=1, verbose=0)
scans = np.random.rand(5, 16, 16)
print(model.evaluate(scans, np.zeros(5), verbose=0))
'''


def test_reshape_puts_the_axis_of_one_where_the_input_declares_it(tmp_path):
    first = first_fix_on(_write(tmp_path, WINDOWS), "X = X.reshape(")
    assert first.code == "X = X.reshape(X.shape[0], X.shape[1], 1)"


def test_two_real_axes_are_never_swapped_inside_a_reshape(tmp_path):
    # (N, 2, 3) rows for a (3, 2) input: which layout the flat rows hold is not in the data
    body = WINDOWS.replace("series[i:i + 4]", "np.tile(series[i:i + 3], 2)").replace(
        "X.reshape(X.shape[0], 1, X.shape[1])", "X.reshape(X.shape[0], 2, 3)").replace("(4, 1)", "(3, 2)")
    finding = data_finding(_write(tmp_path, body))
    assert not any("X.reshape(X.shape[0], 3, 2)" in (f.code or "") for f in finding.fixes)


def test_integer_ids_are_one_hot_encoded_where_they_are_made(tmp_path):
    first = first_fix_on(_write(tmp_path, IDS), "tokens = ")
    assert first.checks.get("keeps_data") is True
    assert first.code == "tokens = keras.utils.to_categorical(np.random.randint(0, 12, size=(60, 7)), num_classes=12)"


def test_whole_valued_floats_are_not_taken_for_ids(tmp_path):
    body = IDS.replace("np.random.randint(0, 12, size=(60, 7))", "np.round(np.random.rand(60, 7) * 11)")
    finding = data_finding(_write(tmp_path, body))
    assert not any("to_categorical" in (f.code or "") for f in finding.fixes)


def test_a_constant_extra_channel_is_dropped_a_varying_one_never(tmp_path):
    first = first_fix_on(_write(tmp_path, PICTURES.format(fourth="np.full((5, 16, 16, 1), 255)")), "photos = ")
    assert first.checks.get("keeps_data") is True
    assert first.code == "photos = (np.concatenate([colour, fourth], axis=-1) / 255.0)[..., :3]"

    varying = data_finding(_write(tmp_path, PICTURES.format(fourth="np.random.randint(0, 256, size=(5, 16, 16, 1))"),
                              "varying.py"))
    assert not any("[..., :3]" in (f.code or "") for f in varying.fixes)


def test_grayscale_pictures_are_repeated_into_colour_written_and_run(tmp_path):
    script = _write(tmp_path, GRAY)
    first = first_fix_on(script, "scans = ")
    assert first.code == "scans = np.stack((np.random.rand(5, 16, 16),) * 3, axis=-1)"
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    wrote = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--write", "--quick", script.name],
                           cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert wrote.returncode == 0, wrote.stdout + wrote.stderr
    assert first.code in script.read_text().splitlines()
    again = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, env=env,
                           timeout=300, check=False)
    assert again.returncode == 0, again.stderr


def test_samples_that_kept_their_batch_axis_are_joined_where_stacked(tmp_path):
    body = '''images = [np.expand_dims(np.random.rand(8, 8, 3), 0) for _ in range(20)]
stacked = np.array(images)
model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Flatten(), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(stacked, np.zeros(20), epochs=1, verbose=0)
'''
    first = first_fix_on(_write(tmp_path, body), "stacked = ")
    assert first.code == "stacked = np.concatenate(images)"
