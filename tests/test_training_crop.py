"""New images of the full size for a model trained on cropped ones (real Keras).

cpgeier/SantosNet#8 (r1122): the steering CNN is trained on the lower road half of each frame,
``frame[ROAD_H:, :, :]``, and the drive loop predicts on whole frames. The maintainer's answer crops them the same
way; a resize to (32, 128), which Keras also accepts, squashed the frame and was shown verified before. Now the crop
is the fix; with no crop in the script the resize stays (tests/test_predict_resized_photo.py).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

H, W, HALF = 16, 24, 8
rng = np.random.default_rng(0)
frames = rng.random((40, H, W, 3)).astype("float32")
x_train = np.array([f[HALF:, :, :] for f in frames])
model = keras.Sequential([keras.Input(shape=(HALF, W, 3)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, rng.integers(0, 3, 40), epochs=1, verbose=0)
frame = rng.random((H, W, 3)).astype("float32")
batch = np.array([frame])
print(model.predict(batch, verbose=0).shape)
'''


def test_the_new_frames_are_cropped_like_the_training_frames(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    codes = [f["code"] for f in finding["fixes"]]
    assert codes[0] == "batch = batch[:, HALF:, :, :]" and finding["fixes"][0]["verified"]
    assert not any("resize" in c for c in codes)
    assert finding["fixes"][0]["line"] == line_of(SCRIPT, "batch = np.array([frame])") + 1
