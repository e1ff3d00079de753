# CycleGAN (keras-io style) for unpaired 32x32 image translation: ResNet generators
# made of reflection-padded "valid" convolutions with residual blocks, PatchGAN
# discriminators, and a custom train_step with adversarial, cycle and identity losses.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG_SHAPE = (32, 32, 3)
conv_init = keras.initializers.RandomNormal(mean=0.0, stddev=0.02)


class ReflectPad(layers.Layer):
    def __init__(self, padding=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.padding = tuple(padding)

    def call(self, inputs):
        pw, ph = self.padding
        return tf.pad(inputs, [[0, 0], [ph, ph], [pw, pw], [0, 0]], mode="REFLECT")


def res_block(inp, activation):
    channels = inp.shape[-1]
    y = ReflectPad()(inp)
    y = layers.Conv2D(channels, 3, padding="valid", kernel_initializer=conv_init, use_bias=False)(y)
    y = layers.GroupNormalization(groups=-1)(y)
    y = activation(y)
    y = layers.Conv2D(channels, 3, padding="valid", kernel_initializer=conv_init, use_bias=False)(y)
    y = layers.GroupNormalization(groups=-1)(y)
    return layers.add([inp, y])


def down(x, filters, activation, size=3, strides=2):
    x = layers.Conv2D(filters, size, strides=strides, padding="same", kernel_initializer=conv_init,
                      use_bias=False)(x)
    x = layers.GroupNormalization(groups=-1)(x)
    return activation(x) if activation else x


def up(x, filters, activation):
    x = layers.Conv2DTranspose(filters, 3, strides=2, padding="same", kernel_initializer=conv_init,
                               use_bias=False)(x)
    x = layers.GroupNormalization(groups=-1)(x)
    return activation(x)


def make_generator(name, filters=8, n_res=2):
    img = layers.Input(shape=IMG_SHAPE)
    x = ReflectPad(padding=(3, 3))(img)
    x = layers.Conv2D(filters, 7, kernel_initializer=conv_init, use_bias=False)(x)
    x = layers.GroupNormalization(groups=-1)(x)
    x = layers.Activation("relu")(x)
    for _ in range(2):
        filters *= 2
        x = down(x, filters, layers.Activation("relu"))
    for _ in range(n_res):
        x = res_block(x, layers.Activation("relu"))
    for _ in range(2):
        filters //= 2
        x = up(x, filters, layers.Activation("relu"))
    x = ReflectPad(padding=(3, 3))(x)
    x = layers.Conv2D(3, 7, padding="valid")(x)
    return keras.Model(img, layers.Activation("tanh")(x), name=name)


def make_discriminator(name, filters=8):
    img = layers.Input(shape=IMG_SHAPE)
    x = layers.Conv2D(filters, 4, strides=2, padding="same", kernel_initializer=conv_init)(img)
    x = layers.LeakyReLU(0.2)(x)
    x = down(x, filters * 2, layers.LeakyReLU(0.2), size=4)
    x = down(x, filters * 4, layers.LeakyReLU(0.2), size=4, strides=1)
    x = layers.Conv2D(1, 4, padding="same", kernel_initializer=conv_init)(x)
    return keras.Model(img, x, name=name)


class CycleGAN(keras.Model):
    def __init__(self, g_xy, g_yx, d_x, d_y, lambda_cycle=10.0, lambda_identity=0.5):
        super().__init__()
        self.g_xy, self.g_yx, self.d_x, self.d_y = g_xy, g_yx, d_x, d_y
        self.lambda_cycle, self.lambda_identity = lambda_cycle, lambda_identity

    def compile(self, g_opt_xy, g_opt_yx, d_opt_x, d_opt_y):
        super().compile()
        self.g_opt_xy, self.g_opt_yx, self.d_opt_x, self.d_opt_y = g_opt_xy, g_opt_yx, d_opt_x, d_opt_y
        self.adv = keras.losses.MeanSquaredError()
        self.l1 = keras.losses.MeanAbsoluteError()

    def train_step(self, data):
        real_x, real_y = data
        with tf.GradientTape(persistent=True) as tape:
            fake_y = self.g_xy(real_x, training=True)
            fake_x = self.g_yx(real_y, training=True)
            cyc_x = self.g_yx(fake_y, training=True)
            cyc_y = self.g_xy(fake_x, training=True)
            same_x = self.g_yx(real_x, training=True)
            same_y = self.g_xy(real_y, training=True)
            dx_real, dx_fake = self.d_x(real_x, training=True), self.d_x(fake_x, training=True)
            dy_real, dy_fake = self.d_y(real_y, training=True), self.d_y(fake_y, training=True)
            loss_xy = (self.adv(tf.ones_like(dy_fake), dy_fake)
                       + self.l1(real_y, cyc_y) * self.lambda_cycle
                       + self.l1(real_y, same_y) * self.lambda_cycle * self.lambda_identity)
            loss_yx = (self.adv(tf.ones_like(dx_fake), dx_fake)
                       + self.l1(real_x, cyc_x) * self.lambda_cycle
                       + self.l1(real_x, same_x) * self.lambda_cycle * self.lambda_identity)
            loss_dx = 0.5 * (self.adv(tf.ones_like(dx_real), dx_real) + self.adv(tf.zeros_like(dx_fake), dx_fake))
            loss_dy = 0.5 * (self.adv(tf.ones_like(dy_real), dy_real) + self.adv(tf.zeros_like(dy_fake), dy_fake))
        for loss, net, opt in [(loss_xy, self.g_xy, self.g_opt_xy), (loss_yx, self.g_yx, self.g_opt_yx),
                               (loss_dx, self.d_x, self.d_opt_x), (loss_dy, self.d_y, self.d_opt_y)]:
            opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))
        return {"G_loss": loss_xy, "F_loss": loss_yx, "D_X_loss": loss_dx, "D_Y_loss": loss_dy}


rng = np.random.default_rng(3)
summer = (rng.random((8,) + IMG_SHAPE) * 2 - 1).astype("float32")
winter = (rng.random((8,) + IMG_SHAPE) * 2 - 1).astype("float32")
pairs = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(summer).batch(4),
                             tf.data.Dataset.from_tensor_slices(winter).batch(4)))

gen_s2w = make_generator("gen_s2w")
gen_w2s = make_generator("gen_w2s")
disc_s = make_discriminator("disc_s")
disc_w = make_discriminator("disc_w")
gan = CycleGAN(gen_s2w, gen_w2s, disc_s, disc_w)
gan.compile(*[keras.optimizers.Adam(2e-4, beta_1=0.5) for _ in range(4)])
history = gan.fit(pairs, epochs=1, verbose=0)
print({k: float(np.mean(v)) for k, v in history.history.items()})
