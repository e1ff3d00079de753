import numpy as np
import tensorflow as tf

# Tabular data: 28 features per row, binary target
X_train = np.random.rand(500, 28).astype("float32")
y_train = np.random.randint(0, 2, size=(500,)).astype("float32")
X_val = np.random.rand(100, 28).astype("float32")
y_val = np.random.randint(0, 2, size=(100,)).astype("float32")

train_ds = tf.data.Dataset.from_tensor_slices((X_train, y_train)).shuffle(500)
val_ds = tf.data.Dataset.from_tensor_slices((X_val, y_val))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(28,)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=1, verbose=0)
