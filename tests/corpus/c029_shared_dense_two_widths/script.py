import numpy as np
import keras
from keras import layers

# Two "views" of a customer that should be embedded by the same tower.
profile_in = keras.Input(shape=(3,), name="profile")
history_in = keras.Input(shape=(5,), name="history")

shared_tower = layers.Dense(16, activation="relu")
profile_emb = shared_tower(profile_in)
history_emb = shared_tower(history_in)

merged = layers.Concatenate()([profile_emb, history_emb])
out = layers.Dense(1, activation="sigmoid")(merged)
model = keras.Model([profile_in, history_in], out)
model.summary()
