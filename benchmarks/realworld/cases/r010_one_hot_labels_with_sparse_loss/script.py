import numpy as np
import keras

train_images = np.random.rand(120, 64).astype("float32")
train_labels = np.random.randint(0, 10, size=(120,))
n_labels = 10
train_labels_onehot = np.eye(n_labels)[train_labels]

model = keras.Sequential([
    keras.Input(shape=(64,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels_onehot, epochs=1, batch_size=30, verbose=0)
