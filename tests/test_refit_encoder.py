"""Validation labels one-hot encoded by fitting the encoder again, on a split that lacks a class (real Keras).

sktime #5864 / sktime-dl pull request #132 (r595): the validation labels were encoded by refitting the
encoder on their own classes, 3 columns against a 4-unit softmax. The validation encoding line is the
cause; the fix reuses the training fit: ``enc.transform(y_val)`` for an encoder object refitted with
``fit_transform``, or the fitted classes passed to a helper's parameter of that name. Proven by running
the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras


class Binarizer:
    def fit_transform(self, y):
        self.classes_ = np.unique(y)
        return self.transform(y)

    def transform(self, y):
        return np.eye(len(self.classes_))[np.searchsorted(self.classes_, y)]


rng = np.random.default_rng(1)
x_tr, x_va = rng.random((80, 5)), rng.random((20, 5))
y_tr = rng.choice(["a", "b", "c", "d"], size=80)
y_va = rng.choice(["a", "b", "d"], size=20)
enc = Binarizer()
t_tr = enc.fit_transform(y_tr)
t_va = enc.fit_transform(y_va)
inputs = keras.Input((5,))
model = keras.Model(inputs, keras.layers.Dense(4, activation="softmax")(inputs))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_tr, t_tr, epochs=1, verbose=0, validation_data=(x_va, t_va))
'''


def test_the_refitted_encoding_is_the_cause_and_reuses_the_training_fit(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "t_va = enc.fit_transform(y_va)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "t_va = enc.transform(y_va)", finding["fixes"]
