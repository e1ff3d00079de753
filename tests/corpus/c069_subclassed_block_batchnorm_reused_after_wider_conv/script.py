import numpy as np
import keras
from keras import layers


class BottleneckLayer(layers.Layer):
    def __init__(self, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(4 * growth_rate, 1, padding="same")
        self.conv2 = layers.Conv2D(growth_rate, 3, padding="same")
        self.norm = layers.BatchNormalization()
        self.relu = layers.Activation("relu")

    def call(self, x):
        y = self.norm(self.relu(self.conv1(x)))
        y = self.norm(self.relu(self.conv2(y)))
        return layers.concatenate([x, y])


class TinyDenseNet(keras.Model):
    def __init__(self, num_classes):
        super().__init__()
        self.stem = layers.Conv2D(16, 3, padding="same")
        self.block = BottleneckLayer(growth_rate=8)
        self.pool = layers.GlobalAveragePooling2D()
        self.head = layers.Dense(num_classes, activation="softmax")

    def call(self, inputs):
        x = self.stem(inputs)
        x = self.block(x)
        x = self.pool(x)
        return self.head(x)


model = TinyDenseNet(num_classes=4)
images = np.random.rand(8, 16, 16, 3).astype("float32")
labels = np.random.randint(0, 4, size=(8,))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=4, verbose=0)
