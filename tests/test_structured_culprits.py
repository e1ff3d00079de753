"""Culprits in structured code: a layer attribute of a subclassed model or layer applied twice.

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend). The eager calls
inside ``call`` leave no Keras nodes, so the reuse is recognised from the calls already made in
the same forward pass; the separate layer is written as a new attribute next to the shared one
(or the unused twin attribute is called), never as a layer created inside ``call``.
"""

from __future__ import annotations


from conftest import report_of, run_plain

# A subclassed *layer* inside a functional model: the same Conv1D attribute after a widening conv.
ENCODER = '''import numpy as np
import keras
from keras import layers


class Encoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.smooth = layers.Conv1D(12, 3, padding="same")
        self.widen = layers.Conv1D(20, 1)

    def call(self, x):
        x = self.smooth(x)
        x = self.widen(x)
        return self.smooth(x)


inputs = keras.Input(shape=(30, {channels}))
x = Encoder()(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(6, 30, {channels}).astype("float32"), np.random.rand(6, 1), epochs=1, verbose=0)
'''

# A subclassed *model* fit eagerly: an Embedding-free tabular net with a spare twin attribute.
TWIN = '''import numpy as np
import keras
from keras import layers


class Scorer(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = layers.Dense(10, activation="tanh")
        self.second = layers.Dense({second})
        self.spare = layers.Dense(10, activation="tanh")
        self.head = layers.Dense(3, activation="softmax")

    def call(self, inputs):
        z = self.first(inputs)
        z = self.second(z)
        z = self.first(z)
        return self.head(z)


model = Scorer()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(12, 7).astype("float32"), np.random.randint(0, 3, size=(12,)), epochs=1, batch_size=4, verbose=0)
'''


def _finding(cli, tmp_path, text: str) -> dict:
    (tmp_path / "script.py").write_text(text)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_attribute_reused_in_a_subclassed_layer_is_the_reuse_and_gets_its_own_attribute(cli, tmp_path):
    finding = _finding(cli, tmp_path, ENCODER.format(channels=12))  # 12 in, widened to 20, smooth built on 12
    assert finding["id"] == "SD106"
    assert finding["culprit"]["line"] == 15  # the second `self.smooth(x)` in call()
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'self.smooth_2 = layers.Conv1D(12, 3, padding="same")\nreturn self.smooth_2(x)'


def test_the_written_attribute_fix_really_runs(cli, tmp_path):
    (tmp_path / "script.py").write_text(ENCODER.format(channels=12))
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    written = (tmp_path / "script.py").read_text()
    assert '        self.smooth_2 = layers.Conv1D(12, 3, padding="same")\n        self.widen' in written
    assert "        return self.smooth_2(x)\n" in written
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_an_unused_twin_attribute_is_called_instead_of_adding_one(cli, tmp_path):
    finding = _finding(cli, tmp_path, TWIN.format(second=6))  # first: 7 -> 10, second: 10 -> 6, first again on 6
    assert finding["id"] == "SD106"
    assert finding["culprit"]["line"] == 17
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "z = self.spare(z)"


def test_an_attribute_reused_on_the_same_width_is_not_flagged(cli, tmp_path):
    # second maps back to 7 features, the width `first` was built on: sharing is valid Keras.
    (tmp_path / "script.py").write_text(TWIN.format(second=7))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    report = report_of(proc)
    assert report["status"] == "ok" and proc.returncode == 0


def test_a_width_error_on_data_given_to_a_subclassed_model_later_stays_a_data_error(cli, tmp_path):
    # The model trained fine; predict then gets rows of another width. The first layer was called
    # before, but in an earlier forward pass: not a reused layer.
    text = TWIN.format(second=6).replace("        z = self.first(z)\n", "") + \
        "model.predict(np.random.rand(2, 9).astype(\"float32\"), verbose=0)\n"
    finding = _finding(cli, tmp_path, text)
    assert finding["id"] != "SD106"


# Two residual helpers side by side; the caller uses the identity one where the width changes.
BLOCKS = '''import numpy as np
import keras
from keras import layers


def plain_unit(t, width):
    skip = t
    t = layers.Conv1D(width, 3, padding="same", activation="relu")(t)
    t = layers.Conv1D(width, 3, padding="same")(t)
    return layers.Add()([t, skip])


def {sibling}(t, width, downsample=2):
    skip = {skip}
    t = layers.Conv1D(width, 3, strides=downsample, padding="same", activation="relu")(t)
    t = layers.Conv1D(width, 3, padding="same")(t)
    return layers.Add()([t, skip])


def make_net():
    inputs = keras.Input(shape=(40, 6))
    h = layers.Conv1D(8, 5, padding="same")(inputs)
    h = plain_unit(h, 24)
    h = plain_unit(h, 24)
    h = layers.GlobalMaxPooling1D()(h)
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(h))


net = make_net()
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(np.random.rand(6, 40, 6).astype("float32"), np.random.randint(0, 2, size=(6,)), epochs=1, verbose=0)
'''


def test_identity_helper_called_where_the_width_changes_names_the_call_and_calls_the_projecting_sibling(cli, tmp_path):
    text = BLOCKS.format(sibling="wide_unit", skip="layers.Conv1D(width, 1, strides=downsample)(t)")
    finding = _finding(cli, tmp_path, text)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 23  # the first `plain_unit(h, 24)` in make_net, not a line of the helper
    first = finding["fixes"][0]
    # Its default downsampling would halve the steps the identity block keeps: the stride is set to 1.
    assert first["verified"] and first["code"] == "h = wide_unit(h, 24, downsample=1)"


def test_a_sibling_whose_shortcut_is_also_the_input_is_not_offered(cli, tmp_path):
    text = BLOCKS.format(sibling="wide_unit", skip="t")
    finding = _finding(cli, tmp_path, text)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 7  # the helper's own `skip = t`, as before
    assert not any("wide_unit(" in (fix["code"] or "") for fix in finding["fixes"])
