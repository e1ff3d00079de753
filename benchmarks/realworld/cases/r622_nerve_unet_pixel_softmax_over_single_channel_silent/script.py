# Ultrasound nerve segmentation with a small U-Net: the last 1x1 convolution's map is
# reshaped to one row per pixel and passed through a softmax, trained with categorical
# cross-entropy against the binary nerve masks (one value per pixel).
import numpy as np
import keras
from keras import layers

img_rows, img_cols = 32, 32

rng = np.random.default_rng(18)
imgs_train = rng.random((40, img_rows, img_cols, 1)).astype("float32")
imgs_mask_train = (imgs_train > 0.7).astype("float32")

inputs = keras.Input((img_rows, img_cols, 1))
conv1 = layers.Conv2D(8, 3, activation="relu", padding="same")(inputs)
pool1 = layers.MaxPooling2D(2)(conv1)
conv2 = layers.Conv2D(16, 3, activation="relu", padding="same")(pool1)
up3 = layers.concatenate([layers.UpSampling2D(2)(conv2), conv1], axis=3)
conv9 = layers.Conv2D(8, 3, activation="relu", padding="same")(up3)
conv10 = layers.Conv2D(1, 1, activation="linear")(conv9)
reshape_layer = layers.Reshape((img_rows * img_cols, 1))(conv10)
softmax_layer = layers.Activation("softmax")(reshape_layer)
model = keras.Model(inputs, softmax_layer)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy")

masks_flat = imgs_mask_train.reshape(-1, img_rows * img_cols, 1)
history = model.fit(imgs_train, masks_flat, batch_size=8, epochs=2, verbose=0)
print("loss per epoch:", history.history["loss"])
print("predicted mask values:", np.unique(model.predict(imgs_train[:2], verbose=0)))
