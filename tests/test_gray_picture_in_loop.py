"""One grayscale picture among colour ones, predicted one by one in a loop (real Keras).

The YAD2K thread (allanzelener/YAD2K#178, r482): a colour detector run over a folder of test images
fails on the one grayscale scan, (1, 64, 64) after the batch axis is added. The picture's line is the
root cause (``np.expand_dims(x, 0)`` only adds the batch axis); the fix converts only the grayscale
pictures (guarded by their rank), since the loop's other pictures are already in colour.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D()])


def read_picture(i):
    shape = (32, 32) if i == 0 else (32, 32, 3)
    return np.random.default_rng(i).random(shape).astype("float32")


for i in range(3):
    picture = read_picture(i) * 2.0 - 1.0
    picture = np.expand_dims(picture, 0)
    print(model.predict(picture, verbose=0).shape)
'''


def test_gray_picture_among_colour_ones_is_converted_under_a_guard(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "picture = read_picture(i)")
    fix = finding["fixes"][0]
    assert fix["verified"]
    assert fix["code"].startswith("if picture.ndim == 2:")
    written = written_and_run(run_cli, tmp_path)  # the colour pictures pass through unchanged
    assert "    if picture.ndim == 2:" in written and "        picture = np.stack((picture,) * 3, axis=-1)" in written
