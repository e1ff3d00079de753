"""Two output heads branching off one encoder, the second without the first's Flatten (real Keras).

The keras-io BERT question-answering example flattens each per-token ``Dense(1)`` logit before its
softmax over the tokens; with the end head's Flatten left out its output is (None, 12, 1) against
(batch,) end indices. The root cause is that head's Dense(1), and the fix does what the other
head does: Flatten right after it, written as the line the sibling has (r436).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

tokens = np.random.randint(1, 100, size=(64, 12)).astype("int32")
starts = np.random.randint(0, 6, size=(64,))
ends = starts + np.random.randint(0, 6, size=(64,))
inputs = layers.Input(shape=(12,), dtype="int32")
hidden = layers.Dense(16, activation="gelu")(layers.Embedding(100, 16)(inputs))
start_logits = layers.Dense(1, use_bias=False)(hidden)
start_logits = layers.Flatten()(start_logits)
end_logits = layers.Dense(1, use_bias=False)(hidden)
start_probs = layers.Activation("softmax", name="start")(start_logits)
end_probs = layers.Activation("softmax", name="end")(end_logits)
model = keras.Model(inputs, [start_probs, end_probs])
model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])
model.fit(tokens, [starts, ends], epochs=1, batch_size=16, verbose=0)
'''


def test_the_head_without_its_siblings_flatten_is_the_root_cause_and_gets_it(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "end_logits = layers.Dense(1, use_bias=False)(hidden)")
    first = finding["fixes"][0]
    assert first["verified"] and "`start`" in first["title"]
    assert first["code"].strip() == "end_logits = layers.Flatten()(end_logits)"
    written = written_and_run(run_cli, tmp_path)
    assert "end_logits = layers.Dense(1, use_bias=False)(hidden)\nend_logits = layers.Flatten()(end_logits)\n" in written
