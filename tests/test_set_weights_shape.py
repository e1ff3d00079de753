"""``layer.set_weights([matrix])`` with an array of another shape than the layer's weight (real Keras).

keras-io's pretrained word embeddings example (r635): the Embedding is made with ``num_tokens`` rows and
the matrix loaded into it with two rows fewer. Keras refuses it in ``set_weights``, outside any layer
call, naming neither the matrix nor its line. The matrix's line is the cause, and the fix writes the
size the layer was made with, in the layer's own spelling, proven by running the patched script. An
array whose shape is not written where it was made gets the finding with no fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

vocab_size = 30
dim = 8
table = np.zeros((vocab_size, dim))
lookup = layers.Embedding(input_dim=vocab_size + 1, output_dim=dim, trainable=False)
lookup.build((1,))
lookup.set_weights([table])
model = keras.Sequential([keras.Input((5,), dtype="int32"), lookup, layers.GlobalAveragePooling1D(), layers.Dense(1)])
print(model.predict(np.ones((2, 5), dtype="int32"), verbose=0).shape)
'''


def test_the_matrix_line_gets_the_layers_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD102"
    assert finding["consumer"]["line"] == line_of(SCRIPT, "lookup.set_weights(")
    assert finding["culprit"]["kind"] == "data" and finding["culprit"]["line"] == line_of(SCRIPT, "table = np.zeros(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "table = np.zeros((vocab_size + 1, dim))", first
    written = written_and_run(run_cli, tmp_path)
    assert "np.zeros((vocab_size + 1, dim))" in written


def test_an_array_without_written_sizes_is_named_without_a_fix(tmp_path):
    loaded = SCRIPT.replace("table = np.zeros((vocab_size, dim))", "table = np.load(__file__ + '.npy')").replace(
        "import keras\n", "import keras\nnp.save(__file__ + '.npy', np.zeros((30, 8)))\n")
    report, _, proc = run_json(run_cli, tmp_path, loaded)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(loaded, "table = np.load(")
    assert finding["fixes"] == []


def test_a_twin_built_on_a_dummy_of_the_wrong_width(tmp_path):
    # The weights come from a model of 20 features; the subclassed twin was built by one dummy call on 12.
    script = '''import numpy as np
import keras
from keras import ops

inp = keras.Input(shape=(20,))
source = keras.Model(inp, keras.layers.Dense(3)(keras.layers.Dense(8)(inp)))


class Twin(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(8)
        self.head = keras.layers.Dense(3)

    def call(self, x):
        return self.head(self.hidden(x))


twin = Twin()
twin(ops.zeros((2, 12)))
twin.set_weights(source.get_weights())
print(twin.predict(np.random.rand(4, 20), verbose=0).shape)
'''
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "twin(ops.zeros((2, 12)))")
    first = finding["fixes"][0]
    assert first["code"] == "twin(ops.zeros((2, 20)))" and first["proven"]


PADDED = '''import numpy as np
import keras
from keras import layers

words = {f"w{i}": i + 1 for i in range(40)}


def glove_matrix(index, dim):
    matrix = np.zeros((len(index) + 1, dim))  # row 0 stays zero for the padding id
    for word, i in index.items():
        matrix[i] = np.random.rand(dim)
    return matrix


n_words = len(words)
ids = keras.Input(shape=(6,))
vectors = layers.Embedding(n_words, 8, name="glove")(ids)
model = keras.Model(ids, layers.Dense(1)(layers.GlobalAveragePooling1D()(vectors)))
model.get_layer("glove").set_weights([glove_matrix(words, 8)])
print("loaded")
'''


def test_a_matrix_built_by_a_helper_with_a_padding_row_sizes_the_layer(tmp_path):
    # the array's sizes are not written where it is made: the Embedding gets the row it lacks
    report, _, proc = run_json(run_cli, tmp_path, PADDED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(PADDED, 'layers.Embedding(n_words, 8, name="glove")')
    first = finding["fixes"][0]
    assert first["code"] == 'vectors = layers.Embedding(n_words + 1, 8, name="glove")(ids)' and first["proven"], first
