# Speaker-emotion classifier: 398 frames of 40 MFCCs per clip, one of 11 classes per clip.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
nb_samples, timesteps, input_dim, nb_classes = 64, 398, 40, 11
X = rng.standard_normal((nb_samples, timesteps, input_dim)).astype("float32")
y = keras.utils.to_categorical(rng.integers(0, nb_classes, size=nb_samples), nb_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, input_dim)))
model.add(layers.LSTM(32, activation="sigmoid", recurrent_activation="hard_sigmoid", return_sequences=True))
model.add(layers.Activation("sigmoid"))
model.add(layers.Dropout(0.2))
model.add(layers.TimeDistributed(layers.Dense(nb_classes)))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")

model.fit(X, y, batch_size=16, epochs=1, verbose=0)
print(model.predict(X[:1], verbose=0).shape)
