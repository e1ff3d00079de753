import numpy as np
import keras
from keras import layers

VOCAB = 500
SEQ_LEN = 40
N = 64

# Product reviews: token ids of the review text plus three numeric fields
# (price, discount, seller rating); the target is whether the buyer returned it.
rng = np.random.default_rng(0)
review_tokens = rng.integers(1, VOCAB, size=(N, SEQ_LEN)).astype("int32")
price_info = rng.normal(size=(N, 3)).astype("float32")
returned = rng.integers(0, 2, size=(N, 1)).astype("float32")

tokens_in = keras.Input(shape=(SEQ_LEN,), dtype="int32", name="review_tokens")
price_in = keras.Input(shape=(3,), name="price_info")

x = layers.Embedding(VOCAB, 16)(tokens_in)
x = layers.GlobalAveragePooling1D()(x)
p = layers.Dense(8, activation="relu")(price_in)
h = layers.concatenate([x, p])
h = layers.Dense(16, activation="relu")(h)
out = layers.Dense(1, activation="sigmoid")(h)

model = keras.Model(inputs={"review_tokens": tokens_in, "price_info": price_in},
                    outputs=out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()

model.fit([review_tokens, price_info], returned, epochs=2, batch_size=16, verbose=2)

probs = model.predict({"review_tokens": review_tokens[:4], "price_info": price_info[:4]},
                      verbose=0)
print("return probability of the first reviews:", probs.ravel())
