import numpy as np
import keras
import tensorflow as tf
from keras import layers

# 124 classes of 60x60 grey patches; the class ids in the files run from 1 to 124.
images = np.random.rand(80, 60, 60, 1).astype("float32")
class_ids = np.random.randint(1, 125, size=(80,))
class_ids[0] = 124
train_ds = tf.data.Dataset.from_tensor_slices((images, class_ids)).batch(10)

model = keras.Sequential([
    keras.Input(shape=(60, 60, 1)),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(4),
    layers.Flatten(),
    layers.Dense(124, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=1, verbose=0)
