import numpy as np
import tensorflow as tf
import keras
from keras import layers

src_vocab, tgt_vocab, num_steps = 30, 25, 8
embed_size, num_hiddens = 16, 32
rng = np.random.default_rng(2)
src = rng.integers(1, src_vocab, size=(200, num_steps))
tgt = (src % (tgt_vocab - 2)) + 2
tgt_in = np.concatenate([np.ones((200, 1), dtype=src.dtype), tgt[:, :-1]], axis=1)


class Seq2SeqEncoder(keras.layers.Layer):
    def __init__(self, vocab_size, embed_size, num_hiddens, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(vocab_size, embed_size)
        self.rnn = layers.GRU(num_hiddens, return_sequences=True, return_state=True)

    def call(self, X):
        outputs, state = self.rnn(self.embedding(X))
        return outputs, state


class Seq2SeqDecoder(keras.layers.Layer):
    def __init__(self, vocab_size, embed_size, num_hiddens, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(vocab_size, embed_size)
        self.rnn = layers.GRU(num_hiddens, return_sequences=True, return_state=True)
        self.dense = layers.Dense(vocab_size)

    def call(self, X, enc_state):
        embs = self.embedding(X)
        # Broadcast the context to every decoder time step
        context = tf.tile(enc_state, (1, embs.shape[1], 1))
        embs_and_context = tf.concat((embs, context), -1)
        outputs, state = self.rnn(embs_and_context, initial_state=enc_state)
        return self.dense(outputs)


class Seq2Seq(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = Seq2SeqEncoder(src_vocab, embed_size, num_hiddens)
        self.decoder = Seq2SeqDecoder(tgt_vocab, embed_size, num_hiddens)

    def call(self, inputs):
        enc_X, dec_X = inputs
        _, enc_state = self.encoder(enc_X)
        return self.decoder(dec_X, enc_state)


model = Seq2Seq()
model.compile(optimizer=keras.optimizers.Adam(0.005),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit((src, tgt_in), tgt, batch_size=32, epochs=2, verbose=0)
print(model.predict((src[:2], tgt_in[:2]), verbose=0).argmax(-1))
