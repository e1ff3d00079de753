# Arbitrary style transfer with Adaptive Instance Normalization: a frozen conv encoder
# maps content and style images to feature maps, AdaIN re-normalises the content
# features with the per-channel statistics of the style features, and a trainable
# decoder maps the result back to an image (custom train_step with content/style losses).
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

IMG = 32
BATCH = 4


def feature_stats(x, epsilon=1e-5):
    mean, variance = ops.moments(x, axes=[1, 2])
    return mean, ops.sqrt(variance + epsilon)


def ada_in(style, content):
    content_mean, content_std = feature_stats(content)
    style_mean, style_std = feature_stats(style)
    return style_std * (content - content_mean) / content_std + style_mean


def make_loss_net():
    img = keras.Input((IMG, IMG, 3))
    c1 = layers.Conv2D(8, 3, padding="same", activation="relu", name="block1")(img)
    c2 = layers.Conv2D(16, 3, padding="same", activation="relu", name="block2")(layers.MaxPooling2D()(c1))
    c3 = layers.Conv2D(32, 3, padding="same", activation="relu", name="block3")(layers.MaxPooling2D()(c2))
    net = keras.Model(img, [c1, c2, c3], name="loss_net")
    net.trainable = False
    return net


loss_net = make_loss_net()
encoder = keras.Model(loss_net.input, loss_net.outputs[-1], name="encoder")
decoder = keras.Sequential([
    keras.Input((None, None, 32)),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.UpSampling2D(),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.UpSampling2D(),
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.Conv2D(3, 3, padding="same", activation="sigmoid"),
], name="decoder")


class StyleTransfer(keras.Model):
    def __init__(self, encoder, decoder, loss_net, style_weight, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder, self.loss_net = encoder, decoder, loss_net
        self.style_weight = style_weight
        self.mse = keras.losses.MeanSquaredError()
        self.total_tracker = keras.metrics.Mean(name="total_loss")

    def train_step(self, data):
        style, content = data
        with tf.GradientTape() as tape:
            t = ada_in(style=self.encoder(style), content=self.encoder(content))
            stylized = self.decoder(t)
            style_feats = self.loss_net(style)
            out_feats = self.loss_net(stylized)
            content_loss = self.mse(t, out_feats[-1])
            style_loss = 0.0
            for s_f, o_f in zip(style_feats, out_feats):
                s_mean, s_std = feature_stats(s_f)
                o_mean, o_std = feature_stats(o_f)
                style_loss += self.mse(s_mean, o_mean) + self.mse(s_std, o_std)
            total = content_loss + self.style_weight * style_loss
        grads = tape.gradient(total, self.decoder.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.decoder.trainable_weights))
        self.total_tracker.update_state(total)
        return {"total_loss": self.total_tracker.result()}


rng = np.random.default_rng(748)
styles = rng.random((16, IMG, IMG, 3)).astype("float32")
contents = rng.random((16, IMG, IMG, 3)).astype("float32")
train_ds = tf.data.Dataset.from_tensor_slices((styles, contents)).batch(BATCH)

model = StyleTransfer(encoder, decoder, loss_net, style_weight=4.0)
model.compile(optimizer=keras.optimizers.Adam(1e-4))
history = model.fit(train_ds, epochs=2, verbose=0)
print(history.history["total_loss"])
