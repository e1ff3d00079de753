import numpy as np
import keras
from keras import layers


def define_discriminator(image_shape):
    in_src_image = keras.Input(shape=image_shape)
    in_target_image = keras.Input(shape=image_shape)
    merged = layers.Concatenate()([in_src_image, in_target_image])
    d = layers.Conv2D(32, (4, 4), strides=(2, 2), padding="same")(merged)
    d = layers.LeakyReLU(negative_slope=0.2)(d)
    d = layers.Conv2D(64, (4, 4), strides=(2, 2), padding="same")(d)
    d = layers.BatchNormalization()(d)
    d = layers.LeakyReLU(negative_slope=0.2)(d)
    d = layers.Conv2D(1, (4, 4), padding="same")(d)
    patch_out = layers.Activation("sigmoid")(d)
    model = keras.Model([in_src_image, in_target_image], patch_out)
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5),
                  loss_weights=[0.5])
    return model


def define_generator(image_shape):
    in_image = keras.Input(shape=image_shape)
    e1 = layers.LeakyReLU(negative_slope=0.2)(layers.Conv2D(32, (4, 4), strides=(2, 2), padding="same")(in_image))
    e2 = layers.LeakyReLU(negative_slope=0.2)(layers.Conv2D(64, (4, 4), strides=(2, 2), padding="same")(e1))
    d1 = layers.Conv2DTranspose(32, (4, 4), strides=(2, 2), padding="same")(e2)
    d1 = layers.Activation("relu")(layers.Concatenate()([d1, e1]))
    g = layers.Conv2DTranspose(3, (4, 4), strides=(2, 2), padding="same")(d1)
    return keras.Model(in_image, layers.Activation("tanh")(g))


def define_gan(g_model, d_model, image_shape):
    d_model.trainable = False
    in_src = keras.Input(shape=image_shape)
    gen_out = g_model(in_src)
    dis_out = d_model([in_src, gen_out])
    model = keras.Model(in_src, [dis_out, gen_out])
    model.compile(loss=["binary_crossentropy", "mae"], optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5),
                  loss_weights=[1, 100])
    return model


def generate_real_samples(dataset, n_samples):
    trainA, trainB = dataset
    ix = np.random.randint(0, trainA.shape[0], n_samples)
    X1, X2 = trainA[ix], trainB[ix]
    # every pair is real: label 1
    y = np.ones((n_samples, 1))
    return [X1, X2], y


def generate_fake_samples(g_model, samples):
    X = g_model.predict(samples, verbose=0)
    y = np.zeros((len(X), 1))
    return X, y


image_shape = (32, 32, 3)
rng = np.random.default_rng(4)
dataset = (rng.uniform(-1, 1, (20,) + image_shape).astype("float32"),
           rng.uniform(-1, 1, (20,) + image_shape).astype("float32"))
d_model = define_discriminator(image_shape)
g_model = define_generator(image_shape)
gan_model = define_gan(g_model, d_model, image_shape)

n_batch = 4
for i in range(2):
    [X_realA, X_realB], y_real = generate_real_samples(dataset, n_batch)
    X_fakeB, y_fake = generate_fake_samples(g_model, X_realA)
    d_loss1 = d_model.train_on_batch([X_realA, X_realB], y_real)
    d_loss2 = d_model.train_on_batch([X_realA, X_fakeB], y_fake)
    g_loss = gan_model.train_on_batch(X_realA, [y_real, X_realB])
    print(i, d_loss1, d_loss2, g_loss)
