"""A categorical loss object called on class ids in a model's own ``compute_loss`` (real Keras).

keras-io knowledge distillation (r513): ``student_loss_fn=keras.losses.CategoricalCrossentropy(...)``
with integer digit labels. The line that created the loss is the root cause; the fix writes its
sparse twin there, proven by the patched run. One-hot labels (floats) keep the old reading.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras


class Graded(keras.Model):
    def configure(self, grade_loss):
        self.grade_loss = grade_loss

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, allow_empty=False):
        return self.grade_loss(y, y_pred)


inp = keras.Input((5,))
model = Graded(inp, keras.layers.Dense(4)(inp))
model.compile(optimizer="adam")
model.configure(keras.losses.CategoricalCrossentropy(from_logits=True))
rng = np.random.default_rng(5)
model.fit(rng.random((40, 5)), rng.integers(0, 4, size=40), epochs=1, batch_size=8, verbose=0)
'''


def test_categorical_loss_object_on_class_ids(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "loss"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.configure(")
    assert [f["code"] for f in finding["fixes"]] == [
        "model.configure(keras.losses.SparseCategoricalCrossentropy(from_logits=True))"]
    assert "SparseCategoricalCrossentropy(from_logits=True)" in written_and_run(run_cli, tmp_path)


def test_float_labels_are_not_read_as_class_ids(tmp_path):
    script = SCRIPT.replace("rng.integers(0, 4, size=40)", "rng.random(40)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert report["findings"][0]["culprit"]["line"] != line_of(script, "model.configure(")
