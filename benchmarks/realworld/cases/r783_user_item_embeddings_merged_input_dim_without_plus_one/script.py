# Click predictor that merges two embedding branches: one for the shopper id and one
# for the article id. Ids come from lookup tables that number entries from 1, so the
# largest id equals the number of distinct entries.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
n_shoppers, n_articles, n_pairs = 40, 25, 300

shopper_ids = rng.integers(1, n_shoppers + 1, size=(n_pairs, 1))    # 1 .. 40
article_ids = rng.integers(1, n_articles + 1, size=(n_pairs, 1))    # 1 .. 25
clicked = rng.integers(0, 2, size=(n_pairs, 1)).astype("float32")
print("largest ids:", shopper_ids.max(), article_ids.max())

shopper_in = keras.Input(shape=(1,), dtype="int32", name="shopper")
article_in = keras.Input(shape=(1,), dtype="int32", name="article")
shopper_vec = layers.Flatten()(layers.Embedding(n_shoppers, 8)(shopper_in))
article_vec = layers.Flatten()(layers.Embedding(n_articles, 8)(article_in))
merged = layers.Concatenate()([shopper_vec, article_vec])
hidden = layers.Dense(16, activation="relu")(merged)
click_prob = layers.Dense(1, activation="sigmoid")(hidden)

ranker = keras.Model([shopper_in, article_in], click_prob)
ranker.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
ranker.fit([shopper_ids, article_ids], clicked, epochs=2, batch_size=32, verbose=0)
print(ranker.predict([shopper_ids[:3], article_ids[:3]], verbose=0).ravel())
