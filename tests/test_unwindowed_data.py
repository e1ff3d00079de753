"""New data given to predict without the function that made the training windows (real Keras).

``x_fit = to_windows(series_a)`` trains the model on (n, 16, 1) windows; ``predict(series_b)`` gets the raw
(200, 1) series. The fix rebinds the new data through the same function before the call (so the line after
it compares windows with windows), proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

series_a = np.sin(np.arange(200) / 7.0).reshape(-1, 1).astype("float32")
series_b = np.cos(np.arange(200) / 7.0).reshape(-1, 1).astype("float32")


def to_windows(values, size=16):
    return np.stack([values[i:i + size] for i in range(len(values) - size + 1)])


x_fit = to_windows(series_a)
model = keras.Sequential([keras.Input(shape=(16, 1)), layers.Conv1D(4, 3, padding="same"), layers.Conv1D(1, 1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x_fit, x_fit, epochs=1, verbose=0)
recon = model.predict(series_b, verbose=0)
print(float(np.mean(np.abs(recon - series_b))))
'''


def test_the_new_series_is_cut_into_windows(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "recon = model.predict(series_b")
    first = finding["fixes"][0]
    assert first["code"] == "series_b = to_windows(series_b)" and first["proven"], first


TRANSPOSED = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
clips = rng.random((12, 4, 10, 10, 3)).astype("float32")
clips = np.transpose(clips, (0, 2, 3, 1, 4))
model = keras.Sequential([keras.Input((10, 10, 4, 3)), layers.Conv3D(4, 3, padding="same"),
                          layers.GlobalAveragePooling3D(), layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(clips, rng.integers(0, 2, 12), epochs=1, verbose=0)
frames = [rng.random((10, 10, 3)) for _ in range(4)]
window = np.expand_dims(np.array(frames), axis=0).astype("float32")
print(model.predict(window, verbose=0).shape)
'''


def test_the_new_window_is_transposed_like_the_training_clips(tmp_path):
    """The C3D video demo (r1010): the training clips were transposed frames-after-width; the demo's window
    of stacked frames was not."""
    report, _, proc = run_json(run_cli, tmp_path, TRANSPOSED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(TRANSPOSED, "window = np.expand_dims(")
    first = finding["fixes"][0]
    assert first["code"] == "window = np.transpose(window, (0, 2, 3, 1, 4))" and first["proven"], first
