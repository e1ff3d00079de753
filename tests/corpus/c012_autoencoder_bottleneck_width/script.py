import numpy as np
import keras
from keras import layers

# Encoder: 784 -> 32
enc_in = keras.Input(shape=(784,))
h = layers.Dense(128, activation="relu")(enc_in)
code = layers.Dense(32, activation="relu")(h)
encoder = keras.Model(enc_in, code, name="encoder")

# Decoder written separately, expecting a 16-dim code.
decoder = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(128, activation="relu"),
    layers.Dense(784, activation="sigmoid"),
], name="decoder")

ae_in = keras.Input(shape=(784,))
encoded = encoder(ae_in)
decoded = decoder(encoded)
autoencoder = keras.Model(ae_in, decoded)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
print(autoencoder.predict(np.random.rand(2, 784), verbose=0).shape)
