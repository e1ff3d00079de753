import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, Bidirectional, LSTM, Dense

vocab_size = 200
embedding_dim = 16
max_len = 69

# 64 sentences of 69 token ids, one of 3 tags per token (one-hot)
X_train = np.random.randint(1, vocab_size, size=(64, max_len))
Y_train = np.eye(3)[np.random.randint(0, 3, size=(64, max_len))]

m = Sequential([
    Input(shape=(max_len,)),
    Embedding(vocab_size + 1, embedding_dim),
    Bidirectional(LSTM(32)),
    Dense(32, activation="relu"),
    Dense(max_len, activation="sigmoid"),
])
m.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
m.fit(X_train, Y_train, batch_size=16, epochs=1, verbose=0)
