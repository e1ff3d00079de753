"""One photo of its own size given to a trained fixed-size model's ``predict`` (real Keras).

The model was trained on 32x32 patches; a photo of 50x40 is wrapped in a batch of one where it is passed,
``predict(np.expand_dims(photo, axis=0))``. The trained model stays as it is: the photo is resized to the
model's size right after the line that made it (the SRGAN thread's answer, r915), verified.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

patches = np.random.rand(16, 32, 32, 3).astype("float32")
model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.fit(patches, np.random.rand(16, 2), epochs=1, verbose=0)
photo = np.random.rand(50, 40, 3).astype("float32")
print(model.predict(np.expand_dims(photo, axis=0), verbose=0).shape)
'''


def test_the_photo_is_resized_to_the_trained_models_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "photo = np.random.rand(50, 40, 3)")
    first = finding["fixes"][0]
    assert first["code"] == "photo = keras.ops.image.resize(photo, (32, 32))" and first["verified"], first
