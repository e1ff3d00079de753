# Speaker-identification network written as a subclassed model: a conv trunk over
# log-mel patches, then one feature row per clip (global pooling keeps the batch
# axis whatever the patch size), an embedding and a speaker classifier.
import numpy as np
import keras
from keras import layers

class SpeakerNet(keras.Model):
    def __init__(self, num_speakers, **kwargs):
        super().__init__(**kwargs)
        self.convs = [
            layers.Conv2D(16, 5, strides=2, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            layers.Conv2D(48, 3, strides=2, padding="same", activation="relu"),
        ]
        self.pool = layers.GlobalAveragePooling2D()
        self.embedding = layers.Dense(24, name="embedding")
        self.head = layers.Dense(num_speakers, activation="softmax")

    def call(self, patches):
        h = patches
        for conv in self.convs:
            h = conv(h)
        h = self.pool(h)
        return self.head(self.embedding(h))

gen = np.random.default_rng(124)
patches = gen.random((48, 72, 64, 1)).astype("float32")
speakers = gen.integers(0, 6, size=48)

net = SpeakerNet(num_speakers=6)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
net.fit(patches, speakers, batch_size=16, epochs=2, verbose=0)
print(net.predict(patches[:4], verbose=0).shape)
