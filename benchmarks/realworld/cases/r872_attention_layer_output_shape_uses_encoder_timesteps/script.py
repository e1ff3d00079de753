# Seq2seq with a custom attention layer between encoder and decoder states: the source
# sentences are 12 tokens long and the target sentences 7, each decoder step attends over
# all encoder steps and the context is joined to the decoder state before the softmax.
import numpy as np
import keras
from keras import layers, ops

SRC_LEN, TGT_LEN, SRC_VOCAB, TGT_VOCAB, UNITS = 12, 7, 50, 40, 32
rng = np.random.default_rng(872)
src = rng.integers(1, SRC_VOCAB, size=(96, SRC_LEN))
tgt_in = rng.integers(1, TGT_VOCAB, size=(96, TGT_LEN))
tgt_out = np.roll(tgt_in, -1, axis=1)


class AttentionDecoder(layers.Layer):
    def build(self, input_shapes):
        x_shape, y_shape = input_shapes
        self.w = self.add_weight(shape=(y_shape[-1], x_shape[-1]), initializer="glorot_uniform")

    def call(self, inputs):
        x_seq, y_seq = inputs
        scores = ops.matmul(ops.matmul(y_seq, self.w), ops.transpose(x_seq, (0, 2, 1)))
        weights = ops.softmax(scores, axis=-1)
        return ops.matmul(weights, x_seq)

    def compute_output_shape(self, input_shapes):
        x_shape, y_shape = input_shapes
        timesteps = x_shape[1]
        return (x_shape[0], timesteps, x_shape[2])


enc_in = keras.Input(shape=(SRC_LEN,))
enc_seq = layers.LSTM(UNITS, return_sequences=True)(layers.Embedding(SRC_VOCAB, 24)(enc_in))
dec_in = keras.Input(shape=(TGT_LEN,))
dec_seq = layers.LSTM(UNITS, return_sequences=True)(layers.Embedding(TGT_VOCAB, 24)(dec_in))
context = AttentionDecoder()([enc_seq, dec_seq])
joined = layers.Concatenate(axis=-1)([context, dec_seq])
probs = layers.Dense(TGT_VOCAB, activation="softmax")(joined)
model = keras.Model([enc_in, dec_in], probs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

model.fit([src, tgt_in], tgt_out, batch_size=16, epochs=2, verbose=0)
print("trained")
