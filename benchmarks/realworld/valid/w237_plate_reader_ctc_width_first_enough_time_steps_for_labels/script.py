import numpy as np
import keras
from keras import layers, ops

# Licence-plate reader: grey plates are stored width-first, so after three
# width-halving poolings a 192-pixel plate gives 24 columns for the CTC
# alignment of its 7 characters (blank at index 0).
PLATE_W, PLATE_H = 192, 48
SYMBOLS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
PLATE_LEN = 7
N_OUT = len(SYMBOLS) + 1
rng = np.random.default_rng(11)

plates = rng.random((40, PLATE_W, PLATE_H, 1)).astype("float32")
texts = rng.integers(1, N_OUT, size=(40, PLATE_LEN)).astype("int32")


class PlateCTC(layers.Layer):
    def call(self, target, scores):
        n = ops.shape(scores)[0]
        steps = ops.full((n,), ops.shape(scores)[1], dtype="int32")
        lengths = ops.full((n,), PLATE_LEN, dtype="int32")
        self.add_loss(ops.mean(ops.ctc_loss(target, ops.log(scores + 1e-7), lengths, steps, mask_index=0)))
        return scores


plate_in = keras.Input(shape=(PLATE_W, PLATE_H, 1), name="plate")
text_in = keras.Input(shape=(PLATE_LEN,), dtype="int32", name="text")
h = plate_in
for filters in (24, 48, 64):
    h = layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
    h = layers.MaxPooling2D(2)(h)
h = layers.Reshape((PLATE_W // 8, (PLATE_H // 8) * 64))(h)
h = layers.Bidirectional(layers.GRU(48, return_sequences=True))(h)
scores = layers.Dense(N_OUT, activation="softmax")(h)
reader = keras.Model([plate_in, text_in], PlateCTC()(text_in, scores))
reader.compile(optimizer=keras.optimizers.Adam(1e-3))
log = reader.fit({"plate": plates, "text": texts}, batch_size=8, epochs=2, verbose=0)

decoder = keras.Model(plate_in, scores)
probs = decoder.predict(plates[:4], verbose=0)
paths, _ = ops.ctc_decode(probs, ops.full((4,), probs.shape[1], dtype="int32"), mask_index=0)
print("steps", probs.shape[1], "loss", [round(v, 2) for v in log.history["loss"]], "decoded", paths.shape)
