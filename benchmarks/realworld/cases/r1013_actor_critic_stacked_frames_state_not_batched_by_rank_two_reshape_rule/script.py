import numpy as np
import keras
from keras import layers


class StackedFramesEnv:
    """CartPole-like toy environment returning the last k observations."""

    def __init__(self, k=4, obs_dim=4, seed=0):
        self.k, self.obs_dim = k, obs_dim
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.frames = [self.rng.normal(size=self.obs_dim) for _ in range(self.k)]
        return np.array(self.frames, dtype="float32")

    def step(self, action):
        self.frames = self.frames[1:] + [self.rng.normal(size=self.obs_dim)]
        done = self.rng.random() < 0.1
        return np.array(self.frames, dtype="float32"), 1.0, done


class Agent:
    def __init__(self, model):
        self.model = model

    def fit(self, inp, targ, weights=None):
        self.model.fit(inp, targ, sample_weight=weights, epochs=1, verbose=0)

    def predict(self, inp):
        return self.model.predict(self.reshape(inp), verbose=0)

    def reshape(self, x):
        if len(x.shape) < 2:
            return np.expand_dims(x, axis=0)
        else:
            return x


def build_shared(env_dim):
    inp = keras.Input(env_dim)
    x = layers.Flatten()(inp)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dense(128, activation="relu")(x)
    return inp, x


k, obs_dim, act_dim, gamma = 4, 4, 2, 0.99
env_dim = (k, obs_dim)
inp, shared = build_shared(env_dim)
actor = Agent(keras.Model(inp, layers.Dense(act_dim, activation="softmax")(shared)))
critic = Agent(keras.Model(inp, layers.Dense(1)(shared)))
actor.model.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss="categorical_crossentropy")
critic.model.compile(optimizer=keras.optimizers.RMSprop(1e-3), loss="mse")

env = StackedFramesEnv(k, obs_dim, seed=13)
rng = np.random.default_rng(13)
for episode in range(3):
    s, done = env.reset(), False
    states, actions, rewards = [], [], []
    while not done:
        a = int(rng.integers(act_dim))
        s2, r, done = env.step(a)
        states.append(s)
        actions.append(keras.utils.to_categorical(a, act_dim))
        rewards.append(r)
        s = s2
    returns = np.cumsum(np.array(rewards)[::-1])[::-1] * gamma
    states = np.array(states)
    values = critic.model.predict(states, verbose=0).ravel()
    actor.fit(states, np.array(actions), weights=returns - values)
    critic.fit(states, returns)

# evaluation: greedy actions from the trained policy
s, done, total = env.reset(), False, 0.0
while not done:
    a = int(np.argmax(actor.predict(s).ravel()))
    s, r, done = env.step(a)
    total += r
print("evaluation reward:", total)
