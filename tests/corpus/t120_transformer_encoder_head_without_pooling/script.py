import numpy as np
import keras
from keras import layers

vocab_size = 1000
maxlen = 40
embed_dim = 32
num_heads = 2
ff_dim = 64
num_classes = 3

# Transformer encoder over token ids, then a classification head.
inputs = keras.Input(shape=(maxlen,))
x = layers.Embedding(vocab_size, embed_dim)(inputs)
attn_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)(x, x)
x = layers.Add()([x, attn_output])
x = layers.LayerNormalization(epsilon=1e-6)(x)
ffn_output = layers.Dense(ff_dim, activation="relu")(x)
ffn_output = layers.Dense(embed_dim)(ffn_output)
x = layers.Add()([x, ffn_output])
x = layers.LayerNormalization(epsilon=1e-6)(x)
x = layers.Dense(20, activation="relu")(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

x_train = np.random.randint(0, vocab_size, size=(64, maxlen))
y_train = np.random.randint(0, num_classes, size=(64,))
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
