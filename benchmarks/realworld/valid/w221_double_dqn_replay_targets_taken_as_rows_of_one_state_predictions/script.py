import random
import numpy as np
import keras
from keras import layers

state_size, n_actions, gamma, replay_batch = 6, 3, 0.95, 10

# replay memory of (state, action, reward, next_state, done); states are stored as (1, 6) rows
rng = np.random.default_rng(43)
random.seed(43)
memory = []
for _ in range(40):
    state = rng.uniform(-1, 1, size=(1, state_size)).astype("float32")
    action = int(rng.integers(0, n_actions))
    next_state = np.clip(state + rng.normal(0, 0.1, size=(1, state_size)), -1, 1).astype("float32")
    done = bool(np.abs(next_state).max() > 0.95)
    memory.append((state, action, -1.0 if done else 0.1, next_state, done))


def q_network():
    inputs = keras.Input(shape=(state_size,))
    x = layers.Dense(32, activation="relu")(inputs)
    x = layers.Dense(32, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(n_actions, activation="linear")(x))


q_model, target_q_model = q_network(), q_network()
q_model.compile(loss="mse", optimizer=keras.optimizers.Adam(1e-3))
target_q_model.set_weights(q_model.get_weights())


def double_dqn_target(next_state, reward):
    best_action = np.argmax(q_model.predict(next_state, verbose=0)[0])
    return reward + gamma * target_q_model.predict(next_state, verbose=0)[0][best_action]


for step in range(2):
    batch = random.sample(memory, replay_batch)
    states, targets = [], []
    for state, action, reward, next_state, done in batch:
        q_values = q_model.predict(state, verbose=0)
        q_values[0][action] = reward if done else double_dqn_target(next_state, reward)
        states.append(state[0])
        targets.append(q_values[0])
    states, targets = np.array(states), np.array(targets)
    loss = q_model.fit(states, targets, batch_size=replay_batch, epochs=1, verbose=0).history["loss"][0]
    target_q_model.set_weights(q_model.get_weights())
    print("step", step, "targets", targets.shape, "loss", round(loss, 4))
