import numpy as np
import tensorflow as tf
import keras


class SimpleEnvironment:
    def __init__(self, size=4):
        self.size = size
        self.state = 0

    def reset(self):
        self.state = 0
        return self.state

    def step(self, action):
        if action == 0:
            self.state = max(0, self.state - 1)
        else:
            self.state = min(self.size - 1, self.state + 1)
        reward = 1 if self.state == self.size - 1 else 0
        return self.state, reward, self.state == self.size - 1

    def get_observation_space_shape(self):
        return (1,)

    def get_action_space_n(self):
        return 2


def create_policy_model(observation_space_shape, action_space_n):
    inputs = keras.Input(shape=observation_space_shape)
    x = keras.layers.Dense(32, activation="relu")(inputs)
    outputs = keras.layers.Dense(action_space_n, activation="softmax")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def create_reward_model(observation_space_shape, action_space_n):
    inputs = keras.Input(shape=observation_space_shape)
    x = keras.layers.Dense(32, activation="relu")(inputs)
    outputs = keras.layers.Dense(1)(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def rlhf_training_loop(env, policy_model, reward_model, num_episodes=3, learning_rate=0.001):
    policy_optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    reward_optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    rng = np.random.default_rng(908)
    for episode in range(num_episodes):
        state, done, steps = env.reset(), False, 0
        while not done and steps < 20:
            state_input_np = np.array([state], dtype="float32").reshape(1, -1)
            action_probs = policy_model(state_input_np)[0].numpy()
            action = rng.choice(env.get_action_space_n(), p=action_probs / action_probs.sum())
            next_state, true_reward, done = env.step(action)

            action_one_hot = np.eye(env.get_action_space_n(), dtype="float32")[action]
            reward_model_input_np = np.concatenate([state_input_np.flatten(), action_one_hot]).reshape(1, -1)
            with tf.GradientTape() as tape:
                predicted_reward = reward_model(reward_model_input_np)[0, 0]
                reward_loss = tf.square(predicted_reward - float(true_reward))
            grads = tape.gradient(reward_loss, reward_model.trainable_variables)
            reward_optimizer.apply_gradients(zip(grads, reward_model.trainable_variables))

            with tf.GradientTape() as tape:
                probs = policy_model(state_input_np)[0]
                policy_loss = -tf.math.log(probs[action] + 1e-7) * tf.stop_gradient(predicted_reward)
            grads = tape.gradient(policy_loss, policy_model.trainable_variables)
            policy_optimizer.apply_gradients(zip(grads, policy_model.trainable_variables))
            state, steps = next_state, steps + 1
        print(f"Episode {episode + 1}: steps {steps}")


env = SimpleEnvironment()
obs_space_shape = env.get_observation_space_shape()
act_space_n = env.get_action_space_n()
policy_model = create_policy_model(obs_space_shape, act_space_n)
reward_model = create_reward_model(obs_space_shape, act_space_n)
rlhf_training_loop(env, policy_model, reward_model)
print("Training finished.")
