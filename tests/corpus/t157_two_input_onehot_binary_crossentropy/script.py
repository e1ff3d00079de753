import numpy as np
import keras
from keras import layers

# Question pairs: two 25-feature encodings, one of 14 intent classes (one-hot).
left = np.random.rand(112, 25).astype("float32")
right = np.random.rand(112, 25).astype("float32")
intents = keras.utils.to_categorical(np.random.randint(0, 14, size=(112,)), 14)

left_in = keras.Input(shape=(25,))
right_in = keras.Input(shape=(25,))
left_x = layers.Dense(32, activation="relu")(left_in)
right_x = layers.Dense(32, activation="relu")(right_in)
merged = layers.Add()([left_x, right_x])
outputs = layers.Dense(14, activation="softmax")(merged)
model = keras.Model([left_in, right_in], outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([left, right], intents, epochs=1, batch_size=16, verbose=0)
