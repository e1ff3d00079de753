"""Layers built by a line that runs several times: a loop over a layer list made by multiplying
a one-layer list (``[layers.Dense(16)] * 3``), which repeats one layer object.

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend). The culprit is
the line that multiplied the list (not the loop's call that Keras names), and the fix, a
comprehension that creates one layer per item, is written there and really runs.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import report_of

# A tabular MLP whose hidden stack is one Dense repeated: built on 5 features, then fed its own 16.
STACK = '''import numpy as np
import keras
from keras import layers

depth = 3
inputs = keras.Input(shape=({features},))
hidden = {stack}
h = inputs
for dense in hidden:
    h = dense(h)
    h = layers.Dropout(0.1)(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(12, {features}).astype("float32"), np.random.rand(12, 1), epochs=1, batch_size=4, verbose=0)
'''
LEFT = 'depth * [layers.Dense(16, activation="relu")]'
RIGHT = '[layers.Dense(16, activation="relu")] * depth'


def _finding(cli, tmp_path, text: str) -> dict:
    (tmp_path / "script.py").write_text(text)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_multiplied_layer_list_names_the_list_line_and_creates_one_layer_per_item(cli, tmp_path):
    finding = _finding(cli, tmp_path, STACK.format(features=5, stack=RIGHT))
    assert finding["id"] == "SD106"
    assert finding["culprit"]["line"] == 7  # `hidden = [...] * depth`, not the loop's `h = dense(h)`
    assert finding["consumer"]["line"] == 10
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'hidden = [layers.Dense(16, activation="relu") for _ in range(depth)]'


def test_the_written_comprehension_really_runs_with_the_count_on_the_left(cli, tmp_path):
    (tmp_path / "script.py").write_text(STACK.format(features=5, stack=LEFT))
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    written = (tmp_path / "script.py").read_text()
    assert 'hidden = [layers.Dense(16, activation="relu") for _ in range(depth)]\n' in written
    assert subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True).returncode == 0


def test_a_multiplied_list_on_its_own_width_is_valid_sharing_and_stays_ok(cli, tmp_path):
    # 16 features in, 16 out: the one shared Dense fits every call; Keras accepts it, so must we.
    (tmp_path / "script.py").write_text(STACK.format(features=16, stack=RIGHT))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    assert report_of(proc)["status"] == "ok" and proc.returncode == 0


# A layer kept in a variable and applied twice (no list): the answer stays the second call.
PLAIN = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(24, 24, 1))
smooth = layers.Conv2D(8, 3, padding="same")
x = smooth(inputs)
x = smooth(x)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 24, 24, 1).astype("float32"), np.random.rand(4, 1), epochs=1, verbose=0)
'''


def test_a_layer_variable_applied_twice_keeps_the_second_call_and_no_dense_per_pixel(cli, tmp_path):
    finding = _finding(cli, tmp_path, PLAIN)
    assert finding["id"] == "SD106"
    assert finding["culprit"]["line"] == 8
    assert finding["fixes"][0]["verified"]
    assert finding["fixes"][0]["code"] == 'x = layers.Conv2D(8, 3, padding="same")(x)'
    # A Dense on the (24, 24, 8) map would project each pixel apart: not offered as a projection.
    assert not any("Dense(" in (fix["code"] or "") for fix in finding["fixes"])
