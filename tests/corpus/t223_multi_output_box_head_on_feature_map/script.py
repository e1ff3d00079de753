import numpy as np
import keras
from keras import layers

# Object localisation: one of 3 classes and one box (x1, y1, x2, y2) per image.
images = np.random.rand(48, 32, 32, 3).astype("float32")
classes = np.random.randint(0, 3, size=(48,))
boxes = np.random.rand(48, 4).astype("float32")

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
flat = layers.Flatten()(x)
class_out = layers.Dense(3, activation="softmax", name="class_label")(flat)
box_out = layers.Dense(4, activation="sigmoid", name="bounding_box")(x)
model = keras.Model(inputs, [class_out, box_out])
model.compile(optimizer="adam", loss={"class_label": "sparse_categorical_crossentropy", "bounding_box": "mse"})
model.fit(images, {"class_label": classes, "bounding_box": boxes}, epochs=1, batch_size=16, verbose=0)
