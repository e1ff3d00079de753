import numpy as np
import tensorflow as tf

# Angry (0) vs happy (1) faces as 48x48 grayscale.
faces = np.random.rand(64, 48, 48, 1).astype("float32")
labels = np.random.randint(0, 2, size=(64, 1)).astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(48, 48, 1)),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(faces, labels, epochs=1, batch_size=16, verbose=0)
