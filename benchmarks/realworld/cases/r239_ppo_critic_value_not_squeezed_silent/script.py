import numpy as np
import tensorflow as tf
import keras
from keras import layers

steps_per_epoch = 256
observation_dimensions = 4
num_actions = 2
hidden_sizes = (64, 64)
gamma = 0.99


def mlp(x, sizes, activation="tanh", output_activation=None):
    for size in sizes[:-1]:
        x = layers.Dense(units=size, activation=activation)(x)
    return layers.Dense(units=sizes[-1], activation=output_activation)(x)


observation_input = keras.Input(shape=(observation_dimensions,), dtype="float32")
logits = mlp(observation_input, list(hidden_sizes) + [num_actions])
actor = keras.Model(inputs=observation_input, outputs=logits)
value = mlp(observation_input, list(hidden_sizes) + [1])
critic = keras.Model(inputs=observation_input, outputs=value)
value_optimizer = keras.optimizers.Adam(learning_rate=1e-3)


def discounted_cumulative_sums(x, discount):
    out = np.zeros_like(x)
    running = 0.0
    for i in reversed(range(len(x))):
        running = x[i] + discount * running
        out[i] = running
    return out


@tf.function
def train_value_function(observation_buffer, return_buffer):
    with tf.GradientTape() as tape:
        value_loss = keras.ops.mean((return_buffer - critic(observation_buffer)) ** 2)
    value_grads = tape.gradient(value_loss, critic.trainable_variables)
    value_optimizer.apply_gradients(zip(value_grads, critic.trainable_variables))
    return value_loss


# One epoch of CartPole-like experience: observations, rewards, rewards-to-go
observation_buffer = np.random.randn(steps_per_epoch, observation_dimensions).astype("float32")
reward_buffer = np.ones(steps_per_epoch, dtype="float32")
return_buffer = discounted_cumulative_sums(reward_buffer, gamma).astype("float32")  # (steps,)

for _ in range(5):
    value_loss = train_value_function(observation_buffer, return_buffer)
print("value loss", float(value_loss))
