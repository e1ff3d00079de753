"""A shortcut pooled like the main branch is written as the user wrote that branch's pooling (real Keras).

keras-team/keras #16925 (r600): a residual ``Add`` after a second ``MaxPool2D(pool_size=(2, 2),
padding="same")`` on the main branch only. The fix pools the shortcut the same way; the script imports
the ``MaxPool2D`` alias and writes its window as ``(2, 2)``, so the inserted pooling is that call,
copied: ``MaxPool2D(pool_size=(2, 2), padding="same")(shortcut)``.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras.layers import Add, Conv2D, Dense, GlobalAveragePooling2D, Input, MaxPool2D

visible = Input(shape=(64, 64, 3))
x = Conv2D(8, 3, padding="same", activation="relu")(visible)
shortcut = MaxPool2D(pool_size=(2, 2), padding="same")(x)
x = Conv2D(8, 3, padding="same", activation="relu")(shortcut)
x = MaxPool2D(pool_size=(2, 2), padding="same")(x)
x = Add()([x, shortcut])
model = keras.Model(visible, Dense(1, activation="sigmoid")(GlobalAveragePooling2D()(x)))
print(model.predict(np.zeros((2, 64, 64, 3), "float32"), verbose=0).shape)
'''


def test_the_inserted_pooling_copies_the_main_branch_call(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"], first
    assert first["code"] == 'shortcut = MaxPool2D(pool_size=(2, 2), padding="same")(shortcut)', first
