import numpy as np
import keras
from keras import layers

num_classes = 10
input_shape = (28, 28, 1)
x_train = np.random.rand(64, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))
x_train = np.expand_dims(x_train, -1)

model = keras.Sequential([
    layers.Input(shape=input_shape),
    layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
    layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dropout(0.5),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(), optimizer=keras.optimizers.Adam(learning_rate=1e-3),
              metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")])
model.fit(x_train, y_train, batch_size=16, epochs=1, validation_split=0.25, verbose=0)
predictions = model.predict(x_train[:2], verbose=0)
print(predictions.shape)
