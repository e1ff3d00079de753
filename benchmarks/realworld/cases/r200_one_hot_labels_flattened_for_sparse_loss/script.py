import numpy as np
import keras
from keras import layers

# 250 MNIST-like images; labels one-hot encoded, then flattened for the loss
train_data = np.random.rand(250, 28, 28, 1).astype("float32")
train_labels = np.random.randint(0, 10, size=250)
train_labels = keras.utils.to_categorical(train_labels, num_classes=10)
train_labels = np.array(train_labels, dtype=np.int32).reshape(-1)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 8, strides=2, padding="same", activation="relu"),
    layers.MaxPooling2D(2, 1),
    layers.Conv2D(32, 4, strides=2, padding="valid", activation="relu"),
    layers.MaxPooling2D(2, 1),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(10),
])
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer="sgd", loss=loss, metrics=["accuracy"])
model.fit(train_data, train_labels, epochs=1, batch_size=250, verbose=0)
