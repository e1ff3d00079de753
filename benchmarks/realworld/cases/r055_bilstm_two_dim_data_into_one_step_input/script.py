import numpy as np
from keras import Model
from keras.layers import Input, Dense, Bidirectional, LSTM

input1 = Input(shape=(1, 5))
lstm1 = Bidirectional(LSTM(units=32))(input1)
dnn_hidden_layer1 = Dense(3, activation="relu")(lstm1)
dnn_output = Dense(1, activation="sigmoid")(dnn_hidden_layer1)
model = Model(inputs=[input1], outputs=[dnn_output])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

# 20 records with 5 values each, binary labels.
data = np.random.rand(20, 5)
Y = np.array([1] * 10 + [0] * 10)
model.fit(data, Y, epochs=1, batch_size=5, verbose=0)
