"""Labels laid out as maps for a model that reshapes its own output to rows (real Keras; r695).

A segmenter ends in ``Reshape((H * W, classes))`` before its per-pixel softmax; one-hot masks of
``(n, H, W, classes)`` hold the same values per sample. The labels are laid out like the output,
``y.reshape(-1, H * W, classes)`` (row-major, as the model's Reshape reads its map), first and verified.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

masks = keras.utils.to_categorical(np.random.randint(0, 3, (20, 6, 6)), 3)
tiles = np.random.rand(20, 8, 8, 1).astype("float32")
tile_in = keras.Input(shape=(8, 8, 1))
h = layers.Conv2D(8, 3, activation="relu")(tile_in)
h = layers.Conv2D(3, 1)(h)
h = layers.Reshape((36, 3))(h)
probs = layers.Softmax()(h)
model = keras.Model(tile_in, probs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(tiles, masks, batch_size=5, epochs=1, verbose=0)
print("ok")
'''


def test_map_labels_are_laid_out_as_the_models_rows(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "masks = keras.utils.to_categorical(")
    first = finding["fixes"][0]
    assert first["verified"] and "masks.reshape(-1, 36, 3)" in first["code"]
