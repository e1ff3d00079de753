"""Items that each keep a batch axis of 1, stacked with ``np.array`` into (n, 1, d) (real Keras).

A replay loop stores observations shaped (1, 6) for ``predict`` and later stacks them with ``np.array``
for ``fit``: (10, 1, 6) for a model that takes (None, 6). The append line is the root cause; the fix
joins the items along their own batch axis (``np.concatenate``), proven by running the patched script,
for every input stacked that way (here a dict of two).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

pos = keras.Input(shape=(6,), name="pos")
vel = keras.Input(shape=(3,), name="vel")
q = layers.Dense(2)(layers.Concatenate()([pos, vel]))
agent = keras.Model([pos, vel], q)
agent.compile(optimizer="adam", loss="mse")
rng = np.random.default_rng(0)
seen_pos, seen_vel, goals = [], [], []
for step in range(10):
    obs = [rng.normal(size=(1, 6)), rng.normal(size=(1, 3))]
    goals.append(agent.predict_on_batch(obs)[0])
    seen_pos.append(obs[0])
    seen_vel.append(obs[1])
agent.fit({"pos": np.array(seen_pos), "vel": np.array(seen_vel)}, np.array(goals), epochs=1, verbose=0)
'''


def test_the_items_are_concatenated(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "seen_pos.append(obs[0])")
    first = finding["fixes"][0]
    assert first["code"] == ('agent.fit({"pos": np.concatenate(seen_pos), "vel": np.concatenate(seen_vel)}, '
                             'np.array(goals), epochs=1, verbose=0)') and first["proven"]
