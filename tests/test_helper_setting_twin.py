"""New data made by the same helper as the training data with another setting (real Keras; r690).

The helper call that made the refused data differs from the training data's call in the raw data and in
one setting; that setting is written as the training call writes it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

WIDTH = 16


def frames(signal, width):
    usable = len(signal) // width * width
    return signal[:usable].reshape(-1, width).astype("float32")


rng = np.random.default_rng(4)
train_x = frames(rng.normal(size=800), WIDTH)
model = keras.Sequential([keras.Input(shape=(WIDTH,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_x, rng.normal(size=(len(train_x), 1)), epochs=1, verbose=0)
live_x = frames(rng.normal(size=300), width=20)
print(model.predict(live_x, verbose=0).shape)
'''


def test_the_setting_the_new_data_changed_is_written_as_for_training(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "live_x = frames(")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "live_x = frames(rng.normal(size=300), width=WIDTH)"


PADDED = '''import numpy as np
import keras
from keras import layers

SETTINGS = {"maxlen": 9}
texts = [[3, 4, 5], [6, 7], [2, 3, 4, 5, 6, 7]]
longest = max(len(t) for t in texts)
train = keras.utils.pad_sequences(texts, maxlen=longest)
model = keras.Sequential([keras.Input(shape=(longest,)), layers.Embedding(10, 4), layers.Flatten(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train, np.zeros((3, 1)), epochs=1, verbose=0)
for seed in ([3], [3, 4]):
    query = keras.utils.pad_sequences([seed], maxlen=SETTINGS["maxlen"])
    print(model.predict(query, verbose=0).shape)
'''


def test_a_library_call_given_another_size_than_its_training_twin_gets_the_twins(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, PADDED)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(PADDED, "query = keras.utils.pad_sequences(")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "query = keras.utils.pad_sequences([seed], maxlen=longest)"
