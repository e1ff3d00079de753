import numpy as np
import keras
from keras import layers

PRE_FRAMES, POST_FRAMES = 4, 4
rng = np.random.default_rng(968)

# calcium-imaging movie from our microscope: 60 frames of 100 x 64 pixels
movie = rng.normal(size=(60, 100, 64)).astype("float32")
movie = (movie - movie.mean()) / movie.std()


def make_samples(movie):
    xs, ys = [], []
    for t in range(PRE_FRAMES, len(movie) - POST_FRAMES):
        context = np.concatenate([movie[t - PRE_FRAMES:t], movie[t + 1:t + 1 + POST_FRAMES]])
        xs.append(np.moveaxis(context, 0, -1))
        ys.append(movie[t][..., None])
    return np.array(xs), np.array(ys)


def unet_single(input_shape, base=16):
    frames = keras.Input(shape=input_shape)
    skips, x = [], frames
    for i in range(3):
        x = layers.Conv2D(base * 2 ** i, 3, padding="same", activation="relu")(x)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(base * 8, 3, padding="same", activation="relu")(x)
    for i in reversed(range(3)):
        x = layers.UpSampling2D(2)(x)
        x = layers.Concatenate()([x, skips[i]])
        x = layers.Conv2D(base * 2 ** i, 3, padding="same", activation="relu")(x)
    return keras.Model(frames, layers.Conv2D(1, 1)(x))


x_train, y_train = make_samples(movie)
model = unet_single(x_train.shape[1:])
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="mean_absolute_error")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
print(model.predict(x_train[:2], verbose=0).shape)
