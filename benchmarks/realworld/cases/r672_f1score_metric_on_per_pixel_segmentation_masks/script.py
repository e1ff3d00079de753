# Tissue segmentation of 24x24 microscope tiles into 3 classes (background, stroma,
# tumour): one-hot masks, a small fully convolutional net with a per-pixel softmax and
# categorical cross-entropy. Macro F1 is tracked because tumour pixels are rare.
import numpy as np
import keras
from keras import layers

N_TISSUES = 3
rng = np.random.default_rng(2262)
tiles = rng.random((30, 24, 24, 3)).astype("float32")
masks = keras.utils.to_categorical(rng.integers(0, N_TISSUES, size=(30, 24, 24)), N_TISSUES)

tile_in = keras.Input(shape=(24, 24, 3))
f = layers.Conv2D(16, 3, padding="same", activation="relu")(tile_in)
f = layers.Conv2D(16, 3, padding="same", activation="relu")(f)
tissue_probs = layers.Conv2D(N_TISSUES, 1, activation="softmax")(f)
segmenter = keras.Model(tile_in, tissue_probs)

macro_f1 = keras.metrics.F1Score(average="macro")
segmenter.compile(optimizer="adam", loss="categorical_crossentropy", metrics=[macro_f1])
segmenter.fit(tiles, masks, batch_size=6, epochs=2, verbose=0)
print(segmenter.evaluate(tiles, masks, verbose=0))
