# Wide & Deep regressor with an auxiliary output (California-housing-like data, 8 features).
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(10)
X_train = rng.normal(size=(400, 8)).astype("float32")
y_train = rng.normal(size=(400, 1)).astype("float32")
X_valid = rng.normal(size=(100, 8)).astype("float32")
y_valid = rng.normal(size=(100, 1)).astype("float32")

X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 2:]
X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 2:]

input_wide = tf.keras.layers.Input(shape=[5])
input_deep = tf.keras.layers.Input(shape=[6])
norm_layer_wide = tf.keras.layers.Normalization()
norm_layer_deep = tf.keras.layers.Normalization()
norm_wide = norm_layer_wide(input_wide)
norm_deep = norm_layer_deep(input_deep)
hidden1 = tf.keras.layers.Dense(30, activation="relu")(norm_deep)
hidden2 = tf.keras.layers.Dense(30, activation="relu")(hidden1)
concat = tf.keras.layers.concatenate([norm_wide, hidden2])
output = tf.keras.layers.Dense(1)(concat)
aux_output = tf.keras.layers.Dense(1)(hidden2)
model = tf.keras.Model(inputs=[input_wide, input_deep], outputs=[output, aux_output])

optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
model.compile(loss=("mse", "mse"), loss_weights=(0.9, 0.1), optimizer=optimizer,
              metrics=["RootMeanSquaredError", "RootMeanSquaredError"])

norm_layer_wide.adapt(X_train_wide)
norm_layer_deep.adapt(X_train_deep)
history = model.fit(
    (X_train_wide, X_train_deep), y_train, epochs=2,
    validation_data=((X_valid_wide, X_valid_deep), y_valid), verbose=0
)
print(model.evaluate((X_valid_wide, X_valid_deep), (y_valid, y_valid), verbose=0))
