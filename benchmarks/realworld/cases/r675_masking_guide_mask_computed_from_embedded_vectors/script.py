# Review classifier built around a custom layer that passes the Embedding's mask to
# its LSTM by hand (as in the masking-and-padding guide), so that padded steps are
# skipped; reviews are zero-padded token ids.
import numpy as np
import keras
from keras import layers

VOCAB = 800
gen = np.random.default_rng(21)
lengths = gen.integers(4, 15, size=64)
reviews = np.zeros((64, 15), dtype="int32")
for row, n in enumerate(lengths):
    reviews[row, :n] = gen.integers(1, VOCAB, size=n)
sentiment = gen.integers(0, 2, size=64)


class MaskedSequenceEncoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.token_embedding = layers.Embedding(input_dim=VOCAB, output_dim=16, mask_zero=True)
        self.encoder_lstm = layers.LSTM(24)

    def call(self, token_ids):
        vectors = self.token_embedding(token_ids)
        pad_mask = self.token_embedding.compute_mask(vectors)
        return self.encoder_lstm(vectors, mask=pad_mask)


class ReviewClassifier(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = MaskedSequenceEncoder()
        self.head = layers.Dense(1, activation="sigmoid")

    def call(self, token_ids):
        return self.head(self.encoder(token_ids))


classifier = ReviewClassifier()
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
classifier.fit(reviews, sentiment, batch_size=16, epochs=1, verbose=0)
print(classifier.predict(reviews[:2], verbose=0))
