import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dropout, TimeDistributed, Dense, Activation

vocab = 30
seq_len = 12
hidden_size = 32
X = np.eye(vocab)[np.random.randint(0, vocab, size=(64, seq_len))].astype("float32")
Y = np.eye(vocab)[np.random.randint(0, vocab, size=(64, seq_len))].astype("float32")

model = Sequential()
model.add(LSTM(hidden_size, input_shape=(seq_len, vocab), return_sequences=True))
model.add(Dropout(0.2))
model.add(LSTM(hidden_size))
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(vocab)))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, Y, epochs=1, batch_size=16, verbose=0)
