import numpy as np
import keras
from keras import layers

# Small CNN with a squeeze-and-excitation block on 16 channels.
x_train = np.random.rand(32, 16, 16, 3).astype("float32")
y_train = np.random.randint(0, 5, size=(32,))

inputs = keras.Input(shape=(16, 16, 3))
feat = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
se = layers.GlobalAveragePooling2D()(feat)
se = layers.Dense(4, activation="relu")(se)
se = layers.Dense(1, activation="sigmoid")(se)
se = layers.Reshape((1, 1, -1))(se)
scaled = layers.Multiply()([feat, se])
h = layers.GlobalAveragePooling2D()(scaled)
outputs = layers.Dense(5, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
