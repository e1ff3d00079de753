import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

obs_dim, act_dim = 3, 1
max_torque = 2.0
discount = 0.99
gen = np.random.default_rng(21)


class ReplayMemory:
    def __init__(self, capacity=500, minibatch=16):
        self.capacity = capacity
        self.minibatch = minibatch
        self.count = 0
        self.obs = np.zeros((capacity, obs_dim), dtype="float32")
        self.acts = np.zeros((capacity, act_dim), dtype="float32")
        self.rews = np.zeros((capacity, 1), dtype="float32")
        self.next_obs = np.zeros((capacity, obs_dim), dtype="float32")

    def store(self, o, a, r, o2):
        i = self.count % self.capacity
        self.obs[i], self.acts[i], self.rews[i], self.next_obs[i] = o, a, r, o2
        self.count += 1

    def update_critic(self):
        idx = gen.choice(min(self.count, self.capacity), self.minibatch)
        o, a, r, o2 = (
            tf.convert_to_tensor(arr[idx])
            for arr in (self.obs, self.acts, self.rews, self.next_obs)
        )
        with tf.GradientTape() as tape:
            target_q = r + discount * slow_critic([o2, slow_actor(o2)])
            q = critic([o, a])
            td_loss = tf.reduce_mean(tf.square(target_q - q))
        grads = tape.gradient(td_loss, critic.trainable_variables)
        critic_opt.apply_gradients(zip(grads, critic.trainable_variables))
        return float(td_loss)


def make_actor():
    obs_in = layers.Input(shape=(obs_dim,))
    h = layers.Dense(48, activation="relu")(obs_in)
    h = layers.LayerNormalization()(h)
    torque = layers.Dense(act_dim, activation="tanh")(h)
    return keras.Model(obs_in, torque * max_torque)


def make_critic():
    obs_in = layers.Input(shape=(obs_dim,))
    act_in = layers.Input(shape=(act_dim,))
    h = layers.Concatenate()([obs_in, act_in])
    h = layers.Dense(48, activation="relu")(h)
    h = layers.LayerNormalization()(h)
    return keras.Model([obs_in, act_in], layers.Dense(1)(h))


actor, critic = make_actor(), make_critic()
slow_actor, slow_critic = make_actor(), make_critic()
slow_actor.set_weights(actor.get_weights())
slow_critic.set_weights(critic.get_weights())
critic_opt = keras.optimizers.Adam(0.002)

memory = ReplayMemory()
obs = gen.normal(size=obs_dim).astype("float32")
for t in range(48):
    torque = actor(obs[None, :]).numpy()[0] + gen.normal(0, 0.2, size=act_dim)
    torque = np.clip(torque, -max_torque, max_torque)
    next_obs = gen.normal(size=obs_dim).astype("float32")
    memory.store(obs, torque, -float(torque[0]) ** 2, next_obs)
    obs = next_obs

print("td loss:", memory.update_critic())
