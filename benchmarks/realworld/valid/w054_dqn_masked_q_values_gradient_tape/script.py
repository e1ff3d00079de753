import numpy as np
import keras
import tensorflow as tf
from keras import layers

gamma = 0.99
batch_size = 8
num_actions = 4


def create_q_model():
    # Network defined by the Deepmind paper: stacked 84x84 frames in, one Q-value per action out
    inputs = layers.Input(shape=(84, 84, 4))
    x = layers.Conv2D(16, 8, strides=4, activation="relu")(inputs)
    x = layers.Conv2D(32, 4, strides=2, activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=1, activation="relu")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    action = layers.Dense(num_actions, activation="linear")(x)
    return keras.Model(inputs=inputs, outputs=action)


model = create_q_model()
model_target = create_q_model()
optimizer = keras.optimizers.Adam(learning_rate=0.00025, clipnorm=1.0)
loss_function = keras.losses.Huber()

# A small replay buffer filled from a random environment
action_history = list(np.random.randint(0, num_actions, size=32))
state_history = [np.random.rand(84, 84, 4).astype("float32") for _ in range(32)]
state_next_history = [np.random.rand(84, 84, 4).astype("float32") for _ in range(32)]
rewards_history = list(np.random.choice([0.0, 1.0], size=32))
done_history = list(np.random.choice([0.0, 1.0], size=32, p=[0.9, 0.1]))

for step in range(3):
    indices = np.random.choice(range(len(done_history)), size=batch_size)
    state_sample = np.array([state_history[i] for i in indices])
    state_next_sample = np.array([state_next_history[i] for i in indices])
    rewards_sample = np.array([rewards_history[i] for i in indices], dtype="float32")
    action_sample = [action_history[i] for i in indices]
    done_sample = tf.convert_to_tensor([float(done_history[i]) for i in indices])

    # Q value = reward + discount factor * expected future reward
    future_rewards = model_target.predict(state_next_sample, verbose=0)
    updated_q_values = rewards_sample + gamma * tf.reduce_max(future_rewards, axis=1)
    # If final frame set the last value to -1
    updated_q_values = updated_q_values * (1 - done_sample) - done_sample

    # Create a mask so we only calculate loss on the updated Q-values
    masks = tf.one_hot(action_sample, num_actions)
    with tf.GradientTape() as tape:
        q_values = model(state_sample)
        q_action = tf.reduce_sum(tf.multiply(q_values, masks), axis=1)
        loss = loss_function(updated_q_values, q_action)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))

model_target.set_weights(model.get_weights())
state = np.random.rand(84, 84, 4).astype("float32")
action_probs = model(tf.expand_dims(tf.convert_to_tensor(state), 0), training=False)
print("greedy action", int(tf.argmax(action_probs[0]).numpy()), "loss", float(loss))
