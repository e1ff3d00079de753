import numpy as np
import keras
from keras import layers


class StackedLSTM(keras.Model):
    def __init__(self):
        super().__init__()
        self.lstm1 = layers.LSTM(32, return_sequences=True)
        self.lstm2 = layers.LSTM(32, return_sequences=True)
        self.lstm3 = layers.LSTM(16)
        self.head = layers.Dense(3, activation="softmax")

    def call(self, x):
        x = self.lstm1(x)
        x = self.lstm2(x)
        x = self.lstm3(x)
        return self.head(x)


model = StackedLSTM()
print(model(np.random.rand(2, 7, 5).astype("float32")).shape)
