# Deep Q-learning training step on replayed CartPole-like experiences.
from collections import deque
import numpy as np
import tensorflow as tf

input_shape = [4]
n_outputs = 2
model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="elu", input_shape=input_shape),
    tf.keras.layers.Dense(32, activation="elu"),
    tf.keras.layers.Dense(n_outputs),
])

rng = np.random.default_rng(18)
replay_buffer = deque(maxlen=2000)
for _ in range(500):
    replay_buffer.append((rng.normal(size=4).astype("float32"), int(rng.integers(0, 2)), 1.0,
                          rng.normal(size=4).astype("float32"), bool(rng.random() < 0.05), False))


def sample_experiences(batch_size):
    indices = rng.integers(len(replay_buffer), size=batch_size)
    batch = [replay_buffer[index] for index in indices]
    return [np.array([experience[field_index] for experience in batch])
            for field_index in range(6)]


batch_size = 32
discount_factor = 0.95
optimizer = tf.keras.optimizers.Nadam(learning_rate=1e-2)
loss_fn = tf.keras.losses.MeanSquaredError()


def training_step(batch_size):
    states, actions, rewards, next_states, dones, truncateds = sample_experiences(batch_size)
    next_Q_values = model.predict(next_states, verbose=0)
    max_next_Q_values = next_Q_values.max(axis=1)
    runs = 1.0 - (dones | truncateds)
    target_Q_values = rewards + runs * discount_factor * max_next_Q_values
    target_Q_values = target_Q_values.reshape(-1, 1)
    mask = tf.one_hot(actions, n_outputs)
    with tf.GradientTape() as tape:
        all_Q_values = model(states)
        Q_values = all_Q_values * mask
        loss = tf.reduce_mean(loss_fn(target_Q_values, Q_values))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step in range(20):
    loss = training_step(batch_size)
print("last loss:", float(loss))
