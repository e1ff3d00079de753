import numpy as np
import keras
from keras import layers

x_train = np.random.rand(200, 784).astype("float32")
y_train = np.random.randint(0, 10, size=(200,))

model = keras.Sequential([
    keras.Input(shape=(784,)),
    layers.Dense(256, activation="relu"),
    layers.Dense(256, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=50, verbose=0)

img = np.random.randint(0, 255, size=(28, 28)).astype("float32") / 255.0
img = img.ravel()
pred = model.predict(img, verbose=0)
print(np.argmax(pred))
