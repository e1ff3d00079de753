"""One decoding step given its tokens without the time axis (real Keras).

A decoder trained on (batch, steps) ids is called by hand in a greedy loop; its first step is sliced
as ``targets[:, 0]``, a (batch,) vector, so the layer's own code meets a tensor one axis short. The root
cause is the line that made the step's input (a plain or a tuple-unpacking assignment); the only fix gives
it the time axis in place, proven by running the patched script. A layer made as an attribute and
applied where no call can be read gets no layer inserted into its assignment.
"""

from __future__ import annotations

from pathlib import Path

from conftest import line_of, run_cli, run_json

# The valid twin lives in the corpus (v009: every step a (batch, 1) column); the bug slices the first step flat.
DECODER = (Path(__file__).parent / "corpus" / "v009_subclassed_seq2seq_tuple_inputs_greedy_decoding" / "script.py"
           ).read_text().replace("token = targets[:3, :1]", "token = targets[:3, 0]")


def test_the_first_step_sliced_without_its_time_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, DECODER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD101" and finding["received"] == "(3,)"
    assert finding["culprit"]["line"] == line_of(DECODER, "token = targets[:3, 0]")
    assert [f["code"] for f in finding["fixes"]] == ["token = np.expand_dims(targets[:3, 0], 1)"]
    assert finding["fixes"][0]["proven"]


def test_a_step_unpacked_from_a_tuple_is_fixed_inside_the_tuple(tmp_path):
    source = DECODER.replace("states = model.encode(source[:3])\ntoken = targets[:3, 0]\n",
                             "states, token = model.encode(source[:3]), targets[:3, 0]\n")
    report, _, proc = run_json(run_cli, tmp_path, source)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(source, "states, token = model.encode")
    assert [f["code"] for f in finding["fixes"]] == [
        "states, token = model.encode(source[:3]), np.expand_dims(targets[:3, 0], 1)"]
    assert finding["fixes"][0]["proven"]


def test_a_step_with_its_time_axis_is_fine(tmp_path):
    fine = DECODER.replace("token = targets[:3, 0]", "token = targets[:3, :1]")  # the corpus twin itself
    report, _, proc = run_json(run_cli, tmp_path, fine)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


ATTRIBUTE = '''import numpy as np
import keras
from keras import layers


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.rnn = layers.LSTM(4)
        self.out = layers.Dense(1)

    def call(self, x):
        return self.out(self.rnn(x))


net = Net()
seq = np.random.rand(8, 5).astype("float32")
print(net.rnn(seq).shape)
'''


def test_a_layer_is_never_inserted_into_an_attribute_assignment(tmp_path):
    # `self.rnn = layers.LSTM(4)` is no list of layers: writing `Reshape(...), LSTM(4)` there makes a tuple
    report, _, proc = run_json(run_cli, tmp_path, ATTRIBUTE)
    assert proc.returncode == 1, proc.stderr
    fixes = report["findings"][0]["fixes"]
    assert fixes[0]["code"] == "seq = np.expand_dims(seq, -1)" and fixes[0]["proven"]
    inserted = [f for f in fixes if f["title"].startswith(("repeat the vector", "add a feature axis of size 1"))]
    assert inserted and all(not f.get("patch") for f in inserted)
