import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_states = 3
num_actions = 1
gamma = 0.99


def get_actor():
    inputs = layers.Input(shape=(num_states,))
    out = layers.Dense(64, activation="relu")(inputs)
    outputs = layers.Dense(num_actions, activation="tanh")(out)
    return keras.Model(inputs, outputs)


def get_critic():
    state_input = layers.Input(shape=(num_states,))
    action_input = layers.Input(shape=(num_actions,))
    concat = layers.Concatenate()([state_input, action_input])
    out = layers.Dense(64, activation="relu")(concat)
    outputs = layers.Dense(1)(out)
    return keras.Model([state_input, action_input], outputs)


class Buffer:
    def __init__(self, buffer_capacity=256, batch_size=32):
        self.buffer_capacity = buffer_capacity
        self.batch_size = batch_size
        self.state_buffer = np.random.rand(buffer_capacity, num_states).astype("float32")
        self.action_buffer = np.random.rand(buffer_capacity, num_actions).astype("float32")
        self.reward_buffer = np.random.rand(buffer_capacity, 1).astype("float32")
        self.next_state_buffer = np.random.rand(buffer_capacity, num_states).astype("float32")

    def update(self, state_batch, action_batch, reward_batch, next_state_batch):
        with tf.GradientTape() as tape:
            target_actions = target_actor(next_state_batch, training=True)
            y = reward_batch + gamma * target_critic([next_state_batch, target_actions], training=True)
            critic_value = critic_model([state_batch, action_batch], training=True)
            critic_loss = keras.ops.mean(keras.ops.square(y - critic_value))
        critic_grad = tape.gradient(critic_loss, critic_model.trainable_variables)
        critic_optimizer.apply_gradients(zip(critic_grad, critic_model.trainable_variables))

        with tf.GradientTape() as tape:
            actions = actor_model(state_batch, training=True)
            critic_value = critic_model([state_batch, actions], training=True)
            actor_loss = -keras.ops.mean(critic_value)
        actor_grad = tape.gradient(actor_loss, actor_model.trainable_variables)
        actor_optimizer.apply_gradients(zip(actor_grad, actor_model.trainable_variables))
        return critic_loss

    def learn(self):
        batch_indices = np.random.choice(self.buffer_capacity, self.batch_size)
        state_batch = tf.convert_to_tensor(self.state_buffer[batch_indices])
        action_batch = tf.convert_to_tensor(self.action_buffer[batch_indices])
        reward_batch = tf.convert_to_tensor(self.reward_buffer[batch_indices])
        next_state_batch = tf.convert_to_tensor(self.next_state_buffer[batch_indices])
        return self.update(state_batch, action_batch, reward_batch, next_state_batch)


actor_model, critic_model = get_actor(), get_critic()
target_actor, target_critic = get_actor(), get_critic()
critic_optimizer = keras.optimizers.Adam(0.002)
actor_optimizer = keras.optimizers.Adam(0.001)
buffer = Buffer()
for step in range(3):
    critic_loss = buffer.learn()
print(float(critic_loss))
