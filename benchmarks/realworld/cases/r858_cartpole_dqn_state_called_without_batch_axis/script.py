import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ToyCartPole:
    """4-value observation, two actions, episode ends after a random number of steps."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.t = 0
        return self.rng.uniform(-0.05, 0.05, size=4).astype("float32")

    def step(self, action):
        self.t += 1
        state = self.rng.uniform(-0.2, 0.2, size=4).astype("float32")
        done = self.t >= 20 or self.rng.random() < 0.05
        return state, 1.0, done, {}


gamma = 0.99
epsilon = 1.0
epsilon_min = 0.01
epsilon_decay = 0.999
batch_size = 16
env = ToyCartPole(858)

num_inputs = 4
num_actions = 2
num_hidden = 24

inputs = layers.Input(shape=(num_inputs,))
hidden_layer_1 = layers.Dense(num_hidden, activation="relu")(inputs)
hidden_layer_2 = layers.Dense(num_hidden, activation="relu")(hidden_layer_1)
action = layers.Dense(num_actions, activation="linear")(hidden_layer_2)
model = keras.Model(inputs=inputs, outputs=action)
model.compile(loss=keras.losses.MeanSquaredError(), optimizer=keras.optimizers.Adam(learning_rate=0.01))

state_history, action_history, reward_history = [], [], []
for episode in range(3):
    state = env.reset()
    for timestep in range(1, 50):
        state_tensor = tf.convert_to_tensor(state)
        action_probs = model(state_tensor)
        action = int(np.argmax(action_probs[0]))
        if epsilon > np.random.rand(1)[0]:
            action = np.random.choice(num_actions)
        epsilon = max(epsilon_min, epsilon * epsilon_decay)

        state_next, reward, done, _ = env.step(action)
        state_history.append(state)
        action_history.append(action)
        reward_history.append(reward if not done else -1)
        state = state_next

        if len(state_history) > batch_size:
            idx = np.random.choice(len(state_history), size=batch_size)
            states = np.array([state_history[i] for i in idx])
            q_values = np.array(model(states))
            for row, i in enumerate(idx):
                q_values[row, action_history[i]] = reward_history[i]
            model.fit(states, q_values, verbose=0)
        if done:
            break
print("steps stored:", len(state_history), "epsilon:", round(epsilon, 3))
