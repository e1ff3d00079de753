"""SD205 (a merge silently broadcasting a per-sample scalar) fires on a producer sized wrong, not
on a scalar the program computes on purpose (real Keras, `shapedoctor run --json`)."""

from __future__ import annotations

import textwrap

from conftest import report_of

HEAD = """\
import numpy as np
import keras
from keras import layers, ops

x = np.random.rand(32, 16).astype("float32")
y = np.random.rand(32, 1).astype("float32")
inp = keras.Input((16,))
features = layers.Dense(8)(inp)
"""


def _run(cli, tmp_path, body: str) -> dict:
    script = tmp_path / "script.py"
    script.write_text(HEAD + textwrap.dedent(body))
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))


def test_a_one_unit_gate_stretched_over_features_is_flagged_at_the_gate(cli, tmp_path):
    report = _run(cli, tmp_path, """\
        gate = layers.Dense(1, activation="sigmoid")(inp)
        out = layers.Multiply()([gate, features])
        model = keras.Model(inp, layers.Dense(1)(out))
        model.compile(loss="mse")
        model.fit(x, y, epochs=1, verbose=0)
        """)
    assert report["status"] == "warning"
    finding = report["findings"][0]
    assert finding["id"] == "SD205" and finding["culprit"]["line"] == 9
    assert any(f["verified"] and "Dense(8" in f["code"] for f in finding["fixes"])


class _Share:  # the weight is computed: one softmax share per sample, cut from a wider output
    CODE = """\
        class Share(layers.Layer):
            def call(self, t):
                return ops.softmax(t, axis=-1)[:, :1]

        weight = Share()(layers.Dense(3)(inp))
        out = layers.Multiply()([weight, features])
        model = keras.Model(inp, layers.Dense(1)(out))
        model.compile(loss="mse")
        model.fit(x, y, epochs=1, verbose=0)
        """


def test_a_computed_per_sample_weight_is_not_a_warning(cli, tmp_path):
    report = _run(cli, tmp_path, _Share.CODE)
    assert report["status"] == "ok", report["findings"]
