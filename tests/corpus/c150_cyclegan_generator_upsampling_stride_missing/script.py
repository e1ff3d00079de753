import numpy as np
import tensorflow as tf
import keras
from keras import layers

image_shape = (32, 32, 3)
horses = np.random.rand(16, 32, 32, 3).astype("float32") * 2 - 1
zebras = np.random.rand(16, 32, 32, 3).astype("float32") * 2 - 1


class ReflectionPadding2D(layers.Layer):
    def __init__(self, padding=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.padding = tuple(padding)

    def call(self, x):
        pw, ph = self.padding
        return tf.pad(x, [[0, 0], [ph, ph], [pw, pw], [0, 0]], mode="REFLECT")


def residual_block(x, filters):
    shortcut = x
    y = ReflectionPadding2D()(x)
    y = layers.Conv2D(filters, 3, activation="relu")(y)
    y = ReflectionPadding2D()(y)
    y = layers.Conv2D(filters, 3)(y)
    return layers.add([shortcut, y])


def get_resnet_generator(name):
    img_input = layers.Input(shape=image_shape)
    x = ReflectionPadding2D(padding=(3, 3))(img_input)
    x = layers.Conv2D(8, 7, activation="relu")(x)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = residual_block(x, 32)
    x = residual_block(x, 32)
    x = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(8, 3, padding="same", activation="relu")(x)
    x = ReflectionPadding2D(padding=(3, 3))(x)
    x = layers.Conv2D(3, 7, activation="tanh")(x)
    return keras.Model(img_input, x, name=name)


def get_discriminator(name):
    img_input = layers.Input(shape=image_shape)
    x = layers.Conv2D(16, 4, strides=2, padding="same")(img_input)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(32, 4, strides=2, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(1, 4, padding="same")(x)
    return keras.Model(img_input, x, name=name)


gen_G = get_resnet_generator("generator_G")
gen_F = get_resnet_generator("generator_F")
disc_X = get_discriminator("discriminator_X")
disc_Y = get_discriminator("discriminator_Y")


class CycleGan(keras.Model):
    def __init__(self, generator_G, generator_F, discriminator_X, discriminator_Y, lambda_cycle=10.0, lambda_identity=0.5):
        super().__init__()
        self.gen_G = generator_G
        self.gen_F = generator_F
        self.disc_X = discriminator_X
        self.disc_Y = discriminator_Y
        self.lambda_cycle = lambda_cycle
        self.lambda_identity = lambda_identity

    def compile(self, gen_G_optimizer, gen_F_optimizer, disc_X_optimizer, disc_Y_optimizer, gen_loss_fn, disc_loss_fn):
        super().compile()
        self.gen_G_optimizer = gen_G_optimizer
        self.gen_F_optimizer = gen_F_optimizer
        self.disc_X_optimizer = disc_X_optimizer
        self.disc_Y_optimizer = disc_Y_optimizer
        self.generator_loss_fn = gen_loss_fn
        self.discriminator_loss_fn = disc_loss_fn
        self.cycle_loss_fn = keras.losses.MeanAbsoluteError()
        self.identity_loss_fn = keras.losses.MeanAbsoluteError()

    def train_step(self, batch_data):
        real_x, real_y = batch_data
        with tf.GradientTape(persistent=True) as tape:
            fake_y = self.gen_G(real_x, training=True)
            fake_x = self.gen_F(real_y, training=True)
            cycled_x = self.gen_F(fake_y, training=True)
            cycled_y = self.gen_G(fake_x, training=True)
            same_x = self.gen_F(real_x, training=True)
            same_y = self.gen_G(real_y, training=True)
            disc_real_x = self.disc_X(real_x, training=True)
            disc_fake_x = self.disc_X(fake_x, training=True)
            disc_real_y = self.disc_Y(real_y, training=True)
            disc_fake_y = self.disc_Y(fake_y, training=True)
            gen_G_loss = self.generator_loss_fn(disc_fake_y)
            gen_F_loss = self.generator_loss_fn(disc_fake_x)
            cycle_loss_G = self.cycle_loss_fn(real_y, cycled_y) * self.lambda_cycle
            cycle_loss_F = self.cycle_loss_fn(real_x, cycled_x) * self.lambda_cycle
            id_loss_G = self.identity_loss_fn(real_y, same_y) * self.lambda_cycle * self.lambda_identity
            id_loss_F = self.identity_loss_fn(real_x, same_x) * self.lambda_cycle * self.lambda_identity
            total_loss_G = gen_G_loss + cycle_loss_G + id_loss_G
            total_loss_F = gen_F_loss + cycle_loss_F + id_loss_F
            disc_X_loss = self.discriminator_loss_fn(disc_real_x, disc_fake_x)
            disc_Y_loss = self.discriminator_loss_fn(disc_real_y, disc_fake_y)
        grads_G = tape.gradient(total_loss_G, self.gen_G.trainable_variables)
        grads_F = tape.gradient(total_loss_F, self.gen_F.trainable_variables)
        disc_X_grads = tape.gradient(disc_X_loss, self.disc_X.trainable_variables)
        disc_Y_grads = tape.gradient(disc_Y_loss, self.disc_Y.trainable_variables)
        self.gen_G_optimizer.apply_gradients(zip(grads_G, self.gen_G.trainable_variables))
        self.gen_F_optimizer.apply_gradients(zip(grads_F, self.gen_F.trainable_variables))
        self.disc_X_optimizer.apply_gradients(zip(disc_X_grads, self.disc_X.trainable_variables))
        self.disc_Y_optimizer.apply_gradients(zip(disc_Y_grads, self.disc_Y.trainable_variables))
        return {"G_loss": total_loss_G, "F_loss": total_loss_F, "D_X_loss": disc_X_loss, "D_Y_loss": disc_Y_loss}


def generator_loss_fn(fake):
    return keras.losses.MeanSquaredError()(tf.ones_like(fake), fake)


def discriminator_loss_fn(real, fake):
    real_loss = keras.losses.MeanSquaredError()(tf.ones_like(real), real)
    fake_loss = keras.losses.MeanSquaredError()(tf.zeros_like(fake), fake)
    return (real_loss + fake_loss) * 0.5


cycle_gan_model = CycleGan(gen_G, gen_F, disc_X, disc_Y)
cycle_gan_model.compile(
    gen_G_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
    gen_F_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
    disc_X_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
    disc_Y_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
    gen_loss_fn=generator_loss_fn,
    disc_loss_fn=discriminator_loss_fn,
)
dataset = tf.data.Dataset.from_tensor_slices((horses, zebras)).batch(4)
cycle_gan_model.fit(dataset, epochs=1, verbose=0)
