import numpy as np
import tensorflow as tf

num_classes = 5
images = np.random.rand(100, 32, 32, 3).astype("float32")
labels = np.random.randint(0, num_classes, size=(100,))
train_ds = tf.data.Dataset.from_tensor_slices((images, labels)).batch(20)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
