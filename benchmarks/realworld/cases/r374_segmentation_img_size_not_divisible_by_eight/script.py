# Pet-mask segmentation model (strided Conv2D down, Conv2DTranspose up) after
# Deep Learning with Python, chapter 11 ("Training a segmentation model from
# scratch"); my own photos are resized to 150x150.
import numpy as np
import keras
from keras.layers import Rescaling, Conv2D, Conv2DTranspose

img_size = (150, 150)
num_imgs = 24
rng = np.random.default_rng(3)
# stand-in for the loaded photos and trimaps (trimap values 1..3, minus 1)
input_imgs = rng.integers(0, 256, size=(num_imgs,) + img_size + (3,)).astype("float32")
targets = (rng.integers(1, 4, size=(num_imgs,) + img_size + (1,)) - 1).astype("uint8")

num_val_samples = 8
train_input_imgs = input_imgs[:-num_val_samples]
train_targets = targets[:-num_val_samples]
val_input_imgs = input_imgs[-num_val_samples:]
val_targets = targets[-num_val_samples:]


def get_model(img_size, num_classes):
    inputs = keras.Input(shape=img_size + (3,))
    x = Rescaling(1.0 / 255)(inputs)
    x = Conv2D(16, 3, strides=2, activation="relu", padding="same")(x)
    x = Conv2D(16, 3, activation="relu", padding="same")(x)
    x = Conv2D(32, 3, strides=2, activation="relu", padding="same")(x)
    x = Conv2D(32, 3, activation="relu", padding="same")(x)
    x = Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
    x = Conv2D(64, 3, activation="relu", padding="same")(x)
    x = Conv2DTranspose(64, 3, activation="relu", padding="same")(x)
    x = Conv2DTranspose(64, 3, strides=2, activation="relu", padding="same")(x)
    x = Conv2DTranspose(32, 3, activation="relu", padding="same")(x)
    x = Conv2DTranspose(32, 3, strides=2, activation="relu", padding="same")(x)
    x = Conv2DTranspose(16, 3, activation="relu", padding="same")(x)
    x = Conv2DTranspose(16, 3, strides=2, activation="relu", padding="same")(x)
    outputs = Conv2D(num_classes, 3, activation="softmax", padding="same")(x)
    return keras.Model(inputs, outputs)


model = get_model(img_size=img_size, num_classes=3)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
history = model.fit(
    train_input_imgs,
    train_targets,
    epochs=1,
    batch_size=8,
    validation_data=(val_input_imgs, val_targets),
)
mask = model.predict(np.expand_dims(val_input_imgs[0], 0))[0]
print(mask.shape)
