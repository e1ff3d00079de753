import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
vocab_size, emb_dim = 200, 32
input_len, answer_len = 10, 6
n_pairs = 96

# questions as word vectors, answers as one-hot tokens
questions = rng.normal(size=(n_pairs, input_len, emb_dim)).astype("float32")
answer_ids = rng.integers(0, vocab_size, size=(n_pairs, answer_len))
answers = np.eye(vocab_size, dtype="float32")[answer_ids]


def simple_seq2seq(output_dim, output_length, hidden_dim, input_shape, depth=(2, 2), dropout=0.1):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for _ in range(depth[0] - 1):
        model.add(layers.LSTM(hidden_dim, return_sequences=True))
        model.add(layers.Dropout(dropout))
    model.add(layers.LSTM(hidden_dim))
    model.add(layers.RepeatVector(output_length))
    model.add(layers.Dropout(dropout))
    model.add(layers.LSTM(hidden_dim, return_sequences=True))
    for _ in range(1, depth[1]):
        model.add(layers.Dropout(dropout))
        model.add(layers.LSTM(hidden_dim, return_sequences=True))
    return model


chatbot = simple_seq2seq(output_dim=vocab_size, output_length=answer_len, hidden_dim=64,
                         input_shape=(input_len, emb_dim))
chatbot.add(layers.Activation("softmax"))
chatbot.compile(optimizer="adam", loss="categorical_crossentropy")
chatbot.fit(questions, answers, batch_size=32, epochs=1, verbose=0)
reply = chatbot.predict(questions[:1], verbose=0).argmax(-1)
print("reply token ids", reply)
