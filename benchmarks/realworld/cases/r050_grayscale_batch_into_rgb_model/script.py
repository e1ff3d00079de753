import numpy as np
import tensorflow as tf

# Trained on colour 32x32 images.
model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(40, 32, 32, 3), np.random.randint(0, 10, size=40), epochs=1, verbose=0)

# New photos arrive as single-channel scans.
scans = np.random.rand(12, 32, 32, 1).astype("float32")
predictions = model.predict(scans, verbose=0)
