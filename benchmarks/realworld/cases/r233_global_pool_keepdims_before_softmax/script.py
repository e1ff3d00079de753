import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

# 21 plant-disease classes, one-hot labels; small images for the sketch
x_train = np.random.rand(42, 64, 64, 3).astype("float32")
y_train = tf.keras.utils.to_categorical(np.random.randint(0, 21, 42), 21)

eff_base = tf.keras.Sequential(
    [
        layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
    ],
    name="feature_extractor",
)

inputs = tf.keras.Input(shape=(64, 64, 3))
x = eff_base(inputs)
x = layers.GlobalAveragePooling2D(keepdims=True)(x)
outputs = layers.Dense(21, activation="softmax")(x)
print(outputs.shape)

eff_model = tf.keras.Model(inputs, outputs)
eff_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
eff_model.fit(x_train, y_train, batch_size=14, epochs=1, verbose=0)
