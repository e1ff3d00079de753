import numpy as np
import tensorflow as tf

X_train = np.random.rand(300, 8).astype("float32")
y_train = np.random.rand(300, 1).astype("float32")

input_ = tf.keras.layers.Input(shape=X_train.shape)
hidden1 = tf.keras.layers.Dense(30, activation="relu")(input_)
hidden2 = tf.keras.layers.Dense(30, activation="relu")(hidden1)
concat = tf.keras.layers.Concatenate()([input_, hidden2])
output = tf.keras.layers.Dense(1)(concat)
model = tf.keras.Model(inputs=[input_], outputs=[output])
model.compile(loss="mse", optimizer="sgd")
model.fit(X_train, y_train, epochs=1, batch_size=32, verbose=0)
