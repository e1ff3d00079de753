import numpy as np
import keras
from keras import layers

image_size = (48, 48)
inputs = keras.Input(shape=image_size + (3,))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
x = layers.SeparableConv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation=None)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(np.random.randint(0, 255, size=(16, 48, 48, 3)).astype("float32"), np.random.randint(0, 2, size=(16, 1)), epochs=1, verbose=0)

img = np.random.randint(0, 255, size=(48, 48, 3)).astype("uint8")
img_array = keras.utils.img_to_array(img)
predictions = model.predict(img_array, verbose=0)
score = float(keras.ops.sigmoid(predictions[0][0]))
print(f"This image is {100 * (1 - score):.2f}% cat and {100 * score:.2f}% dog.")
