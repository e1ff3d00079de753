# Network-traffic classifier adapted from the IMDB LSTM example: each record is a
# sequence of 41 integer-coded fields, embedded and read by an LSTM; there are 24
# traffic classes, one-hot encoded, trained with categorical cross-entropy.
import numpy as np
import keras
from keras import layers

max_features = 500
maxlen = 41
num_classes = 24
batch_size = 32

rng = np.random.default_rng(3237)
X_train = rng.integers(1, max_features, size=(256, maxlen))
y_train = keras.utils.to_categorical(rng.integers(0, num_classes, size=256), num_classes)
X_test = rng.integers(1, max_features, size=(64, maxlen))
y_test = keras.utils.to_categorical(rng.integers(0, num_classes, size=64), num_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(layers.Embedding(max_features, 32))
model.add(layers.LSTM(32, dropout=0.2, recurrent_dropout=0.2))
model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
print(X_train.shape, y_train.shape)
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, validation_data=(X_test, y_test), verbose=0)
score, acc = model.evaluate(X_test, y_test, batch_size=batch_size, verbose=0)
print("Test score:", score, "Test accuracy:", acc)
