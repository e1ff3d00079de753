import numpy as np
import keras
from keras import layers

max_features = 2000
maxlen = 50
x_train = [[int(t) for t in np.random.randint(1, max_features, size=np.random.randint(5, 80))] for _ in range(64)]
y_train = np.random.randint(0, 2, size=(64,))

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(16))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
