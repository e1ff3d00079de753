# Microscopy image classifier trained on 224x224 RGB images; a saved model is then used to
# label one new photo that is resized before prediction.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

img_height, img_width = 224, 224
class_names = ["a_baumanii", "e_coli", "s_aureus"]

model = keras.Sequential([
    keras.Input(shape=(img_height, img_width, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(4, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(16, activation="relu"),
    layers.Dense(len(class_names)),
])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])

rng = np.random.default_rng(45362)
train_images = rng.integers(0, 256, size=(24, img_height, img_width, 3)).astype("float32")
train_labels = rng.integers(0, len(class_names), size=24)
model.fit(train_images, train_labels, epochs=1, batch_size=8, verbose=0)

photo = rng.integers(0, 256, size=(300, 400, 3)).astype("float32")  # a new, larger photo
image = tf.image.resize(photo, (244, 244))
image_array = tf.expand_dims(image, 0)
prediction = model.predict(image_array, verbose=0)
print(class_names[int(np.argmax(prediction[0]))])
