"""Seed article, Example 3: an LSTM right after Dense(1).

The LSTM needs (batch, steps, features); Dense(1) gives (batch, 1).
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Model with sequential processing that causes a shape mismatch
model_sequence_mismatch = keras.Sequential([
    layers.Input(shape=(10,)),
    layers.Dense(1), # Output is (None, 1)
    layers.LSTM(64) # Expects (None, steps, features) - shape mismatch
])

# Generate dummy input
x_sequence = tf.random.normal(shape=(100, 10))
model_sequence_mismatch(x_sequence)
