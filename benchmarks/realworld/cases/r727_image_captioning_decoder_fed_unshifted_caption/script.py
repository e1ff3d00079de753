# Image captioning with a CNN feature extractor, a transformer encoder over the image
# feature grid and a transformer decoder over the caption tokens; a subclassed model
# trains on several captions per image, feeding each caption to the decoder as input
# and asking it to predict the next token at every position.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

SEQ_LENGTH = 12
VOCAB_SIZE = 60
EMBED_DIM = 32
FF_DIM = 32
CAPTIONS_PER_IMAGE = 3

rng = np.random.default_rng(27)
words = ["dog", "cat", "runs", "sits", "on", "the", "grass", "red", "ball", "a", "man", "boat"]
captions = [["startseq " + " ".join(rng.choice(words, size=rng.integers(3, 8))) + " endseq"
             for _ in range(CAPTIONS_PER_IMAGE)] for _ in range(40)]
photos = rng.random((40, 32, 32, 3)).astype("float32")

vectorization = layers.TextVectorization(max_tokens=VOCAB_SIZE, output_sequence_length=SEQ_LENGTH)
vectorization.adapt([c for group in captions for c in group])
token_ids = np.stack([vectorization(group).numpy() for group in captions])  # (40, 3, 12)
train_ds = tf.data.Dataset.from_tensor_slices((photos, token_ids)).batch(8)


def get_cnn_model():
    img = keras.Input((32, 32, 3))
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(img)
    x = layers.Conv2D(EMBED_DIM, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Reshape((-1, EMBED_DIM))(x)   # (64, EMBED_DIM) grid tokens
    return keras.Model(img, x, name="cnn")


class ImageEncoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.attn = layers.MultiHeadAttention(num_heads=1, key_dim=EMBED_DIM)
        self.norm1 = layers.LayerNormalization()
        self.norm2 = layers.LayerNormalization()
        self.dense = layers.Dense(EMBED_DIM, activation="relu")

    def call(self, x, training=False):
        x = self.norm1(x)
        x = self.dense(x)
        return self.norm2(x + self.attn(x, x, training=training))


class CaptionDecoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.tokens = layers.Embedding(VOCAB_SIZE, EMBED_DIM)
        self.positions = layers.Embedding(SEQ_LENGTH, EMBED_DIM)
        self.self_attn = layers.MultiHeadAttention(num_heads=2, key_dim=EMBED_DIM)
        self.cross_attn = layers.MultiHeadAttention(num_heads=2, key_dim=EMBED_DIM)
        self.ffn = keras.Sequential([layers.Dense(FF_DIM, activation="relu"), layers.Dense(EMBED_DIM)])
        self.norms = [layers.LayerNormalization() for _ in range(3)]
        self.out = layers.Dense(VOCAB_SIZE)

    def call(self, seq, encoded, training=False):
        length = tf.shape(seq)[1]
        x = self.tokens(seq) + self.positions(tf.range(length))
        x = self.norms[0](x + self.self_attn(x, x, use_causal_mask=True, training=training))
        x = self.norms[1](x + self.cross_attn(x, encoded, training=training))
        x = self.norms[2](x + self.ffn(x))
        return self.out(x)


class ImageCaptioningModel(keras.Model):
    def __init__(self, cnn, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.cnn, self.encoder, self.decoder = cnn, encoder, decoder
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.token_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=None)

    def masked_loss(self, y_true, y_pred, mask):
        loss = self.token_loss(y_true, y_pred) * tf.cast(mask, "float32")
        return tf.reduce_sum(loss) / tf.reduce_sum(tf.cast(mask, "float32"))

    def train_step(self, data):
        images, seqs = data
        features = self.cnn(images)
        total = 0.0
        for i in range(CAPTIONS_PER_IMAGE):
            with tf.GradientTape() as tape:
                encoded = self.encoder(features, training=True)
                seq_in = seqs[:, i, :]
                seq_true = seqs[:, i, 1:]
                mask = tf.math.not_equal(seq_in, 0)
                seq_pred = self.decoder(seq_in, encoded, training=True)
                loss = self.masked_loss(seq_true, seq_pred, mask)
            variables = self.encoder.trainable_variables + self.decoder.trainable_variables
            self.optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
            total += loss
        self.loss_tracker.update_state(total)
        return {"loss": self.loss_tracker.result()}


captioner = ImageCaptioningModel(get_cnn_model(), ImageEncoder(), CaptionDecoder())
captioner.compile(optimizer=keras.optimizers.Adam(1e-3))
captioner.fit(train_ds, epochs=1, verbose=0)
print("trained, loss", float(captioner.loss_tracker.result()))
