import numpy as np
import keras
from keras import layers

# 12 measured features per sample, 7 classes (one-hot)
n_classes = 7
x = np.random.rand(300, 12).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, n_classes, 300), n_classes)

x_train = x.reshape((x.shape[0], 1, x.shape[1]))
print(x_train.shape, y.shape)

model = keras.Sequential(
    [
        layers.Input(shape=(1, x.shape[1])),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(32, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y, epochs=2, batch_size=32, verbose=0)
