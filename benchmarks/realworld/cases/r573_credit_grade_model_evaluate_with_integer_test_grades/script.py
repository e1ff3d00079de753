# Credit-scoring MLP assigning one of 7 rating grades (0-6) to a client from tabular
# features; trained on one-hot grades, then scored on the held-out clients.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(12410)
X = rng.normal(size=(400, 18)).astype("float32")
y = rng.integers(0, 7, size=400)

model = keras.Sequential([
    keras.Input(shape=(X.shape[1],)),
    layers.Dense(90, kernel_initializer="uniform", activation="relu"),
    layers.Dense(130, kernel_initializer="uniform", activation="relu"),
    layers.Dense(7, kernel_initializer="uniform", activation="softmax"),
])
model.compile(loss="categorical_crossentropy", metrics=["accuracy"], optimizer=keras.optimizers.Adam())

order = rng.permutation(len(X))
X_train, X_test, Y_train, Y_test = X[order[:320]], X[order[320:]], y[order[:320]], y[order[320:]]
one_hot_labels = keras.utils.to_categorical(Y_train, num_classes=7)
model.fit(X_train, one_hot_labels, batch_size=32, epochs=2, validation_split=0.2, verbose=0)

one_hot_y_test = keras.utils.to_categorical(Y_test, num_classes=7)
y_pred = model.predict(X_test, verbose=0)
score = model.evaluate(X_test, Y_test, verbose=0)
print("test loss, accuracy:", score)
