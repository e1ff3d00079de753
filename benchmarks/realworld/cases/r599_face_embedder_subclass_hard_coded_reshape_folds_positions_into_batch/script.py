# Face-identity network written as a subclassed model (nn4-style): a conv trunk,
# a 3x3 average pool, then the pooled features reshaped to one row of 96 values per
# face before the embedding and the identity classifier. Designed for 96x96 crops,
# trained here on 160x160 crops.
import numpy as np
import keras
from keras import layers, ops

class FaceNet(keras.Model):
    def __init__(self, num_ids, **kwargs):
        super().__init__(**kwargs)
        self.trunk = [
            layers.Conv2D(32, 7, strides=2, padding="same", activation="relu"),
            layers.MaxPooling2D(3, strides=2, padding="same"),
            layers.Conv2D(64, 3, strides=2, padding="same", activation="relu"),
            layers.MaxPooling2D(3, strides=2, padding="same"),
            layers.Conv2D(96, 3, strides=2, padding="same", activation="relu"),
        ]
        self.pool = layers.AveragePooling2D(pool_size=3, strides=1, padding="valid")
        self.embed = layers.Dense(32, name="embedding")
        self.classify = layers.Dense(num_ids, activation="softmax")

    def call(self, images):
        net = images
        for layer in self.trunk:
            net = layer(net)
        net = self.pool(net)
        net = ops.reshape(net, (-1, 96))
        return self.classify(self.embed(net))

rng = np.random.default_rng(244)
faces = rng.random((60, 160, 160, 3)).astype("float32")
ids = rng.integers(0, 10, size=60)

model = FaceNet(num_ids=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(faces, ids, batch_size=30, epochs=1, verbose=0)
print("trained")
