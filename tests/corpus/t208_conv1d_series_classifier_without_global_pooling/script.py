import numpy as np
import keras
from keras import layers

# Univariate series classification (FordA-like): 120 readings per sample, 2 classes.
x_train = np.random.rand(64, 120, 1).astype("float32")
y_train = np.random.randint(0, 2, size=(64,))

input_layer = keras.Input(shape=(120, 1))
conv1 = layers.Conv1D(filters=32, kernel_size=3, padding="same", activation="relu")(input_layer)
conv2 = layers.Conv1D(filters=32, kernel_size=3, padding="same", activation="relu")(conv1)
conv3 = layers.Conv1D(filters=32, kernel_size=3, padding="same", activation="relu")(conv2)
output_layer = layers.Dense(2, activation="softmax")(conv3)
model = keras.Model(inputs=input_layer, outputs=output_layer)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["sparse_categorical_accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
