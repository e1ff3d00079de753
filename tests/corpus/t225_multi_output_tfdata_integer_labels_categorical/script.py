import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Product photos: a category (0..5) and a colour (0..3) per photo, read as integer ids.
photos = np.random.rand(64, 24, 24, 3).astype("float32")
category = np.random.randint(0, 6, size=(64,))
colour = np.random.randint(0, 4, size=(64,))
train_ds = tf.data.Dataset.from_tensor_slices((photos, {"category": category, "colour": colour})).batch(16)

inputs = keras.Input(shape=(24, 24, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
category_out = layers.Dense(6, activation="softmax", name="category")(x)
colour_out = layers.Dense(4, activation="softmax", name="colour")(x)
model = keras.Model(inputs, {"category": category_out, "colour": colour_out})
model.compile(optimizer="adam", loss={"category": "categorical_crossentropy", "colour": "categorical_crossentropy"})
model.fit(train_ds, epochs=1, verbose=0)
