# Deep Q-network for a trading-style environment whose observation is the last HISTORY
# steps of FEATURES market indicators. As in the library's generic Q-network builder, a
# history longer than 3 steps is reshaped into a one-channel "image" and convolved over
# time (first conv) and over time and features (second conv) before the Q-value head.
import numpy as np
import keras
from keras import layers

HISTORY, FEATURES, N_ACTIONS = 6, 3, 3
GAMMA = 0.9

obs_in = keras.Input(shape=(HISTORY, FEATURES))
x = layers.Reshape((1, HISTORY, FEATURES))(obs_in)
x = layers.Conv2D(16, (2, 1), activation="relu")(x)      # conv on the history
x = layers.Conv2D(16, (2, 2), activation="relu")(x)      # conv on history and features
x = layers.Flatten()(x)
x = layers.Dense(50, activation="relu")(x)
q_values = layers.Dense(N_ACTIONS)(x)
q_net = keras.Model(obs_in, q_values)
q_net.compile(optimizer=keras.optimizers.RMSprop(0.002), loss="mse")

# one replay minibatch
rng = np.random.default_rng(57)
states = rng.normal(size=(32, HISTORY, FEATURES)).astype("float32")
next_states = rng.normal(size=(32, HISTORY, FEATURES)).astype("float32")
actions = rng.integers(0, N_ACTIONS, size=32)
rewards = rng.normal(size=32).astype("float32")

targets = q_net.predict(states, verbose=0)
targets[np.arange(32), actions] = rewards + GAMMA * q_net.predict(next_states, verbose=0).max(axis=1)
loss = q_net.train_on_batch(states, targets)
print("td loss:", float(loss))
