"""A validation folder read without the training folder's ``image_size`` (real Keras, real PNG files).

TensorFlow transfer-learning tutorial (r516): ``image_dataset_from_directory(validation_dir,
batch_size=...)`` resizes to its default (256, 256); the model was built and trained for
``IMG_SIZE``. At ``evaluate`` the trained model cannot be re-declared: the loader's line is the root
cause and gets ``image_size=IMG_SIZE``, spelled like the training loader's.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import os
import tempfile

import numpy as np
import tensorflow as tf
import keras

root = tempfile.mkdtemp()
rng = np.random.default_rng(0)
for split in ["train", "val"]:
    for label in ["a", "b"]:
        os.makedirs(os.path.join(root, split, label))
        for i in range(4):
            picture = rng.integers(0, 256, size=(40, 40, 3), dtype=np.uint8)
            tf.io.write_file(os.path.join(root, split, label, f"{i}.png"), tf.io.encode_png(picture))
IMG_SIZE = (24, 24)
train = keras.utils.image_dataset_from_directory(os.path.join(root, "train"), batch_size=4, image_size=IMG_SIZE)
val = keras.utils.image_dataset_from_directory(os.path.join(root, "val"), batch_size=4)
model = keras.Sequential([keras.Input(IMG_SIZE + (3,)), keras.layers.Conv2D(4, 3),
                          keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train, epochs=1, verbose=0)
model.evaluate(val, verbose=0)
'''


def test_validation_loader_gets_the_training_image_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'val = keras.utils.image_dataset_from_directory(')
    fix = finding["fixes"][0]
    assert fix["verified"] and fix["code"].endswith('batch_size=4, image_size=IMG_SIZE)')
