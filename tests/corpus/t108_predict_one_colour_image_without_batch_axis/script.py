import numpy as np
import keras
from keras import layers

# Colour thumbnails 50x50x3, three classes.
x_train = np.random.rand(40, 50, 50, 3).astype("float32")
y_train = np.random.randint(0, 3, size=(40,))

model = keras.Sequential([
    keras.Input(shape=(50, 50, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)

# One new picture, loaded as an (H, W, C) array.
input_data = np.random.rand(50, 50, 3).astype("float32")
scores = model.predict(input_data, verbose=0)
print(scores.argmax())
