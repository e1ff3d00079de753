"""A global pooling given the frames axis of a TimeDistributed image model (real Keras).

TensorFlow's video-classification tutorial (r604) pools ``TimeDistributed`` frame features with
``GlobalAveragePooling3D``; written ``GlobalAveragePooling2D`` it refuses (None, frames, h, w, c). The
same pooling one dimension higher is the first fix, verified and written in place.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

frame_net = keras.Sequential([keras.Input((16, 16, 3)), layers.Conv2D(6, 3, activation="relu")])
model = keras.Sequential([
    keras.Input((5, 16, 16, 3)),
    layers.TimeDistributed(frame_net),
    layers.GlobalMaxPooling2D(),
    layers.Dense(4),
])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
rng = np.random.default_rng(0)
model.fit(rng.random((8, 5, 16, 16, 3)), rng.integers(0, 4, size=8), epochs=1, verbose=0)
'''


def test_the_pooling_one_dimension_higher_comes_first(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "layers.GlobalMaxPooling3D(),", finding["fixes"]
    assert first["line"] == line_of(SCRIPT, "layers.GlobalMaxPooling2D(),")
