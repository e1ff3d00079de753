import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, LSTM, Dense
from keras.utils import to_categorical

vocab, maxlen = 200, 12
token_ids = np.random.randint(1, vocab, size=(64, maxlen))
x_train = to_categorical(token_ids, vocab)
y_train = np.random.randint(0, 2, size=(64,))

model = Sequential()
model.add(Input(shape=(maxlen, vocab)))
model.add(Embedding(vocab, 32))
model.add(LSTM(16))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
