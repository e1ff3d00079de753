# ML-Net-style saliency network: multi-level features from three conv blocks are concatenated.
import numpy as np
import keras
from keras import layers

img_rows, img_cols = 48, 64
rng = np.random.default_rng(10)
images = rng.random((16, img_rows, img_cols, 3), dtype=np.float32)
saliency = rng.random((16, img_rows // 8, img_cols // 8, 1), dtype=np.float32)


def conv(x, filters):
    return layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)


input_ml_net = keras.Input(shape=(3, img_rows, img_cols))
x = conv(conv(input_ml_net, 16), 16)
x = layers.MaxPooling2D((2, 2), strides=(2, 2), padding="same")(x)
x = conv(conv(x, 32), 32)
x = layers.MaxPooling2D((2, 2), strides=(2, 2), padding="same")(x)
conv3 = conv(conv(x, 64), 64)
conv3_pool = layers.MaxPooling2D((2, 2), strides=(2, 2), padding="same")(conv3)
conv4 = conv(conv(conv3_pool, 128), 128)
conv4_pool = layers.MaxPooling2D((2, 2), strides=(1, 1), padding="same")(conv4)
conv5 = conv(conv(conv4_pool, 128), 128)

concatenated = layers.concatenate([conv3_pool, conv4_pool, conv5], axis=1)
features = layers.Dropout(0.5)(concatenated)
features = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(features)
out = layers.Conv2D(1, (1, 1), activation="sigmoid")(features)

model = keras.Model(input_ml_net, out)
model.compile(optimizer="sgd", loss="mse")
model.fit(images, saliency, batch_size=4, epochs=1, verbose=0)
print(model.predict(images[:1], verbose=0).shape)
