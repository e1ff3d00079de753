# Actor-critic on a CartPole-like task (keras-io "Actor Critic Method" style): one
# shared Dense trunk, a softmax actor head and a scalar critic head, trained episode
# by episode with a GradientTape on the actor and Huber critic losses.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

gamma = 0.99
eps = np.finfo(np.float32).eps.item()
n_obs = 4
n_moves = 2
n_hidden = 64
rng = np.random.default_rng(5)


class ToyPole:
    """Random-walk stand-in for CartPole-v0: 4 observations, 2 actions."""

    def reset(self):
        self.t = 0
        self.obs = rng.normal(scale=0.05, size=n_obs).astype("float32")
        return self.obs

    def step(self, move):
        self.t += 1
        self.obs = (self.obs + (0.1 if move else -0.1) + rng.normal(scale=0.05, size=n_obs)).astype("float32")
        done = self.t >= 20 or abs(self.obs[2]) > 1.0
        return self.obs, 1.0, done


obs_in = layers.Input(shape=(n_obs,))
trunk = layers.Dense(n_hidden, activation="relu")(obs_in)
policy = layers.Dense(n_moves, activation="softmax")(trunk)
value = layers.Dense(1)(trunk)
agent = keras.Model(inputs=obs_in, outputs=[policy, value])

optimizer = keras.optimizers.Adam(learning_rate=0.01)
huber = keras.losses.Huber()
env = ToyPole()

for episode in range(3):
    obs = env.reset()
    probs_history, values_history, rewards_history = [], [], []
    with tf.GradientTape() as tape:
        for step in range(1, 50):
            obs = ops.convert_to_tensor(obs)
            move_probs, critic_value = agent(obs)
            values_history.append(critic_value[0, 0])
            move = rng.choice(n_moves, p=np.squeeze(move_probs))
            probs_history.append(ops.log(move_probs[0, move]))
            obs, reward, done = env.step(move)
            rewards_history.append(reward)
            if done:
                break
        returns, discounted = [], 0
        for r in rewards_history[::-1]:
            discounted = r + gamma * discounted
            returns.insert(0, discounted)
        returns = np.array(returns)
        returns = ((returns - np.mean(returns)) / (np.std(returns) + eps)).tolist()
        actor_losses, critic_losses = [], []
        for log_prob, val, ret in zip(probs_history, values_history, returns):
            actor_losses.append(-log_prob * (ret - val))
            critic_losses.append(huber(ops.expand_dims(val, 0), ops.expand_dims(ret, 0)))
        loss_value = sum(actor_losses) + sum(critic_losses)
    grads = tape.gradient(loss_value, agent.trainable_variables)
    optimizer.apply_gradients(zip(grads, agent.trainable_variables))
    print("episode", episode, "steps", len(rewards_history))
