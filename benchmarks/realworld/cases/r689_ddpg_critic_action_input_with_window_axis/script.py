# DDPG for a 2-joint arm: the agent stacks the last 4 observations (window length 4,
# 6 sensor values each). The actor maps the stacked observations to 2 torques; the
# critic scores an (action, observation window) pair; the actor is trained through a
# combined model critic([actor(obs), obs]) with the critic frozen.
import numpy as np
import keras
from keras import layers

WINDOW_LENGTH = 4
N_SENSORS = 6
N_ACTIONS = 2

actor = keras.Sequential([
    keras.Input(shape=(WINDOW_LENGTH, N_SENSORS)),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(N_ACTIONS, activation="tanh"),
], name="actor")

action_input = keras.Input(shape=(WINDOW_LENGTH, N_ACTIONS), name="action_input")
observation_input = keras.Input(shape=(WINDOW_LENGTH, N_SENSORS), name="observation_input")
flat_action = layers.Flatten()(action_input)
flat_observation = layers.Flatten()(observation_input)
h = layers.Concatenate()([flat_action, flat_observation])
h = layers.Dense(32, activation="relu")(h)
q_value = layers.Dense(1)(h)
critic = keras.Model([action_input, observation_input], q_value, name="critic")
critic.compile(optimizer="adam", loss="mse")

critic.trainable = False
obs_window = keras.Input(shape=(WINDOW_LENGTH, N_SENSORS))
actor_q = critic([actor(obs_window), obs_window])
actor_trainer = keras.Model(obs_window, actor_q)
actor_trainer.compile(optimizer="adam", loss=lambda y_true, y_pred: -keras.ops.mean(y_pred))

rng = np.random.default_rng(93)
states = rng.normal(size=(64, WINDOW_LENGTH, N_SENSORS)).astype("float32")
actor_trainer.fit(states, np.zeros((64, 1), "float32"), batch_size=16, epochs=1, verbose=0)
print(actor.predict(states[:2], verbose=0).shape)
