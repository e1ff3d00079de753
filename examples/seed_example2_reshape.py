"""Seed article, Example 2: the article's own "fix", Reshape((64,)) after Dense(1).

Reshape cannot turn one value per sample into 64 values: Keras 3 refuses it.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Model with a shape mismatch
model_mismatch = keras.Sequential([
    layers.Input(shape=(10,)),
    layers.Dense(1), # output is (None,1)
    layers.Dense(64)
])

# Attempting to correct model with reshape
model_reshape = keras.Sequential([
    layers.Input(shape=(10,)),
    layers.Dense(1),
    layers.Reshape((64,)), #  Reshape to (None, 64)
    layers.Dense(64)
])

# Generate dummy input
x_reshaped = tf.random.normal(shape=(100, 10))

model_mismatch(x_reshaped)

output_reshape = model_reshape(x_reshaped)
print(f"Shape of output after reshaping: {output_reshape.shape}")
