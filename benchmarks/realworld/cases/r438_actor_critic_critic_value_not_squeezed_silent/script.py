import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_actions = 2
num_hidden_units = 32
max_steps_per_episode = 40
gamma = 0.99
eps = np.finfo(np.float32).eps.item()
rng = np.random.default_rng(0)


class ActorCritic(keras.Model):
    """Combined actor-critic network."""

    def __init__(self, num_actions, num_hidden_units):
        super().__init__()
        self.common = layers.Dense(num_hidden_units, activation="relu")
        self.actor = layers.Dense(num_actions)
        self.critic = layers.Dense(1)

    def call(self, inputs):
        x = self.common(inputs)
        return self.actor(x), self.critic(x)


def env_step(action):
    """A stand-in for CartPole: random 4-value observations, reward 1 per step."""
    state = rng.normal(size=(4,)).astype(np.float32)
    return tf.constant(state), tf.constant(1.0)


def run_episode(initial_state, model, max_steps):
    action_probs, values, rewards = [], [], []
    state = initial_state
    for t in range(max_steps):
        state = tf.expand_dims(state, 0)
        action_logits_t, value = model(state)
        action = tf.random.categorical(action_logits_t, 1)[0, 0]
        action_probs_t = tf.nn.softmax(action_logits_t)
        values.append(value)
        action_probs.append(action_probs_t[0, action])
        state, reward = env_step(action)
        rewards.append(reward)
    return tf.stack(action_probs), tf.stack(values), tf.stack(rewards)


def get_expected_return(rewards, gamma, standardize=True):
    returns = []
    discounted_sum = 0.0
    for r in rewards.numpy()[::-1]:
        discounted_sum = r + gamma * discounted_sum
        returns.append(discounted_sum)
    returns = tf.constant(returns[::-1], dtype=tf.float32)
    if standardize:
        returns = (returns - tf.math.reduce_mean(returns)) / (tf.math.reduce_std(returns) + eps)
    return returns


huber_loss = keras.losses.Huber(reduction="sum")


def compute_loss(action_probs, values, returns):
    advantage = returns - values
    action_log_probs = tf.math.log(action_probs)
    actor_loss = -tf.math.reduce_sum(action_log_probs * advantage)
    critic_loss = huber_loss(values, returns)
    return actor_loss + critic_loss


def train_step(initial_state, model, optimizer, gamma, max_steps_per_episode):
    with tf.GradientTape() as tape:
        action_probs, values, rewards = run_episode(initial_state, model, max_steps_per_episode)
        returns = get_expected_return(rewards, gamma)
        action_probs, values, returns = [tf.expand_dims(x, 1) for x in [action_probs, values, returns]]
        loss = compute_loss(action_probs, values, returns)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return float(tf.math.reduce_sum(rewards)), float(loss)


model = ActorCritic(num_actions, num_hidden_units)
optimizer = keras.optimizers.Adam(learning_rate=0.01)
for episode in range(3):
    initial_state = tf.constant(rng.normal(size=(4,)).astype(np.float32))
    episode_reward, loss = train_step(initial_state, model, optimizer, gamma, max_steps_per_episode)
    print(episode, episode_reward, loss)
