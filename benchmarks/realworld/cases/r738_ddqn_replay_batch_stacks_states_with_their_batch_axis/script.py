# Double-DQN agent that picks the reflection pattern of an intelligent reflecting surface.
# The state has two parts: the estimated equivalent channel (real and imaginary parts,
# flattened) and the current 8-element reflection pattern. Each part goes through its
# own residual MLP before the two are concatenated into the Q-value head.
import random
from collections import deque

import numpy as np
import keras
from keras import layers

CHANNEL_DIM = 2 * 4 * 3
PATTERN_DIM = 8
N_ACTIONS = 16
GAMMA = 0.95


def branch(inp):
    h = layers.Dense(64, activation="swish")(inp)
    for _ in range(2):
        r = layers.Dense(64, activation="swish")(h)
        h = layers.Add()([h, layers.Dense(64)(r)])
    return layers.Dense(64, activation="swish")(h)


def build_q_network():
    chan_in = keras.Input(shape=(CHANNEL_DIM,), name="channel")
    patt_in = keras.Input(shape=(PATTERN_DIM,), name="pattern")
    joint = layers.Concatenate()([branch(chan_in), branch(patt_in)])
    joint = layers.Dense(128, activation="swish")(joint)
    q_values = layers.Dense(N_ACTIONS, name="q_values")(joint)
    net = keras.Model([chan_in, patt_in], q_values)
    net.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    return net


def observe(rng):
    # one observation, shaped as a batch of one for predict
    return [rng.normal(size=(1, CHANNEL_DIM)).astype("float32"),
            rng.integers(0, 2, size=(1, PATTERN_DIM)).astype("float32")]


rng = np.random.default_rng(1)
random.seed(1)
online, target = build_q_network(), build_q_network()
target.set_weights(online.get_weights())
memory = deque(maxlen=500)
state = observe(rng)
for step in range(24):
    action = int(np.argmax(online.predict_on_batch(state)[0]))
    next_state = observe(rng)
    memory.append((state, action, float(rng.random()), next_state))
    state = next_state

minibatch = random.sample(list(memory), 12)
chan_batch, patt_batch, targets = [], [], []
for s, a, reward, s_next in minibatch:
    best_next = int(np.argmax(online.predict_on_batch(s_next)[0]))
    q_target = online.predict_on_batch(s)
    q_target[0][a] = reward + GAMMA * target.predict_on_batch(s_next)[0][best_next]
    chan_batch.append(s[0])
    patt_batch.append(s[1])
    targets.append(q_target[0])
online.fit({"channel": np.array(chan_batch), "pattern": np.array(patt_batch)},
           np.array(targets), epochs=1, verbose=0)
print("replay loss step done")
