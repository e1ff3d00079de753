import numpy as np
import keras
from keras import layers

dataset = (np.random.rand(4, 6, 16, 16, 1) > 0.5).astype("float32")
x_train = dataset[:, 0 : dataset.shape[1] - 1]
y_train = dataset[:, 1 : dataset.shape[1]]

inp = layers.Input(shape=(None, *x_train.shape[1:]))
x = layers.ConvLSTM2D(filters=8, kernel_size=(5, 5), padding="same", return_sequences=True, activation="relu")(inp)
x = layers.BatchNormalization()(x)
x = layers.ConvLSTM2D(filters=8, kernel_size=(3, 3), padding="same", return_sequences=True, activation="relu")(x)
x = layers.Conv3D(filters=1, kernel_size=(3, 3, 3), activation="sigmoid", padding="same")(x)
model = keras.models.Model(inp, x)
model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam())
model.fit(x_train, y_train, batch_size=2, epochs=1, verbose=0)
