import numpy as np
import keras
from keras import layers

# Listing photos (as 64-d embeddings) + tabular metadata; a cleaning step
# removed rows with missing values from the metadata only.
image_emb = np.random.rand(64, 64).astype("float32")
metadata = np.random.rand(64, 8).astype("float32")
metadata[[5, 17, 40], 2] = np.nan
metadata = metadata[~np.isnan(metadata).any(axis=1)]
sold = np.random.randint(0, 2, size=(64,))

img_in = keras.Input(shape=(64,), name="image")
meta_in = keras.Input(shape=(8,), name="meta")
h = layers.Concatenate()([img_in, meta_in])
h = layers.Dense(16, activation="relu")(h)
out = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([img_in, meta_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit({"image": image_emb, "meta": metadata}, sold, epochs=1, batch_size=16, verbose=0)
