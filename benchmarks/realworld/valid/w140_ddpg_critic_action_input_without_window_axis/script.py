# DDPG for a small quadcopter attitude controller: the agent keeps the last 3
# observations (9 IMU readings each). The policy net turns the observation window into
# 3 rotor commands; the Q-net scores a (command, observation window) pair, where the
# command is one vector per window and only the observations carry the window axis.
# The policy is trained through pilot = q_net([policy(window), window]) with the
# Q-net frozen.
import numpy as np
import keras
from keras import layers

HISTORY = 3
N_IMU = 9
N_COMMANDS = 3

policy = keras.Sequential([
    keras.Input(shape=(HISTORY, N_IMU)),
    layers.Flatten(),
    layers.Dense(24, activation="relu"),
    layers.Dense(N_COMMANDS, activation="tanh"),
], name="policy")

command_in = keras.Input(shape=(N_COMMANDS,), name="command")
window_in = keras.Input(shape=(HISTORY, N_IMU), name="imu_window")
joined = layers.Concatenate()([command_in, layers.Flatten()(window_in)])
joined = layers.Dense(24, activation="relu")(joined)
q_out = layers.Dense(1)(joined)
q_net = keras.Model([command_in, window_in], q_out, name="q_net")
q_net.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(140)
windows = rng.normal(size=(48, HISTORY, N_IMU)).astype("float32")
commands = rng.uniform(-1, 1, size=(48, N_COMMANDS)).astype("float32")
returns = rng.normal(size=(48, 1)).astype("float32")
q_net.fit([commands, windows], returns, batch_size=12, epochs=1, verbose=0)

q_net.trainable = False
window_seen = keras.Input(shape=(HISTORY, N_IMU))
pilot = keras.Model(window_seen, q_net([policy(window_seen), window_seen]))
pilot.compile(optimizer="adam", loss=lambda y_true, y_pred: -keras.ops.mean(y_pred))
pilot.fit(windows, np.zeros((48, 1), "float32"), batch_size=12, epochs=1, verbose=0)
print(policy.predict(windows[:3], verbose=0).shape)
