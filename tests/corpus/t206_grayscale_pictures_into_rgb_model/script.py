import numpy as np
import keras
from keras import layers

# A small colour-image classifier trained on 32x32 RGB pictures.
rng = np.random.default_rng(206)
x_train = rng.random((48, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, 10, size=(48,))

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)

# Fashion pictures: grayscale, one 32x32 array per picture, no channel axis.
fashion = rng.integers(0, 256, size=(6, 32, 32))
x_new = fashion.astype("float32") / 255.0
print(model.predict(x_new, verbose=0).argmax(axis=-1))
