import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(189)


def make_upscaler(params, patch=None, channels=3):
    blocks, width, factor = params["blocks"], params["width"], params["scale"]
    lr_in = keras.Input(shape=(patch, patch, channels), name="lr_tile")
    shallow = layers.Conv2D(width, 3, padding="same")(lr_in)
    h = shallow
    for _ in range(blocks):
        r = layers.Conv2D(width, 3, padding="same", activation="relu")(h)
        r = layers.Conv2D(width, 3, padding="same")(r)
        h = layers.Add()([h, r])
    h = layers.Add()([layers.Conv2D(width, 3, padding="same")(h), shallow])
    h = layers.UpSampling2D(size=factor, interpolation="nearest")(h)
    hr_out = layers.Conv2D(channels, 3, padding="same", name="hr_tile")(h)
    return keras.Model(lr_in, hr_out, name="upscaler")


params = {"blocks": 2, "width": 16, "scale": 2}
train_patch = 32

hr_tiles = rng.uniform(0, 1, size=(24, 2 * train_patch, 2 * train_patch, 3)).astype("float32")
lr_tiles = hr_tiles.reshape(24, train_patch, 2, train_patch, 2, 3).mean(axis=(2, 4))

trainer = make_upscaler(params, patch=train_patch)
trainer.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mae")
trainer.fit(lr_tiles, hr_tiles, batch_size=8, epochs=1, verbose=0)

# full-scene inference: no fixed tile size, so any scene size is accepted
scene_model = make_upscaler(params)
scene_model.set_weights(trainer.get_weights())
scene = rng.uniform(0, 1, size=(72, 100, 3)).astype("float32")
upscaled = scene_model.predict(scene[None], verbose=0)[0]
print("scene", scene.shape, "->", upscaled.shape)
