# Hand-sign digits (0-5) from 64x64 RGB photos: a Flatten/Dense network trained with
# categorical cross-entropy on one-hot labels.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(12910)
train_x = rng.random((180, 64, 64, 3)).astype("float32")
train_y = rng.integers(0, 6, size=180)
train_y_2 = np.eye(6)[train_y]          # one-hot, shape (180, 6)

model = tf.keras.models.Sequential([
    tf.keras.layers.Input(shape=(64, 64, 3)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(512, activation=tf.nn.relu),
    tf.keras.layers.Dense(10, activation=tf.nn.softmax),
])
model.compile(optimizer="adam",
              loss="categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_x, train_y_2, epochs=2, verbose=0)
print(model.predict(train_x[:2], verbose=0).shape)
