import numpy as np
from tensorflow.keras import layers, models

rng = np.random.default_rng(0)


def load_image(i):
    return rng.random((64, 64, 3)).astype("float32")


def load_mask(i):
    # The binary mask PNGs are read in colour (like cv2.imread(path) without a flag).
    gray = (rng.random((64, 64)) > 0.5).astype("float32")
    return np.stack([gray, gray, gray], axis=-1)


images = np.stack([load_image(i) for i in range(8)])
masks = np.stack([load_mask(i) for i in range(8)])

inputs = layers.Input((64, 64, 3))
c1 = layers.Conv2D(8, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(16, 3, activation="relu", padding="same")(p1)
u1 = layers.UpSampling2D(2)(c2)
m1 = layers.Concatenate()([u1, c1])
c3 = layers.Conv2D(8, 3, activation="relu", padding="same")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c3)
model = models.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=4, epochs=1, verbose=0)
