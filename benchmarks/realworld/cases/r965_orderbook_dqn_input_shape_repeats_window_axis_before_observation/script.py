import random
from collections import deque

import numpy as np
import keras
from keras import layers


class OrderBookEnv:
    """Limit-order execution: the observation is the last 10 bid/ask levels (price, size) over 51 ticks."""
    observation_shape = (51, 10, 2)
    n_actions = 5

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.t = 0
        return self.rng.normal(size=self.observation_shape).astype("float32")

    def step(self, action):
        self.t += 1
        reward = -abs(action - 2) * 0.1 + self.rng.normal(scale=0.05)
        return self.rng.normal(size=self.observation_shape).astype("float32"), reward, self.t >= 20


random.seed(965)
env = OrderBookEnv(seed=965)
WINDOW_LENGTH = 1

model = keras.Sequential([
    keras.Input(shape=(1, 1) + env.observation_shape),
    layers.Reshape((env.observation_shape[0], env.observation_shape[1] * 2)),
    layers.LSTM(32),
    layers.Dense(16, activation="relu"),
    layers.Dense(env.n_actions, activation="linear"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")

memory = deque(maxlen=1000)
eps, gamma = 0.5, 0.95
obs = env.reset()
for step in range(60):
    state = np.array([obs] * WINDOW_LENGTH)          # (window_length,) + observation
    if random.random() < eps:
        action = random.randrange(env.n_actions)
    else:
        action = int(np.argmax(model.predict_on_batch(state[np.newaxis])[0]))
    nxt, reward, done = env.step(action)
    memory.append((state, action, reward, np.array([nxt] * WINDOW_LENGTH), done))
    obs = env.reset() if done else nxt
    if len(memory) >= 16:
        batch = random.sample(memory, 16)
        s = np.stack([b[0] for b in batch])
        s2 = np.stack([b[3] for b in batch])
        q = np.array(model.predict_on_batch(s))
        q_next = np.array(model.predict_on_batch(s2)).max(axis=1)
        for i, (_, a, r, _, d) in enumerate(batch):
            q[i, a] = r if d else r + gamma * q_next[i]
        model.train_on_batch(s, q)
print("steps done, memory", len(memory))
