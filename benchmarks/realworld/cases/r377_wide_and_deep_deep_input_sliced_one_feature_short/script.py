# Wide & Deep regressor on housing features: features 0-4 go through the wide
# path, features 2-7 through the deep path, after Hands-On Machine Learning
# (3rd ed.), chapter 10 ("Building Complex Models Using the Functional API").
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(6)
# stand-in for the standardized California housing features and targets
X_train, y_train = rng.normal(size=(300, 8)), rng.normal(size=(300,))
X_valid, y_valid = rng.normal(size=(60, 8)), rng.normal(size=(60,))
X_test, y_test = rng.normal(size=(60, 8)), rng.normal(size=(60,))

input_wide = tf.keras.layers.Input(shape=[5])  # features 0 to 4
input_deep = tf.keras.layers.Input(shape=[6])  # features 2 to 7
hidden1 = tf.keras.layers.Dense(30, activation="relu")(input_deep)
hidden2 = tf.keras.layers.Dense(30, activation="relu")(hidden1)
concat = tf.keras.layers.concatenate([input_wide, hidden2])
output = tf.keras.layers.Dense(1)(concat)
model = tf.keras.Model(inputs=[input_wide, input_deep], outputs=[output])

optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
model.compile(loss="mse", optimizer=optimizer, metrics=["RootMeanSquaredError"])
X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 3:]
X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 3:]
X_test_wide, X_test_deep = X_test[:, :5], X_test[:, 3:]
X_new_wide, X_new_deep = X_test_wide[:3], X_test_deep[:3]
history = model.fit((X_train_wide, X_train_deep), y_train, epochs=2,
                    validation_data=((X_valid_wide, X_valid_deep), y_valid))
mse_test = model.evaluate((X_test_wide, X_test_deep), y_test)
y_pred = model.predict((X_new_wide, X_new_deep))
print(y_pred)
