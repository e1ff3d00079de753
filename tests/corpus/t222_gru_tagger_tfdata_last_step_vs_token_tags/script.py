import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Named-entity tagging: 20 token ids per sentence, one tag id (0..4) per token.
tokens = np.random.randint(1, 500, size=(96, 20))
tags = np.random.randint(0, 5, size=(96, 20))
train_ds = tf.data.Dataset.from_tensor_slices((tokens, tags)).shuffle(96).batch(16)

inputs = keras.Input(shape=(20,))
x = layers.Embedding(500, 32)(inputs)
x = layers.GRU(32)(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
