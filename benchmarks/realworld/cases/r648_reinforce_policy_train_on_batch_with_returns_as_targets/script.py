# REINFORCE on a CartPole-like task: a softmax policy network over 2 actions, one
# episode of (state, action, reward) is collected, the discounted returns are
# normalised, and the network is updated with a single train_on_batch call.
import numpy as np
import keras
from keras import layers

STATE_DIM, NUM_ACTIONS, GAMMA = 4, 2, 0.95

network = keras.Sequential([
    keras.Input(shape=(STATE_DIM,)),
    layers.Dense(30, activation="relu"),
    layers.Dense(30, activation="relu"),
    layers.Dense(NUM_ACTIONS, activation="softmax"),
])
network.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy")

rng = np.random.default_rng(27)
states, actions, rewards = [], [], []
state = rng.normal(size=STATE_DIM).astype("float32")
for step in range(20):
    probs = network(state[None, :]).numpy()[0]
    action = rng.choice(NUM_ACTIONS, p=probs / probs.sum())
    states.append(state)
    actions.append(action)
    rewards.append(1.0)
    state = (state + rng.normal(scale=0.1, size=STATE_DIM)).astype("float32")

discounted_rewards = []
running = 0.0
for r in reversed(rewards):
    running = r + GAMMA * running
    discounted_rewards.insert(0, running)
discounted_rewards = np.array(discounted_rewards, dtype="float32")
discounted_rewards = (discounted_rewards - discounted_rewards.mean()) / (discounted_rewards.std() + 1e-8)

states = np.vstack(states)
loss = network.train_on_batch(states, discounted_rewards)
print("loss:", loss)
