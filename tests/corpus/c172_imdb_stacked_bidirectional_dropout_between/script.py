import numpy as np
import keras
from keras import layers

max_features = 2000
maxlen = 40
x_train = np.random.randint(0, max_features, size=(32, maxlen))
y_train = np.random.randint(0, 2, size=(32,))

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(32))(x)
x = layers.Dropout(0.3)(x)
x = layers.Bidirectional(layers.LSTM(32))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
