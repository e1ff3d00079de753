"""An output axis made of one layer per loop step, the loop counting the wrong number (real Keras).

ankandrew/fast-plate-ocr: one softmax head per character slot built in a loop, concatenated and
reshaped to (slots, vocab); 11-character labels need 11 heads, the loop made 7 (r450). The loop's
line is the root cause and counts the labels' size, with the script's own name for it.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

SLOTS = 5
SYMBOLS = 4
images = np.random.rand(32, 16, 16, 1).astype("float32")
codes = keras.utils.to_categorical(np.random.randint(0, SYMBOLS, (32, SLOTS)), SYMBOLS)
inputs = keras.Input(shape=(16, 16, 1))
x = layers.GlobalAveragePooling2D()(layers.Conv2D(8, 3, activation="relu")(inputs))
heads = [layers.Dense(SYMBOLS, activation="softmax")(x) for _ in range(3)]
outputs = layers.Reshape((-1, SYMBOLS))(layers.Concatenate()(heads))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, codes, epochs=1, verbose=0)
'''


def test_the_loop_that_made_the_heads_counts_the_label_positions(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "heads = [")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].endswith("for _ in range(SLOTS)]"), first
    assert "for _ in range(SLOTS)]" in written_and_run(run_cli, tmp_path)


def test_a_stack_of_layers_made_in_a_loop_is_not_the_cause(tmp_path):
    stacked = SCRIPT.replace(
        "heads = [layers.Dense(SYMBOLS, activation=\"softmax\")(x) for _ in range(3)]\n"
        "outputs = layers.Reshape((-1, SYMBOLS))(layers.Concatenate()(heads))\n",
        "stack = [layers.Dense(3, activation=\"relu\") for _ in range(3)]\nfor layer in stack:\n    x = layer(x)\n"
        "outputs = layers.Reshape((3, 1))(layers.Dense(3)(x))\n").replace("(32, SLOTS)), SYMBOLS)", "(32, SLOTS)), SYMBOLS)[..., :1]")
    report, _, proc = run_json(run_cli, tmp_path, stacked)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(stacked, "stack = [")
    assert not any("range(" in f["code"] for f in finding["fixes"])
