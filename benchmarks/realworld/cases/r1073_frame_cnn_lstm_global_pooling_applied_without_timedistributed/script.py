import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(6)
num_frames = 6
height = width = 32
channels = 3
num_classes = 4

clips = rng.random((40, num_frames, height, width, channels)).astype("float32")
actions = rng.integers(0, num_classes, size=40)

inputs = keras.Input(shape=(num_frames, height, width, channels))
x = layers.TimeDistributed(layers.Conv2D(8, 3, activation="relu"))(inputs)
x = layers.TimeDistributed(layers.MaxPooling2D())(x)
x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.LSTM(32)(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)

model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(clips, actions, batch_size=8, epochs=2, verbose=0)
print(model.output_shape)
