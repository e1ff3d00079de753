import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(10)
IMG, N_CLASSES, N = 64, 3, 24

images = rng.random((N, IMG, IMG, 1)).astype("float32")
label_map = rng.integers(0, N_CLASSES, size=(N, IMG, IMG))

# one binary mask per class for every image
masks = []
for k in range(N):
    per_class = [(label_map[k] == c).astype("float32")[..., None] for c in range(N_CLASSES)]
    masks.append(np.stack(per_class))
masks = np.array(masks)


def unet(input_size=(IMG, IMG, 1), num_class=N_CLASSES):
    inputs = keras.Input(input_size)
    c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
    p1 = layers.MaxPooling2D(2)(c1)
    c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
    p2 = layers.MaxPooling2D(2)(c2)
    b = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)
    u2 = layers.concatenate([layers.UpSampling2D(2)(b), c2])
    c3 = layers.Conv2D(32, 3, activation="relu", padding="same")(u2)
    u1 = layers.concatenate([layers.UpSampling2D(2)(c3), c1])
    c4 = layers.Conv2D(16, 3, activation="relu", padding="same")(u1)
    outputs = layers.Conv2D(num_class, 1, activation="softmax")(c4)
    return keras.Model(inputs, outputs)


def jaccard_distance(y_true, y_pred, smooth=100.0):
    intersection = ops.sum(ops.abs(y_true * y_pred), axis=-1)
    total = ops.sum(ops.abs(y_true) + ops.abs(y_pred), axis=-1)
    jac = (intersection + smooth) / (total - intersection + smooth)
    return (1 - jac) * smooth


model = unet()
model.compile(optimizer="adam", loss=jaccard_distance, metrics=["accuracy"])
model.fit(images, masks, batch_size=8, epochs=2, verbose=0)
pred = model.predict(images[:2], verbose=0)
print("predicted class map:", pred.argmax(axis=-1).shape)
