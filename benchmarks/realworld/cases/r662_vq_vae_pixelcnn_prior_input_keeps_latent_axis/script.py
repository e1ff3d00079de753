# VQ-VAE with a PixelCNN prior (keras-io style): a convolutional encoder, a vector
# quantizer with a learned codebook and a decoder are trained on 28x28 images; the
# encoder outputs are then mapped to codebook indices, and a PixelCNN over the grid
# of code indices is built to model the prior.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

latent_dim = 16
num_embeddings = 64

rng = np.random.default_rng(62)
x_train = rng.random((64, 28, 28, 1)).astype("float32") - 0.5


class VectorQuantizer(layers.Layer):
    def __init__(self, num_embeddings, embedding_dim, beta=0.25, **kwargs):
        super().__init__(**kwargs)
        self.embedding_dim = embedding_dim
        self.num_embeddings = num_embeddings
        self.beta = beta
        self.embeddings = self.add_weight(shape=(embedding_dim, num_embeddings),
                                          initializer="random_uniform", name="embeddings_vqvae")

    def call(self, x):
        input_shape = tf.shape(x)
        flattened = tf.reshape(x, [-1, self.embedding_dim])
        encodings = tf.one_hot(self.get_code_indices(flattened), self.num_embeddings)
        quantized = tf.reshape(tf.matmul(encodings, self.embeddings, transpose_b=True), input_shape)
        commitment_loss = tf.reduce_mean((tf.stop_gradient(quantized) - x) ** 2)
        codebook_loss = tf.reduce_mean((quantized - tf.stop_gradient(x)) ** 2)
        self.add_loss(self.beta * commitment_loss + codebook_loss)
        return x + tf.stop_gradient(quantized - x)

    def get_code_indices(self, flattened_inputs):
        similarity = tf.matmul(flattened_inputs, self.embeddings)
        distances = (tf.reduce_sum(flattened_inputs**2, axis=1, keepdims=True)
                     + tf.reduce_sum(self.embeddings**2, axis=0) - 2 * similarity)
        return tf.argmin(distances, axis=1)


def get_encoder():
    enc_in = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, 3, activation="relu", strides=2, padding="same")(enc_in)
    x = layers.Conv2D(64, 3, activation="relu", strides=2, padding="same")(x)
    return keras.Model(enc_in, layers.Conv2D(latent_dim, 1, padding="same")(x), name="encoder")


def get_decoder():
    dec_in = keras.Input(shape=(7, 7, latent_dim))
    x = layers.Conv2DTranspose(64, 3, activation="relu", strides=2, padding="same")(dec_in)
    x = layers.Conv2DTranspose(32, 3, activation="relu", strides=2, padding="same")(x)
    return keras.Model(dec_in, layers.Conv2DTranspose(1, 3, padding="same")(x), name="decoder")


vq_layer = VectorQuantizer(num_embeddings, latent_dim, name="vector_quantizer")
encoder, decoder = get_encoder(), get_decoder()
vq_in = keras.Input(shape=(28, 28, 1))
vqvae = keras.Model(vq_in, decoder(vq_layer(encoder(vq_in))), name="vq_vae")
vqvae.compile(optimizer="adam", loss="mse")
vqvae.fit(x_train, x_train, epochs=1, batch_size=16, verbose=0)

encoded_outputs = encoder.predict(x_train, verbose=0)
flat_enc_outputs = encoded_outputs.reshape(-1, encoded_outputs.shape[-1])
codebook_indices = vq_layer.get_code_indices(flat_enc_outputs)
codebook_indices = codebook_indices.numpy().reshape(encoded_outputs.shape[:-1])


class PixelConvLayer(layers.Layer):
    def __init__(self, mask_type, **kwargs):
        super().__init__()
        self.mask_type = mask_type
        self.conv = layers.Conv2D(**kwargs)

    def build(self, input_shape):
        self.conv.build(input_shape)
        kernel_shape = tuple(self.conv.kernel.shape)
        self.mask = np.zeros(shape=kernel_shape, dtype="float32")
        self.mask[: kernel_shape[0] // 2, ...] = 1.0
        self.mask[kernel_shape[0] // 2, : kernel_shape[1] // 2, ...] = 1.0
        if self.mask_type == "B":
            self.mask[kernel_shape[0] // 2, kernel_shape[1] // 2, ...] = 1.0

    def call(self, inputs):
        self.conv.kernel.assign(self.conv.kernel * self.mask)
        return self.conv(inputs)


class ResidualBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(filters=filters, kernel_size=1, activation="relu")
        self.pixel_conv = PixelConvLayer(mask_type="B", filters=filters // 2, kernel_size=3,
                                         activation="relu", padding="same")
        self.conv2 = layers.Conv2D(filters=filters, kernel_size=1, activation="relu")

    def call(self, inputs):
        x = self.conv2(self.pixel_conv(self.conv1(inputs)))
        return layers.add([inputs, x])


pixelcnn_input_shape = encoded_outputs.shape[1:]
pixelcnn_inputs = keras.Input(shape=pixelcnn_input_shape, dtype="int32")
ohe = ops.one_hot(pixelcnn_inputs, num_embeddings)
x = PixelConvLayer(mask_type="A", filters=64, kernel_size=7, activation="relu", padding="same")(ohe)
for _ in range(2):
    x = ResidualBlock(filters=64)(x)
x = PixelConvLayer(mask_type="B", filters=64, kernel_size=1, strides=1, activation="relu", padding="valid")(x)
out = layers.Conv2D(filters=num_embeddings, kernel_size=1, strides=1, padding="valid")(x)
pixel_cnn = keras.Model(pixelcnn_inputs, out, name="pixel_cnn")
pixel_cnn.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
pixel_cnn.fit(codebook_indices, codebook_indices, batch_size=16, epochs=1, verbose=0)
print(pixel_cnn.predict(codebook_indices[:2], verbose=0).shape)
