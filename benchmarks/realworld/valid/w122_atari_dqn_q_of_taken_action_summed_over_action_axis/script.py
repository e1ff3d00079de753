# Deep Q-network update on stacked 44x44 frames: the target network scores the next
# states, a one-hot mask picks Q(s, a) per transition, Huber loss in a GradientTape loop.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

n_actions = 3
discount = 0.97
minibatch = 24


def build_q_network():
    frames = keras.Input(shape=(4, 44, 44))
    h = layers.Permute((2, 3, 1))(frames)
    h = layers.Conv2D(16, 8, strides=4, activation="relu")(h)
    h = layers.Conv2D(32, 4, strides=2, activation="relu")(h)
    h = layers.Conv2D(32, 3, strides=1, activation="relu")(h)
    h = layers.Flatten()(h)
    h = layers.Dense(64, activation="relu")(h)
    return keras.Model(frames, layers.Dense(n_actions)(h))


online_net = build_q_network()
target_net = build_q_network()
target_net.set_weights(online_net.get_weights())
opt = keras.optimizers.Adam(learning_rate=1e-4, clipnorm=1.0)
huber = keras.losses.Huber()

rng = np.random.default_rng(77)
memory_size = 200
states = rng.random(size=(memory_size, 4, 44, 44)).astype("float32")
next_states = rng.random(size=(memory_size, 4, 44, 44)).astype("float32")
actions = rng.integers(0, n_actions, size=memory_size)
rewards = rng.choice([0.0, 1.0], size=memory_size).astype("float32")
terminals = (rng.random(size=memory_size) < 0.1).astype("float32")

for update in range(6):
    idx = rng.choice(memory_size, size=minibatch)
    next_q = target_net.predict(next_states[idx], verbose=0)
    targets = rewards[idx] + discount * keras.ops.amax(next_q, axis=1)
    targets = targets * (1 - terminals[idx]) - terminals[idx]
    action_mask = keras.ops.one_hot(actions[idx], n_actions)

    with tf.GradientTape() as tape:
        all_q = online_net(states[idx])
        chosen_q = keras.ops.sum(keras.ops.multiply(all_q, action_mask), axis=1)
        td_loss = huber(targets, chosen_q)

    grads = tape.gradient(td_loss, online_net.trainable_variables)
    opt.apply_gradients(zip(grads, online_net.trainable_variables))

print("td loss:", float(td_loss), "chosen_q:", tuple(chosen_q.shape))
