import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
n, size = 12, 64
images = rng.random((n, size, size, 3)).astype("float32")
masks = (rng.random((n, size, size, 1)) > 0.6).astype("float32")
# reconstruction target: the image restricted to the segmented region
recon_targets = images * masks

img_in = keras.Input(shape=(size, size, 3))
x = layers.Conv2D(16, 5, padding="same", activation="relu")(img_in)
x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
seg_out = layers.Conv2D(1, 1, activation="sigmoid", name="out_seg")(x)

masked = layers.Multiply()([x, seg_out])
recon_1 = layers.Conv2D(64, 1, padding="same", kernel_initializer="he_normal", activation="relu")(masked)
recon_2 = layers.Conv2D(128, 1, padding="same", kernel_initializer="he_normal", activation="relu")(recon_1)
out_recon = layers.Conv2D(filters=1, kernel_size=1, padding="same", kernel_initializer="he_normal",
                          activation="sigmoid", name="out_recon")(recon_2)

segcaps = keras.Model(img_in, [seg_out, out_recon])
segcaps.compile(optimizer="adam",
                loss={"out_seg": "binary_crossentropy", "out_recon": "mse"},
                loss_weights={"out_seg": 1.0, "out_recon": 0.131})
history = segcaps.fit(images, {"out_seg": masks, "out_recon": recon_targets},
                      batch_size=4, epochs=2, verbose=0)
print("final loss", history.history["loss"][-1])
