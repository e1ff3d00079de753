# Deep Q-learning on a CartPole-like environment: an epsilon-greedy policy picks actions from the DQN.
from collections import deque

import numpy as np
import keras


class ToyCartPole:
    """Four observations, two actions, episodes of at most 50 steps."""

    def __init__(self, seed=42):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.t = 0
        self.state = self.rng.uniform(-0.05, 0.05, size=4).astype(np.float32)
        return self.state, {}

    def step(self, action):
        self.t += 1
        push = 0.1 if action == 1 else -0.1
        self.state = (self.state + push + self.rng.normal(0, 0.02, size=4)).astype(np.float32)
        done = bool(abs(self.state[2]) > 0.5)
        return self.state, 1.0, done, self.t >= 50, {}


env = ToyCartPole()
input_shape = [4]
n_outputs = 2

keras.utils.set_random_seed(42)
model = keras.Sequential([
    keras.Input(shape=input_shape),
    keras.layers.Dense(32, activation="elu"),
    keras.layers.Dense(32, activation="elu"),
    keras.layers.Dense(n_outputs),
])


def epsilon_greedy_policy(state, epsilon=0):
    if np.random.rand() < epsilon:
        return np.random.randint(n_outputs)
    Q_values = model.predict(state, verbose=0)[0]
    return Q_values.argmax()


replay_buffer = deque(maxlen=2000)


def play_one_step(env, state, epsilon):
    action = epsilon_greedy_policy(state, epsilon)
    next_state, reward, done, truncated, info = env.step(action)
    replay_buffer.append((state, action, reward, next_state, done, truncated))
    return next_state, reward, done, truncated, info


np.random.seed(42)
for episode in range(3):
    obs, info = env.reset()
    for step in range(50):
        obs, reward, done, truncated, info = play_one_step(env, obs, epsilon=0.0)
        if done or truncated:
            break
    print(f"episode {episode + 1}: {step + 1} steps")
print("experiences:", len(replay_buffer))
