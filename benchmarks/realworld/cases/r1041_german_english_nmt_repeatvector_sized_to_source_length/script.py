import numpy as np
import keras
from keras import layers

pairs = [("hi", "hallo"), ("run", "lauf"), ("i am cold", "mir ist kalt"), ("we won", "wir haben gewonnen"),
         ("he is tall", "er ist gross"), ("tom is sad", "tom ist traurig"), ("i lost", "ich habe verloren"),
         ("help me", "hilf mir"), ("be nice", "sei nett"), ("we are sad", "wir sind traurig")] * 4


def create_vocab(lines):
    vocab = {}
    for line in lines:
        for word in line.split():
            vocab.setdefault(word, len(vocab) + 1)
    return vocab


def encode_sequences(vocab, length, lines):
    out = np.zeros((len(lines), length), dtype="int32")
    for i, line in enumerate(lines):
        ids = [vocab[w] for w in line.split()][:length]
        out[i, :len(ids)] = ids
    return out


eng_lines = [p[0] for p in pairs]
ger_lines = [p[1] for p in pairs]
eng_vocab, ger_vocab = create_vocab(eng_lines), create_vocab(ger_lines)
eng_vocab_size, ger_vocab_size = len(eng_vocab) + 1, len(ger_vocab) + 1
eng_length, ger_length = 3, 6

# German -> English
trainX = encode_sequences(ger_vocab, ger_length, ger_lines)
trainY = keras.utils.to_categorical(encode_sequences(eng_vocab, eng_length, eng_lines), num_classes=eng_vocab_size)


def define_model(src_vocab, tar_vocab, src_timesteps, tar_timesteps, n_units):
    model = keras.Sequential()
    model.add(keras.Input(shape=(src_timesteps,)))
    model.add(layers.Embedding(src_vocab, n_units, mask_zero=True))
    model.add(layers.LSTM(n_units))
    model.add(layers.RepeatVector(src_timesteps))
    model.add(layers.LSTM(n_units, return_sequences=True))
    model.add(layers.TimeDistributed(layers.Dense(tar_vocab, activation="softmax")))
    return model


model = define_model(ger_vocab_size, eng_vocab_size, ger_length, eng_length, 32)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.summary()
model.fit(trainX, trainY, epochs=2, batch_size=8, verbose=0)
pred = model.predict(trainX[:2], verbose=0)
inv_eng = {v: k for k, v in eng_vocab.items()}
print([" ".join(inv_eng.get(int(i), "") for i in row.argmax(-1)) for row in pred])
