# Video Vision Transformer (keras-io "Video Classification with a Vision Transformer"
# style) on small grey 3-D volumes: a Conv3D tubelet embedding turns each volume into
# tokens, a learned positional embedding is added, then pre-norm transformer blocks
# (self-attention + MLP, each with a skip connection) and a softmax head.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

VOLUME_SHAPE = (8, 16, 16, 1)
N_CLASSES = 5
TUBE = (4, 4, 4)
TOKEN_DIM = 32
HEADS = 4
BLOCKS = 2
rng = np.random.default_rng(21)


class TubeletTokens(layers.Layer):
    def __init__(self, token_dim, tube, **kwargs):
        super().__init__(**kwargs)
        self.proj = layers.Conv3D(token_dim, kernel_size=tube, strides=tube, padding="VALID")
        self.to_tokens = layers.Reshape((-1, token_dim))

    def call(self, volumes):
        return self.to_tokens(self.proj(volumes))


class LearnedPositions(layers.Layer):
    def __init__(self, token_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_dim = token_dim

    def build(self, input_shape):
        _, n_tokens, _ = input_shape
        self.table = layers.Embedding(input_dim=n_tokens, output_dim=self.token_dim)
        self.idx = tf.range(start=0, limit=n_tokens, delta=1)

    def call(self, tokens):
        return tokens + self.table(self.idx)


def build_vivit(tokenizer, pos_enc, widen=2):
    clips = layers.Input(shape=VOLUME_SHAPE)
    tokens = pos_enc(tokenizer(clips))
    for _ in range(BLOCKS):
        a = layers.LayerNormalization(epsilon=1e-6)(tokens)
        a = layers.MultiHeadAttention(num_heads=HEADS, key_dim=TOKEN_DIM // HEADS, dropout=0.1)(a, a)
        mid = layers.Add()([a, tokens])
        m = layers.LayerNormalization(epsilon=1e-6)(mid)
        m = keras.Sequential([
            layers.Dense(units=TOKEN_DIM * widen, activation=tf.nn.gelu),
            layers.Dense(units=TOKEN_DIM * widen, activation=tf.nn.gelu),
        ])(m)
        tokens = layers.Add()([m, mid])
    rep = layers.LayerNormalization(epsilon=1e-6)(tokens)
    rep = layers.GlobalAvgPool1D()(rep)
    probs = layers.Dense(N_CLASSES, activation="softmax")(rep)
    return keras.Model(clips, probs)


def prep(volume, label):
    volume = tf.image.convert_image_dtype(volume[..., tf.newaxis], tf.float32)
    return volume, tf.cast(label, tf.float32)


vols = rng.integers(0, 256, size=(20,) + VOLUME_SHAPE[:-1]).astype("uint8")
labels = rng.integers(0, N_CLASSES, size=(20,))
train_ds = tf.data.Dataset.from_tensor_slices((vols, labels)).map(prep).batch(4)

vivit = build_vivit(TubeletTokens(TOKEN_DIM, TUBE), LearnedPositions(TOKEN_DIM))
vivit.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy",
              metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
vivit.fit(train_ds, epochs=2, verbose=0)
print(vivit.predict(tf.expand_dims(next(iter(train_ds))[0][0], axis=0), verbose=0).shape)
