# DQN navigation agent in the style of the TurtleBot3 machine-learning stage 1: the state
# is the down-sampled laser scan plus the heading and the distance to the goal, the
# Q-network is a small Dense stack, and actions are chosen epsilon-greedily.
import random
from collections import deque

import numpy as np
import keras
from keras import layers

LDS_SAMPLES = 360        # samples per revolution published by the simulated lidar
ACTION_SIZE = 5


class FakeStage1Env:
    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def get_state(self):
        scan = self.rng.uniform(0.12, 3.5, size=LDS_SAMPLES)
        heading = self.rng.uniform(-np.pi, np.pi)
        current_distance = self.rng.uniform(0.2, 3.0)
        return np.append(scan, [heading, current_distance])

    def step(self, action):
        next_state = self.get_state()
        reward = float(5 * (1 - 2 * abs(action - 2) / 4) - 0.1)
        return next_state, reward, bool(self.rng.random() < 0.05)


class ReinforceAgent:
    def __init__(self, state_size, action_size):
        self.state_size, self.action_size = state_size, action_size
        self.discount_factor, self.epsilon, self.batch_size = 0.99, 1.0, 64
        self.memory = deque(maxlen=1000000)
        self.model = self.build_model()
        self.target_model = self.build_model()
        self.target_model.set_weights(self.model.get_weights())

    def build_model(self):
        model = keras.Sequential([
            keras.Input(shape=(self.state_size,)),
            layers.Dense(64, activation="relu", kernel_initializer="lecun_uniform"),
            layers.Dense(64, activation="relu", kernel_initializer="lecun_uniform"),
            layers.Dropout(0.2),
            layers.Dense(self.action_size, kernel_initializer="lecun_uniform"),
        ])
        model.compile(loss="mse", optimizer=keras.optimizers.RMSprop(learning_rate=0.00025, rho=0.9, epsilon=1e-06))
        return model

    def get_action(self, state):
        if np.random.rand() <= self.epsilon:
            return random.randrange(self.action_size)
        q_value = self.model.predict(state.reshape(1, len(state)), verbose=0)
        return int(np.argmax(q_value[0]))

    def train_model(self):
        batch = random.sample(self.memory, self.batch_size)
        states = np.array([b[0] for b in batch])
        next_states = np.array([b[3] for b in batch])
        q_values = self.model.predict(states, verbose=0)
        next_q = self.target_model.predict(next_states, verbose=0)
        for i, (_, action, reward, _, done) in enumerate(batch):
            q_values[i, action] = reward if done else reward + self.discount_factor * np.amax(next_q[i])
        self.model.fit(states, q_values, batch_size=self.batch_size, epochs=1, verbose=0)


state_size = 26          # 24 laser samples + heading + current distance
agent = ReinforceAgent(state_size, ACTION_SIZE)
env = FakeStage1Env()
state = env.get_state()
for step in range(80):
    action = agent.get_action(state)
    next_state, reward, done = env.step(action)
    agent.memory.append((state, action, reward, next_state, done))
    if len(agent.memory) >= agent.batch_size:
        agent.train_model()
    state = env.get_state() if done else next_state
print("trained on", len(agent.memory), "transitions")
