import numpy as np
import tensorflow as tf
import keras
from keras import layers

src_vocab, tgt_vocab, num_steps, bos = 24, 20, 6, 1
embed_size, num_hiddens = 12, 24
rng = np.random.default_rng(11)
src = rng.integers(2, src_vocab, size=(160, num_steps))
tgt = (src % (tgt_vocab - 2)) + 2
tgt_in = np.concatenate([np.full((160, 1), bos), tgt[:, :-1]], axis=1)


class Seq2SeqDecoder(layers.Layer):
    def __init__(self, vocab_size, embed_size, num_hiddens, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(vocab_size, embed_size)
        self.rnn = layers.GRU(num_hiddens, return_sequences=True, return_state=True)
        self.dense = layers.Dense(vocab_size)

    def call(self, X, state, context):
        embs = self.embedding(X)
        context = tf.tile(tf.expand_dims(context, 1), (1, tf.shape(embs)[1], 1))
        outputs, state = self.rnn(tf.concat((embs, context), -1), initial_state=state)
        return self.dense(outputs), state


class Seq2Seq(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.src_embedding = layers.Embedding(src_vocab, embed_size)
        self.encoder = layers.GRU(num_hiddens, return_state=True)
        self.decoder = Seq2SeqDecoder(tgt_vocab, embed_size, num_hiddens)

    def encode(self, enc_X):
        _, enc_state = self.encoder(self.src_embedding(enc_X))
        return enc_state

    def call(self, inputs):
        enc_X, dec_X = inputs
        enc_state = self.encode(enc_X)
        return self.decoder(dec_X, enc_state, enc_state)[0]


model = Seq2Seq()
model.compile(optimizer=keras.optimizers.Adam(0.01),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit((src, tgt_in), tgt, batch_size=32, epochs=2, verbose=0)

# greedy prediction: feed back the argmax token one step at a time
enc_state = model.encode(src[:4])
dec_state, dec_X, preds = enc_state, tgt_in[:4, 0], []
for _ in range(num_steps):
    Y, dec_state = model.decoder(dec_X, dec_state, enc_state)
    dec_X = tf.argmax(Y, axis=2)
    preds.append(dec_X)
print(tf.concat(preds, 1).numpy())
