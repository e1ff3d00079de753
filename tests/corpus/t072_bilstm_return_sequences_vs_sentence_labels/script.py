import numpy as np
import keras
from keras import layers

# 200 sentences of 15 tokens with 8 features per token; one label per sentence, one-hot over 2 classes.
x = np.random.rand(200, 15, 8).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 2, size=(200,)), 2)

model = keras.Sequential([
    keras.Input(shape=(15, 8)),
    layers.Bidirectional(layers.LSTM(50, return_sequences=True), merge_mode="concat"),
    layers.Dropout(0.2),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
