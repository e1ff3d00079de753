import numpy as np
import keras
from keras import layers

# Road segmentation: 32 x 32 RGB patches and a per-pixel one-hot mask (background, road)
x_train = np.random.rand(40, 32, 32, 3).astype("float32")
road = (np.random.rand(40, 32, 32) < 0.05).astype("int64")
y_train = keras.utils.to_categorical(road, 2)  # (40, 32, 32, 2)

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
outputs = layers.Conv2D(2, 1, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

# road pixels are rare: weight them more
class_weight = {0: 0.05, 1: 0.95}
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0, class_weight=class_weight)
