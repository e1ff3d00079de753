import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense
from tensorflow.keras.utils import to_categorical

# Character-level language model: 10 characters in, the next character out
num_chars = 40
seq_length = 10
x_train = np.random.randint(1, num_chars + 1, size=(256, seq_length))
y_train = to_categorical(np.random.randint(1, num_chars + 1, size=(256,)), num_chars + 1)

model = Sequential()
model.add(Embedding(num_chars + 1, 32, mask_zero=True))
model.add(Bidirectional(LSTM(64, dropout=0.15, return_sequences=True), merge_mode="concat"))
model.add(Dense(num_chars + 1, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
