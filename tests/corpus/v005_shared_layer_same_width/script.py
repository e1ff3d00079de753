import numpy as np
import keras
from keras import layers

# Siamese tower shared between two inputs of the same width.
left = keras.Input(shape=(20,))
right = keras.Input(shape=(20,))
tower = layers.Dense(32, activation="relu")
left_emb = tower(left)
right_emb = tower(right)
diff = layers.Subtract()([left_emb, right_emb])
out = layers.Dense(1, activation="sigmoid")(diff)
model = keras.Model([left, right], out)
print(model([np.random.rand(2, 20), np.random.rand(2, 20)]).shape)
