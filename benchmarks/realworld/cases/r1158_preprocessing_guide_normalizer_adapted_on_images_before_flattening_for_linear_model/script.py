import numpy as np
import keras
from keras import layers

# Small colour images (stand-in for CIFAR-10), classified by a linear softmax model.
rng = np.random.default_rng(5)
images = rng.integers(0, 256, size=(300, 16, 16, 3)).astype("float32")
labels = rng.integers(0, 10, size=(300, 1))

x_train = images.reshape((len(images), -1))
input_shape = x_train.shape[1:]
classes = 10

normalizer = layers.Normalization()
normalizer.adapt(images)

inputs = keras.Input(shape=input_shape)
x = normalizer(inputs)
outputs = layers.Dense(classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, labels, batch_size=32, epochs=2, verbose=0)
print(model.predict(x_train[:3], verbose=0).argmax(axis=1))
