# Deep Q-learning update on stacked frames (Atari-style, shrunk to 36x36) with a
# replay buffer of random transitions, a target network and a Huber loss.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_actions = 4
gamma = 0.99
batch_size = 32


def create_q_model():
    return keras.Sequential(
        [
            keras.Input(shape=(4, 36, 36)),
            layers.Lambda(lambda t: keras.ops.transpose(t, [0, 2, 3, 1]), output_shape=(36, 36, 4)),
            layers.Conv2D(32, 8, strides=4, activation="relu"),
            layers.Conv2D(64, 4, strides=2, activation="relu"),
            layers.Conv2D(64, 3, strides=1, activation="relu"),
            layers.Flatten(),
            layers.Dense(128, activation="relu"),
            layers.Dense(num_actions, activation="linear"),
        ]
    )


model = create_q_model()
model_target = create_q_model()
optimizer = keras.optimizers.Adam(learning_rate=0.00025, clipnorm=1.0)
loss_function = keras.losses.Huber()

rng = np.random.default_rng(2)
state_history = list(rng.random(size=(300, 4, 36, 36)).astype("float32"))
state_next_history = list(rng.random(size=(300, 4, 36, 36)).astype("float32"))
action_history = list(rng.integers(0, num_actions, size=300))
rewards_history = list(rng.integers(0, 2, size=300).astype("float32"))
done_history = list(rng.random(size=300) < 0.05)

for step in range(10):
    indices = rng.choice(range(len(done_history)), size=batch_size)
    state_sample = np.array([state_history[i] for i in indices])
    state_next_sample = np.array([state_next_history[i] for i in indices])
    rewards_sample = [rewards_history[i] for i in indices]
    action_sample = [action_history[i] for i in indices]
    done_sample = keras.ops.convert_to_tensor([float(done_history[i]) for i in indices])

    future_rewards = model_target.predict(state_next_sample, verbose=0)
    updated_q_values = rewards_sample + gamma * keras.ops.amax(future_rewards, axis=1)
    updated_q_values = updated_q_values * (1 - done_sample) - done_sample
    masks = keras.ops.one_hot(action_sample, num_actions)

    with tf.GradientTape() as tape:
        q_values = model(state_sample)
        q_action = keras.ops.sum(keras.ops.multiply(q_values, masks))
        loss = loss_function(updated_q_values, q_action)

    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))

print("last loss:", float(loss), "q_action shape:", tuple(q_action.shape))
