# conditional GAN for 28x28 grayscale clothing images, 10 classes
import numpy as np
import keras
from keras import layers


def define_discriminator(in_shape=(28, 28, 1), n_classes=10):
    in_label = keras.Input(shape=(1,))
    li = layers.Embedding(n_classes, 50)(in_label)
    n_nodes = in_shape[0] * in_shape[1]
    li = layers.Dense(n_nodes)(li)
    li = layers.Reshape((in_shape[0], in_shape[1], 1))(li)
    in_image = keras.Input(shape=in_shape)
    merge = layers.Concatenate()([in_image, li])
    fe = layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same")(merge)
    fe = layers.LeakyReLU(negative_slope=0.2)(fe)
    fe = layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same")(fe)
    fe = layers.LeakyReLU(negative_slope=0.2)(fe)
    fe = layers.Flatten()(fe)
    fe = layers.Dropout(0.4)(fe)
    out_layer = layers.Dense(1, activation="sigmoid")(fe)
    model = keras.Model([in_image, in_label], out_layer)
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5))
    return model


def define_generator(latent_dim, n_classes=10):
    in_label = keras.Input(shape=(1,))
    li = layers.Embedding(n_classes, 50)(in_label)
    n_nodes = 28 * 28
    li = layers.Dense(n_nodes)(li)
    li = layers.Reshape((28, 28, 1))(li)
    in_lat = keras.Input(shape=(latent_dim,))
    n_nodes = 64 * 7 * 7
    gen = layers.Dense(n_nodes)(in_lat)
    gen = layers.LeakyReLU(negative_slope=0.2)(gen)
    gen = layers.Reshape((7, 7, 64))(gen)
    merge = layers.Concatenate()([gen, li])
    gen = layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same")(merge)
    gen = layers.LeakyReLU(negative_slope=0.2)(gen)
    gen = layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same")(gen)
    gen = layers.LeakyReLU(negative_slope=0.2)(gen)
    out_layer = layers.Conv2D(1, (7, 7), activation="tanh", padding="same")(gen)
    return keras.Model([in_lat, in_label], out_layer)


def define_gan(g_model, d_model):
    d_model.trainable = False
    gen_noise, gen_label = g_model.inputs
    gan_output = d_model([g_model.outputs[0], gen_label])
    model = keras.Model([gen_noise, gen_label], gan_output)
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5))
    return model


def generate_latent_points(latent_dim, n_samples, n_classes=10):
    z_input = np.random.randn(n_samples, latent_dim).astype("float32")
    labels = np.random.randint(0, n_classes, (n_samples, 1))
    return z_input, labels


latent_dim = 50
d_model = define_discriminator()
g_model = define_generator(latent_dim)
gan_model = define_gan(g_model, d_model)

trainX = (np.random.rand(64, 28, 28, 1).astype("float32") - 0.5) / 0.5
trainy = np.random.randint(0, 10, (64, 1))
half = 16
for step in range(2):
    ix = np.random.randint(0, trainX.shape[0], half)
    d_loss1 = d_model.train_on_batch([trainX[ix], trainy[ix]], np.ones((half, 1)))
    z, labels = generate_latent_points(latent_dim, half)
    fakes = g_model.predict([z, labels], verbose=0)
    d_loss2 = d_model.train_on_batch([fakes, labels], np.zeros((half, 1)))
    z, labels = generate_latent_points(latent_dim, 2 * half)
    g_loss = gan_model.train_on_batch([z, labels], np.ones((2 * half, 1)))
    print(step, float(np.ravel(d_loss1)[0]), float(np.ravel(d_loss2)[0]), float(np.ravel(g_loss)[0]))
