import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

IMG = 48
PATCH = 16
N_CLASSES = 3
WIDTH = 24

rng = np.random.default_rng(7)
photos = rng.uniform(size=(10, IMG, IMG, 3)).astype("float32")
crop_masks = rng.integers(0, N_CLASSES, size=(10, IMG, IMG, 1)).astype("int32")
train = tf.data.Dataset.from_tensor_slices((photos[:8], crop_masks[:8])).batch(4, drop_remainder=True)
val = tf.data.Dataset.from_tensor_slices((photos[8:], crop_masks[8:])).batch(2)


class TokenEmbed(layers.Layer):
    def __init__(self, patch, tokens, width, **kwargs):
        super().__init__(**kwargs)
        self.patch, self.tokens = patch, tokens
        self.proj = layers.Dense(width)
        self.pos = layers.Embedding(tokens, width)

    def call(self, x):
        p = ops.image.extract_patches(x, self.patch)
        p = ops.reshape(p, (-1, self.tokens, p.shape[-1]))
        return self.proj(p) + self.pos(ops.arange(self.tokens))


def encoder_block(x):
    h = layers.LayerNormalization(epsilon=1e-5)(x)
    x = layers.add([x, layers.MultiHeadAttention(num_heads=3, key_dim=WIDTH)(h, h)])
    h = layers.LayerNormalization(epsilon=1e-5)(x)
    h = layers.Dense(WIDTH * 4, activation="gelu")(h)
    return layers.add([x, layers.Dense(WIDTH)(h)])


side = IMG // PATCH
inp = layers.Input((IMG, IMG, 3))
z = TokenEmbed(PATCH, side * side, WIDTH)(inp)
z = encoder_block(encoder_block(z))
z = layers.Reshape((side, side, WIDTH))(z)
for _ in range(4):  # 16 = 2 ** 4: back to full resolution
    z = layers.Conv2D(WIDTH, 3, padding="same", activation="relu")(z)
    z = layers.UpSampling2D(2, interpolation="bilinear")(z)
logits = layers.Conv2D(N_CLASSES, 1)(z)
setr = keras.Model(inp, logits)
setr.compile(
    optimizer=keras.optimizers.AdamW(5e-4, weight_decay=1e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
setr.fit(train, validation_data=val, epochs=1, verbose=0)
pred = setr.predict(photos[:1], verbose=0)
print("mask prediction:", np.argmax(pred[0], axis=-1).shape)
