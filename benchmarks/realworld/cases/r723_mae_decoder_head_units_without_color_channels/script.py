# Masked-autoencoder (MAE) pretraining on small colour images: a ViT encoder sees only
# the unmasked patch tokens, a light decoder receives every patch position back (the
# encoded tokens plus a learned mask token) and regresses the whole image.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG = 24
PATCH = 6
N_PATCHES = (IMG // PATCH) ** 2
MASK_RATIO = 0.75
ENC_DIM = 32
DEC_DIM = 16

pictures = np.random.default_rng(5).random((64, IMG, IMG, 3)).astype("float32")


def to_patches(images):
    p = tf.image.extract_patches(images, sizes=[1, PATCH, PATCH, 1], strides=[1, PATCH, PATCH, 1],
                                 rates=[1, 1, 1, 1], padding="VALID")
    return tf.reshape(p, (-1, N_PATCHES, PATCH * PATCH * 3))


def feed_forward(x, widths):
    for w in widths:
        x = layers.Dense(w, activation="gelu")(x)
        x = layers.Dropout(0.1)(x)
    return x


def make_encoder(depth=2, heads=2):
    tokens = layers.Input((None, ENC_DIM))
    x = tokens
    for _ in range(depth):
        h = layers.LayerNormalization(epsilon=1e-6)(x)
        h = layers.MultiHeadAttention(num_heads=heads, key_dim=ENC_DIM, dropout=0.1)(h, h)
        x = layers.Add()([h, x])
        h = layers.LayerNormalization(epsilon=1e-6)(x)
        h = feed_forward(h, [ENC_DIM * 2, ENC_DIM])
        x = layers.Add()([h, x])
    return keras.Model(tokens, layers.LayerNormalization(epsilon=1e-6)(x), name="mae_encoder")


def make_decoder(heads=2):
    tokens = layers.Input((N_PATCHES, ENC_DIM))
    x = layers.Dense(DEC_DIM)(tokens)
    h = layers.LayerNormalization(epsilon=1e-6)(x)
    h = layers.MultiHeadAttention(num_heads=heads, key_dim=DEC_DIM, dropout=0.1)(h, h)
    x = layers.Add()([h, x])
    h = layers.LayerNormalization(epsilon=1e-6)(x)
    h = feed_forward(h, [DEC_DIM * 2, DEC_DIM])
    x = layers.Add()([h, x])
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    x = layers.Flatten()(x)
    pixels = layers.Dense(units=IMG * IMG, activation="sigmoid")(x)
    picture = layers.Reshape((IMG, IMG, 3))(pixels)
    return keras.Model(tokens, picture, name="mae_decoder")


class MaskedAutoencoder(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder
        self.project = layers.Dense(ENC_DIM)
        self.position = layers.Embedding(N_PATCHES, ENC_DIM)
        self.mask_token = self.add_weight(shape=(1, PATCH * PATCH * 3), initializer="random_normal",
                                          name="mask_token")
        self.n_masked = int(MASK_RATIO * N_PATCHES)
        self.tracker = keras.metrics.Mean(name="loss")

    def reconstruction_loss(self, images):
        patches = to_patches(images)
        batch = tf.shape(patches)[0]
        order = tf.argsort(tf.random.uniform((batch, N_PATCHES)), axis=-1)
        hidden_idx, shown_idx = order[:, :self.n_masked], order[:, self.n_masked:]
        pos = self.position(tf.range(N_PATCHES))[tf.newaxis]
        pos = tf.tile(pos, [batch, 1, 1])
        shown = self.project(tf.gather(patches, shown_idx, axis=1, batch_dims=1))
        shown = shown + tf.gather(pos, shown_idx, axis=1, batch_dims=1)
        hidden = self.project(tf.tile(self.mask_token[tf.newaxis], [batch, self.n_masked, 1]))
        hidden = hidden + tf.gather(pos, hidden_idx, axis=1, batch_dims=1)
        encoded = self.encoder(shown) + tf.gather(pos, shown_idx, axis=1, batch_dims=1)
        rebuilt = self.decoder(tf.concat([encoded, hidden], axis=1))
        target = tf.gather(patches, hidden_idx, axis=1, batch_dims=1)
        guess = tf.gather(to_patches(rebuilt), hidden_idx, axis=1, batch_dims=1)
        return tf.reduce_mean(tf.square(target - guess))

    def train_step(self, images):
        with tf.GradientTape() as tape:
            loss = self.reconstruction_loss(images)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.tracker.update_state(loss)
        return {"loss": self.tracker.result()}


mae = MaskedAutoencoder(make_encoder(), make_decoder())
mae.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4))
train_ds = tf.data.Dataset.from_tensor_slices(pictures).shuffle(64).batch(16)
mae.fit(train_ds, epochs=1, verbose=0)
print("pretrained, final loss", float(mae.tracker.result()))
