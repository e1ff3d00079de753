import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

# Photos of two classes, loaded at various sizes and resized by the data loader
raw_images = [np.random.rand(300, 280, 3).astype("float32") for _ in range(16)]
labels = tf.keras.utils.to_categorical(np.random.randint(0, 2, 16), 2)
images = np.stack([tf.image.resize(img, (244, 244)).numpy() for img in raw_images])

model = Sequential([
    Conv2D(filters=16, kernel_size=(3, 3), activation="relu", padding="same", input_shape=(224, 224, 3)),
    MaxPooling2D(pool_size=(4, 4)),
    Conv2D(filters=32, kernel_size=(3, 3), activation="relu", padding="same"),
    MaxPooling2D(pool_size=(4, 4)),
    Flatten(),
    Dense(units=2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, batch_size=8, epochs=1, verbose=0)
