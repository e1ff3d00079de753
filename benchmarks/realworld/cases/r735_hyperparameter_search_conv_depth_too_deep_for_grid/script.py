# Hand-rolled hyperparameter search for a small CNN that classifies 24x24 sea-ice
# concentration grids into four ice regimes. Each trial samples the number of
# conv/pool blocks and the filter width, builds a fresh model and trains it briefly.
import numpy as np
import keras
from keras import layers

GRID = 24
N_REGIMES = 4
CONV_BLOCK_CHOICES = [2, 3, 4, 5]
FILTER_CHOICES = [16, 32]

rng = np.random.default_rng(1011)
grids = rng.random((96, GRID, GRID, 1)).astype("float32")
regimes = rng.integers(0, N_REGIMES, size=96)


def build_model(conv_blocks, filters):
    model = keras.Sequential([keras.Input(shape=(GRID, GRID, 1))])
    for _ in range(conv_blocks):
        model.add(layers.Conv2D(filters, 3, activation="relu"))
        model.add(layers.MaxPooling2D(2))
    model.add(layers.Flatten())
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(N_REGIMES, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


best = None
for trial in range(4):
    conv_blocks = CONV_BLOCK_CHOICES[(trial + 1) % len(CONV_BLOCK_CHOICES)]
    filters = FILTER_CHOICES[trial % len(FILTER_CHOICES)]
    model = build_model(conv_blocks, filters)
    hist = model.fit(grids, regimes, validation_split=0.25, epochs=1, batch_size=16, verbose=0)
    score = hist.history["val_accuracy"][-1]
    print(f"trial {trial}: {conv_blocks} blocks, {filters} filters, val_accuracy {score:.3f}")
    if best is None or score > best[0]:
        best = (score, conv_blocks, filters)
print("best:", best)
