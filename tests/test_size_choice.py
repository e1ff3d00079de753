"""A size an ``Input`` declares is fixed where the user chose it (real Keras; ``run --json``).

* ``repair/size_origin.py`` follows a declared size back through tuples, names bound once,
  parameter defaults and the calls that build the model, to the expression that writes it.
* A U-Net whose input size (a parameter default made of a module constant) is not a multiple of its
  downsampling: the root cause is the constant's line and the proven fix rewrites the constant, so
  the data made with it follows.
* Data with ``n_fft // 2 + 1`` bins against ``build(input_dim=n_fft // 2)``, where a ``Reshape``
  reads ``input_dim`` too: re-declaring the Input alone fails in the replay; the fix at the call's
  argument is proven by running the patched script, and that argument is the root cause. The new
  size is written as the user's own expression adjusted by the difference (``n_fft // 2 + 1``).
* A character model whose ``vocab_size = len(vocab)`` (read by its Embedding and its Dense inside a
  subclass) misses the id StringLookup reserves for unknown characters: the fix is
  ``vocab_size = len(vocab) + 1`` on that line, proven, and that line is the root cause.
"""

from __future__ import annotations

import ast

from conftest import line_of, run_cli, run_json

from shapedoctor.repair.size_origin import size_origins

UNET = '''import numpy as np
import keras
from keras import layers

IMG = 30


def small_unet(input_size=(IMG, IMG, 1)):
    inputs = keras.Input(input_size)
    c1 = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    p1 = layers.MaxPooling2D(2)(c1)
    c2 = layers.Conv2D(8, 3, padding="same", activation="relu")(p1)
    p2 = layers.MaxPooling2D(2)(c2)
    c3 = layers.Conv2D(8, 3, padding="same", activation="relu")(p2)
    u2 = layers.UpSampling2D(2)(c3)
    m2 = layers.concatenate([c2, u2])
    u1 = layers.UpSampling2D(2)(m2)
    m1 = layers.concatenate([c1, u1])
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(m1)
    return keras.Model(inputs, outputs)


x = np.random.rand(8, IMG, IMG, 1).astype("float32")
model = small_unet()
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, (x > 0.5).astype("float32"), epochs=1, verbose=0)
'''

SPECTRA = '''import numpy as np
import keras
from keras import layers

n_fft = 128
frames = np.abs(np.fft.rfft(np.random.rand(16, 20, n_fft), axis=-1)).astype("float32")
labels = np.random.randint(0, 3, size=(16,))


def build(input_dim, classes):
    inputs = keras.Input((None, input_dim))
    x = layers.Reshape((-1, input_dim, 1))(inputs)
    x = layers.Conv2D(4, 3, padding="same", activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build(input_dim=n_fft // 2, classes=3)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(frames, labels, epochs=1, verbose=0)
'''


def _finding(tmp_path, source: str) -> dict:
    report, _, proc = run_json(run_cli, tmp_path, source)
    assert proc.returncode == 1, proc.stderr
    return report["findings"][0]


def _origins(source: str, text: str, rank: int):
    tree = ast.parse(source)
    line = line_of(source, text)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == line
                and getattr(n.func, "attr", getattr(n.func, "id", "")) == "Input")
    return size_origins(tree, call.args[0], line, rank)


def test_sizes_are_followed_through_defaults_constants_and_the_call_that_builds_the_model():
    unet = _origins(UNET, "keras.Input(input_size)", 3)
    assert [(o.line, o.value) for o in unet] == [(5, 30), (5, 30), (line_of(UNET, "def small_unet"), 1)]
    spectra = _origins(SPECTRA, "keras.Input((None, input_dim))", 2)
    call = line_of(SPECTRA, "model = build(")
    assert spectra[0] is None and (spectra[1].line, spectra[1].value) == (call, None)
    two_sources = SPECTRA.replace("model = build(input_dim=n_fft // 2, classes=3)",
                                  "model = build(input_dim=n_fft // 2, classes=3)\nother = build(64, 3)")
    assert _origins(two_sources, "keras.Input((None, input_dim))", 2) is None  # calls disagree: not followed


def test_an_unet_input_size_chosen_by_a_constant_is_fixed_at_the_constant(tmp_path):
    finding = _finding(tmp_path, UNET)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(UNET, "IMG = 30")
    first = finding["fixes"][0]
    assert first["code"] in ("IMG = 28", "IMG = 32") and first["line"] == line_of(UNET, "IMG = 30")
    assert first["verified"] and first["proven"]


def test_a_declared_width_chosen_at_the_call_that_builds_the_model_is_fixed_there(tmp_path):
    finding = _finding(tmp_path, SPECTRA)
    assert finding["id"] == "SD201"
    call = line_of(SPECTRA, "model = build(")
    assert finding["culprit"]["line"] == call
    first = finding["fixes"][0]
    assert "input_dim=n_fft // 2 + 1" in first["code"] and first["line"] == call  # the user's expression, adjusted
    assert first["verified"] and first["proven"]


CHARS = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

text = "the quick brown fox jumps over the lazy dog " * 20
vocab = sorted(set(text))
ids_from_chars = layers.StringLookup(vocabulary=vocab, mask_token=None)
ids = ids_from_chars(tf.strings.unicode_split(text, "UTF-8")).numpy()
windows = np.stack([ids[i:i + 11] for i in range(0, len(ids) - 11, 5)])
x, y = windows[:, :-1], windows[:, 1:]

vocab_size = len(vocab)


class CharModel(keras.Model):
    def __init__(self, vocab_size, embedding_dim):
        super().__init__()
        self.embedding = layers.Embedding(vocab_size, embedding_dim)
        self.gru = layers.GRU(16, return_sequences=True)
        self.dense = layers.Dense(vocab_size)

    def call(self, inputs):
        return self.dense(self.gru(self.embedding(inputs)))


model = CharModel(vocab_size=vocab_size, embedding_dim=8)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
'''


def test_a_vocabulary_size_read_by_several_layers_is_fixed_where_it_is_chosen(tmp_path):
    finding = _finding(tmp_path, CHARS)
    chosen = line_of(CHARS, "vocab_size = len(vocab)")
    first = finding["fixes"][0]
    assert first["code"] == "vocab_size = len(vocab) + 1" and first["line"] == chosen
    assert first["verified"] and first["proven"]
    assert finding["culprit"]["line"] == chosen


SHARED = '''import numpy as np
import keras
from keras import layers

units = 8
x = np.random.rand(48, 5).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, size=(48,)), 3)
model = keras.Sequential([
    keras.Input((5,)),
    layers.Dense(units, activation="relu"),
    layers.Dense(units, activation="relu"),
    layers.Dense(units, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_a_literal_shared_with_hidden_layers_is_not_rebound_for_the_output_layer(tmp_path):
    # `units = 3` would run, and would shrink both hidden layers to 3: the fix is the output's own units.
    finding = _finding(tmp_path, SHARED)
    codes = [fix["code"] for fix in finding["fixes"]]
    assert not any(code.strip().startswith("units =") for code in codes), codes
    assert "units=3" in codes[0].replace(" ", "") or "Dense(3" in codes[0]


FILLED_IN = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
clips = rng.normal(size=(64, 12)).astype("float32")
kinds = rng.integers(0, 4, size=64)
kinds[:4] = [0, 1, 2, 3]


def head(classes):
    return keras.Sequential([keras.Input(shape=(12,)), layers.Dense(8, activation="relu"),
                             layers.Dense(classes, activation="softmax")])


def train(x, y, classes=None):
    if classes is None:
        classes = int(np.max(y))
    model = head(classes)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x, y, epochs=1, verbose=0)
    return model


train(clips, kinds)
'''


def test_a_class_count_filled_in_from_the_largest_label_is_fixed_where_it_is_filled_in(tmp_path):
    """pyAudioClassification's ``num_classes = np.max(labels)`` for ids 0..3 (r1008): a parameter that
    defaults to None and is filled in by ``if classes is None:``; no call passes it, so the size is chosen
    on that line, and the largest id is one short of the count: ``+ 1`` there, proven."""
    report, _, proc = run_json(run_cli, tmp_path, FILLED_IN)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    filled = line_of(FILLED_IN, "classes = int(np.max(y))")
    assert finding["culprit"]["line"] == filled
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == filled and first["code"] == "classes = int(np.max(y)) + 1"


def test_a_parameter_filled_in_but_also_passed_by_a_call_is_not_followed(tmp_path):
    script = FILLED_IN.replace("train(clips, kinds)\n", "train(clips, kinds)\ntrain(clips, kinds, classes=4)\n")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert all(not f["code"].startswith("classes =") for f in report["findings"][0]["fixes"])


WRONG_NAME = '''import numpy as np
import keras
from keras import layers

max_features = 300
sequence_length = 40
reviews = np.random.default_rng(0).integers(0, max_features, size=(64, sequence_length))
liked = np.random.default_rng(1).integers(0, 2, size=64)
inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(sequence_length, 8)(inputs)
x = layers.GlobalAveragePooling1D()(x)
model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(reviews, liked, epochs=1, verbose=0)
'''


def test_a_layer_that_read_the_wrong_name_gets_the_right_name_not_a_new_value_for_the_wrong_one(tmp_path):
    """keras-io's text CNN with ``Embedding(sequence_length, ...)`` (r1061): ``max_features`` already holds the
    vocabulary size the Embedding needs, so the fix writes that name at the layer; giving ``sequence_length``
    the vocabulary's value would change the length every other reader of it gets."""
    report, _, proc = run_json(run_cli, tmp_path, WRONG_NAME)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    codes = [f["code"] for f in finding["fixes"]]
    assert codes[0] == "x = layers.Embedding(max_features, 8)(inputs)", codes
    assert not any(c.startswith("sequence_length =") for c in codes), codes
    assert finding["culprit"]["line"] == line_of(WRONG_NAME, "x = layers.Embedding(sequence_length, 8)(inputs)")


LEFT_OUT = '''import numpy as np
import keras
from keras import layers


def forecaster(steps, input_dim=1):
    x = keras.Input(shape=(steps, input_dim))
    return keras.Model(x, layers.Dense(1)(layers.Flatten()(x)))


steps, input_dim = 6, 3
series = np.random.default_rng(0).random((40, steps, input_dim)).astype("float32")
model = forecaster(steps)
model.compile(optimizer="adam", loss="mse")
model.fit(series, series[:, 0, :1], epochs=1, verbose=0)
'''


def test_a_default_the_call_leaves_out_is_passed_by_the_call_when_the_script_names_the_size(tmp_path):
    """n-beats #58 (r1048): the model function's ``input_dim=1`` default, the call leaving it out while the
    script holds ``input_dim = 3``: the maintainer's fix passes ``input_dim=input_dim`` at the call (the
    default stays for other uses), and that call is the root cause."""
    report, _, proc = run_json(run_cli, tmp_path, LEFT_OUT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    call = line_of(LEFT_OUT, "model = forecaster(steps)")
    assert finding["culprit"]["line"] == call
    first = finding["fixes"][0]
    assert first["code"] == "model = forecaster(steps, input_dim=input_dim)" and first["line"] == call
    assert first["verified"]
