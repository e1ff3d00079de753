# Tag every word of a padded sentence with one of 4 classes (one-hot per word).
import numpy as np
import keras
from keras import layers

max_features = 200
maxlen = 12
num_tags = 4

rng = np.random.default_rng(2)
X_train = rng.integers(1, max_features, size=(80, maxlen))
tags = rng.integers(0, num_tags, size=(80, maxlen))
Y_train = keras.utils.to_categorical(tags, num_tags)  # (samples, maxlen, num_tags)

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(layers.Embedding(max_features, 64))
model.add(layers.LSTM(64))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(num_tags, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")

model.fit(X_train, Y_train, batch_size=16, epochs=2, verbose=0)
print("trained")
