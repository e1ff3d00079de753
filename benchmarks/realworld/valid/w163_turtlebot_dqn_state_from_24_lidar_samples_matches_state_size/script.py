# Mobile-robot DQN agent (TurtleBot3 stage-2 style): the lidar is configured for 24
# samples per scan, and the state is those 24 ranges plus heading, goal distance,
# nearest-obstacle range and angle, so it has exactly the 28 values the Q-network expects.
import random
from collections import deque

import numpy as np
import keras
from keras import layers

SCAN_SAMPLES = 24
N_ACTIONS = 5
STATE_SIZE = SCAN_SAMPLES + 4


class FakeStage2World:
    def __init__(self):
        self.gen = np.random.default_rng(163)

    def observe(self):
        ranges = self.gen.uniform(0.12, 3.5, size=SCAN_SAMPLES)
        extras = [self.gen.uniform(-np.pi, np.pi), self.gen.uniform(0.2, 3.0),
                  ranges.min(), float(np.argmin(ranges))]
        return np.concatenate([ranges, extras]).astype("float32")

    def act(self, action):
        reward = float(3.0 - abs(action - 2)) - 0.2
        return self.observe(), reward, bool(self.gen.random() < 0.04)


def q_network():
    net = keras.Sequential([
        keras.Input(shape=(STATE_SIZE,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(N_ACTIONS),
    ])
    net.compile(loss="mse", optimizer=keras.optimizers.RMSprop(learning_rate=0.00025))
    return net


online, target = q_network(), q_network()
target.set_weights(online.get_weights())
replay = deque(maxlen=5000)
world = FakeStage2World()
obs = world.observe()
epsilon, gamma, minibatch = 0.9, 0.99, 16

for t in range(40):
    if np.random.rand() <= epsilon:
        a = random.randrange(N_ACTIONS)
    else:
        a = int(np.argmax(online.predict_on_batch(obs[None, :])[0]))
    nxt, r, done = world.act(a)
    replay.append((obs, a, r, nxt, done))
    obs = world.observe() if done else nxt
    if len(replay) >= minibatch:
        sample = random.sample(replay, minibatch)
        s = np.array([m[0] for m in sample])
        s2 = np.array([m[3] for m in sample])
        q = np.array(online.predict_on_batch(s))
        q_next = np.array(target.predict_on_batch(s2))
        for i, (_, act, rew, _, end) in enumerate(sample):
            q[i, act] = rew if end else rew + gamma * q_next[i].max()
        online.train_on_batch(s, q)
        epsilon = max(0.05, epsilon * 0.97)
print("replay size:", len(replay), "epsilon:", round(epsilon, 3))
