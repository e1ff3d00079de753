import numpy as np
from keras import models, layers

train_data = np.random.rand(2000, 12).astype("float32")
train_labels = np.random.randint(0, 3, size=(2000,)).astype("float32")
print(train_labels.shape)

network = models.Sequential()
network.add(layers.Input(shape=(12,)))
network.add(layers.Dense(32, activation="relu"))
network.add(layers.Dense(3, activation="softmax"))
network.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
network.fit(train_data, train_labels, epochs=1, batch_size=100, verbose=0)
