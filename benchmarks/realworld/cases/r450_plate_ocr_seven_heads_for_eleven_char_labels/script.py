# Licence-plate OCR CNN with one softmax head per character slot, adapted to 11-character plates.
import numpy as np
import keras
from keras import layers

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_"  # 37 symbols, "_" pads short plates
VOCAB = len(ALPHABET)
MAX_PLATE_SLOTS = 11
IMG_H, IMG_W = 32, 96


def build_model(h, w):
    inp = layers.Input(shape=(h, w, 1))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    # one head per character slot
    heads = [layers.Dense(VOCAB, activation="softmax", name=f"char_{i}")(x) for i in range(7)]
    x = layers.Concatenate()(heads)
    out = layers.Reshape((-1, VOCAB))(x)
    return keras.Model(inp, out)


def one_hot_plate(plate):
    plate = plate.ljust(MAX_PLATE_SLOTS, "_")
    y = np.zeros((MAX_PLATE_SLOTS, VOCAB), dtype="float32")
    for i, ch in enumerate(plate):
        y[i, ALPHABET.index(ch)] = 1.0
    return y


rng = np.random.default_rng(3)
plates = ["".join(rng.choice(list(ALPHABET[:-1]), size=rng.integers(9, 12))) for _ in range(64)]
x_imgs = rng.random((64, IMG_H, IMG_W, 1), dtype=np.float32)
y_imgs = np.stack([one_hot_plate(p) for p in plates])

model = build_model(IMG_H, IMG_W)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_imgs, y_imgs, epochs=1, batch_size=16, verbose=0)
print(model.predict(x_imgs[:1], verbose=0).shape)
