"""The recorder, in process: shape paths of clean runs are the real call graph (issue #10, 8a),
training calls of subclassed models show their outputs, unknown axes are never a broadcast (6)."""

from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT

pytest.importorskip("keras")


@pytest.fixture(autouse=True)
def _fresh_layer_names():
    """Layer names ("dense", "dense_1") come from Keras's global counters: start each test afresh,
    whatever ran before in this process."""
    import keras

    keras.backend.clear_session()

BRANCHES = textwrap.dedent("""\
    import keras
    import numpy as np
    from keras import layers


    class FourEmbeddings(keras.Model):
        def __init__(self):
            super().__init__()
            self.embeds = [layers.Embedding(100, 50) for _ in range(4)]
            self.concat = layers.Concatenate()
            self.head = layers.Dense(1)

        def call(self, x):
            parts = [embed(x) for embed in self.embeds]
            return self.head(self.concat(parts))


    net = FourEmbeddings()
    net.compile(optimizer="sgd", loss="mse")
    net.fit(np.ones((8, 2)), np.ones((8, 2, 1)), epochs=1, verbose=0)

    state = keras.Input((6,))
    hidden = layers.Dense(16, activation="relu")(state)
    policy = layers.Dense(3, activation="softmax", name="policy")(hidden)
    value = layers.Dense(1, name="value")(hidden)
    actor_critic = keras.Model(state, [policy, value])
    actor_critic.predict(np.ones((4, 6)), verbose=0)
""")


def _run(path, **kw):
    from shapedoctor.trace.runner import run_script

    outcome = run_script(str(path), [], **kw)
    assert outcome.exception is None, outcome.exception
    return outcome


def test_clean_run_paths_follow_the_real_graph_of_parallel_branches(tmp_path):
    script = tmp_path / "branches.py"
    script.write_text(BRANCHES)
    runs = _run(script).recorder.runs
    rows = {run.model_name: [(s.name, s.shape, s.inputs) for s in run.steps] for run in runs}
    embeds = [name for name in rows if name.startswith("four_embeddings")]
    assert len(embeds) == 1
    steps = rows[embeds[0]]
    # Four Embeddings side by side, each fed by the input, then merged: not one chain.
    assert [s for s in steps if s[0].startswith("embedding")] == [
        (name, (None, 2, 50), ("input",)) for name in ("embedding", "embedding_1", "embedding_2", "embedding_3")]
    assert steps[4] == ("concatenate", (None, 2, 200), ("embedding", "embedding_1", "embedding_2", "embedding_3"))
    assert steps[5] == ("dense", (None, 2, 1), ("concatenate",))
    assert len(steps) == 6  # Keras's build-by-running pass is not shown twice
    head = sorted(rows["functional"], key=lambda s: s[0])
    assert head == [("dense_1", (4, 16), ("input",)), ("policy", (4, 3), ("dense_1",)), ("value", (4, 1), ("dense_1",))]


def test_training_call_of_a_subclassed_model_reports_its_output(tmp_path):
    script = tmp_path / "branches.py"
    script.write_text(BRANCHES)
    calls = _run(script).recorder.training_calls
    assert calls[0].method == "fit" and calls[0].outputs_seen == [(None, 2, 1)]
    assert calls[1].method == "predict" and calls[1].outputs_seen == [(4, 3), (4, 1)]


def test_unknown_time_axis_against_concrete_labels_is_not_a_broadcast():
    """The Keras next-frame ConvLSTM example: labels (N, 5, 16, 16, 1) vs output (None, None, 16, 16, 1)."""
    from shapedoctor import pipeline

    script = ROOT / "tests/corpus/u011_convlstm_next_frame_unknown_time_axis/script.py"
    outcome = _run(script, on_training_call=pipeline.preflight)
    assert [c.findings for c in outcome.recorder.training_calls] == [[], []]
    assert pipeline.findings(outcome.recorder, None) == []
