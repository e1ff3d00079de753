"""Layers built by a line that runs several times: a loop over a layer list made by multiplying
a one-layer list (``[layers.Dense(16)] * 3``), which repeats one layer object.

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend). The culprit is
the line that multiplied the list (not the loop's call that Keras names), and the fix, a
comprehension that creates one layer per item, is written there and really runs.
"""

from __future__ import annotations


from conftest import report_of, run_plain

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
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


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


# A 1-D signal classifier whose blocks come from a loop; each pass shrinks the 30 steps by a valid
# Conv1D (k - 1) and a stride-2 pooling. {loop} sets the passes.
SIGNAL = '''import numpy as np
import keras
from keras import layers

widths = (8, 16, 32, 64)
inputs = keras.Input(shape=(30, 2))
h = inputs
{loop}
    h = layers.Conv1D({width}, 5, activation="relu")(h)
    h = layers.AveragePooling1D(2)(h)
h = layers.GlobalAveragePooling1D()(h)
model = keras.Model(inputs, layers.Dense(3, activation="softmax")(h))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(6, 30, 2).astype("float32"), np.random.randint(0, 3, size=(6,)), epochs=1, verbose=0)
'''


def test_a_range_loop_that_shrinks_the_signal_away_gets_a_smaller_count_that_runs(cli, tmp_path):
    # 30 -> conv 26 -> pool 13 -> conv 9 -> pool 4 -> conv: 4 - 5 + 1 < 1 on pass 3.
    (tmp_path / "script.py").write_text(SIGNAL.format(loop="for _ in range(4):", width=16))
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == 8  # the `for` line with the count, not the Conv1D
    assert finding["consumer"]["line"] == 9
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "for _ in range(2):"
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "for _ in range(2):\n" in (tmp_path / "script.py").read_text()
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_a_loop_over_a_named_tuple_shortens_the_tuple_where_it_is_assigned(cli, tmp_path):
    (tmp_path / "script.py").write_text(SIGNAL.format(loop="for width in widths:", width="width"))
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == 5
    assert finding["fixes"][0]["verified"] and finding["fixes"][0]["code"] == "widths = (8, 16)"


def test_a_loop_whose_passes_all_fit_stays_ok(cli, tmp_path):
    (tmp_path / "script.py").write_text(SIGNAL.format(loop="for _ in range(2):", width=16))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    assert report_of(proc)["status"] == "ok" and proc.returncode == 0


def test_a_window_too_big_on_the_first_pass_keeps_the_layer_answer(cli, tmp_path):
    # Fails on pass 1 (a 40-wide kernel on 30 steps): no earlier pass fitted, so the loop's data
    # is not the cause; the Conv1D stays the culprit and no loop count is offered.
    text = SIGNAL.format(loop="for _ in range(4):", width=16).replace("Conv1D(16, 5,", "Conv1D(16, 40,")
    (tmp_path / "script.py").write_text(text)
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == 9
    assert not any("range(" in (fix["code"] or "") for fix in finding["fixes"])


# A Conv1D block loop whose pooled head was indented into the loop ({indent}) or written after it.
HEAD = '''import numpy as np
import keras
from keras import layers


def build(steps, channels):
    inputs = keras.Input(shape=(steps, channels))
    h = inputs
    for width in (12, 24):
        h = layers.Conv1D(width, 3, padding="same", activation="relu")(h)
        h = layers.MaxPooling1D(2)(h)
{indent}h = layers.GlobalAveragePooling1D()(h)
{indent}h = layers.Dense(8, activation="relu")(h)
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(h))


model = build({steps}, 3)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(6, 40, 3).astype("float32"), np.random.randint(0, 2, size=(6,)), epochs=1, verbose=0)
'''


def test_a_head_indented_into_the_block_loop_is_moved_out_and_the_written_script_runs(cli, tmp_path):
    (tmp_path / "script.py").write_text(HEAD.format(indent=" " * 8, steps=40))
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == 12  # the GlobalAveragePooling1D that ends the pass with a vector
    assert finding["consumer"]["line"] == 10
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == ("    h = layers.GlobalAveragePooling1D()(h)\n"
                             '    h = layers.Dense(8, activation="relu")(h)')
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "script.py").read_text() == HEAD.format(indent=" " * 4, steps=40)
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_the_head_written_after_the_loop_stays_ok(cli, tmp_path):
    (tmp_path / "script.py").write_text(HEAD.format(indent=" " * 4, steps=40))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    assert report_of(proc)["status"] == "ok" and proc.returncode == 0


def test_a_rank_error_on_the_first_pass_is_not_read_as_a_head_in_the_loop(cli, tmp_path):
    # Input((40,)) of rank 2: the first pass's Conv1D already refuses it; the declaration stays the answer.
    text = HEAD.format(indent=" " * 4, steps=40).replace("keras.Input(shape=(steps, channels))",
                                                         "keras.Input(shape=(steps,))")
    (tmp_path / "script.py").write_text(text)
    finding = report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == 7
    assert not any("out of the loop" in fix["title"] for fix in finding["fixes"])
