# Wide & Deep regression on 8 housing features: features 0-4 go through the wide path,
# features 2-7 through the deep path; each path has its own Normalization layer.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(42)
X_train = rng.normal(size=(400, 8)).astype("float32")
y_train = rng.normal(size=(400, 1)).astype("float32")
X_test = rng.normal(size=(100, 8)).astype("float32")
y_test = rng.normal(size=(100, 1)).astype("float32")

input_wide = tf.keras.layers.Input(shape=[5])  # features 0 to 4
input_deep = tf.keras.layers.Input(shape=[6])  # features 2 to 7
norm_layer_wide = tf.keras.layers.Normalization()
norm_layer_deep = tf.keras.layers.Normalization()
norm_wide = norm_layer_wide(input_wide)
norm_deep = norm_layer_deep(input_deep)
hidden1 = tf.keras.layers.Dense(30, activation="relu")(norm_deep)
hidden2 = tf.keras.layers.Dense(30, activation="relu")(hidden1)
concat = tf.keras.layers.concatenate([norm_wide, hidden2])
output = tf.keras.layers.Dense(1)(concat)
model = tf.keras.Model(inputs=[input_wide, input_deep], outputs=[output])

optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
model.compile(loss="mse", optimizer=optimizer, metrics=["RootMeanSquaredError"])

X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 2:]
X_test_wide, X_test_deep = X_test[:, :5], X_test[:, 3:]
norm_layer_wide.adapt(X_train_wide)
norm_layer_deep.adapt(X_train_deep)

history = model.fit((X_train_wide, X_train_deep), y_train, epochs=3, verbose=0)
mse_test = model.evaluate((X_test_wide, X_test_deep), y_test, verbose=0)
print(mse_test)
