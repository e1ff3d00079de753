"""The fallback search (shapedoctor/repair/edit_search.py): when no family candidate is verified, single
edits on the layers that made the refused shape are replayed by Keras; the best verified one is the
fix and its layer the root cause, each marked as found by search. Two differences that no single
edit removes give no fix rather than a wrong one.

The families' own candidates are switched off here (``engine.get_family`` returns the family without
its fix generator) so the search is what answers; Keras itself is real everywhere.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import line_of
from training_calls import diagnose_as_run, write_body

GATE = '''inputs = keras.Input(shape=(10, 8))
h = layers.LSTM(16, return_sequences=True)(inputs)
gate = layers.Dense(8, activation="sigmoid")(inputs)
x = layers.Multiply()([h, gate])
outputs = layers.Dense(1)(layers.GlobalAveragePooling1D()(x))
model = keras.Model(inputs, outputs)
'''

# The branches differ in their size AND their channels: no one edit makes them equal.
TWO_WAYS = '''inputs = keras.Input(shape=(32, 32, 3))
a = layers.Conv2D(16, 3, padding="same")(inputs)
a = layers.MaxPooling2D(2)(a)
b = layers.Conv2D(32, 1)(inputs)
merged = layers.Add()([a, b])
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(merged))
'''


@pytest.fixture
def families_without_fixes(monkeypatch):
    from shapedoctor.diagnosis import engine

    real = engine.get_family
    monkeypatch.setattr(engine, "get_family", lambda family_id: dataclasses.replace(real(family_id), fixes=None))


def _finding(tmp_path, body):
    script = write_body(tmp_path, body)
    _, diagnosis = diagnose_as_run(script)
    head = len(script.read_text().splitlines()) - len(body.splitlines())
    return diagnosis.findings[0], head


def test_the_search_finds_the_width_on_the_branch_that_differs(tmp_path, families_without_fixes):
    finding, head = _finding(tmp_path, GATE)
    assert finding.id == "SD104"
    first = finding.fixes[0]
    assert first.verified and first.code == 'gate = layers.Dense(16, activation="sigmoid")(inputs)'
    assert "found by search" in (first.note or "")
    assert finding.culprit.line == head + line_of(GATE, "layers.Dense(8")


def test_two_differences_get_no_fix_from_the_search(tmp_path, families_without_fixes):
    finding, _ = _finding(tmp_path, TWO_WAYS)
    assert finding.id == "SD104"
    assert not [f for f in finding.fixes if f.verified]
