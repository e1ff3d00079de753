"""A stateful RNN called on batches of another size than the one it was built for (real Keras).

``predict(x)`` of a model built with ``Input(batch_shape=(GROUP, ...))`` uses its default batch size,
and Keras refuses: "If an RNN is stateful, the batch size of the input sequences must be the same as
the batch size of the initial state" (r663). The call is the root cause; the fix passes the model's
batch size, spelled as the script spells it, proven by running the patched script (``--quick`` keeps a
multiple of that batch size so the proof trains like the user's run).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

GROUP = 4
series = np.random.default_rng(3).random((24, 5, 2)).astype("float32")
net = keras.Sequential([keras.Input(batch_shape=(GROUP, 5, 2)), keras.layers.LSTM(6, stateful=True),
                        keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(series[:16], series[:16, -1, :1], batch_size=GROUP, epochs=1, shuffle=False, verbose=0)
guess = net.predict(series[16:], verbose=0)
print(guess.shape)
'''


def test_predict_on_a_stateful_model_gets_the_batch_size_it_was_built_for(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "guess = net.predict(")
    first = finding["fixes"][0]
    assert first["code"] == "guess = net.predict(series[16:], verbose=0, batch_size=GROUP)" and first["proven"]
    assert "net.predict(series[16:], verbose=0, batch_size=GROUP)" in written_and_run(run_cli, tmp_path)


AGAIN = '''import numpy as np
import keras

steps = 3
batch_size = 1
rng = np.random.default_rng(5)
train_x, train_y = rng.random((20, steps, 1)).astype("float32"), rng.random((20, 1)).astype("float32")
test_x = rng.random((9, steps, 1)).astype("float32")
model = keras.Sequential([keras.Input(batch_shape=(batch_size, steps, 1)), keras.layers.LSTM(4, stateful=True),
                          keras.layers.Dense(1)])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(train_x, train_y, epochs=1, batch_size=batch_size, verbose=0, shuffle=False)
train_predict = model.predict(train_x)
model.layers[0].reset_states()
test_predict = model.predict(test_x)
print(train_predict.shape, test_predict.shape)
'''


def test_each_predict_of_the_stateful_model_gets_the_batch_size(tmp_path):
    """The MLM airline tutorial predicts twice (r1034): fixing the first call alone leaves the second failing."""
    report, _, proc = run_json(run_cli, tmp_path, AGAIN)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(AGAIN, "train_predict = model.predict(")
    first = finding["fixes"][0]
    assert first["code"] == ("train_predict = model.predict(train_x, batch_size=batch_size)\n"
                             "test_predict = model.predict(test_x, batch_size=batch_size)")
    assert first["verified"] and first["proof"] == "passed"
    written = written_and_run(run_cli, tmp_path)
    assert "test_predict = model.predict(test_x, batch_size=batch_size)" in written
