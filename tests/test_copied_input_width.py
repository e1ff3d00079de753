"""An Input declared with the width of the Input beside it (a copied line), called on other data (real Keras).

The critic's action input repeats ``Input(shape=(n_obs,))``; called eagerly on (8, 2) actions, its Dense
refuses them. The second declaration is the root cause; the fix writes the script's name for 2, ``n_act``,
proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

n_obs = 5
n_act = 2


def make_critic():
    obs_in = layers.Input(shape=(n_obs,))
    act_in = layers.Input(shape=(n_obs,))
    joined = layers.Concatenate()([layers.Dense(8)(obs_in), layers.Dense(8)(act_in)])
    return keras.Model([obs_in, act_in], layers.Dense(1)(joined))


critic = make_critic()
obs = np.zeros((8, n_obs), "float32")
act = np.zeros((8, n_act), "float32")
print(critic([obs, act]).shape)
'''


def test_the_copied_width_becomes_the_actions(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "act_in = layers.Input(shape=(n_obs,))")
    first = finding["fixes"][0]
    assert first["code"] == "act_in = layers.Input(shape=(n_act,))" and first["proven"], first


JOINED = '''import numpy as np
import keras
from keras import layers

nS, nA = 4, 1


def make_critic():
    state_in = layers.Input(shape=(nS,))
    action_in = layers.Input(shape=(nS,))
    both = layers.Concatenate()([state_in, action_in])
    return keras.Model([state_in, action_in], layers.Dense(1)(layers.Dense(16, activation="relu")(both)))


critic = make_critic()
states = np.zeros((8, nS), "float32")
actions = np.zeros((8, nA), "float32")
print(critic([states, actions]).shape)
'''


def test_the_copied_width_of_joined_inputs_becomes_the_actions(tmp_path):
    """The Pendulum DDPG critic joins its two Inputs before the Dense (r1029): the Dense built for 4 + 4
    refuses 4 + 1; the join's recorded call shows which Input got another width."""
    report, _, proc = run_json(run_cli, tmp_path, JOINED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(JOINED, "action_in = layers.Input(shape=(nS,))")
    first = finding["fixes"][0]
    assert first["code"] == "action_in = layers.Input(shape=(nA,))" and first["proven"], first
