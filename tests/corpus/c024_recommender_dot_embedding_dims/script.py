import numpy as np
import keras
from keras import layers

n_users, n_items = 500, 800

user_in = keras.Input(shape=(1,), name="user")
item_in = keras.Input(shape=(1,), name="item")
user_vec = layers.Embedding(n_users, 32)(user_in)
item_vec = layers.Embedding(n_items, 16)(item_in)
score = layers.Dot(axes=2)([user_vec, item_vec])
score = layers.Flatten()(score)
model = keras.Model([user_in, item_in], score)
model.compile(optimizer="adam", loss="mse")

users = np.random.randint(0, n_users, size=(6, 1))
items = np.random.randint(0, n_items, size=(6, 1))
print(model.predict([users, items], verbose=0).shape)
