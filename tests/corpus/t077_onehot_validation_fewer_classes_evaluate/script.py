import numpy as np
import keras
from keras import layers

num_classes = 10
x_train = np.random.rand(200, 40).astype("float32")
y_train = keras.utils.to_categorical(np.arange(200) % num_classes, num_classes)
x_val = np.random.rand(40, 40).astype("float32")
# The validation split happens to hold only 8 of the 10 categories.
y_val_ids = np.arange(40) % 8
y_val = keras.utils.to_categorical(y_val_ids)

model = keras.Sequential([
    keras.Input(shape=(40,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
model.evaluate(x_val, y_val, verbose=0)
