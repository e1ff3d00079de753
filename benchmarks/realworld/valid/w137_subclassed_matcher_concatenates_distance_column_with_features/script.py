# Subclassed job matcher: a resume vector and a posting vector (20 values each) go
# through one shared projection; the head sees the distance between the projections as
# a (batch, 1) column next to three salary/location features.
import numpy as np
import keras
from keras import layers, ops


class JobMatcher(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.project = layers.Dense(10, activation="relu")
        self.join = layers.Concatenate(axis=-1)
        self.mix = layers.Dense(8, activation="relu")
        self.out = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        resume, posting, extras = inputs
        gap = self.project(resume) - self.project(posting)
        dist = ops.sqrt(ops.sum(ops.square(gap), axis=-1, keepdims=True) + 1e-6)
        return self.out(self.mix(self.join([dist, extras])))


gen = np.random.default_rng(137)
resumes = gen.random((192, 20)).astype("float32")
postings = gen.random((192, 20)).astype("float32")
extras = gen.random((192, 3)).astype("float32")
hired = gen.integers(0, 2, size=(192, 1)).astype("float32")

matcher = JobMatcher()
matcher.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
matcher.fit((resumes, postings, extras), hired, batch_size=24, epochs=2, verbose=0)
print(matcher.predict((resumes[:5], postings[:5], extras[:5]), verbose=0).shape)
