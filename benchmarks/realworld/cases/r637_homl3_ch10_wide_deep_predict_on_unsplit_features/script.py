# Hands-On ML chapter 10 style Wide & Deep regressor with two inputs: features 0-4
# go through the wide path, features 2-7 through the deep path; both are normalized
# by adapted Normalization layers.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(42)
X = rng.normal(size=(300, 8)).astype("float32")
y = (X[:, 0] - 0.5 * X[:, 3] + 0.1 * rng.normal(size=300)).reshape(-1, 1)
X_train, X_valid, X_test = X[:200], X[200:250], X[250:]
y_train, y_valid, y_test = y[:200], y[200:250], y[250:]

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
X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 2:]
X_test_wide, X_test_deep = X_test[:, :5], X_test[:, 2:]
X_new = X_test[:3]

norm_layer_wide.adapt(X_train_wide)
norm_layer_deep.adapt(X_train_deep)
history = model.fit((X_train_wide, X_train_deep), y_train, epochs=3, verbose=0,
                    validation_data=((X_valid_wide, X_valid_deep), y_valid))
mse_test = model.evaluate((X_test_wide, X_test_deep), y_test, verbose=0)
y_pred = model.predict(X_new, verbose=0)
print(mse_test, y_pred.ravel())
