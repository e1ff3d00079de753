import numpy as np
import tensorflow as tf

features = np.random.rand(150, 4).astype("float32")
species = np.random.randint(0, 3, size=(150,))
train_ds = tf.data.Dataset.from_tensor_slices((features, species)).shuffle(150)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
