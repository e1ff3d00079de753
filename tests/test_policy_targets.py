"""Returns given as the targets of a softmax policy: the REINFORCE update without its actions (real Keras; r648).

The returns of an episode are one real number per step; a categorical cross-entropy on a softmax
policy refuses them as targets. The training call is the root cause: the actions taken become the
targets and the returns their ``sample_weight``, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras

N_MOVES = 3
policy = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(16, activation="tanh"),
                           keras.layers.Dense(N_MOVES, activation="softmax")])
policy.compile(optimizer="adam", loss="categorical_crossentropy")
rng = np.random.default_rng(9)
observations = rng.normal(size=(12, 6)).astype("float32")
chosen_actions = rng.integers(0, N_MOVES, size=12)
advantages = rng.normal(size=12).astype("float32")
policy.fit(observations, advantages, epochs=1, verbose=0)
print(policy.predict(observations[:1], verbose=0).shape)
'''


def test_the_actions_become_the_targets_and_the_returns_their_weights(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["id"] == "SD202"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "policy.fit(")
    fix = finding["fixes"][0]
    assert fix["proven"] and fix["code"] == ("policy.fit(observations, keras.utils.to_categorical(chosen_actions, "
                                             "N_MOVES), sample_weight=advantages, epochs=1, verbose=0)")


def test_a_sparse_loss_takes_the_action_ids_as_they_are(tmp_path):
    script = SCRIPT.replace('loss="categorical_crossentropy"', 'loss="sparse_categorical_crossentropy"')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    fix = finding["fixes"][0]
    assert fix["proven"] and "np.asarray(chosen_actions), sample_weight=advantages" in fix["code"]


def test_without_actions_the_returns_are_not_reweighted(tmp_path):
    script = SCRIPT.replace("chosen_actions", "picked")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert all("sample_weight" not in fix["code"] for fix in finding["fixes"])
