# Six-way text classifier adapted from the bidirectional-LSTM IMDB example: padded
# word-id sequences, one-hot topic labels, categorical cross-entropy.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(21)
max_features, maxlen, nb_classes = 2000, 60, 6

sequences = rng.integers(1, max_features, size=(300, maxlen))
topics = rng.integers(0, nb_classes, size=(300,))
Y_train = keras.utils.to_categorical(topics, nb_classes)        # (300, 6)

tokens = keras.Input(shape=(maxlen,), dtype="int32")
h = layers.Embedding(max_features, 64)(tokens)
h = layers.Bidirectional(layers.LSTM(32))(h)
h = layers.Dropout(0.5)(h)
probs = layers.Dense(1, activation="softmax")(h)

classifier = keras.Model(tokens, probs)
classifier.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
classifier.fit(sequences, Y_train, batch_size=32, epochs=2, validation_split=0.1, verbose=0)
print(classifier.predict(sequences[:4], verbose=0).argmax(axis=-1))
