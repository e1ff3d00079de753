# Small PSPNet-style segmenter whose head flattens the map to (pixels, classes); own data generator.
import numpy as np
import keras
from keras import layers

input_shape = (32, 32, 3)
n_labels = 2


def build_pspnet(input_shape, n_labels):
    inp = layers.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
    pooled = layers.AveragePooling2D(4)(x)
    pooled = layers.Conv2D(8, 1, activation="relu")(pooled)
    pooled = layers.UpSampling2D(4, interpolation="bilinear")(pooled)
    x = layers.Concatenate()([x, pooled])
    x = layers.Conv2D(n_labels, 1)(x)
    x = layers.Reshape((input_shape[0] * input_shape[1], n_labels))(x)
    out = layers.Activation("softmax")(x)
    return keras.Model(inp, out)


def data_gen(n_batches, batch_size, seed=0):
    rng = np.random.default_rng(seed)
    while True:
        for _ in range(n_batches):
            imgs, masks = [], []
            for _ in range(batch_size):
                img = rng.random(input_shape, dtype=np.float32)
                mask = (img[..., 0] > 0.5).astype("float32")
                imgs.append(img)
                masks.append(mask)
            yield np.array(imgs), np.array(masks)


model = build_pspnet(input_shape, n_labels)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(data_gen(4, 8), steps_per_epoch=4, epochs=1, verbose=0)
