import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
X_train = rng.random((256, 32, 32, 1)).astype("float32")
y_train = rng.integers(0, 10, size=(256,))


class Inception(layers.Layer):
    # c1--c4 are the numbers of output channels of the four paths
    def __init__(self, c1, c2, c3, c4, **kwargs):
        super().__init__(**kwargs)
        self.p1_1 = layers.Conv2D(c1, 1, activation="relu")
        self.p2_1 = layers.Conv2D(c2[0], 1, activation="relu")
        self.p2_2 = layers.Conv2D(c2[1], 3, padding="same", activation="relu")
        self.p3_1 = layers.Conv2D(c3[0], 1, activation="relu")
        self.p3_2 = layers.Conv2D(c3[1], 5, padding="same", activation="relu")
        self.p4_1 = layers.MaxPool2D(3, 1)
        self.p4_2 = layers.Conv2D(c4, 1, activation="relu")
        self.concat = layers.Concatenate()

    def call(self, x):
        p1 = self.p1_1(x)
        p2 = self.p2_2(self.p2_1(x))
        p3 = self.p3_2(self.p3_1(x))
        p4 = self.p4_2(self.p4_1(x))
        return self.concat([p1, p2, p3, p4])


inputs = keras.Input(shape=(32, 32, 1))
x = layers.Conv2D(32, 5, strides=2, padding="same", activation="relu")(inputs)
x = layers.MaxPool2D(pool_size=3, strides=2, padding="same")(x)
x = Inception(16, (24, 32), (4, 8), 8)(x)
x = Inception(32, (32, 48), (8, 24), 16)(x)
x = layers.MaxPool2D(pool_size=3, strides=2, padding="same")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer=keras.optimizers.SGD(0.1),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=64, epochs=1, verbose=0)
print(model.evaluate(X_train, y_train, verbose=0))
