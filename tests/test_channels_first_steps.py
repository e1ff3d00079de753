"""Audio laid out (channels, steps) for a channels-last window layer (real Keras).

kapre's maintainer on stereo audio given as (2, samples) to an STFT layer told ``channels_last``: "I passed
channels_last where I should've set channels_first" (r1119). Keras 3's ``STFTSpectrogram`` slides its 512-sample
frame over the 2 channels and refuses. The layer is the root cause and ``data_format="channels_first"`` the fix
(proven); ``padding="same"``, which Keras also accepts, would slide over 2 positions with 16000 channels each
(4,112,000 values per clip) and is not offered. Before, a rule for strided stacks crashed on the layer's
missing kernel size and the run ended in "internal error while diagnosing".
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
audio = rng.normal(size=(24, 2, 4000)).astype("float32")
labels = rng.integers(0, 3, size=24)

inputs = keras.Input(shape=(2, 4000))
spec = layers.STFTSpectrogram(frame_length=256, frame_step=128, data_format="channels_last")(inputs)
outputs = layers.Dense(3, activation="softmax")(layers.Flatten()(spec))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(audio, labels, epochs=1, verbose=0)
'''


def test_the_layer_is_told_the_channels_first_layout(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "spec = layers.STFTSpectrogram(")
    assert finding["culprit"]["line"] == line
    assert [f["code"] for f in finding["fixes"]] == [
        'spec = layers.STFTSpectrogram(frame_length=256, frame_step=128, data_format="channels_first")(inputs)']
    assert finding["fixes"][0]["verified"]
    assert "(channels, steps)" in finding["explanation"]
