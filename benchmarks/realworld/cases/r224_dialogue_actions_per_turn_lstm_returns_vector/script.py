import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, TimeDistributed
from tensorflow.keras.utils import to_categorical

# Dialogues of 12 turns, each turn a 16-dim utterance vector; one system action (of 5) per turn
n_turns = 12
n_features = 16
n_actions = 5
X = np.random.rand(200, n_turns, n_features).astype("float32")
Y = to_categorical(np.random.randint(0, n_actions, size=(200, n_turns)), n_actions)  # (200, 12, 5)

model = Sequential()
model.add(LSTM(64, input_shape=(n_turns, n_features)))
model.add(Dense(n_actions, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, batch_size=20, epochs=1, verbose=0)
