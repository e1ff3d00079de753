"""The root cause is the line an expert edits, also when the call is written over several lines, and
a model built from nested Sequential blocks is searched inside those blocks (real Keras, under
``shapedoctor.watch()``).

* Labels passed to a ``fit`` call written over several lines are traced to the line that made them
  (the call's own text is read from the file, not from its first line alone).
* A loss named in a ``compile`` call written over several lines: the root cause is the ``loss=``
  line, where the fix is written.
* An output made by a Sequential called inside the model (a decoder block): the layer inside it that
  sets the output's width is the one edited, on its own line of the ``Sequential([...])`` list.
"""

from __future__ import annotations

from conftest import line_of, watched_finding

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\nimport tensorflow as tf\n\n"

MULTILINE_FIT = '''x = np.random.rand(40, 12).astype("float32")
ids = np.random.randint(0, 4, size=(40, 1))
y = tf.one_hot(ids, depth=4)
model = keras.Sequential([keras.Input((12,)), layers.Dense(16, activation="relu"),
                          layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x,
          y,
          epochs=1, verbose=0)
'''

MULTILINE_COMPILE = '''x = np.random.rand(40, 12).astype("float32")
y = np.random.randint(0, 4, size=(40,))
model = keras.Sequential([keras.Input((12,)), layers.Dense(16, activation="relu"),
                          layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam",
              loss="categorical_crossentropy",
              metrics=["accuracy"])
model.fit(x, y, epochs=1, verbose=0)
'''

NESTED_HEAD = '''x = np.random.rand(40, 12).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, size=(40,)), 3)
head = keras.Sequential([
    layers.Dense(16, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
inputs = keras.Input((12,))
outputs = head(layers.Dense(8, activation="relu")(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def _line(body: str, text: str) -> int:
    return line_of(HEAD + body, text)


def test_labels_of_a_fit_call_over_several_lines_are_traced_to_where_they_were_made(tmp_path):
    finding = watched_finding(tmp_path, HEAD + MULTILINE_FIT)
    assert finding["id"] == "SD202"
    assert finding["culprit"]["kind"] == "labels"
    assert finding["culprit"]["line"] == _line(MULTILINE_FIT, "y = tf.one_hot(ids, depth=4)")


def test_a_loss_in_a_compile_call_over_several_lines_is_blamed_on_its_own_line(tmp_path):
    finding = watched_finding(tmp_path, HEAD + MULTILINE_COMPILE)
    assert finding["culprit"]["kind"] == "loss"
    assert finding["culprit"]["line"] == _line(MULTILINE_COMPILE, 'loss="categorical_crossentropy"')
    assert any("sparse_categorical_crossentropy" in f["code"] and f["verified"] for f in finding["fixes"])


def test_the_width_of_a_layer_inside_a_nested_sequential_is_searched_and_fixed(tmp_path):
    finding = watched_finding(tmp_path, HEAD + NESTED_HEAD)
    line = _line(NESTED_HEAD, 'layers.Dense(5, activation="softmax"),')
    verified = [f for f in finding["fixes"] if f["verified"]]
    assert verified and verified[0]["line"] == line
    assert 'layers.Dense(3, activation="softmax"),' in verified[0]["code"]
    assert verified[0]["result_shape"] == "(None, 3)"


NESTED_BASE = '''base_in = keras.Input((32, 32, 3))
base = keras.Model(base_in, layers.Conv2D(8, 3)(base_in), name="backbone")
augment = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)])
inputs = keras.Input(shape=(24, 24, 3))
x = augment(inputs)
x = x / 127.5 - 1
x = base(x)
outputs = layers.Dense(1)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs)
'''


def test_a_backbone_built_for_another_size_names_the_input_past_augmentation_and_scaling(tmp_path):
    finding = watched_finding(tmp_path, HEAD + NESTED_BASE)
    assert finding["id"] == "SD102"
    # the augmentation block and the scaling ops keep the shape: the size was declared by the Input
    assert finding["culprit"]["line"] == _line(NESTED_BASE, "inputs = keras.Input(shape=(24, 24, 3))")
    assert finding["expected"] == "(None, 32, 32, 3)"
    first = finding["fixes"][0]
    assert first["verified"] and "shape=(32, 32, 3)" in first["code"] and first["line"] == finding["culprit"]["line"]
