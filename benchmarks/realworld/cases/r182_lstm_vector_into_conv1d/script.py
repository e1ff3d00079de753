import numpy as np
from tensorflow.keras.layers import Input, LSTM, Conv1D, GlobalMaxPooling1D, Dense
from tensorflow.keras.models import Model

# Sequences of 60 steps with 20 features each.
x_train = np.random.rand(40, 60, 20).astype("float32")
y_train = np.random.randint(0, 2, size=(40, 1))

seq_input = Input(shape=(60, 20))
encoded = LSTM(60)(seq_input)
conv = Conv1D(32, 5, activation="relu")(encoded)
pooled = GlobalMaxPooling1D()(conv)
output = Dense(1, activation="sigmoid")(pooled)

model = Model(seq_input, output)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
