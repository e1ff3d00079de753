import numpy as np
import tensorflow as tf
import keras
from keras import layers

image_size, z_size, batch_size = (28, 28), 20, 32

# stand-in for tfds MNIST: uint8 digit images with a channel axis
rng = np.random.default_rng(12)
mnist_images = rng.integers(0, 256, size=(256, 28, 28, 1)).astype("uint8")


def preprocess(image):
    image = tf.image.convert_image_dtype(image, tf.float32)
    image = image * 2 - 1.0
    input_z = tf.random.uniform(shape=(z_size,), minval=-1.0, maxval=1.0)
    return input_z, image


def make_network(num_hidden_units, num_output_units, activation=None, dropout=0.0):
    return keras.Sequential([layers.Dense(num_hidden_units), layers.LeakyReLU(), layers.Dropout(dropout),
                             layers.Dense(num_output_units, activation=activation)])


mnist_trainset = tf.data.Dataset.from_tensor_slices(mnist_images).map(preprocess)
mnist_trainset = mnist_trainset.shuffle(256).batch(batch_size, drop_remainder=True)
gen_model = make_network(100, int(np.prod(image_size)), activation="tanh")
gen_model.build(input_shape=(None, z_size))
disc_model = make_network(100, 1, dropout=0.5)
disc_model.build(input_shape=(None, int(np.prod(image_size))))

loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
g_optimizer, d_optimizer = keras.optimizers.Adam(), keras.optimizers.Adam()
for epoch in range(1, 3):
    epoch_losses = []
    for input_z, input_real in mnist_trainset:
        with tf.GradientTape() as g_tape:
            g_output = gen_model(input_z)
            d_logits_fake = disc_model(g_output, training=True)
            g_loss = loss_fn(tf.ones_like(d_logits_fake), d_logits_fake)
        g_grads = g_tape.gradient(g_loss, gen_model.trainable_variables)
        g_optimizer.apply_gradients(zip(g_grads, gen_model.trainable_variables))
        with tf.GradientTape() as d_tape:
            d_logits_real = disc_model(input_real, training=True)
            d_loss_real = loss_fn(tf.ones_like(d_logits_real), d_logits_real)
            d_logits_fake = disc_model(g_output, training=True)
            d_loss = d_loss_real + loss_fn(tf.zeros_like(d_logits_fake), d_logits_fake)
        d_grads = d_tape.gradient(d_loss, disc_model.trainable_variables)
        d_optimizer.apply_gradients(zip(d_grads, disc_model.trainable_variables))
        epoch_losses.append((float(g_loss), float(d_loss)))
    print("Epoch {:03d} | Avg Losses G/D {:.4f}/{:.4f}".format(epoch, *np.mean(epoch_losses, axis=0)))
