# Tiny fully convolutional segmenter (any image size), trained on random tiles, then used on one photo.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(13)
tiles = rng.random((24, 64, 64, 3), dtype=np.float32)
masks = (tiles.mean(axis=-1, keepdims=True) > 0.5).astype("float32")

inp = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inp)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
out = layers.Conv2D(1, 1, activation="sigmoid")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tiles, masks, batch_size=8, epochs=1, verbose=0)

# "X = cv2.imread(path)": one photo as an (H, W, 3) array
X = (rng.random((96, 128, 3)) * 255).astype("uint8")
X = X.astype("float32") / 255.0
pred = model.predict(X)
print(pred.shape, float(pred.mean()))
