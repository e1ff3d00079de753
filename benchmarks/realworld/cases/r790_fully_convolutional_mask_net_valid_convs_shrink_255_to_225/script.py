# Pixel-wise road-mask predictor: a stack of 7x7 convolutions maps a 255x255 RGB
# aerial tile to a one-channel 255x255 mask; a generator yields (tiles, masks).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(17)

def tile_batches(batch_size=4):
    while True:
        tiles = rng.random((batch_size, 255, 255, 3)).astype("float32")
        masks = (tiles[..., :1] > 0.5).astype("float32")          # (4, 255, 255, 1)
        yield tiles, masks

mask_net = keras.Sequential([
    keras.Input(shape=(255, 255, 3)),
    layers.Conv2D(8, (7, 7), activation="relu"),
    layers.Conv2D(8, (7, 7), activation="relu"),
    layers.Conv2D(8, (7, 7), activation="relu"),
    layers.Conv2D(8, (7, 7), activation="relu"),
    layers.Conv2D(1, (7, 7), activation="sigmoid"),
])
mask_net.compile(optimizer="adam", loss="binary_crossentropy")
mask_net.fit(tile_batches(), steps_per_epoch=3, epochs=1, verbose=0)
print(mask_net.predict(next(tile_batches())[0], verbose=0).shape)
