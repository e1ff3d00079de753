import numpy as np
import keras
from keras import layers


class InceptionBlock(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.branch1 = layers.Conv2D(16, 1, padding="same", activation="relu")
        self.branch3 = layers.Conv2D(24, 3, padding="same", activation="relu")
        self.branch5 = layers.Conv2D(8, 5, padding="same", activation="relu")
        self.merge = layers.Concatenate(axis=1)

    def call(self, inputs):
        a = self.branch1(inputs)
        b = self.branch3(inputs)
        c = self.branch5(inputs)
        return self.merge([a, b, c])


class SmallInception(keras.Model):
    def __init__(self, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.stem = layers.Conv2D(32, 3, padding="same", activation="relu")
        self.block = InceptionBlock()
        self.pool = layers.GlobalAveragePooling2D()
        self.head = layers.Dense(num_classes, activation="softmax")

    def call(self, inputs):
        x = self.stem(inputs)
        x = self.block(x)
        x = self.pool(x)
        return self.head(x)


model = SmallInception(num_classes=5)
images = np.random.rand(8, 24, 24, 3).astype("float32")
labels = np.random.randint(0, 5, size=(8,))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=4, verbose=0)
