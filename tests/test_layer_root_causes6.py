"""Root causes among layers (session 6): a Concatenate joined along the wrong axis, and a
Bidirectional recurrent layer that returns its last step against one class id per position.

Real Keras, `shapedoctor run` in a subprocess; the scripts differ from the corpus cases
(c063, c065, t131): 1-D feature maps, a functional `concatenate` helper of its own, a GRU.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import report_of, run_cli

HEAD = """\
import numpy as np
import keras
from keras import layers

"""

CONCAT_ON_TIME_AXIS = HEAD + """\
signal = keras.Input(shape=(50, 2))
fast = layers.Conv1D(8, 3, padding="same", activation="relu")(signal)
slow = layers.Conv1D(12, 9, padding="same", activation="relu")(signal)
both = layers.Concatenate(axis=1)([fast, slow])
pooled = layers.GlobalAveragePooling1D()(both)
score = layers.Dense(1)(pooled)
model = keras.Model(signal, score)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(12, 50, 2), np.random.rand(12, 1), epochs=1, batch_size=4, verbose=0)
"""

GRU_TAGGER = HEAD + """\
words = np.random.randint(1, 100, size=(12, 15))
tags = np.random.randint(0, 7, size=(12, 15))
inputs = keras.Input(shape=(15,))
h = layers.Embedding(100, 16)(inputs)
h = layers.Bidirectional(layers.GRU(12))(h)
tag_probs = layers.Dense(7, activation="softmax")(h)
model = keras.Model(inputs, tag_probs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(words, tags, epochs=1, batch_size=4, verbose=0)
"""


def _run(tmp_path, script: str, *args: str):
    (tmp_path / "script.py").write_text(script)
    return run_cli("run", *args, "script.py", cwd=tmp_path)


def _first(tmp_path, script: str) -> dict:
    return report_of(_run(tmp_path, script, "--json"))["findings"][0]


def _python(tmp_path) -> int:
    return subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, timeout=300).returncode


def test_concatenate_on_a_time_axis_of_maps_that_differ_only_in_channels_blames_the_axis(tmp_path):
    finding = _first(tmp_path, CONCAT_ON_TIME_AXIS)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 8  # the Concatenate, not a branch convolution
    verified = [f for f in finding["fixes"] if f["verified"]]
    assert verified and verified[0]["code"] == "both = layers.Concatenate(axis=-1)([fast, slow])"
    # Equal channels would "build" too, but stack the two maps along time: never offered.
    assert not any("Conv1D(" in f["code"] for f in verified)


def test_concatenate_axis_fix_is_written_and_the_patched_script_runs(tmp_path):
    proc = _run(tmp_path, CONCAT_ON_TIME_AXIS, "--write", "--no-traceback")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "layers.Concatenate(axis=-1)([fast, slow])" in (tmp_path / "script.py").read_text()
    assert _python(tmp_path) == 0


def test_concatenate_along_time_of_sequences_with_equal_features_is_valid(tmp_path):
    script = HEAD + textwrap.dedent("""\
        head = keras.Input(shape=(5, 8))
        tail = keras.Input(shape=(7, 8))
        joined = layers.Concatenate(axis=1)([head, tail])
        model = keras.Model([head, tail], layers.GlobalMaxPooling1D()(joined))
        print(model.predict([np.ones((2, 5, 8)), np.ones((2, 7, 8))], verbose=0).shape)
        """)
    proc = _run(tmp_path, script, "--json")
    assert proc.returncode == 0 and report_of(proc)["status"] == "ok"


def test_concatenate_of_maps_of_different_sizes_keeps_the_spatial_answer(tmp_path):
    script = HEAD + textwrap.dedent("""\
        image = keras.Input(shape=(20, 20, 3))
        a = layers.Conv2D(8, 3, padding="valid")(image)
        b = layers.Conv2D(8, 3, padding="same")(image)
        model = keras.Model(image, layers.Concatenate()([a, b]))
        """)
    finding = _first(tmp_path, script)
    assert finding["id"] == "SD104" and finding["culprit"]["line"] == 6  # the valid convolution
    assert not any("axis=" in f["code"] for f in finding["fixes"])


def test_bidirectional_gru_tagger_against_per_word_tags_keeps_the_time_axis(tmp_path):
    finding = _first(tmp_path, GRU_TAGGER)
    assert finding["id"] == "SD202"
    assert finding["culprit"]["kind"] == "layer" and finding["culprit"]["line"] == 9
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "h = layers.Bidirectional(layers.GRU(12, return_sequences=True))(h)"


def test_bidirectional_tagger_fix_is_written_and_the_patched_script_runs(tmp_path):
    proc = _run(tmp_path, GRU_TAGGER, "--write", "--no-traceback")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "layers.GRU(12, return_sequences=True)" in (tmp_path / "script.py").read_text()
    assert _python(tmp_path) == 0


def test_per_sentence_labels_with_a_last_step_bidirectional_are_valid(tmp_path):
    script = GRU_TAGGER.replace("tags = np.random.randint(0, 7, size=(12, 15))",
                                "tags = np.random.randint(0, 7, size=(12,))")
    proc = _run(tmp_path, script, "--json")
    assert proc.returncode == 0 and report_of(proc)["status"] == "ok"


def test_per_word_tags_against_a_per_step_output_are_valid(tmp_path):
    script = GRU_TAGGER.replace("layers.GRU(12)", "layers.GRU(12, return_sequences=True)")
    proc = _run(tmp_path, script, "--json")
    assert proc.returncode == 0 and report_of(proc)["status"] == "ok"


def test_a_sigmoid_head_widened_for_more_class_ids_becomes_softmax(tmp_path):
    script = HEAD + textwrap.dedent("""\
        pixels = np.random.rand(8, 16, 16, 3).astype("float32")
        classes = np.random.randint(0, 4, size=(8, 16, 16))
        image = keras.Input(shape=(16, 16, 3))
        h = layers.Conv2D(8, 3, padding="same", activation="relu")(image)
        per_pixel = layers.Conv2D(1, 1, activation="sigmoid")(h)
        model = keras.Model(image, per_pixel)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(pixels, classes, epochs=1, batch_size=4, verbose=0)
        """)
    finding = _first(tmp_path, script)
    assert finding["culprit"]["line"] == 9
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == 'per_pixel = layers.Conv2D(4, 1, activation="softmax")(h)'
