import numpy as np
import keras
from keras import layers

# Short news texts as 30 token ids; one topic out of 5 per text, one-hot encoded.
tokens = np.random.randint(1, 500, size=(128, 30))
topic_ids = np.random.randint(0, 5, size=(128,))
topics = keras.utils.to_categorical(topic_ids, 5)

model = keras.Sequential()
model.add(keras.Input(shape=(30,)))
model.add(layers.Embedding(500, 16))
model.add(layers.Conv1D(32, 4, activation="relu"))
model.add(layers.MaxPooling1D(2))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(5))
model.add(layers.Activation("softmax"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(tokens, topics, epochs=1, batch_size=16, verbose=0)
