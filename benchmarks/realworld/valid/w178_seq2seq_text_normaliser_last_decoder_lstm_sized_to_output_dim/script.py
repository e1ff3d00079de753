import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(21)
n_chars, feat_dim = 40, 16
src_len, tgt_len = 12, 8
n_examples = 80

# noisy character features in, one-hot normalised characters out
sources = rng.normal(size=(n_examples, src_len, feat_dim)).astype("float32")
target_ids = rng.integers(0, n_chars, size=(n_examples, tgt_len))
targets = keras.utils.to_categorical(target_ids, n_chars)


def build_seq2seq(output_dim, output_length, hidden_dim, input_shape, depth=(1, 3), dropout=0.2):
    net = keras.Sequential([keras.Input(shape=input_shape)])
    for _ in range(depth[0] - 1):
        net.add(layers.LSTM(hidden_dim, return_sequences=True))
    net.add(layers.LSTM(hidden_dim))
    net.add(layers.RepeatVector(output_length))
    net.add(layers.Dropout(dropout))
    if depth[1] == 1:
        net.add(layers.LSTM(output_dim, return_sequences=True))
    else:
        net.add(layers.LSTM(hidden_dim, return_sequences=True))
        for _ in range(depth[1] - 2):
            net.add(layers.Dropout(dropout))
            net.add(layers.LSTM(hidden_dim, return_sequences=True))
        net.add(layers.Dropout(dropout))
        net.add(layers.LSTM(output_dim, return_sequences=True))
    return net


normaliser = build_seq2seq(output_dim=n_chars, output_length=tgt_len, hidden_dim=48,
                           input_shape=(src_len, feat_dim))
normaliser.add(layers.Activation("softmax"))
normaliser.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
normaliser.fit(sources, targets, batch_size=16, epochs=2, verbose=0)
decoded = normaliser.predict(sources[:3], verbose=0).argmax(axis=-1)
print("decoded", decoded.shape)
