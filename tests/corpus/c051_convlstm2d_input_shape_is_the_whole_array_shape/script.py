import numpy as np
import keras
from keras import layers

# 20 sequences of 5 frames, each frame 12x12 with 1 channel.
x_train = np.random.rand(20, 5, 12, 12, 1).astype("float32")
y_train = np.random.randint(0, 3, size=(20,))

model = keras.Sequential([
    layers.ConvLSTM2D(8, kernel_size=(3, 3), input_shape=x_train.shape, return_sequences=False),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
