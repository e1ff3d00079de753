import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Dropout

num_classes = 3
timesteps = 20
n_features = 4

# Sensor windows, each labelled with one of three states (0, 1, 2)
X_train = np.random.rand(300, timesteps, n_features).astype("float32")
y_train = np.random.randint(0, num_classes, size=(300, 1))

model = Sequential()
model.add(LSTM(64, input_shape=(timesteps, n_features)))
model.add(Dropout(0.2))
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=32, verbose=0)
