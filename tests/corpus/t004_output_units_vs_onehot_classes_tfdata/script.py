import numpy as np
import tensorflow as tf
from tensorflow import keras

# Hand-sign photos (downsized to 16x16 RGB): 6 signs, one-hot encoded.
images = np.random.rand(48, 16, 16, 3).astype("float32")
class_ids = np.random.randint(0, 6, size=(48,))
onehot = keras.utils.to_categorical(class_ids, 6)
train_ds = tf.data.Dataset.from_tensor_slices((images, onehot)).batch(16)

# Architecture copied from an MNIST tutorial.
model = keras.models.Sequential([
    keras.Input(shape=(16, 16, 3)),
    keras.layers.Flatten(),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
