import numpy as np
import tensorflow as tf
import keras
from keras import layers

# One-step actor-critic update on a batch of recorded states, actions and returns.
n_actions = 3
states = np.random.rand(64, 6).astype("float32")
actions = np.random.randint(0, n_actions, size=(64,))
returns = np.random.rand(64).astype("float32")


class ActorCritic(keras.Model):
    def train_step(self, data):
        obs, (taken, rets) = data
        with tf.GradientTape() as tape:
            logits, values = self(obs, training=True)
            advantage = rets - values
            log_probs = tf.reduce_sum(tf.nn.log_softmax(logits) * tf.one_hot(taken, n_actions), axis=-1)
            actor_loss = -tf.reduce_mean(log_probs * tf.stop_gradient(advantage))
            critic_loss = tf.reduce_mean(tf.square(advantage))
            loss = actor_loss + 0.5 * critic_loss
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


inputs = keras.Input(shape=(6,))
h = layers.Dense(32, activation="relu")(inputs)
policy = layers.Dense(n_actions)(h)
value = layers.Dense(1)(h)
model = ActorCritic(inputs, [policy, value])
model.compile(optimizer="adam")
model.fit(states, (actions, returns), epochs=1, batch_size=16, verbose=0)
