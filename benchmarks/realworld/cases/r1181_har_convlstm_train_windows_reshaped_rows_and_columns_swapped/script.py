import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

# UCI HAR-style windows: 2.56 s at 50 Hz = 128 steps of 9 inertial signals, 6 activities
rng = np.random.default_rng(31)
keras.utils.set_random_seed(31)
n_timesteps, n_features, n_outputs = 128, 9, 6
trainy = rng.integers(0, n_outputs, size=240)
t = np.arange(n_timesteps)
trainX = (np.sin(t[None, :, None] * (0.05 + 0.03 * trainy[:, None, None]))
          + 0.3 * rng.normal(size=(240, n_timesteps, n_features))).astype("float32")
testy = rng.integers(0, n_outputs, size=60)
testX = (np.sin(t[None, :, None] * (0.05 + 0.03 * testy[:, None, None]))
         + 0.3 * rng.normal(size=(60, n_timesteps, n_features))).astype("float32")
trainy, testy = to_categorical(trainy), to_categorical(testy)

# ConvLSTM: split each window into 4 subsequences of 32 steps, read as one row of 32 columns
n_steps, n_length = 4, 32
trainX = trainX.reshape((trainX.shape[0], n_steps, n_length, 1, n_features))
testX = testX.reshape((testX.shape[0], n_steps, 1, n_length, n_features))

model = keras.Sequential([
    keras.Input(shape=(n_steps, 1, n_length, n_features)),
    layers.ConvLSTM2D(filters=32, kernel_size=(1, 3), activation="relu"),
    layers.Dropout(0.5),
    layers.Flatten(),
    layers.Dense(50, activation="relu"),
    layers.Dense(n_outputs, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(trainX, trainy, epochs=2, batch_size=32, verbose=0)
_, accuracy = model.evaluate(testX, testy, batch_size=32, verbose=0)
print("accuracy: %.3f" % accuracy)
