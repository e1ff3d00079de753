"""The statement where a wrong size entered the data (diagnosis/size_origin.py).

The array passed to a training or inference call is often made from other arrays: the root cause
is the first statement whose array inputs do not carry the refused size while its result does,
not the statement that only passed it on. Real Keras, under ``shapedoctor.watch()`` (the one
pipeline every front end calls).
"""

from __future__ import annotations

import json
import runpy

import pytest

from shapedoctor.diagnosis.size_origin import wrong_size

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\nrng = np.random.default_rng(0)\n"

TRAINED = '''papers = rng.integers(0, 2, size=(120, 66)).astype("float32")
x_train = papers[:, 1:-1]
y_train = rng.integers(0, 3, size=(120,))
model = keras.Sequential([keras.Input((64,)), layers.Dense(8, activation="relu"), layers.Dense(3, activation="softmax")])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)
'''


def _finding(tmp_path, body: str) -> dict:
    import shapedoctor

    script = tmp_path / "script.py"
    script.write_text(HEAD + body)
    with pytest.raises(ValueError) as caught, shapedoctor.watch():
        runpy.run_path(str(script), run_name="__main__")
    report = caught.value.__shapedoctor__.to_json()
    return (json.loads(report) if isinstance(report, str) else report)["findings"][0]


def _line(body: str, text: str) -> int:
    lines = (HEAD + body).splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_size_carried_through_a_statement_is_traced_to_where_it_entered(tmp_path):
    body = TRAINED + '''probs = papers[:, 1:].mean(axis=0)
instances = rng.binomial(1, probs, size=(5, probs.shape[0])).astype("float32")
print(model.predict(instances, verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["id"] == "SD201"
    assert finding["culprit"]["line"] == _line(body, "probs = papers[:, 1:]")


def test_the_statement_that_made_the_size_stays_the_culprit(tmp_path):
    # papers has 66 columns, not the 65 that reach predict: the slice made the wrong size
    body = TRAINED + '''instances = papers[:5, 1:]
print(model.predict(instances, verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["culprit"]["line"] == _line(body, "instances = papers[:5, 1:]")


def test_an_input_reassigned_later_is_not_followed(tmp_path):
    # probs is reassigned after instances was made: its value now is not the one that statement saw
    body = TRAINED + '''probs = papers[:, 1:].mean(axis=0)
instances = rng.binomial(1, probs, size=(5, 65)).astype("float32")
probs = np.zeros(65)
print(model.predict(instances, verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["culprit"]["line"] == _line(body, "instances = rng.binomial")


def test_wrong_size_needs_one_axis_that_can_be_told_apart():
    assert wrong_size((None, 64), (5, 65)) == 65
    assert wrong_size((None, 64), (5, 1)) is None  # a size of 1 is no evidence
    assert wrong_size((None, 8, 8), (5, 9, 9)) is None  # two axes differ
    assert wrong_size((None, 64), (5, 8, 8)) is None  # another rank


def test_raw_data_is_not_followed_the_first_derivation_is_the_place(tmp_path):
    # the photo is raw data (loaded): the statement deriving the model's input from it is where the
    # channels should have been chosen, not the load
    body = TRAINED + '''photo = rng.random((5, 66)).astype("float32")
instances = photo / 2.0
print(model.predict(instances, verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["culprit"]["line"] == _line(body, "instances = photo / 2.0")


def test_a_vector_with_one_value_per_sample_does_not_carry_a_feature_size(tmp_path):
    # two samples, two dummy columns: the (2,) vector of cities is per sample, not per feature
    body = TRAINED + '''cities = np.array([2.0, 3.0])
rows = np.stack([cities, cities], axis=1)
print(model.predict(rows, verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["culprit"]["line"] == _line(body, "rows = np.stack")


def test_data_passed_as_an_expression_is_traced_from_the_names_it_reads(tmp_path):
    body = TRAINED + '''probs = papers[:, 1:].mean(axis=0)
print(model.predict(np.stack([probs, probs]), verbose=0))
'''
    finding = _finding(tmp_path, body)
    assert finding["culprit"]["line"] == _line(body, "probs = papers[:, 1:]")
