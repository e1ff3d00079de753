import numpy as np
from keras.layers import LSTM
from keras.models import Sequential

data = np.eye(5)[np.random.randint(0, 5, size=(120, 10))].astype("float32")

model = Sequential()
encoded = LSTM(3, input_shape=(10, 5))
model.add(encoded)
decoded = LSTM(5, return_sequences=True)
model.add(decoded)
model.compile(loss="mse", optimizer="adam")
model.fit(data, data, epochs=1, batch_size=20, verbose=0)
