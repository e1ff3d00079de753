import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

nS, nA = 3, 1
upper_bound, lower_bound = 2.0, -2.0
GAMMA = 0.99
rng = np.random.default_rng(8)


class Buffer:
    def __init__(self, buff_cap=1000, batch_size=32):
        self.buff_cap = buff_cap
        self.batch_size = batch_size
        self.buff_ctr = 0
        self.state_buff = np.zeros((self.buff_cap, nS))
        self.action_buff = np.zeros((self.buff_cap, nA))
        self.reward_buff = np.zeros((self.buff_cap, 1))
        self.next_state_buff = np.zeros((self.buff_cap, nS))

    def record(self, obs_tuple):
        index = self.buff_ctr % self.buff_cap
        self.state_buff[index] = obs_tuple[0]
        self.action_buff[index] = obs_tuple[1]
        self.reward_buff[index] = obs_tuple[2]
        self.next_state_buff[index] = obs_tuple[3]
        self.buff_ctr += 1

    def learn(self):
        record_range = min(self.buff_ctr, self.buff_cap)
        batch_idx = rng.choice(record_range, self.batch_size)
        state_batch = tf.convert_to_tensor(self.state_buff[batch_idx], dtype=tf.float32)
        action_batch = tf.convert_to_tensor(self.action_buff[batch_idx], dtype=tf.float32)
        reward_batch = tf.convert_to_tensor(self.reward_buff[batch_idx], dtype=tf.float32)
        next_state_batch = tf.convert_to_tensor(self.next_state_buff[batch_idx], dtype=tf.float32)

        with tf.GradientTape() as tape:
            target_actions = target_actor(next_state_batch)
            y = reward_batch + GAMMA * target_critic([next_state_batch, target_actions])
            critic_value = critic_model([state_batch, action_batch])
            critic_loss = tf.math.reduce_mean(tf.math.square(y - critic_value))
        critic_grad = tape.gradient(critic_loss, critic_model.trainable_variables)
        critic_optimizer.apply_gradients(zip(critic_grad, critic_model.trainable_variables))
        return float(critic_loss)


def get_actor():
    inputs = layers.Input(shape=(nS,))
    out = layers.Dense(64, activation="relu")(inputs)
    out = layers.LayerNormalization()(out)
    outputs = layers.Dense(1, activation="tanh")(out)
    outputs = outputs * upper_bound
    return keras.Model(inputs, outputs)


def get_critic():
    input_s = layers.Input(shape=(nS,))
    input_a = layers.Input(shape=(nS,))
    merged = layers.Concatenate()([input_s, input_a])
    out = layers.Dense(64, activation="relu")(merged)
    out = layers.LayerNormalization()(out)
    outputs = layers.Dense(1)(out)
    return keras.Model([input_s, input_a], outputs)


actor_model, critic_model = get_actor(), get_critic()
target_actor, target_critic = get_actor(), get_critic()
target_actor.set_weights(actor_model.get_weights())
target_critic.set_weights(critic_model.get_weights())
critic_optimizer = keras.optimizers.Adam(0.002)

buffer = Buffer(1000, 32)
prev_state = rng.normal(size=nS)
for step in range(64):
    tf_prev_state = tf.expand_dims(tf.convert_to_tensor(prev_state, dtype=tf.float32), 0)
    action = np.clip(np.squeeze(actor_model(tf_prev_state).numpy()) + rng.normal(0, 0.2), lower_bound, upper_bound)
    state, reward = rng.normal(size=nS), -float(action) ** 2
    buffer.record((prev_state, [action], reward, state))
    prev_state = state

print("critic loss:", buffer.learn())
