# DDPG update step for a pendulum-like task (keras-io "Deep Deterministic Policy Gradient"
# style): the actor maps a 3-value state to one bounded torque, the critic scores a
# (state, action) pair through two input branches joined by Concatenate, and both are
# trained from a replay buffer with GradientTape, using slowly updated target networks.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_states = 3
num_actions = 1
upper_bound = 2.0
gamma = 0.99
tau = 0.005


def make_actor():
    small_init = keras.initializers.RandomUniform(minval=-0.003, maxval=0.003)
    s = layers.Input(shape=(num_states,))
    h = layers.Dense(64, activation="relu")(s)
    h = layers.Dense(64, activation="relu")(h)
    torque = layers.Dense(1, activation="tanh", kernel_initializer=small_init)(h)
    return keras.Model(s, torque * upper_bound)


def make_critic():
    state_in = layers.Input(shape=(num_states,))
    state_h = layers.Dense(16, activation="relu")(state_in)
    state_h = layers.Dense(32, activation="relu")(state_h)
    action_in = layers.Input(shape=(num_states,))
    action_h = layers.Dense(32, activation="relu")(action_in)
    joined = layers.Concatenate()([state_h, action_h])
    h = layers.Dense(64, activation="relu")(joined)
    h = layers.Dense(64, activation="relu")(h)
    return keras.Model([state_in, action_in], layers.Dense(1)(h))


actor, critic = make_actor(), make_critic()
target_actor, target_critic = make_actor(), make_critic()
target_actor.set_weights(actor.get_weights())
target_critic.set_weights(critic.get_weights())
critic_opt = keras.optimizers.Adam(0.002)
actor_opt = keras.optimizers.Adam(0.001)

# replay buffer filled with random transitions instead of gym episodes
rng = np.random.default_rng(2)
capacity = 500
state_buf = rng.normal(size=(capacity, num_states)).astype("float32")
action_buf = rng.uniform(-2, 2, size=(capacity, num_actions)).astype("float32")
reward_buf = rng.normal(size=(capacity, 1)).astype("float32")
next_state_buf = rng.normal(size=(capacity, num_states)).astype("float32")


def update(states, actions, rewards, next_states):
    with tf.GradientTape() as tape:
        target_actions = target_actor(next_states, training=True)
        y = rewards + gamma * target_critic([next_states, target_actions], training=True)
        q = critic([states, actions], training=True)
        critic_loss = keras.ops.mean(keras.ops.square(y - q))
    grads = tape.gradient(critic_loss, critic.trainable_variables)
    critic_opt.apply_gradients(zip(grads, critic.trainable_variables))

    with tf.GradientTape() as tape:
        q = critic([states, actor(states, training=True)], training=True)
        actor_loss = -keras.ops.mean(q)
    grads = tape.gradient(actor_loss, actor.trainable_variables)
    actor_opt.apply_gradients(zip(grads, actor.trainable_variables))
    return float(critic_loss), float(actor_loss)


def soft_update(target, source):
    target.set_weights([tau * w + (1 - tau) * t
                        for w, t in zip(source.get_weights(), target.get_weights())])


for step in range(5):
    idx = rng.choice(capacity, 64)
    batch = [keras.ops.convert_to_tensor(buf[idx])
             for buf in (state_buf, action_buf, reward_buf, next_state_buf)]
    losses = update(*batch)
    soft_update(target_actor, actor)
    soft_update(target_critic, critic)
print("critic / actor loss:", losses)
