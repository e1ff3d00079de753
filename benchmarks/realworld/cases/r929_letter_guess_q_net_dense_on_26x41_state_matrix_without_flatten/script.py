import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

N_LETTERS, N_FEATURES = 26, 41
rng = np.random.default_rng(929)

# logged game states of a letter-guessing agent: one 41-value feature row per letter,
# and the Q-value targets of the 26 possible guesses computed from the replay memory
states = rng.random((300, N_LETTERS, N_FEATURES)).astype("float32")
q_targets = (states[:, :, :5].sum(axis=2) - 2.5).astype("float32")
print("states", states.shape, "q_targets", q_targets.shape)


def build_model():
    model = Sequential()
    model.add(Dense(30, activation="relu", input_shape=(N_LETTERS, N_FEATURES)))
    model.add(Dense(30, activation="relu"))
    model.add(Dense(N_LETTERS, activation="linear"))
    model.compile(loss="mse", optimizer="adam")
    return model


q_net = build_model()
q_net.fit(states, q_targets, batch_size=32, epochs=2, verbose=0)
guess = int(np.argmax(q_net.predict(states[:1], verbose=0)[0]))
print("first guess: letter", chr(ord("a") + guess))
