import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Churn prediction: 20 customer features, binary target.
features = np.random.rand(64, 20).astype("float32")
churned = np.random.randint(0, 2, size=(64,)).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((features, churned)).shuffle(64)

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(dataset, epochs=1, verbose=0)
