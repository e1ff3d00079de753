# Deep Q-learning on a toy balancing task with 4 observation values and 2 actions.
# Like keras-rl's SequentialMemory, the replay memory hands the agent windows of the
# last WINDOW_LENGTH observations, and the Q-network scores each window.
import numpy as np
import keras
from keras import layers

WINDOW_LENGTH = 1
OBS_DIM = 4
N_ACTIONS = 2
rng = np.random.default_rng(19)


class WindowMemory:
    def __init__(self, window_length):
        self.window_length = window_length
        self.observations = []

    def append(self, observation):
        self.observations.append(observation)

    def recent_state(self):
        window = self.observations[-self.window_length:]
        return np.stack(window).astype("float32")


q_network = keras.Sequential([
    keras.Input(shape=(OBS_DIM,)),
    layers.Dense(24, activation="relu"),
    layers.Dense(24, activation="relu"),
    layers.Dense(N_ACTIONS, activation="linear"),
])
q_network.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")

memory = WindowMemory(WINDOW_LENGTH)
observation = rng.normal(size=OBS_DIM)
episode_return = 0.0
for step in range(40):
    memory.append(observation)
    state = memory.recent_state()
    q_values = q_network.predict_on_batch(state[np.newaxis])
    action = int(np.argmax(q_values[0])) if rng.random() > 0.1 else int(rng.integers(N_ACTIONS))
    observation = observation + 0.1 * rng.normal(size=OBS_DIM) + (0.05 if action else -0.05)
    episode_return += 1.0 - abs(float(observation[2]))
print("return:", round(episode_return, 2))
