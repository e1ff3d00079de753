import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_inputs = 4
num_actions = 2
num_hidden = 32
gamma = 0.99

inputs = layers.Input(shape=(num_inputs,))
common = layers.Dense(num_hidden, activation="relu")(inputs)
action = layers.Dense(num_actions, activation="softmax")(common)
critic = layers.Dense(1)(common)
model = keras.Model(inputs=inputs, outputs=[action, critic])
optimizer = keras.optimizers.Adam(learning_rate=0.01)
huber_loss = keras.losses.Huber()

state = np.random.rand(num_inputs).astype("float32")
action_probs_history, critic_value_history, rewards_history = [], [], []
with tf.GradientTape() as tape:
    for timestep in range(10):
        state_t = tf.convert_to_tensor(state)
        state_t = tf.expand_dims(state_t, 0)
        action_probs, critic_value = model(state_t)
        critic_value_history.append(critic_value[0, 0])
        a = np.random.choice(num_actions, p=np.squeeze(action_probs))
        action_probs_history.append(tf.math.log(action_probs[0, a]))
        state = np.random.rand(num_inputs).astype("float32")
        rewards_history.append(1.0)
    returns = []
    discounted_sum = 0
    for r in rewards_history[::-1]:
        discounted_sum = r + gamma * discounted_sum
        returns.insert(0, discounted_sum)
    returns = np.array(returns)
    returns = ((returns - np.mean(returns)) / (np.std(returns) + 1e-7)).tolist()
    actor_losses, critic_losses = [], []
    for log_prob, value, ret in zip(action_probs_history, critic_value_history, returns):
        diff = ret - value
        actor_losses.append(-log_prob * diff)
        critic_losses.append(huber_loss(tf.expand_dims(value, 0), tf.expand_dims(ret, 0)))
    loss_value = sum(actor_losses) + sum(critic_losses)
grads = tape.gradient(loss_value, model.trainable_variables)
optimizer.apply_gradients(zip(grads, model.trainable_variables))
print(float(loss_value))
