# Three-class review classifier: Embedding -> BiLSTM(return_sequences) -> self-attention -> softmax.
import numpy as np
import keras
from keras import layers

max_len = 50
vocab_size = 2000
num_classes = 3

rng = np.random.default_rng(1)
x_train = rng.integers(1, vocab_size, size=(96, max_len))
y_train = keras.utils.to_categorical(rng.integers(0, num_classes, size=96), num_classes)

inputs = keras.Input(shape=(max_len,))
x = layers.Embedding(vocab_size, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
attn_layer = layers.Attention(name="self_attention")([x, x])
outputs = layers.Dense(num_classes, activation="softmax")(attn_layer)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
print("done")
