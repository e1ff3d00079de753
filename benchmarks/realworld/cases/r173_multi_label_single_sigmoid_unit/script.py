import numpy as np
import keras
from keras import layers

vocab_size = 300
num_labels = 6
x_train = (np.random.rand(96, vocab_size) > 0.9).astype("float32")
y_train = (np.random.rand(96, num_labels) > 0.7).astype("float32")

shallow_mlp_model = keras.Sequential([
    keras.Input(shape=(vocab_size,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
shallow_mlp_model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["binary_accuracy"])
shallow_mlp_model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
