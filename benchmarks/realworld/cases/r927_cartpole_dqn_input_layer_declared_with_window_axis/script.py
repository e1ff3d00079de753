import random
from collections import deque

import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import InputLayer, Dense
from tensorflow.keras.optimizers import Adam

STATE_SIZE, N_ACTIONS = 4, 2
rng = np.random.default_rng(927)


class ToyCartPole:
    """Stand-in for gym's CartPole: 4 state values, 2 actions, episodes of random length."""

    def reset(self):
        self.t = 0
        self.state = rng.uniform(-0.05, 0.05, size=STATE_SIZE).astype("float32")
        return self.state

    def step(self, action):
        self.t += 1
        push = 0.02 if action == 1 else -0.02
        self.state = (self.state + push + rng.normal(0, 0.01, STATE_SIZE)).astype("float32")
        done = abs(self.state[2]) > 0.2 or self.t >= 30
        return self.state, 1.0, done


model = Sequential()
model.add(InputLayer(input_shape=(1, STATE_SIZE)))
model.add(Dense(24, activation="relu"))
model.add(Dense(24, activation="relu"))
model.add(Dense(N_ACTIONS, activation="linear"))
model.compile(loss="mse", optimizer=Adam(learning_rate=1e-3))

env = ToyCartPole()
memory = deque(maxlen=2000)
epsilon, gamma, batch_size = 0.3, 0.95, 16

for episode in range(3):
    state = env.reset()
    done = False
    while not done:
        if rng.random() < epsilon:
            action = int(rng.integers(N_ACTIONS))
        else:
            action = int(np.argmax(model.predict(state[None, :], verbose=0)[0]))
        next_state, reward, done = env.step(action)
        memory.append((state, action, reward, next_state, done))
        state = next_state
        if len(memory) >= batch_size:
            batch = random.sample(memory, batch_size)
            states = np.array([b[0] for b in batch])
            next_states = np.array([b[3] for b in batch])
            targets = model.predict(states, verbose=0)
            next_q = model.predict(next_states, verbose=0)
            for i, (_, a, r, _, d) in enumerate(batch):
                targets[i, a] = r if d else r + gamma * np.max(next_q[i])
            model.train_on_batch(states, targets)
    print("episode", episode, "steps", env.t)
