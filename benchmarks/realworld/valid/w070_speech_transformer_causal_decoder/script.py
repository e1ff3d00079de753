import numpy as np
import tensorflow as tf
import keras
from keras import layers

# LJSpeech-like data: STFT magnitude frames (129 bins) and character transcripts
max_target_len = 60
num_frames = 96


class VectorizeChar:
    def __init__(self, max_len=50):
        self.vocab = ["-", "#", "<", ">"] + [chr(i + 96) for i in range(1, 27)] + [" ", ".", ",", "?"]
        self.max_len = max_len
        self.char_to_idx = {ch: i for i, ch in enumerate(self.vocab)}

    def __call__(self, text):
        text = "<" + text.lower()[: self.max_len - 2] + ">"
        pad_len = self.max_len - len(text)
        return [self.char_to_idx.get(ch, 1) for ch in text] + [0] * pad_len

    def get_vocabulary(self):
        return self.vocab


vectorizer = VectorizeChar(max_target_len)
texts = ["printing in the only sense with which we are at present concerned"[: np.random.randint(20, 58)] for _ in range(32)]
targets = np.array([vectorizer(t) for t in texts], dtype="int32")
audio = np.random.rand(32, num_frames, 129).astype("float32")
ds = tf.data.Dataset.from_tensor_slices({"source": audio, "target": targets}).batch(8)


class TokenEmbedding(layers.Layer):
    def __init__(self, num_vocab=1000, maxlen=100, num_hid=64):
        super().__init__()
        self.emb = layers.Embedding(num_vocab, num_hid)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=num_hid)

    def call(self, x):
        maxlen = tf.shape(x)[-1]
        x = self.emb(x)
        positions = tf.range(start=0, limit=maxlen, delta=1)
        return x + self.pos_emb(positions)


class SpeechFeatureEmbedding(layers.Layer):
    def __init__(self, num_hid=64):
        super().__init__()
        self.conv1 = layers.Conv1D(num_hid, 11, strides=2, padding="same", activation="relu")
        self.conv2 = layers.Conv1D(num_hid, 11, strides=2, padding="same", activation="relu")
        self.conv3 = layers.Conv1D(num_hid, 11, strides=2, padding="same", activation="relu")

    def call(self, x):
        return self.conv3(self.conv2(self.conv1(x)))


class TransformerEncoder(layers.Layer):
    def __init__(self, embed_dim, num_heads, feed_forward_dim, rate=0.1):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(feed_forward_dim, activation="relu"), layers.Dense(embed_dim)])
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)
        self.dropout1 = layers.Dropout(rate)
        self.dropout2 = layers.Dropout(rate)

    def call(self, inputs, training=False):
        attn_output = self.att(inputs, inputs)
        out1 = self.layernorm1(inputs + self.dropout1(attn_output, training=training))
        ffn_output = self.ffn(out1)
        return self.layernorm2(out1 + self.dropout2(ffn_output, training=training))


class TransformerDecoder(layers.Layer):
    def __init__(self, embed_dim, num_heads, feed_forward_dim, dropout_rate=0.1):
        super().__init__()
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm3 = layers.LayerNormalization(epsilon=1e-6)
        self.self_att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.enc_att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.self_dropout = layers.Dropout(0.5)
        self.enc_dropout = layers.Dropout(0.1)
        self.ffn_dropout = layers.Dropout(0.1)
        self.ffn = keras.Sequential([layers.Dense(feed_forward_dim, activation="relu"), layers.Dense(embed_dim)])

    def causal_attention_mask(self, batch_size, n_dest, n_src, dtype):
        i = tf.range(n_dest)[:, None]
        j = tf.range(n_src)
        m = i >= j - n_src + n_dest
        mask = tf.cast(m, dtype)
        mask = tf.reshape(mask, [1, n_dest, n_src])
        mult = tf.concat([tf.expand_dims(batch_size, -1), tf.constant([1, 1], dtype=tf.int32)], 0)
        return tf.tile(mask, mult)

    def call(self, enc_out, target, training=False):
        input_shape = tf.shape(target)
        causal_mask = self.causal_attention_mask(input_shape[0], input_shape[1], input_shape[1], tf.bool)
        target_att = self.self_att(target, target, attention_mask=causal_mask)
        target_norm = self.layernorm1(target + self.self_dropout(target_att, training=training))
        enc_out = self.enc_att(target_norm, enc_out)
        enc_out_norm = self.layernorm2(self.enc_dropout(enc_out, training=training) + target_norm)
        ffn_out = self.ffn(enc_out_norm)
        return self.layernorm3(enc_out_norm + self.ffn_dropout(ffn_out, training=training))


class Transformer(keras.Model):
    def __init__(self, num_hid=64, num_head=2, num_feed_forward=128, target_maxlen=100,
                 num_layers_enc=2, num_layers_dec=1, num_classes=10):
        super().__init__()
        self.loss_metric = keras.metrics.Mean(name="loss")
        self.num_layers_dec = num_layers_dec
        self.target_maxlen = target_maxlen
        self.num_classes = num_classes
        self.enc_input = SpeechFeatureEmbedding(num_hid=num_hid)
        self.dec_input = TokenEmbedding(num_vocab=num_classes, maxlen=target_maxlen, num_hid=num_hid)
        self.encoder = keras.Sequential([self.enc_input] + [TransformerEncoder(num_hid, num_head, num_feed_forward)
                                                            for _ in range(num_layers_enc)])
        self.decoders = [TransformerDecoder(num_hid, num_head, num_feed_forward) for _ in range(num_layers_dec)]
        self.classifier = layers.Dense(num_classes)

    def decode(self, enc_out, target, training=False):
        y = self.dec_input(target)
        for decoder in self.decoders:
            y = decoder(enc_out, y, training=training)
        return y

    def call(self, inputs, training=False):
        source, target = inputs
        x = self.encoder(source, training=training)
        y = self.decode(x, target, training=training)
        return self.classifier(y)

    @property
    def metrics(self):
        return [self.loss_metric]

    def train_step(self, batch):
        source = batch["source"]
        target = batch["target"]
        dec_input = target[:, :-1]
        dec_target = target[:, 1:]
        with tf.GradientTape() as tape:
            preds = self([source, dec_input], training=True)
            one_hot = tf.one_hot(dec_target, depth=self.num_classes)
            mask = tf.math.logical_not(tf.math.equal(dec_target, 0))
            loss = self.compute_loss(x=None, y=one_hot, y_pred=preds, sample_weight=mask)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.loss_metric.update_state(loss)
        return {"loss": self.loss_metric.result()}


model = Transformer(num_hid=64, num_head=2, num_feed_forward=128, target_maxlen=max_target_len,
                    num_layers_enc=2, num_layers_dec=1, num_classes=34)
loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss_fn)
model.fit(ds, epochs=1, verbose=0)
logits = model([audio[:2], targets[:2, :-1]])
print("next-character logits:", logits.shape)
