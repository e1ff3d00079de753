"""Seed article, Example 1: Dense(1) then Dense(64).

The article claims this raises a (None, 1) vs (None, 64) mismatch. Under Keras 3 it is
valid: a Dense layer adapts its kernel to whatever width it receives.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Incorrect model definition
model_incorrect = keras.Sequential([
    layers.Input(shape=(10,)),  # Input with 10 features
    layers.Dense(1),  # Output a single scalar (None, 1)
    layers.Dense(64)  # Expects (None, 64)
])

# Generate dummy data
x_incorrect = tf.random.normal(shape=(100, 10))
# Trying to perform a pass
model_incorrect(x_incorrect)

# Correct model definition
model_correct = keras.Sequential([
    layers.Input(shape=(10,)),
    layers.Dense(64),  # Correctly outputs (None, 64)
    layers.Dense(64)
])
# Perform pass on the correct model
x_correct = tf.random.normal(shape=(100, 10))
output_correct = model_correct(x_correct)
print(f"Output shape of correct model: {output_correct.shape}")
