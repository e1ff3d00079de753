import numpy as np
import keras
from keras import layers

EMBED_DIM = 50

# Sentence encoder that was built (and trained) on 100-d word vectors.
sentence_encoder = keras.Sequential([
    keras.Input(shape=(None, 100)),
    layers.LSTM(32),
], name="sentence_encoder")

tokens = keras.Input(shape=(20,), dtype="int32")
x = layers.Embedding(input_dim=5000, output_dim=EMBED_DIM)(tokens)
x = layers.SpatialDropout1D(0.2)(x)
x = sentence_encoder(x)
out = layers.Dense(3, activation="softmax")(x)
model = keras.Model(tokens, out)
model.summary()
