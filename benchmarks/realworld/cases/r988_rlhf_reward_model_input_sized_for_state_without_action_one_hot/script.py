# RLHF-style toy loop (after the keras-io RLAIF demo, ported to TensorFlow): a policy
# network picks left/right on a small line world, a reward model scores (state, action)
# pairs and is trained on the environment's reward as a stand-in for human feedback.
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
        done = self.state == self.size - 1
        return self.state, float(done), done

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


def rlhf_training_loop(env, policy_model, reward_model, num_episodes=5, learning_rate=1e-3):
    policy_optimizer = keras.optimizers.Adam(learning_rate)
    reward_optimizer = keras.optimizers.Adam(learning_rate)
    rng = np.random.default_rng(988)
    for episode in range(num_episodes):
        state, done, steps, total = env.reset(), False, 0, 0.0
        while not done and steps < 30:
            state_input = np.array([state], dtype="float32").reshape(1, -1)
            action_probs = policy_model(state_input)[0].numpy()
            action = int(rng.choice(env.get_action_space_n(), p=action_probs / action_probs.sum()))
            next_state, true_reward, done = env.step(action)
            action_one_hot = keras.utils.to_categorical(action, env.get_action_space_n())
            reward_input = np.concatenate([state_input.flatten(), action_one_hot]).reshape(1, -1)
            predicted_reward = reward_model(reward_input)[0]
            with tf.GradientTape() as tape:
                probs = policy_model(state_input)[0]
                policy_loss = -tf.math.log(probs[action] + 1e-7) * tf.stop_gradient(predicted_reward[0])
            grads = tape.gradient(policy_loss, policy_model.trainable_variables)
            policy_optimizer.apply_gradients(zip(grads, policy_model.trainable_variables))
            with tf.GradientTape() as tape:
                reward_loss = keras.losses.mean_squared_error([true_reward], reward_model(reward_input)[0])
            grads = tape.gradient(reward_loss, reward_model.trainable_variables)
            reward_optimizer.apply_gradients(zip(grads, reward_model.trainable_variables))
            total += true_reward
            state, steps = next_state, steps + 1
        print(f"episode {episode + 1}: steps {steps}, reward {total}")


env = SimpleEnvironment()
obs_shape, n_actions = env.get_observation_space_shape(), env.get_action_space_n()
policy = create_policy_model(obs_shape, n_actions)
reward = create_reward_model(obs_shape, n_actions)
rlhf_training_loop(env, policy, reward)
