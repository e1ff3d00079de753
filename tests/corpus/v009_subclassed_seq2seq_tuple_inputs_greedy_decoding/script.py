import numpy as np
import keras
from keras import layers

vocab, steps, width = 15, 5, 16
rng = np.random.default_rng(3)
source = rng.integers(1, vocab, size=(96, steps))
targets = np.concatenate([np.ones((96, 1), dtype="int64"), source[:, :-1]], axis=1)


class Decoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Embedding(vocab, 8)
        self.rnn = layers.LSTM(width, return_sequences=True, return_state=True)
        self.head = layers.Dense(vocab)

    def call(self, ids, states):
        out, h, c = self.rnn(self.embed(ids), initial_state=states)
        return self.head(out), [h, c]


class Translator(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.src_embed = layers.Embedding(vocab, 8)
        self.encoder = layers.LSTM(width, return_state=True)
        self.decoder = Decoder()

    def encode(self, ids):
        _, h, c = self.encoder(self.src_embed(ids))
        return [h, c]

    def call(self, inputs):
        src, tgt = inputs
        return self.decoder(tgt, self.encode(src))[0]


model = Translator()
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit((source, targets), source, batch_size=16, epochs=1, verbose=0)
states = model.encode(source[:3])
token = targets[:3, :1]
for _ in range(steps):
    logits, states = model.decoder(token, states)
    token = np.argmax(logits, axis=-1)
print(token.shape)
