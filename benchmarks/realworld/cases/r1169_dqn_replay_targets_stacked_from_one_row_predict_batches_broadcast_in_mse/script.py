import random
import numpy as np
import keras
from keras import layers

n_inputs, n_outputs, gamma, batch_size = 4, 2, 0.9, 8

# replay memory of CartPole-like transitions: state (1, 4), action, reward, next_state (1, 4), done
rng = np.random.default_rng(13)
random.seed(13)
memory = []
for _ in range(32):
    state = rng.normal(0, 0.1, size=(1, n_inputs)).astype("float32")
    action = int(rng.integers(0, n_outputs))
    next_state = state + rng.normal(0, 0.05, size=(1, n_inputs)).astype("float32")
    done = bool(abs(next_state[0, 2]) > 0.15)
    memory.append((state, action, 0.0 if done else 1.0, next_state, done))


def build_model(n_inputs, n_outputs):
    inputs = keras.Input(shape=(n_inputs,), name="state")
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(64, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(n_outputs, activation="linear", name="action")(x))


q_model = build_model(n_inputs, n_outputs)
q_model.compile(loss="mse", optimizer=keras.optimizers.Adam())
target_q_model = build_model(n_inputs, n_outputs)
target_q_model.set_weights(q_model.get_weights())


def get_target_q_value(next_state, reward):
    q_value = np.amax(target_q_model.predict(next_state, verbose=0)[0])
    return reward + gamma * q_value


for replay in range(2):
    sars_batch = random.sample(memory, batch_size)
    state_batch, q_values_batch = [], []
    for state, action, reward, next_state, done in sars_batch:
        q_values = q_model.predict(state, verbose=0)
        q_value = get_target_q_value(next_state, reward)
        q_values[0][action] = reward if done else q_value
        state_batch.append(state[0])
        q_values_batch.append(q_values)
    history = q_model.fit(np.array(state_batch), np.array(q_values_batch), batch_size=batch_size, epochs=1, verbose=0)
    target_q_model.set_weights(q_model.get_weights())
    print("replay", replay, "loss", history.history["loss"][0])
