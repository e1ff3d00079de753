"""Data reshaped one axis short of the declaration, passed in a list of inputs (real Keras).

Machine Learning Mastery's seq2seq inference loop (r1001) starts the decoder with ``target_seq =
array([...]).reshape(1, cardinality)`` for a decoder input of ``(None, None, cardinality)``, and passes it as
``[target_seq] + state``. The reshape line is the root cause and the fix writes the missing size-1 axis into it
(``reshape(1, 1, cardinality)``); an axis added before the call would be added again each time the loop feeds
the prediction back. The state inputs that fit are shown where they are, not as the root cause.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

cardinality, units = 6, 8
tokens = keras.Input(shape=(None, cardinality))
state_in = keras.Input(shape=(units,))
seq, state = layers.GRU(units, return_sequences=True, return_state=True)(tokens, initial_state=state_in)
probs = layers.Dense(cardinality, activation="softmax")(seq)
decoder = keras.Model([tokens, state_in], [probs, state])

state = [np.zeros((1, units), dtype="float32")]
target_seq = np.array([0.0 for _ in range(cardinality)]).reshape(1, cardinality)
for t in range(3):
    yhat, h = decoder.predict([target_seq] + state, verbose=0)
    state = [h]
    target_seq = yhat
print(yhat.shape)
'''


def test_the_reshape_line_gets_the_missing_axis_and_the_fitting_inputs_are_not_blamed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "target_seq = np.array([0.0 for _ in range(cardinality)]).reshape(1, cardinality)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "target_seq = np.array([0.0 for _ in range(cardinality)]).reshape(1, 1, cardinality)"
    assert first["line"] == line and first["verified"]
    rows = [(step["layer"], step["role"]) for step in finding["path"] if step["class"] == "data"]
    assert rows == [("target_seq", "culprit"), ("x[1]", "")], rows


def test_a_reshape_whose_missing_axis_could_go_in_several_places_is_not_rewritten(tmp_path):
    script = """import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(None, None, 3)), layers.Conv2D(4, 3),
                          layers.GlobalAveragePooling2D(), layers.Dense(2)])
image = np.random.default_rng(0).random(12 * 12 * 3).reshape(12, 12, 3)
print(model.predict(image, verbose=0))
"""
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    fixes = report["findings"][0]["fixes"]
    assert fixes and not any("reshape(" in f["code"] for f in fixes), fixes


INLINE = '''import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D()])
test_images = np.random.rand(5, 784).astype("float32")
features = model.predict(test_images[2].reshape(28, 28, 1), verbose=0)
'''


def test_a_reshape_written_in_the_call_gets_the_batch_axis_there(tmp_path):
    # The TF course's activation visualisation (r1136): one picture reshaped to (28, 28, 1) inside predict's
    # argument; the batch axis goes into that reshape, (1, 28, 28, 1), before np.expand_dims around it.
    report, _, proc = run_json(run_cli, tmp_path, INLINE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(INLINE, "features = model.predict(")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "features = model.predict(test_images[2].reshape(1, 28, 28, 1), verbose=0)"
    assert first["verified"] and first["line"] == line
