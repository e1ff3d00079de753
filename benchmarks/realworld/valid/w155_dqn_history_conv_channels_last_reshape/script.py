# Deep Q-network for an environment observed as the last STEPS steps of SIGNALS sensor
# readings: the history is laid out as a one-channel image (steps, signals, 1) so the
# first convolution runs over time and the second over time and signals, before the
# Q-value head. One replay minibatch is trained with a Q-learning target.
import numpy as np
import keras
from keras import layers

STEPS, SIGNALS, ACTIONS = 8, 4, 2
DISCOUNT = 0.95

observation = keras.Input(shape=(STEPS, SIGNALS))
h = layers.Reshape((STEPS, SIGNALS, 1))(observation)
h = layers.Conv2D(16, (2, 1), activation="relu")(h)       # over time
h = layers.Conv2D(16, (2, 2), activation="relu")(h)       # over time and signals
h = layers.Flatten()(h)
h = layers.Dense(40, activation="relu")(h)
q_head = layers.Dense(ACTIONS)(h)
dqn = keras.Model(observation, q_head)
dqn.compile(optimizer=keras.optimizers.RMSprop(0.001), loss="mse")

rng = np.random.default_rng(58)
batch_obs = rng.normal(size=(16, STEPS, SIGNALS)).astype("float32")
batch_next = rng.normal(size=(16, STEPS, SIGNALS)).astype("float32")
batch_act = rng.integers(0, ACTIONS, size=16)
batch_rew = rng.normal(size=16).astype("float32")
done = rng.random(16) < 0.1

q_target = dqn.predict(batch_obs, verbose=0)
bootstrap = dqn.predict(batch_next, verbose=0).max(axis=1)
q_target[np.arange(16), batch_act] = batch_rew + DISCOUNT * bootstrap * (~done)
print("td loss:", float(dqn.train_on_batch(batch_obs, q_target)))
