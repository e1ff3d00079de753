import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Horses-or-humans classifier trained on 150x150 photos.
rng = np.random.default_rng(3)
x_train = rng.random((32, 150, 150, 3)).astype("float32")
y_train = rng.integers(0, 2, size=(32,))

model = keras.Sequential([
    keras.Input(shape=(150, 150, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)

# An uploaded photo, resized the way the web app resizes for ImageNet models.
upload = rng.integers(0, 256, size=(480, 640, 3)).astype("float32")
photo = tf.image.resize(upload, (224, 224)).numpy() / 255.0
batch = np.expand_dims(photo, axis=0)
print(model.predict(batch, verbose=0))
