# Binary activity recognition from accelerometer windows with a small 1-D convnet (mcfly-style).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(188)
windows = rng.standard_normal((300, 128, 3)).astype("float32")   # 128 time steps, 3 axes
labels = rng.integers(0, 2, size=300)

y_binary = keras.utils.to_categorical(labels, num_classes=2)
X_train, y_train_binary = windows[:240], y_binary[:240]
X_val, y_val_binary = windows[240:], y_binary[240:]

num_classes = y_train_binary.shape[0]
dim_length, dim_channels = X_train.shape[1], X_train.shape[2]

model = keras.Sequential([
    keras.Input(shape=(dim_length, dim_channels)),
    layers.BatchNormalization(),
    layers.Conv1D(32, kernel_size=3, padding="same", activation="relu"),
    layers.BatchNormalization(),
    layers.Conv1D(32, kernel_size=3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(num_classes),
    layers.Activation("softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train_binary, validation_data=(X_val, y_val_binary), epochs=2, batch_size=20, verbose=0)
print(model.evaluate(X_val, y_val_binary, verbose=0))
